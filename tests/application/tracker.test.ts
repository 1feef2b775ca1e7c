import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteRepository } from '../../src/adapters/sqlite/sqlite-repository.js';
import type { Actor, Deps } from '../../src/application/deps.js';
import { RequestError } from '../../src/application/errors.js';
import type { CardGateway } from '../../src/application/ports/cards.js';
import type { ChangeContext } from '../../src/application/ports/repository.js';
import { buildDashboard } from '../../src/application/use-cases/dashboard.js';
import { buildTrackerView } from '../../src/application/use-cases/tracker.js';
import type { TrackerView } from '../../src/domain/tracker-view.js';
import { DEMO_TENANT_ID, seedHarbourside } from '../../src/server/seed/harbourside.js';
import { seedHarboursidePlan } from '../../src/server/seed/harbourside-plan.js';

/**
 * The tracker as at past dates, against a real (in-memory SQLite) store: records are written
 * with the instants they happened at, and each view must show only what existed by then.
 */
let repo: SqliteRepository;
let deps: Deps;
let scrutineer: Actor;
let aisha: Actor;
let ceo: Actor;
let ids: { rec: string; police: string; council: string; action: string };

const NOW = '2026-11-20T12:00:00.000Z';
const REF = 'HSCP-R-2026-50';
const LATER_REF = 'HSCP-R-2026-51';
const SUMMER_REF = 'HSCP-R-2026-52';

const at = (instant: string, actorId = 'system:test'): ChangeContext => ({
  actorId,
  homeTenantId: DEMO_TENANT_ID,
  channel: 'tab',
  at: instant,
});

async function actor(upn: string): Promise<Actor> {
  const [p] = await repo.all('people', { field: 'upn', equals: upn });
  if (!p) throw new Error(`no ${upn}`);
  return { ...p.fields, id: p.id };
}

beforeAll(async () => {
  repo = SqliteRepository.open(':memory:');
  await seedHarbourside(repo, new Date('2026-08-01T09:00:00Z'));
  await seedHarboursidePlan(repo, new Date('2026-08-01T09:00:00Z'));
  deps = { repo, cards: {} as CardGateway, now: () => new Date(NOW) };
  scrutineer = await actor('scrutineer@harbourside.example');
  aisha = await actor('aisha.noor@eastshire-police.example');
  ceo = await actor('chief.executive@harbourside.example');
  const partner = async (name: string) =>
    (await repo.all('partners')).find((p) => p.fields.name === name)?.id ?? '';
  const police = await partner('Eastshire Constabulary');
  const council = await partner('Harbourside Council');
  const [finding] = await repo.all('findings');

  const issue = (reference: string, issuedAt: string, partnerIds: string[]) =>
    repo.create(
      'recommendations',
      {
        reference,
        title: `Recommendation ${reference}`,
        text: 'Partners should agree one escalation route.',
        priority: 'high',
        partnerIds,
        findingIds: finding ? [finding.id] : [],
        responseDueDate: '2026-09-30',
        status: 'issued',
        issuedAt,
      },
      at(issuedAt),
    );
  // Issued at 10:00 BST (an offset, as some stores write it) on 1 September.
  const rec = await issue(REF, '2026-09-01T10:00:00+01:00', [police, council]);
  await issue(LATER_REF, '2026-11-01T12:00:00Z', [council]);
  // 00:30 on 1 July in England, still 30 June in UTC.
  await issue(SUMMER_REF, '2026-06-30T23:30:00Z', [council]);

  const response = await repo.create(
    'responses',
    {
      recommendationId: rec.id,
      partnerId: police,
      decision: 'accept',
      rationale: 'Agreed.',
      responderId: aisha.id,
      responderTenantId: aisha.homeTenantId,
      channel: 'teams-card',
      respondedAt: '2026-09-20T10:00:00Z',
      responseKey: `${rec.id}:${police}`,
    },
    at('2026-09-20T10:00:00.000Z', aisha.id),
  );
  const action = await repo.create(
    'actions',
    {
      recommendationId: rec.id,
      responseId: response.id,
      partnerId: police,
      description: 'Name a duty officer for strategy discussions on every shift.',
      ownerId: aisha.id,
      targetDate: '2026-12-31',
      status: 'reopened',
      actionKey: `${rec.id}:${police}:0`,
    },
    at('2026-09-20T10:00:00.000Z', aisha.id),
  );
  await repo.create(
    'actionUpdates',
    {
      actionId: action.id,
      progress: 100,
      narrative: 'Rota published.',
      authorId: aisha.id,
      at: '2026-10-01T10:00:00.000Z',
      updateKey: 'u1',
    },
    at('2026-10-01T10:00:00.000Z', aisha.id),
  );
  for (const [kind, instant, note] of [
    ['verified', '2026-10-05T10:00:00.000Z', 'Saw the rota and the Front Door log.'],
    ['reopened', '2026-10-20T10:00:00.000Z', 'Night shifts were left out.'],
  ] as const)
    await repo.create(
      'actionEvents',
      { actionId: action.id, kind, note, byId: scrutineer.id, at: instant, eventKey: kind },
      at(instant, scrutineer.id),
    );
  const check = await repo.create(
    'impactChecks',
    {
      actionId: action.id,
      recommendationId: rec.id,
      monthsAfter: 3,
      dueDate: '2027-01-05',
      status: 'scheduled',
      checkKey: `${action.id}:3`,
    },
    at('2026-10-06T09:00:00.000Z', scrutineer.id),
  );
  await repo.update(
    'impactChecks',
    check.id,
    {
      status: 'done',
      outcomeClass: 'too-early',
      outcome: 'Too early to see a change.',
      completedAt: '2026-11-02T09:00:00.000Z',
    },
    check.etag,
    at('2026-11-02T09:00:00.000Z', scrutineer.id),
  );
  ids = { rec: rec.id, police, council, action: action.id };
});
afterAll(() => repo.close?.());

const rowOf = (view: TrackerView, reference = REF) =>
  view.rows.find((r) => r.recommendation.reference === reference);
const partOf = (view: TrackerView, partnerId: string) =>
  rowOf(view)?.partners.find((p) => p.partner.id === partnerId);

describe('the tracker as at a past date', () => {
  it('before any response: no response, no actions, amber awaiting; later items absent', async () => {
    const view = await buildTrackerView(deps, scrutineer, { asAt: '2026-09-10' });
    expect(view).toMatchObject({
      asAt: '2026-09-10T22:59:59.999Z',
      today: '2026-09-10',
      isPast: true,
    });
    const refs = view.rows.map((r) => r.recommendation.reference);
    expect(refs).toContain(REF);
    // Issued later: HSCP-R-2026-01 (23 October) and our November one.
    expect(refs).not.toContain(LATER_REF);
    expect(refs).not.toContain('HSCP-R-2026-01');
    const police = partOf(view, ids.police);
    expect(police?.response).toBeUndefined();
    expect(police?.actions).toEqual([]);
    expect(police?.rag).toEqual({ rag: 'amber', reason: 'Awaiting response' });
    expect(rowOf(view)?.ageDays).toBe(9);
    expect(rowOf(view)?.recommendation.issuedAt).toBe('2026-09-01T09:00:00.000Z');
  });

  it('after the response, before any update: the action is open with no history', async () => {
    const view = await buildTrackerView(deps, scrutineer, { asAt: '2026-09-25' });
    const police = partOf(view, ids.police);
    expect(police?.response).toMatchObject({
      decision: 'accept',
      responderName: 'Aisha Noor',
      daysToRespond: 19,
    });
    expect(police?.actions).toHaveLength(1);
    expect(police?.actions[0]).toMatchObject({
      status: 'open',
      progress: 0,
      history: [],
      impactChecks: [],
      ownerName: 'Aisha Noor',
      rag: { rag: 'amber', reason: 'On track' },
    });
  });

  it('after the claim of done: amber awaiting verification; the silent partner is red once late', async () => {
    const view = await buildTrackerView(deps, scrutineer, { asAt: '2026-10-03' });
    expect(partOf(view, ids.police)?.actions[0]).toMatchObject({ status: 'done', progress: 100 });
    expect(partOf(view, ids.police)?.rag.rag).toBe('amber');
    expect(partOf(view, ids.council)?.rag).toEqual({
      rag: 'red',
      reason: 'Response overdue by 3 days',
    });
    expect(rowOf(view)?.rag.rag).toBe('red');
  });

  it('between verification and reopening: green, with the evidence seen and who saw it', async () => {
    const view = await buildTrackerView(deps, scrutineer, { asAt: '2026-10-10' });
    const action = partOf(view, ids.police)?.actions[0];
    expect(action).toMatchObject({
      status: 'verified',
      verifiedAt: '2026-10-05T10:00:00.000Z',
      note: 'Saw the rota and the Front Door log.',
      rag: { rag: 'green', reason: 'Done and verified' },
    });
    expect(action?.history.map((h) => [h.kind, h.byName])).toEqual([
      ['update', 'Aisha Noor'],
      ['verified', 'Morgan Ellis'],
    ]);
    // Scheduled by then; its outcome came later.
    expect(action?.impactChecks).toEqual([
      {
        id: expect.any(String),
        etag: expect.any(String),
        monthsAfter: 3,
        dueDate: '2027-01-05',
        status: 'scheduled',
      },
    ]);
  });

  it('now: reopened, verification cleared, the full history and the check’s outcome', async () => {
    const view = await buildTrackerView(deps, scrutineer);
    expect(view).toMatchObject({ asAt: NOW, today: '2026-11-20', isPast: false, reach: 'all' });
    const action = partOf(view, ids.police)?.actions[0];
    expect(action).toMatchObject({
      status: 'reopened',
      note: 'Night shifts were left out.',
      rag: { rag: 'amber', reason: 'Reopened; on track' },
      daysSinceUpdate: 31,
    });
    expect(action?.verifiedAt).toBeUndefined();
    expect(action?.history.map((h) => h.kind)).toEqual(['update', 'verified', 'reopened']);
    expect(action?.impactChecks[0]).toMatchObject({
      status: 'done',
      outcomeClass: 'too-early',
      outcome: 'Too early to see a change.',
    });
    expect(rowOf(view, LATER_REF)).toBeDefined();
    expect(rowOf(view)?.recommendation.themes.length).toBeGreaterThan(0);
  });

  it('a day ends at midnight in England, not UTC', async () => {
    const june30 = await buildTrackerView(deps, scrutineer, { asAt: '2026-06-30' });
    expect(rowOf(june30, SUMMER_REF)).toBeUndefined();
    const july1 = await buildTrackerView(deps, scrutineer, { asAt: '2026-07-01' });
    expect(rowOf(july1, SUMMER_REF)?.ageDays).toBe(0);
  });

  it('totals count partner parts by RAG', async () => {
    const view = await buildTrackerView(deps, scrutineer, { asAt: '2026-10-03' });
    const parts = view.rows.flatMap((r) => r.partners);
    expect(Object.values(view.totals).reduce((a, b) => a + b, 0)).toBe(parts.length);
    expect(view.totals.red).toBe(parts.filter((p) => p.rag.rag === 'red').length);
  });

  it('refuses a future date and a date that is not one, saying why', async () => {
    await expect(buildTrackerView(deps, scrutineer, { asAt: '2026-11-21' })).rejects.toMatchObject({
      status: 400,
      code: 'future-date',
    });
    await expect(buildTrackerView(deps, scrutineer, { asAt: '2026-02-30' })).rejects.toThrow(
      /asAt must be a date such as 2026-11-01/,
    );
    // Today is now, not the end of a day that has not finished.
    const today = await buildTrackerView(deps, scrutineer, { asAt: '2026-11-20' });
    expect(today).toMatchObject({ asAt: NOW, isPast: false });
  });
});

describe('trimming by reader', () => {
  it('a partner lead sees only recommendations naming their partner, and only their own part', async () => {
    const view = await buildTrackerView(deps, aisha);
    expect(view.reach).toBe('partner');
    const refs = view.rows.map((r) => r.recommendation.reference);
    expect(refs).toContain(REF);
    expect(refs).not.toContain(LATER_REF);
    expect(refs).not.toContain(SUMMER_REF);
    for (const row of view.rows)
      expect(row.partners.map((p) => p.partner.id)).toEqual([ids.police]);
    expect(Object.values(view.totals).reduce((a, b) => a + b, 0)).toBe(view.rows.length);
    // The whole view has the council's part as well.
    const whole = await buildTrackerView(deps, ceo);
    expect(rowOf(whole)?.partners.map((p) => p.partner.id)).toEqual([ids.police, ids.council]);
  });

  it('someone with neither a partner nor a whole-view role gets 403', async () => {
    const nobody: Actor = { ...aisha, id: 'nobody', partnerId: null, roles: ['partner-lead'] };
    await expect(buildTrackerView(deps, nobody)).rejects.toBeInstanceOf(RequestError);
    await expect(buildTrackerView(deps, nobody)).rejects.toMatchObject({ status: 403 });
  });
});

describe('the dashboard from the same view', () => {
  it('is for whole-view readers; partner leads get 403', async () => {
    await expect(buildDashboard(deps, aisha)).rejects.toMatchObject({ status: 403 });
  });

  it('counts the days of scrutiny logged by the as-at date in that reporting year', async () => {
    const may = await buildDashboard(deps, ceo, { asAt: '2026-05-31' });
    // 8 and 15 April (0.5 each), 21 April and 14 May (1 each) on the seeded 2026/27 plan.
    expect(may.days).toEqual({ year: 2026, budget: 24, used: 3, remaining: 21 });
    const now = await buildDashboard(deps, ceo);
    expect(now.days?.used).toBeGreaterThan(3);
    const earlier = await buildDashboard(deps, ceo, { asAt: '2025-03-01' });
    expect(earlier.days).toBeNull();
  });

  it('agrees with the tracker it is built from', async () => {
    const view = await buildTrackerView(deps, ceo, { asAt: '2026-10-03' });
    const dash = await buildDashboard(deps, ceo, { asAt: '2026-10-03' });
    expect(dash.headline.recommendations).toBe(view.rows.length);
    for (const bars of [dash.ragByPartner, dash.ragByPriority]) {
      const sum = bars.reduce((n, b) => n + b.counts.red, 0);
      expect(sum).toBe(view.totals.red);
    }
    expect(dash.headline.awaitingVerification).toBe(1);
    const council = dash.responseTimes.find((r) => r.partnerId === ids.council);
    expect(council).toMatchObject({ awaiting: expect.any(Number), late: expect.any(Number) });
    expect(council?.late).toBeGreaterThanOrEqual(1);
  });
});
