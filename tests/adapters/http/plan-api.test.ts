import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanSummary } from '../../../src/domain/plan.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { sample } from '../../domain/guard/samples.js';

type Item = { id: string; etag: string; version: number } & Record<string, unknown>;
type Err = { error: { code: string; message: string; issues?: { path: string }[] } };
type SummaryBody = { plan: Item; summary: PlanSummary; activities: Item[] };

let server: TestServer;
let scrutineer: string;
let executive: string;
let businessUnit: string;
let partnerLead: string;

beforeAll(async () => {
  server = await startTestServer();
  [scrutineer, executive, businessUnit, partnerLead] = await Promise.all([
    server.token('scrutineer@harbourside.example'),
    server.token('chief.executive@harbourside.example'),
    server.token('business.unit@harbourside.example'),
    server.token('aisha.noor@eastshire-police.example'),
  ]);
});
afterAll(async () => server.close());

/** Today in England, worked out independently of the server's code. */
const londonToday = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + offsetDays * 86_400_000));
const yearOf = (iso: string) => Number(iso.slice(0, 4)) - (Number(iso.slice(5, 7)) < 4 ? 1 : 0);

const send = (
  path: string,
  init: { method: string; token: string; body?: unknown; etag?: string },
) =>
  server.api(path, {
    method: init.method,
    token: init.token,
    ...(init.body === undefined ? {} : { body: init.body }),
    ...(init.etag === undefined ? {} : { headers: { 'if-match': init.etag } }),
  });

const plans = async () =>
  ((await server.api('/api/plans', { token: scrutineer })).json as { items: Item[] }).items;

/** The plan for a reporting year, created if the seed did not make one. */
async function planFor(year: number): Promise<Item> {
  const found = (await plans()).find((p) => p.reportingYear === year);
  if (found) return found;
  const res = await server.api('/api/plans', {
    token: scrutineer,
    body: { reportingYear: year, daysContracted: 20, dayRate: 600 },
  });
  expect(res.status).toBe(201);
  return res.json as Item;
}

async function newActivity(planId: string, extra: Record<string, unknown> = {}): Promise<Item> {
  const res = await server.api('/api/plan-activities', {
    token: scrutineer,
    body: { planId, theme: 'Test theme', title: 'Test activity', daysAllocated: 2, ...extra },
  });
  expect(res.status).toBe(201);
  return res.json as Item;
}

const summaryOf = async (year: number) => {
  const res = await server.api(`/api/plans/${year}/summary`, { token: scrutineer });
  expect(res.status).toBe(200);
  return res.json as SummaryBody;
};

const issuePaths = (json: unknown) => ((json as Err).error.issues ?? []).map((i) => i.path);

describe('GET /api/plans', () => {
  it('lists the seeded plans, oldest first, with etags', async () => {
    const items = await plans();
    const years = items.map((p) => p.reportingYear as number);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(years).toEqual(expect.arrayContaining([2025, 2026]));
    const current = items.find((p) => p.reportingYear === 2026);
    expect(current).toMatchObject({ daysContracted: 24, dayRate: 650, version: 1 });
    expect(typeof current?.etag).toBe('string');
  });

  it('lets executives and the business unit read, and refuses partner leads', async () => {
    expect((await server.api('/api/plans', { token: executive })).status).toBe(200);
    expect((await server.api('/api/plans', { token: businessUnit })).status).toBe(200);
    const lead = await server.api('/api/plans', { token: partnerLead });
    expect(lead.status).toBe(403);
    expect((lead.json as Err).error.message).toContain('scrutiny plan is shared with');
  });
});

describe('GET /api/plans/:year/summary', () => {
  it('summarises the seeded 2026/27 plan from its stored activities and day logs', async () => {
    const { plan, summary, activities } = await summaryOf(2026);
    expect(plan).toMatchObject({ reportingYear: 2026, etag: expect.any(String) });
    expect(activities.length).toBeGreaterThanOrEqual(7);
    expect(activities.every((a) => a.planId === plan.id)).toBe(true);

    const logs = (
      (await server.api(`/api/day-logs?planId=${plan.id}`, { token: scrutineer })).json as {
        items: Item[];
      }
    ).items;
    const logged = logs.reduce((n, l) => n + (l.days as number), 0);
    const allocated = activities.reduce((n, a) => n + (a.daysAllocated as number), 0);
    expect(summary.days.logged).toBeCloseTo(logged, 2);
    expect(summary.days.allocated).toBeCloseTo(allocated, 2);
    expect(summary.cost.spent).toBeCloseTo(logged * 650, 2);
    expect(summary.days.contracted).toBe(24);
    expect(summary.cost.budget).toBe(24 * 650);
    expect(summary).toMatchObject({ start: '2026-04-01', end: '2027-03-31', label: '2026/27' });
    expect(summary.burnDown.map((p) => p.month)).toHaveLength(12);
    expect(summary.activities.map((a) => a.id)).toEqual(activities.map((a) => a.id));
  });

  it('shows the seeded gap in scrutiny functions and warns about it', async () => {
    const { summary } = await summaryOf(2026);
    const advice = summary.coverage.functions.find((f) => f.key === 'advice-on-disagreements');
    expect(advice).toMatchObject({ gap: true, activities: 0 });
    expect(summary.coverage.functions).toHaveLength(7);
    expect(summary.warnings).toContain(
      'No activity covers: Independent advice when partners disagree; escalation.',
    );
  });

  it('seeds a year in progress: 12 to 14 days logged between April and mid-November 2026', async () => {
    const { plan } = await summaryOf(2026);
    const seeded = (
      (await server.api(`/api/day-logs?planId=${plan.id}`, { token: scrutineer })).json as {
        items: Item[];
      }
    ).items.filter((l) => l.modifiedBy === 'system:seed');
    const total = seeded.reduce((n, l) => n + (l.days as number), 0);
    expect(total).toBeGreaterThanOrEqual(12);
    expect(total).toBeLessThanOrEqual(14);
    const dates = seeded.map((l) => l.date as string).sort();
    expect(dates[0]?.startsWith('2026-04')).toBe(true);
    expect((dates.at(-1) ?? '') <= '2026-11-15').toBe(true);
  });

  it('lets an executive read a summary and refuses a partner lead', async () => {
    expect((await server.api('/api/plans/2026/summary', { token: executive })).status).toBe(200);
    expect((await server.api('/api/plans/2026/summary', { token: partnerLead })).status).toBe(403);
  });

  it('answers 404 with a plain message for a year with no plan', async () => {
    const res = await server.api('/api/plans/2099/summary', { token: scrutineer });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({
      error: { code: 'no-plan', message: 'There is no scrutiny plan for 2099/00 yet.' },
    });
  });

  it('refuses a year that is not four digits in range', async () => {
    for (const bad of ['26', 'abcd', '20266', '1999', '2026.0']) {
      const res = await server.api(`/api/plans/${bad}/summary`, { token: scrutineer });
      expect(res.status, bad).toBe(400);
      expect((res.json as Err).error).toMatchObject({
        code: 'invalid-year',
        message: expect.stringContaining('four-digit year'),
      });
    }
  });
});

describe('GET /api/plans/current/summary', () => {
  it('summarises the plan for the reporting year containing today', async () => {
    const today = londonToday();
    const plan = await planFor(yearOf(today));
    const res = await server.api('/api/plans/current/summary', { token: executive });
    expect(res.status).toBe(200);
    const body = res.json as SummaryBody;
    expect(body.plan.id).toBe(plan.id);
    expect(body.summary.reportingYear).toBe(yearOf(today));
    expect(body.summary.today).toBe(today);
  });
});

describe('POST /api/plans', () => {
  it('creates a plan and refuses a second for the same year with 409', async () => {
    const body = { reportingYear: 2031, daysContracted: 30, dayRate: 700 };
    const first = await server.api('/api/plans', { token: scrutineer, body });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ ...body, version: 1 });
    const again = await server.api('/api/plans', { token: scrutineer, body });
    expect(again.status).toBe(409);
    expect((again.json as Err).error).toMatchObject({
      code: 'plan-exists',
      message: expect.stringContaining('already a scrutiny plan for 2031/32'),
    });
    expect((await plans()).filter((p) => p.reportingYear === 2031)).toHaveLength(1);
  });

  it('says what is wrong with an invalid plan', async () => {
    const res = await server.api('/api/plans', {
      token: scrutineer,
      body: { reportingYear: 2032.5, daysContracted: -1, dayRate: 'lots', owner: 'me' },
    });
    expect(res.status).toBe(400);
    expect(issuePaths(res.json)).toEqual(
      expect.arrayContaining(['reportingYear', 'daysContracted', 'dayRate']),
    );
    expect(JSON.stringify(res.json)).toContain('owner');
  });

  it('lets only the scrutineer create a plan', async () => {
    const res = await server.api('/api/plans', {
      token: businessUnit,
      body: { reportingYear: 2033, daysContracted: 20, dayRate: 600 },
    });
    expect(res.status).toBe(403);
    expect((res.json as Err).error.message).toBe(
      'Only the scrutineer may change the scrutiny plan or log days against it.',
    );
  });
});

describe('PATCH /api/plans/:id', () => {
  it('changes the contract with the current etag, and not without it or with a stale one', async () => {
    const plan = await planFor(2034);
    const missing = await send(`/api/plans/${plan.id}`, {
      method: 'PATCH',
      token: scrutineer,
      body: { daysContracted: 22 },
    });
    expect(missing.status).toBe(428);
    expect((missing.json as Err).error.code).toBe('precondition-required');

    const ok = await send(`/api/plans/${plan.id}`, {
      method: 'PATCH',
      token: scrutineer,
      body: { daysContracted: 22, dayRate: 625.5 },
      etag: plan.etag,
    });
    expect(ok.status).toBe(200);
    const updated = ok.json as Item;
    expect(updated).toMatchObject({ daysContracted: 22, dayRate: 625.5, reportingYear: 2034 });
    expect(updated.version).toBe(plan.version + 1);
    expect(updated.etag).not.toBe(plan.etag);

    const stale = await send(`/api/plans/${plan.id}`, {
      method: 'PATCH',
      token: scrutineer,
      body: { daysContracted: 30 },
      etag: plan.etag,
    });
    expect(stale.status).toBe(412);
    expect((stale.json as Err).error.code).toBe('conflict');
    expect((await plans()).find((p) => p.id === plan.id)?.daysContracted).toBe(22);
  });

  it('refuses an empty change, an invalid one, a change of year, and an unknown plan', async () => {
    const plan = await planFor(2035);
    const patch = (body: unknown, id = plan.id) =>
      send(`/api/plans/${id}`, { method: 'PATCH', token: scrutineer, body, etag: plan.etag });
    const empty = await patch({});
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.json)).toContain('Send at least one of: daysContracted, dayRate.');
    const invalid = await patch({ daysContracted: 400 });
    expect(invalid.status).toBe(400);
    expect(issuePaths(invalid.json)).toEqual(['daysContracted']);
    expect((await patch({ reportingYear: 2036 })).status).toBe(400);
    expect((await patch({ dayRate: 600 }, 'no-such-plan')).status).toBe(404);
  });

  it('lets only the scrutineer change a plan', async () => {
    const plan = await planFor(2026);
    const res = await send(`/api/plans/${plan.id}`, {
      method: 'PATCH',
      token: executive,
      body: { dayRate: 1 },
      etag: plan.etag,
    });
    expect(res.status).toBe(403);
  });
});

describe('POST /api/plan-activities', () => {
  it('adds an activity, planned unless said otherwise, and counts it in the summary', async () => {
    const plan = await planFor(2037);
    const created = await newActivity(plan.id, {
      functions: ['assurance', 'assurance'],
      linesOfEnquiry: ['leadership'],
      daysAllocated: 3.5,
    });
    expect(created).toMatchObject({
      planId: plan.id,
      status: 'planned',
      functions: ['assurance'],
      daysAllocated: 3.5,
    });
    const { summary } = await summaryOf(2037);
    expect(summary.days.allocated).toBe(3.5);
    expect(summary.coverage.functions.find((f) => f.key === 'assurance')?.gap).toBe(false);
    const done = await newActivity(plan.id, { status: 'done' });
    expect(done.status).toBe('done');
  });

  it('says what is wrong with an invalid activity', async () => {
    const plan = await planFor(2037);
    const res = await server.api('/api/plan-activities', {
      token: scrutineer,
      body: { planId: plan.id, theme: '', title: 'x', functions: ['telepathy'], daysAllocated: -2 },
    });
    expect(res.status).toBe(400);
    expect(issuePaths(res.json)).toEqual(
      expect.arrayContaining(['theme', 'functions.0', 'daysAllocated']),
    );
  });

  it('refuses an unknown plan', async () => {
    const res = await server.api('/api/plan-activities', {
      token: scrutineer,
      body: { planId: 'no-such-plan', theme: 'T', title: 'A', daysAllocated: 1 },
    });
    expect(res.status).toBe(400);
    expect((res.json as Err).error.code).toBe('unknown-plan');
  });

  it('refuses text that identifies a child with 422', async () => {
    const plan = await planFor(2037);
    const res = await server.api('/api/plan-activities', {
      token: scrutineer,
      body: {
        planId: plan.id,
        theme: 'Neglect',
        title: 'Follow up the child born 14/03/2019 at SW1A 1AA',
        daysAllocated: 1,
      },
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.json)).not.toContain('SW1A');
  });

  it('lets only the scrutineer add activities', async () => {
    const plan = await planFor(2037);
    for (const token of [partnerLead, executive]) {
      const res = await server.api('/api/plan-activities', {
        token,
        body: { planId: plan.id, theme: 'T', title: 'A', daysAllocated: 1 },
      });
      expect(res.status).toBe(403);
    }
  });
});

describe('PATCH /api/plan-activities/:id', () => {
  it('changes an activity with its etag, and refuses 428 and 412', async () => {
    const plan = await planFor(2037);
    const act = await newActivity(plan.id);
    const path = `/api/plan-activities/${act.id}`;
    expect(
      (await send(path, { method: 'PATCH', token: scrutineer, body: { status: 'done' } })).status,
    ).toBe(428);
    const ok = await send(path, {
      method: 'PATCH',
      token: scrutineer,
      body: { status: 'in-progress', daysAllocated: 4, linesOfEnquiry: ['voice-of-the-child'] },
      etag: act.etag,
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      status: 'in-progress',
      daysAllocated: 4,
      linesOfEnquiry: ['voice-of-the-child'],
      title: act.title,
      planId: plan.id,
    });
    const stale = await send(path, {
      method: 'PATCH',
      token: scrutineer,
      body: { status: 'done' },
      etag: act.etag,
    });
    expect(stale.status).toBe(412);
  });

  it('clears an activity’s scrutiny functions with null, opening a gap', async () => {
    const plan = await planFor(2038);
    const act = await newActivity(plan.id, { functions: ['advice-on-disagreements'] });
    const before = (await summaryOf(2038)).summary.coverage.functions;
    expect(before.find((f) => f.key === 'advice-on-disagreements')?.gap).toBe(false);
    const res = await send(`/api/plan-activities/${act.id}`, {
      method: 'PATCH',
      token: scrutineer,
      body: { functions: null },
      etag: act.etag,
    });
    expect(res.status).toBe(200);
    const after = (await summaryOf(2038)).summary.coverage.functions;
    expect(after.find((f) => f.key === 'advice-on-disagreements')?.gap).toBe(true);
  });

  it('refuses moving an activity to another plan, identifiable text, and unknown ids', async () => {
    const plan = await planFor(2037);
    const act = await newActivity(plan.id);
    const path = `/api/plan-activities/${act.id}`;
    const move = await send(path, {
      method: 'PATCH',
      token: scrutineer,
      body: { planId: 'other' },
      etag: act.etag,
    });
    expect(move.status).toBe(400);
    const named = await send(path, {
      method: 'PATCH',
      token: scrutineer,
      body: { title: `Call the mother on ${sample.phone}` },
      etag: act.etag,
    });
    expect(named.status).toBe(422);
    const unknown = await send('/api/plan-activities/nope', {
      method: 'PATCH',
      token: scrutineer,
      body: { status: 'done' },
      etag: act.etag,
    });
    expect(unknown.status).toBe(404);
    const lead = await send(path, {
      method: 'PATCH',
      token: partnerLead,
      body: { status: 'done' },
      etag: act.etag,
    });
    expect(lead.status).toBe(403);
  });
});

describe('POST /api/day-logs', () => {
  it('logs days once however often the entry is resent, on the activity’s plan', async () => {
    const today = londonToday();
    const year = yearOf(today);
    const plan = await planFor(year);
    const act = await newActivity(plan.id);
    const before = (await summaryOf(year)).summary;
    const body = {
      activityId: act.id,
      date: today,
      days: 0.75,
      idempotencyKey: crypto.randomUUID(),
    };

    const first = await server.api('/api/day-logs', { token: scrutineer, body });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ planId: plan.id, activityId: act.id, days: 0.75 });
    const second = await server.api('/api/day-logs', { token: scrutineer, body });
    expect(second.status).toBe(200);
    expect((second.json as Item).id).toBe((first.json as Item).id);

    const after = (await summaryOf(year)).summary;
    expect(after.days.logged).toBeCloseTo(before.days.logged + 0.75, 2);
    expect(after.activities.find((a) => a.id === act.id)?.daysLogged).toBe(0.75);
    const logs = (
      (await server.api(`/api/day-logs?planId=${plan.id}`, { token: scrutineer })).json as {
        items: Item[];
      }
    ).items;
    expect(logs.filter((l) => l.idempotencyKey === body.idempotencyKey)).toHaveLength(1);
  });

  it('never takes the plan from the client', async () => {
    const today = londonToday();
    const plan = await planFor(yearOf(today));
    const act = await newActivity(plan.id);
    const res = await server.api('/api/day-logs', {
      token: scrutineer,
      body: {
        activityId: act.id,
        planId: 'some-other-plan',
        date: today,
        days: 1,
        idempotencyKey: crypto.randomUUID(),
      },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).toContain('planId');
  });

  it('refuses a date outside the plan’s reporting year', async () => {
    const plan = await planFor(2026);
    const act = await newActivity(plan.id);
    const res = await server.api('/api/day-logs', {
      token: scrutineer,
      body: {
        activityId: act.id,
        date: '2026-03-31',
        days: 1,
        idempotencyKey: crypto.randomUUID(),
      },
    });
    expect(res.status).toBe(400);
    expect((res.json as Err).error).toEqual({
      code: 'outside-plan-year',
      message:
        'The date 2026-03-31 is outside the 2026/27 plan, which runs from 2026-04-01 to 2027-03-31.',
    });
  });

  it('refuses a date in the future', async () => {
    const tomorrow = londonToday(1);
    const plan = await planFor(yearOf(tomorrow));
    const act = await newActivity(plan.id);
    const res = await server.api('/api/day-logs', {
      token: scrutineer,
      body: { activityId: act.id, date: tomorrow, days: 1, idempotencyKey: crypto.randomUUID() },
    });
    expect(res.status).toBe(400);
    expect((res.json as Err).error.code).toBe('future-date');
  });

  it('says what is wrong with an invalid entry', async () => {
    const res = await server.api('/api/day-logs', {
      token: scrutineer,
      body: { activityId: 'x', date: '2026-02-30', days: 3 },
    });
    expect(res.status).toBe(400);
    expect(issuePaths(res.json)).toEqual(
      expect.arrayContaining(['date', 'days', 'idempotencyKey']),
    );
    expect(JSON.stringify(res.json)).toContain('idempotency key');
  });

  it('refuses an unknown activity, identifying notes, and anyone but the scrutineer', async () => {
    const today = londonToday();
    const plan = await planFor(yearOf(today));
    const act = await newActivity(plan.id);
    const entry = (extra: Record<string, unknown>) => ({
      activityId: act.id,
      date: today,
      days: 1,
      idempotencyKey: crypto.randomUUID(),
      ...extra,
    });
    const unknown = await server.api('/api/day-logs', {
      token: scrutineer,
      body: entry({ activityId: 'no-such-activity' }),
    });
    expect(unknown.status).toBe(400);
    expect((unknown.json as Err).error.code).toBe('unknown-activity');
    const named = await server.api('/api/day-logs', {
      token: scrutineer,
      body: entry({ note: 'Visited the family, contact jo.bloggs@example.com' }),
    });
    expect(named.status).toBe(422);
    const lead = await server.api('/api/day-logs', { token: partnerLead, body: entry({}) });
    expect(lead.status).toBe(403);
    const ceo = await server.api('/api/day-logs', { token: executive, body: entry({}) });
    expect(ceo.status).toBe(403);
  });
});

describe('GET /api/day-logs', () => {
  it('lists one plan’s entries, oldest first', async () => {
    const plan = await planFor(2025);
    const res = await server.api(`/api/day-logs?planId=${plan.id}`, { token: businessUnit });
    expect(res.status).toBe(200);
    const items = (res.json as { items: Item[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((l) => l.planId === plan.id)).toBe(true);
    const dates = items.map((l) => l.date as string);
    expect(dates).toEqual([...dates].sort());
  });

  it('answers 404 for an unknown plan, 400 for an unknown parameter, 403 for partner leads', async () => {
    expect((await server.api('/api/day-logs?planId=nope', { token: scrutineer })).status).toBe(404);
    expect((await server.api('/api/day-logs?year=2026', { token: scrutineer })).status).toBe(400);
    expect((await server.api('/api/day-logs', { token: partnerLead })).status).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('describes the plan routes', async () => {
    const doc = (await server.api('/api/openapi.json')).json as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.paths['/api/plans/{year}/summary']?.get).toBeDefined();
    expect(doc.paths['/api/plans/current/summary']?.get).toBeDefined();
    expect(doc.paths['/api/plans/{id}']?.patch?.requestBody).toBeDefined();
    expect(doc.paths['/api/plan-activities/{id}']?.patch).toBeDefined();
    expect(doc.paths['/api/day-logs']?.post?.requestBody).toBeDefined();
  });
});
