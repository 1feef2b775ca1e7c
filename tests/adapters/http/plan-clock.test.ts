import { afterEach, describe, expect, it } from 'vitest';
import { SqliteRepository } from '../../../src/adapters/sqlite/sqlite-repository.js';
import type { Actor, Deps } from '../../../src/application/deps.js';
import { RequestError } from '../../../src/application/errors.js';
import {
  createActivity,
  createPlan,
  logDay,
  londonDate,
  planSummary,
} from '../../../src/application/use-cases/plan.js';
import { findIdentifiableData } from '../../../src/domain/guard/index.js';
import {
  harboursidePlans,
  seedHarboursidePlan,
} from '../../../src/server/seed/harbourside-plan.js';
import { seedHarbourside } from '../../../src/server/seed/harbourside.js';

/** The use cases behind the plan routes, on a fixed clock, so year edges can be tested exactly. */
const repos: SqliteRepository[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.close();
});

async function setUp(now: string, withPlans = false) {
  const repo = SqliteRepository.open(':memory:');
  repos.push(repo);
  await seedHarbourside(repo);
  if (withPlans) await seedHarboursidePlan(repo);
  const people = await repo.all('people');
  const scrutineer = people.find((p) => p.fields.roles.includes('scrutineer'));
  if (!scrutineer) throw new Error('no scrutineer in the seed');
  const deps: Deps = {
    repo,
    cards: {
      sendRecommendation: async () => ({ kind: 'sent' }),
      sendDigest: async () => ({ kind: 'sent' }),
      findCard: async () => ({ kind: 'unknown' }),
    },
    now: () => new Date(now),
  };
  const actor: Actor = { ...scrutineer.fields, id: scrutineer.id };
  return { repo, deps, actor };
}

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof RequestError)) throw new Error('expected a RequestError');
  return { status: e.status, code: e.code, message: e.message };
};

describe('the reporting year on the server’s clock', () => {
  it('reads today in England, where British Summer Time moves midnight', () => {
    expect(londonDate(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01'); // BST
    expect(londonDate(new Date('2027-01-15T23:30:00Z'))).toBe('2027-01-15'); // GMT
  });

  it('finds no current plan, then the one created for the year that began at midnight', async () => {
    const { deps, actor } = await setUp('2027-03-31T23:30:00Z');
    expect(await refusal(planSummary(deps, actor, 'current'))).toEqual({
      status: 404,
      code: 'no-plan',
      message: 'There is no scrutiny plan for 2027/28 yet.',
    });
    await createPlan(deps, actor, { reportingYear: 2027, daysContracted: 20, dayRate: 600 });
    const { summary } = await planSummary(deps, actor, 'current');
    expect(summary).toMatchObject({ reportingYear: 2027, today: '2027-04-01' });
    expect(summary.pace.daysInYear).toBe(366);
  });

  it('takes a day logged today but not tomorrow', async () => {
    const { deps, actor } = await setUp('2026-11-22T10:00:00Z');
    const plan = await createPlan(deps, actor, {
      reportingYear: 2026,
      daysContracted: 20,
      dayRate: 600,
    });
    const activity = await createActivity(deps, actor, {
      planId: plan.id,
      theme: 'Theme',
      title: 'Activity',
      daysAllocated: 2,
    });
    const entry = (date: string) => ({
      activityId: activity.id,
      date,
      days: 1,
      idempotencyKey: `k-${date}`,
    });
    const today = await logDay(deps, actor, entry('2026-11-22'));
    expect(today).toMatchObject({ created: true, item: { fields: { planId: plan.id } } });
    expect(await refusal(logDay(deps, actor, entry('2026-11-23')))).toMatchObject({
      status: 400,
      code: 'future-date',
    });
  });
});

describe('the Harbourside plan seed', () => {
  it('seeds once, leaving the store unchanged on a second run', async () => {
    const { repo } = await setUp('2026-11-22T10:00:00Z', true);
    const count = async () =>
      [
        (await repo.all('plans')).length,
        (await repo.all('planActivities')).length,
        (await repo.all('dayLogs')).length,
      ].join('/');
    const before = await count();
    expect(await seedHarboursidePlan(repo)).toBe(false);
    expect(await count()).toBe(before);
    const activities = harboursidePlans.flatMap((p) => p.activities);
    expect(before).toBe(
      `${harboursidePlans.length}/${activities.length}/${activities.flatMap((a) => a.logs).length}`,
    );
  });

  it('shows a 2026/27 plan in progress with a gap, and a completed 2025/26', async () => {
    const { deps, actor } = await setUp('2026-11-22T10:00:00Z', true);
    const current = (await planSummary(deps, actor, 'current')).summary;
    expect(current.reportingYear).toBe(2026);
    expect(current.days.contracted).toBe(24);
    expect(current.cost.dayRate).toBe(650);
    expect(current.activities.length).toBeGreaterThanOrEqual(7);
    expect(current.activities.length).toBeLessThanOrEqual(9);
    expect(current.coverage.functions.filter((f) => f.gap).map((f) => f.key)).toContain(
      'advice-on-disagreements',
    );
    expect(current.days.allocated).toBeLessThanOrEqual(current.days.contracted);
    const previous = (await planSummary(deps, actor, 2025)).summary;
    expect(previous.activities.every((a) => a.status === 'done')).toBe(true);
    expect(previous.pace.phase).toBe('ended');
  });

  it('holds no text that would fail the identifiable-data guard', () => {
    const texts = harboursidePlans.flatMap((p) =>
      p.activities.flatMap((a) => [a.theme, a.title, ...a.logs.map((l) => l[2] ?? '')]),
    );
    for (const text of texts) expect(findIdentifiableData(text), text).toEqual([]);
  });
});
