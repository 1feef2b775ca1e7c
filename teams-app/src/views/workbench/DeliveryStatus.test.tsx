import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import type { Delivery } from '../../api/types';
import { item, mockFetch, partners, type Route } from '../../test/fetchMock';
import { renderView } from '../../test/renderView';
import { cardsSummary } from './deliveryText';
import { findings, me, noPlan } from './test/fixtures';
import { pollDelay, POLL_FIRST_MS, POLL_MAX_MS } from './useDeliveries';
import { Workbench } from './Workbench';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

afterEach(() => {
  vi.useRealTimers();
});

// Fictional partner leads.
const lead = (n: number, status: Delivery['status'], detail?: string): Delivery => ({
  personId: `person-${n}`,
  displayName: ['Jo Marsh', 'Kit Ambrose', 'Lee Fenwick', 'Max Orchard'][n - 1] ?? `Lead ${n}`,
  partnerName: 'Harbourside Police',
  status,
  ...(detail ? { detail } : {}),
});

const draft = item('rec-1', {
  reference: 'HSCP-R-2026-01',
  title: 'Share audit learning with all partners',
  text: 'Send every audit summary to all three partners within a month.',
  priority: 'high',
  partnerIds: ['partner-police'],
  findingIds: ['finding-1'],
  responseDueDate: '2026-06-12',
  status: 'draft',
});
const issued = { ...draft, etag: '"rec-1-2"', version: 2, status: 'issued' };

const asRole = (roles: string[]) => ({ ...me, person: { ...me.person, roles } });

function routes(extra: Record<string, Route>, who: unknown = me): Record<string, Route> {
  return {
    'GET /api/me': { status: 200, body: who },
    'GET /api/partners': { status: 200, body: { items: partners } },
    'GET /api/plans/current/summary': noPlan,
    'GET /api/observations?status=open': { status: 200, body: { items: [] } },
    'GET /api/findings': { status: 200, body: { items: findings } },
    'GET /api/findings/triangulation': { status: 200, body: { rows: [] } },
    'GET /api/recommendations/next-reference': {
      status: 200,
      body: { reference: 'HSCP-R-2026-02', scheme: '{prefix}-R-{year}-{seq:2}' },
    },
    'GET /api/slg-items': { status: 200, body: { items: [] } },
    ...extra,
  };
}

/** Answers each read with the next list, then the last one for ever. */
function sequence(lists: Delivery[][]): Route {
  let n = 0;
  return () => ({ status: 200, body: { deliveries: lists[Math.min(n++, lists.length - 1)] } });
}

/** Moves the (fake) clock on, letting the reads it starts finish. */
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

const DELIVERIES = '/api/recommendations/rec-1/deliveries';

/** The counts: the first live region beside the list (the second says what a button did). */
const summaryOf = (list: HTMLElement) => within(list.parentElement!).getAllByRole('status')[0]!;

describe('the cards of an issued recommendation', () => {
  it('grows the wait between reads from 1 s to at most 5 s', () => {
    expect(pollDelay(0)).toBe(POLL_FIRST_MS);
    const waits = Array.from({ length: 12 }, (_, n) => pollDelay(n));
    for (let n = 1; n < waits.length; n++) expect(waits[n]).toBeGreaterThanOrEqual(waits[n - 1]!);
    expect(waits[1]).toBeGreaterThan(POLL_FIRST_MS);
    expect(Math.max(...waits)).toBe(POLL_MAX_MS);
    expect(waits[waits.length - 1]).toBe(POLL_MAX_MS);
  });

  it('says the counts in words', () => {
    expect(
      cardsSummary([
        lead(1, 'sent'),
        lead(2, 'unreachable'),
        lead(3, 'pending'),
        lead(4, 'failed'),
      ]),
    ).toBe('1 of 4 sent, 1 cannot be reached, 1 could not be sent, 1 still to send.');
    expect(cardsSummary([lead(1, 'sent'), lead(2, 'sent')])).toBe('All 2 cards sent.');
    expect(cardsSummary([])).toBe('No cards for this recommendation.');
  });

  it('keeps the counts current while cards are pending after issue, then stops reading', async () => {
    let recommendations: unknown[] = [draft];
    const api = mockFetch(
      routes({
        'GET /api/recommendations': () => ({ status: 200, body: { items: recommendations } }),
        'POST /api/recommendations/rec-1/issue': () => {
          recommendations = [issued];
          return {
            status: 200,
            body: {
              recommendation: issued,
              deliveries: [
                lead(1, 'sent'),
                lead(2, 'pending'),
                lead(3, 'pending'),
                lead(4, 'pending'),
              ],
            },
          };
        },
        [`GET ${DELIVERIES}`]: sequence([
          [lead(1, 'sent'), lead(2, 'sent'), lead(3, 'pending'), lead(4, 'pending')],
          [lead(1, 'sent'), lead(2, 'sent'), lead(3, 'pending'), lead(4, 'pending')],
          [
            lead(1, 'sent'),
            lead(2, 'sent'),
            lead(3, 'sent'),
            lead(4, 'unreachable', 'has not installed the app'),
          ],
        ]),
      }),
    );
    renderView(<Workbench />);
    const issue = await screen.findByRole('button', { name: 'Issue HSCP-R-2026-01' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.click(issue);
    await advance(0);

    const list = screen.getByRole('list', { name: 'Cards for HSCP-R-2026-01' });
    const summary = summaryOf(list);
    expect(summary.textContent).toBe('1 of 4 sent, 3 still to send.');
    expect(
      screen
        .getByRole('button', { name: 'Cards for HSCP-R-2026-01' })
        .getAttribute('aria-expanded'),
    ).toBe('true');
    // The summary alone is announced: the rows are outside any live region.
    expect(list.closest('[aria-live]')).toBeNull();
    expect(summary.contains(list)).toBe(false);
    expect(api.callsTo('GET', DELIVERIES)).toHaveLength(0);

    await advance(POLL_FIRST_MS);
    expect(api.callsTo('GET', DELIVERIES)).toHaveLength(1);
    expect(summary.textContent).toBe('2 of 4 sent, 2 still to send.');
    expect(within(list).getByText('Card sent to Kit Ambrose (Harbourside Police)')).toBeTruthy();

    await advance(pollDelay(1));
    expect(api.callsTo('GET', DELIVERIES)).toHaveLength(2);
    await advance(pollDelay(2));
    expect(api.callsTo('GET', DELIVERIES)).toHaveLength(3);
    expect(summary.textContent).toBe('3 of 4 sent, 1 cannot be reached.');
    expect(
      within(list).getByText(
        'Not reachable in Teams: Max Orchard (Harbourside Police) – has not installed the app',
      ),
    ).toBeTruthy();

    // Nothing pending: no more reads, however long the page stays open.
    await advance(10 * POLL_MAX_MS);
    expect(api.callsTo('GET', DELIVERIES)).toHaveLength(3);
  });

  it('loads an issued recommendation’s cards when opened, and stops reading when closed', async () => {
    const api = mockFetch(
      routes({
        'GET /api/recommendations': { status: 200, body: { items: [issued] } },
        [`GET ${DELIVERIES}`]: sequence([
          [lead(1, 'sent'), lead(2, 'pending')],
          [lead(1, 'sent'), lead(2, 'pending')],
        ]),
      }),
    );
    renderView(<Workbench />);
    const toggle = await screen.findByRole('button', { name: 'Cards for HSCP-R-2026-01' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(api.callsTo('GET', DELIVERIES)).toHaveLength(0);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.click(toggle);
    await advance(0);
    expect(api.callsTo('GET', DELIVERIES)).toHaveLength(1);
    const list = screen.getByRole('list', { name: 'Cards for HSCP-R-2026-01' });
    expect(summaryOf(list).textContent).toBe('1 of 2 sent, 1 still to send.');
    await advance(POLL_FIRST_MS);
    expect(api.callsTo('GET', DELIVERIES)).toHaveLength(2);

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('list', { name: 'Cards for HSCP-R-2026-01' })).toBeNull();
    await advance(10 * POLL_MAX_MS);
    expect(api.callsTo('GET', DELIVERIES)).toHaveLength(2);
  });

  it('sends a failed card again and follows it; emails a response link to someone off Teams', async () => {
    let resent = false;
    const api = mockFetch(
      routes({
        'GET /api/recommendations': { status: 200, body: { items: [issued] } },
        [`GET ${DELIVERIES}`]: () => ({
          status: 200,
          body: {
            deliveries: [
              lead(1, resent ? 'sent' : 'failed', resent ? undefined : 'Teams kept failing.'),
              lead(2, 'unreachable', 'has not installed the app'),
            ],
          },
        }),
        [`POST ${DELIVERIES}/person-1/resend`]: () => {
          resent = true;
          return {
            status: 200,
            body: {
              deliveries: [
                lead(1, 'pending', 'Sending again at the scrutineer’s request.'),
                lead(2, 'unreachable', 'has not installed the app'),
              ],
            },
          };
        },
        [`POST ${DELIVERIES}/person-2/web-link`]: {
          status: 201,
          body: {
            outcome: 'offered',
            created: true,
            emailed: true,
            expiresAt: '2026-06-12T23:00:00Z',
          },
        },
      }),
    );
    renderView(<Workbench />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cards for HSCP-R-2026-01' }));
    const list = await screen.findByRole('list', { name: 'Cards for HSCP-R-2026-01' });
    const cards = list.parentElement!;
    expect(summaryOf(list).textContent).toBe(
      '0 of 2 sent, 1 cannot be reached, 1 could not be sent.',
    );
    // Nobody is sent a card twice by accident: only the ones that did not arrive offer it.
    expect(
      within(list).queryByRole('button', { name: /^Send card again to Kit Ambrose/ }),
    ).toBeTruthy();

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.click(within(list).getByRole('button', { name: 'Send card again to Jo Marsh' }));
    await advance(0);
    expect(api.callsTo('POST', `${DELIVERIES}/person-1/resend`)).toHaveLength(1);
    expect(summaryOf(list).textContent).toBe('0 of 2 sent, 1 cannot be reached, 1 still to send.');
    expect(within(cards).getByText('The card for Jo Marsh will be sent again.')).toBeTruthy();
    expect(within(list).queryByRole('button', { name: 'Send card again to Jo Marsh' })).toBeNull();

    await advance(POLL_FIRST_MS);
    expect(summaryOf(list).textContent).toBe('1 of 2 sent, 1 cannot be reached.');

    fireEvent.click(
      within(list).getByRole('button', { name: 'Email a response link to Kit Ambrose' }),
    );
    await advance(0);
    expect(api.callsTo('POST', `${DELIVERIES}/person-2/web-link`)).toHaveLength(1);
    expect(
      within(cards).getByText(
        'Kit Ambrose has been emailed a link to respond on the web; it can be used until 12 June 2026.',
      ),
    ).toBeTruthy();
  });

  it('offers the business unit the cards and the response link, but not a resend', async () => {
    mockFetch(
      routes(
        {
          'GET /api/recommendations': { status: 200, body: { items: [issued] } },
          [`GET ${DELIVERIES}`]: {
            status: 200,
            body: { deliveries: [lead(1, 'unreachable', 'has not installed the app')] },
          },
        },
        asRole(['business-unit']),
      ),
    );
    renderView(<Workbench />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cards for HSCP-R-2026-01' }));
    const list = await screen.findByRole('list', { name: 'Cards for HSCP-R-2026-01' });
    expect(
      within(list).getByRole('button', { name: 'Email a response link to Jo Marsh' }),
    ).toBeTruthy();
    expect(within(list).queryByRole('button', { name: /^Send card again/ })).toBeNull();
  });

  it('does not offer the cards to someone who may not see them', async () => {
    mockFetch(
      routes(
        { 'GET /api/recommendations': { status: 200, body: { items: [issued] } } },
        asRole(['lead-safeguarding-partner']),
      ),
    );
    renderView(<Workbench />);
    await screen.findByRole('heading', { name: `HSCP-R-2026-01: ${issued.title}` });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Cards for HSCP-R-2026-01' })).toBeNull(),
    );
  });

  it('keeps the last counts through a lost connection and tries again; stops on a refusal', async () => {
    let reads = 0;
    const api = mockFetch(
      routes({
        'GET /api/recommendations': { status: 200, body: { items: [issued] } },
        [`GET ${DELIVERIES}`]: () => {
          reads += 1;
          if (reads === 1) return { status: 200, body: { deliveries: [lead(1, 'pending')] } };
          if (reads === 2)
            return { status: 503, body: { error: { code: 'unavailable', message: 'Busy.' } } };
          if (reads === 3) return { status: 200, body: { deliveries: [lead(1, 'pending')] } };
          return { status: 403, body: { error: { code: 'forbidden', message: 'Not for you.' } } };
        },
      }),
    );
    renderView(<Workbench />);
    const toggle = await screen.findByRole('button', { name: 'Cards for HSCP-R-2026-01' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.click(toggle);
    await advance(0);
    const list = screen.getByRole('list', { name: 'Cards for HSCP-R-2026-01' });
    const cards = list.parentElement!;
    await advance(pollDelay(0));
    expect(
      within(cards).getByText(/Could not check the cards: Busy\. Trying again shortly\./),
    ).toBeTruthy();
    expect(summaryOf(list).textContent).toBe('0 of 1 sent, 1 still to send.');
    await advance(pollDelay(1));
    expect(within(cards).queryByText(/Could not check the cards/)).toBeNull();
    await advance(pollDelay(2));
    expect(
      within(cards)
        .getAllByRole('alert')
        .some((a) => a.textContent?.includes('Not for you.')),
    ).toBe(true);
    expect(within(cards).getByRole('button', { name: 'Check again' })).toBeTruthy();
    const count = api.callsTo('GET', DELIVERIES).length;
    await advance(10 * POLL_MAX_MS);
    expect(api.callsTo('GET', DELIVERIES)).toHaveLength(count);
  });

  it('has no axe violations with the cards open and a card to send again', async () => {
    mockFetch(
      routes({
        'GET /api/recommendations': { status: 200, body: { items: [issued] } },
        [`GET ${DELIVERIES}`]: {
          status: 200,
          body: {
            deliveries: [
              lead(1, 'sent'),
              lead(2, 'failed', 'Teams kept failing.'),
              lead(3, 'unreachable', 'has not installed the app'),
            ],
          },
        },
      }),
    );
    const { container } = renderView(
      <main>
        <Workbench />
      </main>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Cards for HSCP-R-2026-01' }));
    const list = await screen.findByRole('list', { name: 'Cards for HSCP-R-2026-01' });
    expect(within(list).getAllByRole('button')).toHaveLength(4);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
  });
});
