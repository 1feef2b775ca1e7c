import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportingYearOf } from '../../../src/domain/plan-year.js';
import { londonDate } from '../../../src/domain/responses.js';
import type {
  DashboardView,
  TrackerAction,
  TrackerView,
} from '../../../src/domain/tracker-view.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { POLICE_LEAD, type ErrorBody } from './helpers.js';

/**
 * GET /api/tracker and /api/dashboard on the real server with the demo partnership, whose
 * tracker records are dated back from the server's clock (src/server/seed/harbourside-tracker.ts).
 */
let server: TestServer;
let ceo: string;
let police: string;

beforeAll(async () => {
  server = await startTestServer();
  ceo = await server.token('chief.executive@harbourside.example');
  police = await server.token(POLICE_LEAD);
});
afterAll(async () => server?.close());

const tracker = async (token: string, query = '') => {
  const res = await server.api(`/api/tracker${query}`, { token });
  expect(res.status).toBe(200);
  return res.json as TrackerView;
};
const daysAgo = (n: number) => londonDate(new Date(Date.now() - n * 86_400_000));
const actionsOf = (view: TrackerView) =>
  view.rows.flatMap((r) => r.partners.flatMap((p) => p.actions));
const byDescription = (view: TrackerView, start: string): TrackerAction | undefined =>
  actionsOf(view).find((a) => a.description.startsWith(start));
const row = (view: TrackerView, reference: string) =>
  view.rows.find((r) => r.recommendation.reference === reference);

describe('GET /api/tracker on the demo data', () => {
  it('shows every RAG state, each for its rule', async () => {
    const view = await tracker(ceo);
    expect(view).toMatchObject({ isPast: false, reach: 'all', rules: { staleAfterWeeks: 6 } });
    for (const rag of ['red', 'amber', 'paused', 'green'] as const)
      expect(view.totals[rag], rag).toBeGreaterThan(0);
    expect(byDescription(view, 'Publish a duty rota')).toMatchObject({
      status: 'verified',
      rag: { rag: 'green' },
      note: expect.stringContaining('Front Door log'),
      impactChecks: [expect.objectContaining({ monthsAfter: 3, status: 'scheduled' })],
    });
    expect(byDescription(view, 'Audit police attendance')).toMatchObject({
      status: 'reopened',
      rag: { rag: 'amber', reason: 'Reopened; on track' },
    });
    expect(byDescription(view, 'Brief Front Door team managers')).toMatchObject({
      status: 'done',
      rag: { rag: 'amber', reason: "Done; awaiting the scrutineer's verification" },
    });
    expect(byDescription(view, 'Check a monthly sample')?.rag).toEqual({
      rag: 'amber',
      reason: 'On track',
    });
    expect(byDescription(view, 'Add a field for police attendance')).toMatchObject({
      rag: { rag: 'red', reason: 'Overdue by 12 days' },
      daysOverdue: 12,
    });
    expect(byDescription(view, 'Train duty officers')).toMatchObject({
      rag: { rag: 'red', reason: 'No update for 8 weeks' },
      daysSinceUpdate: 60,
    });
    expect(byDescription(view, 'Agree the health measures')).toMatchObject({
      status: 'paused',
      rag: { rag: 'paused', reason: expect.stringContaining('data-sharing agreement') },
    });
    expect(row(view, 'HSCP-R-2026-06')?.rag).toEqual({
      rag: 'red',
      reason: 'Response overdue by 10 days',
    });
    expect(row(view, 'HSCP-R-2026-05')?.rag.rag).toBe('green');
    // History carries who wrote each entry.
    expect(byDescription(view, 'Audit police attendance')?.history.map((h) => h.byName)).toEqual([
      'Aisha Noor',
      'Aisha Noor',
      'Morgan Ellis',
      'Morgan Ellis',
      'Aisha Noor',
    ]);
  });

  it('as at a past date shows the tracker as it stood then', async () => {
    const date = daysAgo(50);
    const past = await tracker(ceo, `?asAt=${date}`);
    expect(past).toMatchObject({ today: date, isPast: true });
    // Issued 40 days ago: not yet there.
    expect(row(past, 'HSCP-R-2026-06')).toBeUndefined();
    // Claimed done 52 days ago, verified 45 days ago: awaiting verification then.
    expect(byDescription(past, 'Publish a duty rota')).toMatchObject({
      status: 'done',
      rag: { rag: 'amber' },
      impactChecks: [],
    });
    // Updated 60 days ago: on track then, stale now.
    expect(byDescription(past, 'Train duty officers')?.rag.rag).toBe('amber');
    // Paused 21 days ago: not yet.
    expect(byDescription(past, 'Agree the health measures')?.status).toBe('open');
    // Its updates came 40 and 4 days ago: none yet.
    expect(byDescription(past, 'Brief Front Door team managers')).toMatchObject({
      status: 'open',
      progress: 0,
      history: [],
    });
  });

  it('trims the view for a partner lead to their own partner’s parts', async () => {
    const view = await tracker(police);
    expect(view.reach).toBe('partner');
    expect(view.rows.length).toBeGreaterThan(0);
    const names = new Set(view.rows.flatMap((r) => r.partners.map((p) => p.partner.name)));
    expect([...names]).toEqual(['Eastshire Constabulary']);
    const refs = view.rows.map((r) => r.recommendation.reference);
    expect(refs).toEqual(expect.arrayContaining(['HSCP-R-2026-01', 'HSCP-R-2026-03']));
    expect(refs).not.toContain('HSCP-R-2026-04');
    expect(byDescription(view, 'Add a field for police attendance')).toBeUndefined();
  });

  it('refuses a bad or future asAt with a 400 that says what is wrong', async () => {
    for (const bad of ['2026-13-01', 'yesterday', '2026-11-1']) {
      const res = await server.api(`/api/tracker?asAt=${bad}`, { token: ceo });
      expect(res.status, bad).toBe(400);
      expect(JSON.stringify(res.json)).toContain('asAt must be a date such as 2026-11-01');
    }
    const future = await server.api(`/api/tracker?asAt=${daysAgo(-2)}`, { token: ceo });
    expect(future.status).toBe(400);
    expect((future.json as ErrorBody).error).toMatchObject({ code: 'future-date' });
    const extra = await server.api('/api/tracker?as=2026-11-01', { token: ceo });
    expect(extra.status).toBe(400);
    const dash = await server.api(`/api/dashboard?asAt=${daysAgo(-2)}`, { token: ceo });
    expect(dash.status).toBe(400);
  });
});

describe('GET /api/dashboard', () => {
  it('is refused to a partner lead', async () => {
    const res = await server.api('/api/dashboard', { token: police });
    expect(res.status).toBe(403);
  });

  it('gives the chief executive counts that agree with the tracker', async () => {
    const res = await server.api('/api/dashboard', { token: ceo });
    expect(res.status).toBe(200);
    const dash = res.json as DashboardView;
    const view = await tracker(ceo);
    const actions = actionsOf(view);
    expect(dash.headline).toEqual({
      recommendations: view.rows.length,
      openActions: actions.filter((a) => a.status === 'open' || a.status === 'reopened').length,
      overdueActions: actions.filter((a) => a.daysOverdue > 0).length,
      awaitingVerification: actions.filter((a) => a.status === 'done').length,
      verifiedActions: actions.filter((a) => a.status === 'verified').length,
    });
    for (const bars of [dash.ragByPartner, dash.ragByPriority])
      for (const rag of ['red', 'amber', 'paused', 'green'] as const)
        expect(
          bars.reduce((n, b) => n + b.counts[rag], 0),
          rag,
        ).toBe(view.totals[rag]);
    expect(dash.overdueAgeing.reduce((n, b) => n + b.count, 0)).toBe(dash.headline.overdueActions);
    expect(dash.headline.verifiedActions).toBeGreaterThanOrEqual(2);
    const college = dash.responseTimes.find((r) => r.label === 'Harbourside College');
    expect(college).toMatchObject({ responded: 0, awaiting: 1, late: 1, medianDays: null });
    const year = reportingYearOf(view.today);
    if (year === 2026) expect(dash.days).toMatchObject({ year: 2026, budget: 24 });
    else expect(dash.days).toBeNull();
  });

  it('is described in the API description, with asAt', async () => {
    const doc = (await server.api('/api/openapi.json')).json as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    };
    expect(doc.paths['/api/tracker']?.get?.parameters?.map((p) => p.name)).toEqual(['asAt']);
    expect(doc.paths['/api/dashboard']?.get).toBeDefined();
  });
});

describe('RAG_STALE_WEEKS', () => {
  it('reaches the tracker: with 9 weeks, 60 days without an update is not yet stale', async () => {
    const nine = await startTestServer({ RAG_STALE_WEEKS: '9' });
    try {
      const res = await nine.api('/api/tracker', {
        token: await nine.token('chief.executive@harbourside.example'),
      });
      const view = res.json as TrackerView;
      expect(view.rules).toEqual({ staleAfterWeeks: 9 });
      expect(byDescription(view, 'Train duty officers')?.rag).toEqual({
        rag: 'amber',
        reason: 'On track',
      });
    } finally {
      await nine.close();
    }
  });
});
