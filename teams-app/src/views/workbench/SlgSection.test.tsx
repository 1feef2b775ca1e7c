import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { item, mockFetch, partners, type Route } from '../../test/fetchMock';
import { renderView } from '../../test/renderView';
import { findings, me, noPlan } from './test/fixtures';
import { Workbench } from './Workbench';
import { sample } from '../../../../tests/domain/guard/samples';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

// Fictional items for the Harbourside demo partnership.
const declined = item('slg-1', {
  recommendationId: 'rec-1',
  partnerId: 'partner-police',
  responseId: 'resp-1',
  kind: 'decline',
  status: 'awaiting-ruling',
  meetingId: 'meeting-late',
  itemKey: 'rec-1:partner-police',
  reference: 'HSCP-R-2026-01',
  recommendationTitle: 'Share audit learning with all partners',
  partnerName: 'Harbourside Police',
  decision: 'decline',
  rationale: 'The force already shares audit summaries through its own board.',
  responderName: 'Jo Marsh',
  meeting: {
    id: 'meeting-late',
    title: 'Strategic Leadership Group (July)',
    startsAt: '2026-07-09T10:00:00.000Z',
  },
});
const partial = item('slg-2', {
  recommendationId: 'rec-2',
  partnerId: 'partner-icb',
  responseId: 'resp-2',
  kind: 'partial',
  status: 'awaiting-ruling',
  meetingId: 'meeting-soon',
  itemKey: 'rec-2:partner-icb',
  reference: 'HSCP-R-2026-02',
  recommendationTitle: 'Publish one escalation protocol',
  partnerName: 'Harbourside ICB',
  decision: 'partially-accept',
  rationale: 'We accept the protocol but not the deadline.',
  responderName: 'Kit Ambrose',
  meeting: {
    id: 'meeting-soon',
    title: 'Strategic Leadership Group (June)',
    startsAt: '2026-06-04T10:00:00.000Z',
  },
});
const unscheduled = item('slg-3', {
  recommendationId: 'rec-3',
  partnerId: 'partner-council',
  responseId: 'resp-3',
  kind: 'decline',
  status: 'awaiting-ruling',
  itemKey: 'rec-3:partner-council',
  reference: 'HSCP-R-2026-03',
  recommendationTitle: 'Audit supervision records twice a year',
  partnerName: 'Harbourside Council',
  decision: 'decline',
  rationale: 'Supervision is audited yearly already.',
  responderName: 'Lee Fenwick',
});
const ruledEarlier = item('slg-0', {
  recommendationId: 'rec-0',
  partnerId: 'partner-council',
  responseId: 'resp-0',
  kind: 'partial',
  status: 'ruled',
  outcome: 'recommendation-amended',
  rulingNote: 'The SLG narrowed the recommendation to the Front Door.',
  ruledAt: '2026-05-07T11:00:00.000Z',
  itemKey: 'rec-0:partner-council',
  reference: 'HSCP-R-2025-09',
  recommendationTitle: 'Review the Front Door triage',
  partnerName: 'Harbourside Council',
  decision: 'partially-accept',
  rationale: 'In part.',
  responderName: 'Max Orchard',
});

type Row = typeof declined & { outcome?: string; rulingNote?: string; ruledAt?: string };

function routes(extra: Record<string, Route>, who: unknown = me): Record<string, Route> {
  return {
    'GET /api/me': { status: 200, body: who },
    'GET /api/partners': { status: 200, body: { items: partners } },
    'GET /api/plans/current/summary': noPlan,
    'GET /api/observations?status=open': { status: 200, body: { items: [] } },
    'GET /api/findings': { status: 200, body: { items: findings } },
    'GET /api/findings/triangulation': { status: 200, body: { rows: [] } },
    'GET /api/recommendations': { status: 200, body: { items: [] } },
    'GET /api/recommendations/next-reference': {
      status: 200,
      body: { reference: 'HSCP-R-2026-04', scheme: '{prefix}-R-{year}-{seq:2}' },
    },
    ...extra,
  };
}

const asRole = (roles: string[]) => ({ ...me, person: { ...me.person, roles } });

const section = () => screen.findByRole('region', { name: 'SLG items' });

/** The list item whose heading names this reference. */
async function entryFor(reference: string) {
  const heading = await within(await section()).findByRole('heading', {
    name: new RegExp(`^${reference}:`),
  });
  return heading.closest('li')!;
}

const RULING = '/api/slg-items/slg-1/ruling';

describe('SLG items', () => {
  it('lists what awaits a ruling, soonest meeting first, and keeps ruled items folded below', async () => {
    mockFetch(
      routes({
        'GET /api/slg-items': {
          status: 200,
          body: { items: [unscheduled, ruledEarlier, declined, partial] },
        },
      }),
    );
    renderView(<Workbench />);
    const region = await section();
    const awaiting = await within(region).findByRole('list', { name: 'Awaiting the SLG’s ruling' });
    const headings = within(awaiting)
      .getAllByRole('heading')
      .map((h) => h.textContent);
    expect(headings).toEqual([
      'HSCP-R-2026-02: Publish one escalation protocol',
      'HSCP-R-2026-01: Share audit learning with all partners',
      'HSCP-R-2026-03: Audit supervision records twice a year',
    ]);
    const entry = await entryFor('HSCP-R-2026-01');
    expect(within(entry).getByText('Partner: Harbourside Police')).toBeTruthy();
    expect(within(entry).getByText('Decision: Decline (Jo Marsh)')).toBeTruthy();
    expect(
      within(entry).getByText(
        'Rationale: The force already shares audit summaries through its own board.',
      ),
    ).toBeTruthy();
    expect(
      within(entry).getByText(/^SLG meeting: Strategic Leadership Group \(July\), /),
    ).toBeTruthy();
    expect(
      within(await entryFor('HSCP-R-2026-03')).getByText('SLG meeting: none in the calendar yet'),
    ).toBeTruthy();

    // Ruled items are folded away until asked for.
    expect(within(region).queryByText(/narrowed the recommendation/)).toBeNull();
    const toggle = within(region).getByRole('button', { name: 'Ruled items (1)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const ruled = within(region).getByRole('list', { name: 'Ruled by the SLG' });
    expect(within(ruled).getByText('Outcome: Recommendation amended, 7 May 2026')).toBeTruthy();
    expect(
      within(ruled).getByText('Ruling: The SLG narrowed the recommendation to the Front Door.'),
    ).toBeTruthy();
  });

  it('records a ruling with the item’s etag and moves the item to the ruled ones', async () => {
    let items: Row[] = [declined, partial];
    const api = mockFetch(
      routes({
        'GET /api/slg-items': () => ({ status: 200, body: { items } }),
        [`POST ${RULING}`]: (call) => {
          const body = call.body as { outcome: string; note: string };
          const ruled: Row = {
            ...declined,
            etag: '"slg-1-2"',
            version: 2,
            status: 'ruled',
            outcome: body.outcome,
            rulingNote: body.note,
            ruledAt: '2026-07-09T12:00:00.000Z',
          };
          items = [ruled, partial];
          return { status: 200, body: ruled };
        },
      }),
    );
    renderView(<Workbench />);
    const entry = await entryFor('HSCP-R-2026-01');
    fireEvent.click(
      within(entry).getByRole('button', { name: 'Record the ruling on HSCP-R-2026-01' }),
    );
    const form = within(entry).getByRole('form', { name: 'Ruling on HSCP-R-2026-01' });
    fireEvent.click(within(form).getByRole('radio', { name: 'Partner to reconsider' }));
    fireEvent.change(within(form).getByRole('textbox', { name: /^Ruling note/ }), {
      target: { value: '  The SLG asked the force to reconsider by September.  ' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save ruling' }));

    await screen.findByText('Ruling on HSCP-R-2026-01 recorded: Partner to reconsider.');
    const [call] = api.callsTo('POST', RULING);
    expect(call?.headers['if-match']).toBe('"slg-1-1"');
    expect(call?.body).toEqual({
      outcome: 'partner-to-reconsider',
      note: 'The SLG asked the force to reconsider by September.',
    });
    const region = await section();
    const awaiting = within(region).getByRole('list', { name: 'Awaiting the SLG’s ruling' });
    expect(within(awaiting).queryByRole('heading', { name: /^HSCP-R-2026-01:/ })).toBeNull();
    const toggle = within(region).getByRole('button', { name: 'Ruled items (1)' });
    await waitFor(() => expect(document.activeElement).toBe(toggle));
    // The list is read again after the ruling.
    await waitFor(() => expect(api.callsTo('GET', '/api/slg-items')).toHaveLength(2));
    fireEvent.click(toggle);
    const ruled = within(region).getByRole('list', { name: 'Ruled by the SLG' });
    expect(within(ruled).getByText('Outcome: Partner to reconsider, 9 July 2026')).toBeTruthy();
  });

  it('says what is missing before sending anything', async () => {
    const api = mockFetch(
      routes({ 'GET /api/slg-items': { status: 200, body: { items: [declined] } } }),
    );
    renderView(<Workbench />);
    const entry = await entryFor('HSCP-R-2026-01');
    fireEvent.click(
      within(entry).getByRole('button', { name: 'Record the ruling on HSCP-R-2026-01' }),
    );
    const form = within(entry).getByRole('form', { name: 'Ruling on HSCP-R-2026-01' });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Ruling note/ }), {
      target: { value: '   ' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save ruling' }));
    await within(form).findByText('The ruling on HSCP-R-2026-01 is not ready yet.');
    expect(within(form).getAllByText('Choose the outcome.').length).toBeGreaterThan(0);
    expect(within(form).getAllByText('Write a note of the ruling.').length).toBeGreaterThan(0);
    expect(api.callsTo('POST', RULING)).toHaveLength(0);
  });

  it('keeps what was typed and shows the server’s reason when a ruling is refused', async () => {
    let attempt = 0;
    let items: Row[] = [declined];
    const api = mockFetch(
      routes({
        'GET /api/slg-items': () => ({ status: 200, body: { items } }),
        [`POST ${RULING}`]: () => {
          attempt += 1;
          if (attempt === 1)
            return {
              status: 422,
              body: {
                error: {
                  code: 'identifiable-data',
                  message: 'This text appears to identify a child or family (phone-number).',
                  fields: [{ field: 'rulingNote', matches: [{ kind: 'phone-number' }] }],
                },
              },
            };
          if (attempt === 2) {
            items = [{ ...declined, etag: '"slg-1-2"', version: 2 }];
            return { status: 412, body: { error: { code: 'conflict', message: 'Stale.' } } };
          }
          items = [
            {
              ...declined,
              etag: '"slg-1-3"',
              version: 3,
              status: 'ruled',
              outcome: 'decline-upheld',
              rulingNote: 'Recorded by a colleague.',
              ruledAt: '2026-07-09T11:00:00.000Z',
            },
          ];
          return {
            status: 409,
            body: {
              error: {
                code: 'already-ruled',
                message:
                  'The Strategic Leadership Group has already ruled on this item; a ruling is not overwritten.',
              },
            },
          };
        },
      }),
    );
    renderView(<Workbench />);
    const entry = await entryFor('HSCP-R-2026-01');
    fireEvent.click(
      within(entry).getByRole('button', { name: 'Record the ruling on HSCP-R-2026-01' }),
    );
    const form = () => within(entry).getByRole('form', { name: 'Ruling on HSCP-R-2026-01' });
    const note = () => within(form()).getByRole('textbox', { name: /^Ruling note/ });
    fireEvent.click(within(form()).getByRole('radio', { name: 'Decline upheld' }));
    const typed = `Upheld; the chair will write to the force. Queries to ${sample.phone}.`;
    fireEvent.change(note(), { target: { value: typed } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Save ruling' }));

    // 422: the server's reason, the note flagged, nothing lost.
    await within(form()).findByText(
      'This text appears to identify a child or family (phone-number).',
    );
    expect(note()).toHaveProperty('value', typed);
    expect(note().getAttribute('aria-invalid')).toBe('true');
    expect(within(form()).getByText('What you typed is still in the form.')).toBeTruthy();
    expect(
      (within(form()).getByRole('radio', { name: 'Decline upheld' }) as HTMLInputElement).checked,
    ).toBe(true);

    // 412: the list is read again and the next attempt carries the new etag.
    const rewritten = 'Upheld; the chair will write to the force.';
    fireEvent.change(note(), { target: { value: rewritten } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Save ruling' }));
    await within(form()).findByText(/^HSCP-R-2026-01 changed after you opened it/);
    expect(note()).toHaveProperty('value', rewritten);
    await waitFor(() => expect(api.callsTo('GET', '/api/slg-items').length).toBeGreaterThan(1));

    // 409: someone else ruled first; their ruling is shown and what was typed stays.
    fireEvent.click(within(form()).getByRole('button', { name: 'Save ruling' }));
    await within(form()).findByText(
      'The Strategic Leadership Group has already ruled on this item; a ruling is not overwritten.',
    );
    expect(note()).toHaveProperty('value', rewritten);
    await within(entry).findByText('Ruling: Recorded by a colleague.');

    const [first, second, third] = api.callsTo('POST', RULING);
    expect(first?.headers['if-match']).toBe('"slg-1-1"');
    expect(second?.headers['if-match']).toBe('"slg-1-1"');
    expect(third?.headers['if-match']).toBe('"slg-1-2"');
    expect(third?.body).toEqual({ outcome: 'decline-upheld', note: rewritten });
  });

  it('offers the form to the business unit, and to no one who may not rule', async () => {
    mockFetch(
      routes(
        { 'GET /api/slg-items': { status: 200, body: { items: [declined] } } },
        asRole(['business-unit']),
      ),
    );
    const view = renderView(<Workbench />);
    const entry = await entryFor('HSCP-R-2026-01');
    await waitFor(() =>
      expect(
        within(entry).getByRole('button', { name: 'Record the ruling on HSCP-R-2026-01' }),
      ).toBeTruthy(),
    );
    view.unmount();

    mockFetch(
      routes(
        { 'GET /api/slg-items': { status: 200, body: { items: [declined] } } },
        asRole(['lead-safeguarding-partner', 'partner-lead']),
      ),
    );
    renderView(<Workbench />);
    const readOnly = await entryFor('HSCP-R-2026-01');
    expect(within(readOnly).getByText('Partner: Harbourside Police')).toBeTruthy();
    await waitFor(() =>
      expect(within(readOnly).queryByRole('button', { name: /^Record the ruling/ })).toBeNull(),
    );
  });

  it('has no axe violations with a refused ruling and the ruled items open', async () => {
    mockFetch(
      routes({
        'GET /api/slg-items': { status: 200, body: { items: [declined, partial, ruledEarlier] } },
        [`POST ${RULING}`]: {
          status: 422,
          body: {
            error: {
              code: 'identifiable-data',
              message: 'This text appears to identify a child or family (phone-number).',
              fields: [{ field: 'rulingNote', matches: [{ kind: 'phone-number' }] }],
            },
          },
        },
      }),
    );
    const { container } = renderView(
      <main>
        <Workbench />
      </main>,
    );
    const entry = await entryFor('HSCP-R-2026-01');
    fireEvent.click(
      within(entry).getByRole('button', { name: 'Record the ruling on HSCP-R-2026-01' }),
    );
    const form = within(entry).getByRole('form', { name: 'Ruling on HSCP-R-2026-01' });
    fireEvent.click(within(form).getByRole('radio', { name: 'Decline upheld' }));
    fireEvent.change(within(form).getByRole('textbox', { name: /^Ruling note/ }), {
      target: { value: `Upheld; queries to ${sample.phone}.` },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save ruling' }));
    await within(form).findByText('What you typed is still in the form.');
    fireEvent.click(screen.getByRole('button', { name: 'Ruled items (1)' }));

    const levels = [...container.querySelectorAll('h1, h2, h3, h4')].map((h) =>
      Number(h.tagName[1]),
    );
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
    // Colour contrast needs a real layout engine; the Chromium e2e covers it.
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
  });
});
