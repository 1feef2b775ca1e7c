import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { item, mockFetch, partners, type Route } from '../../../test/fetchMock';
import { renderView } from '../../../test/renderView';
import { findings, me, noPlan } from '../test/fixtures';
import { Workbench } from '../Workbench';
import AuditSection from './AuditSection';
import type { AuditRow } from './api';

vi.mock('@microsoft/teams-js', () => import('../../../test/teamsJsMock'));

// Fictional people and ids.
const people = [
  item('p-morgan', { displayName: 'Morgan Ellis', roles: ['scrutineer'] }),
  item('p-aisha', { displayName: 'Aisha Noor', roles: ['partner-lead'] }),
];

const row = (seq: number, fields: Partial<AuditRow> = {}): AuditRow => ({
  seq,
  at: '2026-07-01T09:30:00.000Z',
  actorId: 'p-morgan',
  actorName: 'Morgan Ellis',
  homeTenantId: '00000000-0000-0000-0000-0000000000aa',
  channel: 'tab',
  itemList: 'recommendations',
  itemId: `rec-${seq}`,
  op: 'create',
  itemVersion: 1,
  changedFields: ['priority', 'title'],
  hash: 'a'.repeat(64),
  ...fields,
});

const first = [
  row(3, {
    op: 'update',
    itemVersion: 2,
    channel: 'teams-card',
    actorId: 'p-aisha',
    actorName: 'Aisha Noor',
    itemList: 'responses',
    changedFields: ['decision', 'rationale'],
    at: '2026-01-15T14:05:09.000Z',
  }),
  row(2),
];
const older = [row(1, { actorId: 'system:seed', actorName: undefined, channel: 'system' })];

function routes(extra: Record<string, Route> = {}): Record<string, Route> {
  return {
    'GET /api/people': { status: 200, body: { items: people } },
    'GET /api/audit?top=50': { status: 200, body: { entries: first, nextBefore: 2 } },
    'GET /api/audit?top=50&before=2': { status: 200, body: { entries: older } },
    ...extra,
  };
}

const section = () => screen.findByRole('region', { name: 'Audit trail' });
const table = async () =>
  within(await section()).findByRole('table', { name: 'Changes, newest first (times in England)' });
const cellsOf = (t: HTMLElement) =>
  within(t)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

describe('audit trail section', () => {
  it('lists changes newest first: when in England, who by name, channel, list, item, fields', async () => {
    mockFetch(routes());
    renderView(<AuditSection />);
    const t = await table();
    expect(cellsOf(t)).toEqual([
      [
        '3',
        '15 Jan 2026, 14:05:09',
        'Aisha Noor',
        'Teams card',
        'Responses',
        'rec-3',
        'Changed (version 2)',
        'decision, rationale',
      ],
      // 09:30 UTC in July is 10:30 in England (summer time).
      [
        '2',
        '1 Jul 2026, 10:30:00',
        'Morgan Ellis',
        'Teams tab',
        'Recommendations',
        'rec-2',
        'Created',
        'priority, title',
      ],
    ]);
    const results = await axe.run(await section());
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('shows older changes on request, and the id when the writer has no name', async () => {
    mockFetch(routes());
    renderView(<AuditSection />);
    await table();
    fireEvent.click(await screen.findByRole('button', { name: 'Show older changes' }));
    await waitFor(async () => expect(cellsOf(await table())).toHaveLength(3));
    const rows = cellsOf(await table());
    expect(rows[2]?.slice(0, 4)).toEqual([
      '1',
      '1 Jul 2026, 10:30:00',
      'system:seed',
      'The app itself',
    ]);
    expect(screen.queryByRole('button', { name: 'Show older changes' })).toBeNull();
  });

  it('filters by list, item and person', async () => {
    const api = mockFetch(
      routes({
        'GET /api/audit?top=50&list=responses&itemId=rec-3&actorId=p-aisha': {
          status: 200,
          body: { entries: [first[0]] },
        },
      }),
    );
    renderView(<AuditSection />);
    await table();
    const form = screen.getByRole('form', { name: 'Filter the audit trail' });
    fireEvent.click(within(form).getByRole('combobox', { name: 'List' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Responses' }));
    fireEvent.change(within(form).getByRole('textbox', { name: 'Item id' }), {
      target: { value: ' rec-3 ' },
    });
    fireEvent.click(within(form).getByRole('combobox', { name: 'Changed by' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Aisha Noor' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Show changes' }));
    await waitFor(async () => expect(cellsOf(await table())).toHaveLength(1));
    expect(
      api.callsTo('GET', '/api/audit?top=50&list=responses&itemId=rec-3&actorId=p-aisha'),
    ).toHaveLength(1);
  });

  it("shows the verifier's answer: intact, or where the chain breaks", async () => {
    let ok = true;
    mockFetch(
      routes({
        'GET /api/audit/verify': () => ({
          status: 200,
          body: ok
            ? {
                ok,
                summary: 'The chain of 3 entries is unbroken.',
                entries: 3,
                breaks: [],
                gaps: [],
                items: [],
              }
            : {
                ok,
                summary:
                  'The chain is broken at entry 2: its contents do not match its hash (it was changed).',
                entries: 3,
                breaks: [{ seq: 2, kind: 'altered' }],
                gaps: [],
                items: [],
              },
        }),
      }),
    );
    renderView(<AuditSection />);
    await table();
    const button = screen.getByRole('button', { name: 'Check the chain' });
    fireEvent.click(button);
    const region = await section();
    await within(region).findByText('The chain of 3 entries is unbroken.');
    ok = false;
    fireEvent.click(button);
    await within(region).findByText('The audit trail is not intact.');
    expect(within(region).getByRole('alert').textContent).toContain('broken at entry 2');
  });

  it('appears in the workbench for the scrutineer, with its link, and not for others', async () => {
    const base: Record<string, Route> = {
      'GET /api/partners': { status: 200, body: { items: partners } },
      'GET /api/plans/current/summary': noPlan,
      'GET /api/observations?status=open': { status: 200, body: { items: [] } },
      'GET /api/findings': { status: 200, body: { items: findings } },
      'GET /api/findings/triangulation': { status: 200, body: { rows: [] } },
      'GET /api/recommendations': { status: 200, body: { items: [] } },
      'GET /api/slg-items': { status: 200, body: { items: [] } },
    };
    mockFetch({ ...routes(), ...base, 'GET /api/me': { status: 200, body: me } });
    const { unmount } = renderView(<Workbench />);
    await table();
    expect(screen.getByRole('link', { name: 'Audit trail' }).getAttribute('href')).toBe('#audit');
    unmount();

    const lead = { ...me, person: { ...me.person, roles: ['lead-safeguarding-partner'] } };
    const api = mockFetch({ ...routes(), ...base, 'GET /api/me': { status: 200, body: lead } });
    renderView(<Workbench />);
    await screen.findByRole('heading', { name: 'Workbench' });
    await waitFor(() => expect(api.callsTo('GET', '/api/me')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('link', { name: 'Audit trail' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Audit trail' })).toBeNull();
    expect(api.callsTo('GET', '/api/audit?top=50')).toHaveLength(0);
  });
});
