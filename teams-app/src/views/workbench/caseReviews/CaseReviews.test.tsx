import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { item, mockFetch, partners as partnerItems } from '../../../test/fetchMock';
import { renderView } from '../../../test/renderView';
import type { Me, PartnerItem } from '../../../api/types';
import type { Resource } from '../../../api/useResource';
import { coverageText } from '../plan/CoverageTables';
import { me } from '../test/fixtures';
import { Workbench } from '../Workbench';
import CaseReviewsSection from './CaseReviewsSection';
import DisagreementsSection from '../disagreements/DisagreementsSection';

vi.mock('@microsoft/teams-js', () => import('../../../test/teamsJsMock'));

// Fictional, codes only.
const lateReview = item('cr-1', {
  code: 'HSCP-C-2026-07',
  awareOn: '2026-06-19',
  notifiedOn: '2026-06-30',
  rapidReviewOn: '2026-07-17',
  lcsprDecision: 'no-lcspr',
  decisionOn: '2026-07-22',
  clocks: [
    {
      name: 'notification',
      label: 'Serious incident notification',
      startsOn: '2026-06-19',
      dueOn: '2026-06-26',
      doneOn: '2026-06-30',
      state: 'late',
      late: 2,
      lateUnit: 'working days',
    },
    {
      name: 'rapid-review',
      label: 'Rapid review',
      startsOn: '2026-06-30',
      dueOn: '2026-07-21',
      doneOn: '2026-07-17',
      state: 'met',
    },
    { name: 'publication', label: 'Practice review publication', state: 'not-applicable' },
  ],
});

const resolved = item('d-1', {
  reference: 'HSCP-D-2026-1',
  partnerIds: ['partner-police', 'partner-council'],
  matter: 'Attendance at out-of-hours strategy discussions.',
  advice: 'Agree a minimum standard first.',
  adviceOn: '2026-06-29',
  outcome: 'Both partners accepted the advice.',
  status: 'resolved',
  raisedOn: '2026-06-15',
  resolvedOn: '2026-07-21',
  daysToResolution: 36,
});

const partners = partnerItems as unknown as PartnerItem[];
const asRole = (roles: string[]) => ({ ...me, person: { ...me.person, roles } });
const resource = (data: unknown): Resource<Me> => ({
  data: data as Me,
  problem: undefined,
  loading: false,
  reload: () => undefined,
});

describe('case reviews section', () => {
  it('shows each clock’s state and due date in words, and a late date with no reason', async () => {
    mockFetch({ 'GET /api/case-reviews': { status: 200, body: { items: [lateReview] } } });
    renderView(<CaseReviewsSection me={resource(me)} />);
    const table = await screen.findByRole('table', {
      name: 'Case reviews and their statutory clocks',
    });
    const row = within(table).getByRole('row', { name: /HSCP-C-2026-07/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells[0]).toBe(
      'Late by 2 working days; no reason recorded' + 'Due 26 June 2026; done 30 June 2026',
    );
    expect(cells[1]).toBe('MetDue 21 July 2026; done 17 July 2026');
    expect(cells[2]).toBe('Not applicable');
  });

  it('shows the server’s 400 and keeps what was typed', async () => {
    const api = mockFetch({
      'GET /api/case-reviews': { status: 200, body: { items: [] } },
      'POST /api/case-reviews': {
        status: 400,
        body: {
          error: {
            code: 'invalid-case-review',
            message: 'The Panel cannot be notified before awareness.',
            issues: [
              { path: 'notifiedOn', message: 'The Panel cannot be notified before awareness.' },
            ],
          },
        },
      },
    });
    renderView(<CaseReviewsSection me={resource(me)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a case review' }));
    const form = screen.getByRole('form', { name: 'Add a case review' });
    fireEvent.change(within(form).getByRole('textbox', { name: /Case code/ }), {
      target: { value: 'HSCP-C-2026-40' },
    });
    fireEvent.change(within(form).getByLabelText(/Aware on/), { target: { value: '2026-06-19' } });
    fireEvent.change(within(form).getByLabelText(/Panel notified on/), {
      target: { value: '2026-06-18' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /assurance note/ }), {
      target: { value: 'Checked against the Panel log.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add case review' }));
    const alert = await within(form).findByRole('alert');
    await waitFor(() =>
      expect(alert.textContent).toContain('The Panel cannot be notified before awareness.'),
    );
    expect(api.callsTo('POST', '/api/case-reviews')[0]?.body).toEqual({
      code: 'HSCP-C-2026-40',
      awareOn: '2026-06-19',
      notifiedOn: '2026-06-18',
      lcsprDecision: 'pending',
      assuranceNote: 'Checked against the Panel log.',
    });
    expect(
      (within(form).getByRole('textbox', { name: /Case code/ }) as HTMLInputElement).value,
    ).toBe('HSCP-C-2026-40');
    expect(
      (within(form).getByRole('textbox', { name: /assurance note/ }) as HTMLTextAreaElement).value,
    ).toBe('Checked against the Panel log.');
    expect((within(form).getByLabelText(/Panel notified on/) as HTMLInputElement).value).toBe(
      '2026-06-18',
    );
  });

  it('sends only what changed, with the etag', async () => {
    const api = mockFetch({
      'GET /api/case-reviews': { status: 200, body: { items: [lateReview] } },
      'PATCH /api/case-reviews/cr-1': {
        status: 200,
        body: { ...lateReview, notificationLateReason: 'Not recognised at first.' },
      },
    });
    renderView(<CaseReviewsSection me={resource(me)} />);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Record dates or note for HSCP-C-2026-07' }),
    );
    const form = screen.getByRole('form', { name: 'Case review HSCP-C-2026-07' });
    fireEvent.change(within(form).getByRole('textbox', { name: /notification was late/ }), {
      target: { value: 'Not recognised at first.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await screen.findByText('HSCP-C-2026-07 saved.');
    const [call] = api.callsTo('PATCH', '/api/case-reviews/cr-1');
    expect(call?.body).toEqual({ notificationLateReason: 'Not recognised at first.' });
    expect(call?.headers['if-match']).toBe('"cr-1-1"');
  });

  it('is read-only for an executive', async () => {
    mockFetch({ 'GET /api/case-reviews': { status: 200, body: { items: [lateReview] } } });
    renderView(<CaseReviewsSection me={resource(asRole(['lead-safeguarding-partner']))} />);
    await screen.findByRole('table', { name: 'Case reviews and their statutory clocks' });
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('is not asked for by a partner lead', async () => {
    const api = mockFetch({});
    renderView(<CaseReviewsSection me={resource(asRole(['partner-lead']))} />);
    await screen.findByText(/Case reviews are shared with the scrutineer/);
    expect(api.callsTo('GET', '/api/case-reviews')).toHaveLength(0);
  });
});

describe('disagreements section', () => {
  it('shows days to resolution and the parties; read-only for an executive', async () => {
    mockFetch({ 'GET /api/disagreements': { status: 200, body: { items: [resolved] } } });
    renderView(
      <DisagreementsSection me={resource(asRole(['partnership-chair']))} partners={partners} />,
    );
    const table = await screen.findByRole('table', { name: 'Disagreements, latest raised first' });
    const row = within(table).getByRole('row', { name: /HSCP-D-2026-1/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells[0]).toBe('Harbourside Police, Harbourside Council');
    expect(cells).toContain('36 days');
    expect(cells).toContain('Resolved');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('keeps the typed matter when the server refuses it', async () => {
    mockFetch({
      'GET /api/disagreements': { status: 200, body: { items: [] } },
      'POST /api/disagreements': {
        status: 400,
        body: {
          error: {
            code: 'invalid-disagreement',
            message: 'Name at least two partners: a disagreement is between partners.',
            issues: [
              {
                path: 'partnerIds',
                message: 'Name at least two partners: a disagreement is between partners.',
              },
            ],
          },
        },
      },
    });
    renderView(<DisagreementsSection me={resource(me)} partners={partners} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a disagreement' }));
    const form = screen.getByRole('form', { name: 'Add a disagreement' });
    fireEvent.change(within(form).getByRole('textbox', { name: /The matter/ }), {
      target: { value: 'Funding for the Front Door.' },
    });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Harbourside ICB' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add disagreement' }));
    const alert = await within(form).findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('Name at least two partners'));
    expect(
      (within(form).getByRole('textbox', { name: /The matter/ }) as HTMLTextAreaElement).value,
    ).toBe('Funding for the Front Door.');
  });
});

describe('the workbench', () => {
  it('lists both sections in its navigation and loads them', async () => {
    mockFetch({
      'GET /api/me': { status: 200, body: me },
      'GET /api/partners': { status: 200, body: { items: partners } },
      'GET /api/case-reviews': { status: 200, body: { items: [lateReview] } },
      'GET /api/disagreements': { status: 200, body: { items: [resolved] } },
    });
    renderView(<Workbench />);
    const nav = screen.getByRole('navigation', { name: 'On this page' });
    expect(within(nav).getByRole('link', { name: 'Case reviews' }).getAttribute('href')).toBe(
      '#case-reviews',
    );
    expect(within(nav).getByRole('link', { name: 'Disagreements' })).toBeTruthy();
    const region = await screen.findByRole('region', { name: 'Case reviews' });
    await within(region).findByText('HSCP-C-2026-07');
    const other = await screen.findByRole('region', { name: 'Disagreements' });
    await within(other).findByText('36 days');
  });
});

describe("the plan's coverage", () => {
  it('says the year’s disagreements beside function 6', () => {
    const row = {
      key: 'advice-on-disagreements',
      label: 'Independent advice when partners disagree; escalation',
      activities: 0,
      daysAllocated: 0,
      daysLogged: 0,
      gap: true,
    };
    expect(coverageText(row)).toBe('Gap: no activity');
    expect(coverageText({ ...row, records: { count: 2, label: 'disagreements raised' } })).toBe(
      'Gap: no activity; 2 disagreements raised',
    );
  });
});

describe('accessibility', () => {
  it('has no axe violations with both add forms open', async () => {
    mockFetch({
      'GET /api/case-reviews': { status: 200, body: { items: [lateReview] } },
      'GET /api/disagreements': { status: 200, body: { items: [resolved] } },
    });
    const { container } = renderView(
      <main>
        <CaseReviewsSection me={resource(me)} />
        <DisagreementsSection me={resource(me)} partners={partners} />
      </main>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Add a case review' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add a disagreement' }));
    await screen.findByRole('form', { name: 'Add a disagreement' });
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
  });
});
