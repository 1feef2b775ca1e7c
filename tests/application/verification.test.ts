import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteRepository } from '../../src/adapters/sqlite/sqlite-repository.js';
import type { Actor, Deps } from '../../src/application/deps.js';
import { RequestError } from '../../src/application/errors.js';
import type { ChangeContext, StoredItem } from '../../src/application/ports/repository.js';
import { recordActionUpdate } from '../../src/application/use-cases/action-updates.js';
import {
  completeImpactCheck,
  scheduleImpactCheck,
} from '../../src/application/use-cases/impact-checks.js';
import { listTasks } from '../../src/application/use-cases/tasks.js';
import { recordActionEvent } from '../../src/application/use-cases/verification.js';
import type { Role } from '../../src/domain/vocabulary.js';

const noCards = async () => {
  throw new Error('no cards in this test');
};

let repo: SqliteRepository;
let deps: Deps;
let clock: Date;
let scrutineer: Actor;
let owner: Actor;
let action: StoredItem<'actions'>;
let ctx: ChangeContext;

async function person(upn: string, roles: Role[], partnerId?: string): Promise<Actor> {
  const p = await repo.create(
    'people',
    {
      displayName: upn,
      upn,
      entraObjectId: `oid-${upn}`,
      homeTenantId: 'tenant',
      roles,
      ...(partnerId ? { partnerId } : {}),
    },
    ctx,
  );
  return { ...p.fields, id: p.id };
}

beforeEach(async () => {
  repo = SqliteRepository.open(':memory:');
  clock = new Date('2026-08-31T10:00:00Z');
  deps = {
    repo,
    now: () => clock,
    cards: { sendRecommendation: noCards, sendDigest: noCards, findCard: noCards },
  };
  ctx = { actorId: 'seed', homeTenantId: 'tenant', channel: 'system', at: clock.toISOString() };
  const partner = await repo.create(
    'partners',
    { name: 'Eastshire Constabulary', kind: 'police' },
    ctx,
  );
  scrutineer = await person('scrutineer@example.test', ['scrutineer']);
  owner = await person('lead@example.test', ['partner-lead'], partner.id);
  const rec = await repo.create(
    'recommendations',
    {
      reference: 'HSCP-R-2026-07',
      title: 'Escalation protocol',
      text: 'Publish one escalation protocol.',
      priority: 'medium',
      partnerIds: [partner.id],
      responseDueDate: '2026-09-30',
      status: 'issued',
      issuedAt: '2026-06-01T09:00:00Z',
    },
    ctx,
  );
  const response = await repo.create(
    'responses',
    {
      recommendationId: rec.id,
      partnerId: partner.id,
      decision: 'accept',
      rationale: 'Agreed.',
      responderId: owner.id,
      responderTenantId: 'tenant',
      channel: 'tab',
      respondedAt: '2026-06-10T09:00:00Z',
      responseKey: `${rec.id}:${partner.id}`,
    },
    ctx,
  );
  action = await repo.create(
    'actions',
    {
      recommendationId: rec.id,
      responseId: response.id,
      partnerId: partner.id,
      description: 'Publish the escalation protocol on the partnership website.',
      ownerId: owner.id,
      targetDate: '2026-12-31',
      status: 'open',
      actionKey: `${rec.id}:${partner.id}:0`,
    },
    ctx,
  );
});
afterEach(() => repo.close());

let keys = 0;
const key = () => `key-${String(++keys).padStart(8, '0')}`;
const tick = (ms = 60_000) => {
  clock = new Date(clock.getTime() + ms);
};
const update = async (progress: number) => {
  tick();
  return recordActionUpdate(
    deps,
    owner,
    { actionId: action.id, progress, narrative: `At ${progress}%.`, submitKey: key() },
    'teams-card',
  );
};
const act = async (kind: 'verified' | 'reopened' | 'paused' | 'resumed', eventKey = key()) => {
  tick();
  return recordActionEvent(deps, scrutineer, {
    actionId: action.id,
    kind,
    note: kind === 'verified' ? 'Saw the published protocol.' : 'The reason.',
    eventKey,
  });
};
const status = async () => (await repo.get('actions', action.id))?.fields.status;

async function refusal(work: Promise<unknown>): Promise<RequestError> {
  const e = await work.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(RequestError);
  return e as RequestError;
}

describe('owner updates move the status column', () => {
  it('100% is done; below 100% from done is open again; paused stays paused', async () => {
    await update(40);
    expect(await status()).toBe('open');
    await update(100);
    expect(await status()).toBe('done');
    await update(90);
    expect(await status()).toBe('open');
    await act('paused');
    expect(await status()).toBe('paused');
    await update(100);
    expect(await status()).toBe('paused');
    // The 100% given while paused takes effect on resuming: the claim is not lost.
    await act('resumed');
    expect(await status()).toBe('done');
    await update(90);
    await act('paused');
    await act('resumed');
    expect(await status()).toBe('open');
  });
});

describe('recording an act', () => {
  it('stores it once for a retry with the same event key, and the column follows', async () => {
    await update(100);
    const first = await act('verified', 'verify-once-1');
    expect(first.created).toBe(true);
    expect(first.action.fields.status).toBe('verified');
    const again = await act('verified', 'verify-once-1');
    expect(again.created).toBe(false);
    expect(again.event.id).toBe(first.event.id);
    expect(await repo.all('actionEvents', { field: 'actionId', equals: action.id })).toHaveLength(
      1,
    );
    expect(await status()).toBe('verified');
  });

  it('refuses an illegal move with the reason, storing nothing', async () => {
    const e = await refusal(act('verified'));
    expect(e.status).toBe(409);
    expect(e.message).toBe('This action is not reported done yet, so it cannot be verified.');
    expect(await repo.all('actionEvents')).toHaveLength(0);
    const r = await refusal(act('resumed'));
    expect(r.status).toBe(409);
  });

  it('needs the evidence seen to verify, and only the scrutineer may act', async () => {
    await update(100);
    const e = await refusal(
      recordActionEvent(deps, scrutineer, {
        actionId: action.id,
        kind: 'verified',
        note: '  ',
        eventKey: key(),
      }),
    );
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/evidence/);
    const f = await refusal(
      recordActionEvent(deps, owner, {
        actionId: action.id,
        kind: 'verified',
        note: 'I did it.',
        eventKey: key(),
      }),
    );
    expect(f.status).toBe(403);
    expect(await status()).toBe('done');
  });

  it('retries the status column once when someone else changed the action meanwhile', async () => {
    await update(100);
    const original = repo.update.bind(repo);
    let raced = 0;
    repo.update = (async (list, id, patch, etag, c) => {
      if (list === 'actions' && raced === 0) {
        raced++;
        const now = await repo.get('actions', id);
        await original(
          'actions',
          id,
          { evidenceExpected: 'Changed meanwhile.' },
          now?.etag ?? '',
          c,
        );
      }
      return original(list, id, patch, etag, c);
    }) as SqliteRepository['update'];
    const result = await act('verified');
    expect(raced).toBe(1);
    expect(result.action.fields).toMatchObject({
      status: 'verified',
      evidenceExpected: 'Changed meanwhile.',
    });
  });
});

describe('impact checks', () => {
  const verified = async () => {
    await update(100);
    await act('verified');
  };

  it('lands on the plan of the due date’s reporting year, once', async () => {
    // Verified 31 August 2026: six months on is 28 February 2027, in the 2026/27 plan.
    await repo.create('plans', { reportingYear: 2026, daysContracted: 20, dayRate: 600 }, ctx);
    await verified();
    const first = await scheduleImpactCheck(deps, scrutineer, action.id, 6);
    expect(first).toMatchObject({ created: true, landedOnPlan: true });
    expect(first.check.fields).toMatchObject({ dueDate: '2027-02-28', status: 'scheduled' });
    const activity = await repo.get('planActivities', first.check.fields.planActivityId ?? '');
    expect(activity?.fields).toMatchObject({
      theme: 'Impact checks',
      title:
        'Impact check: HSCP-R-2026-07 — Publish the escalation protocol on the partnership website.',
      functions: ['assurance'],
      daysAllocated: 0.5,
      status: 'planned',
    });
    const again = await scheduleImpactCheck(deps, scrutineer, action.id, 6);
    expect(again).toMatchObject({ created: false, landedOnPlan: true });
    expect(await repo.all('impactChecks')).toHaveLength(1);
    expect(await repo.all('planActivities')).toHaveLength(1);

    const done = await completeImpactCheck(
      deps,
      scrutineer,
      first.check.id,
      { status: 'done', outcomeClass: 'gone-well', outcome: 'Practitioners use it.' },
      again.check.etag,
    );
    expect(done.fields).toMatchObject({ status: 'done', outcomeClass: 'gone-well' });
    expect((await repo.get('planActivities', activity?.id ?? ''))?.fields.status).toBe('done');
    const twice = await refusal(
      completeImpactCheck(deps, scrutineer, done.id, { status: 'cancelled' }, done.etag),
    );
    expect(twice.status).toBe(409);
  });

  it('is scheduled all the same when there is no plan for its year, and says so', async () => {
    await repo.create('plans', { reportingYear: 2026, daysContracted: 20, dayRate: 600 }, ctx);
    await verified();
    // Twelve months on is 31 August 2027: the 2027/28 plan, which does not exist.
    const r = await scheduleImpactCheck(deps, scrutineer, action.id, 12);
    expect(r).toMatchObject({ created: true, landedOnPlan: false });
    expect(r.notice).toMatch(/no scrutiny plan for 2027\/28/);
    expect(r.check.fields.planActivityId).toBeFalsy();
    expect(await repo.all('planActivities')).toHaveLength(0);
  });

  it('needs a verified action', async () => {
    await update(100);
    const e = await refusal(scheduleImpactCheck(deps, scrutineer, action.id, 3));
    expect(e.status).toBe(409);
    expect(await repo.all('impactChecks')).toHaveLength(0);
  });
});

describe('the scrutineer’s tasks', () => {
  it('lists actions awaiting verification since the claim, then checks as they fall due', async () => {
    await update(60);
    const claim = await update(100);
    let tasks = await listTasks(deps, scrutineer);
    expect(tasks).toEqual([
      expect.objectContaining({
        kind: 'verify',
        actionId: action.id,
        recommendationReference: 'HSCP-R-2026-07',
        partnerName: 'Eastshire Constabulary',
        since: claim.item.fields.at,
      }),
    ]);
    await act('verified');
    const check = await scheduleImpactCheck(deps, scrutineer, action.id, 3);
    tasks = await listTasks(deps, scrutineer);
    expect(tasks).toEqual([
      expect.objectContaining({
        kind: 'impact-check',
        impactCheckId: check.check.id,
        dueDate: '2026-11-30',
        due: false,
      }),
    ]);
    clock = new Date('2026-11-30T09:00:00Z');
    tasks = await listTasks(deps, scrutineer);
    expect(tasks[0]).toMatchObject({ kind: 'impact-check', due: true });
    await expect(listTasks(deps, owner)).rejects.toMatchObject({ status: 403 });
  });
});
