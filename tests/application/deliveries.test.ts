import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/application/deps.js';
import type { CardGateway } from '../../src/application/ports/cards.js';
import type { ChangeContext, Repository } from '../../src/application/ports/repository.js';
import { ensureDeliveries } from '../../src/application/use-cases/deliveries.js';
import { SqliteRepository } from '../../src/adapters/sqlite/sqlite-repository.js';
import type { Recommendation, WithId } from '../../src/domain/lists/schema.js';
import { seedHarbourside } from '../../src/server/seed/harbourside.js';

/**
 * Queuing a recommendation's cards: one ledger row per partner lead, written in one createMany,
 * idempotent by the row's key. The demo's draft recommendation names three partners, one lead each.
 */
const ctx: ChangeContext = {
  actorId: 'actor-scrutineer',
  homeTenantId: '0e5f6a7b-0000-4000-8000-00000000a001',
  channel: 'tab',
  at: '2026-11-23T09:00:00Z',
};
const noCards = {} as CardGateway; // never called: queuing sends nothing

let repo: SqliteRepository;
let deps: Deps;
let recommendation: WithId<Recommendation>;

beforeEach(async () => {
  repo = SqliteRepository.open(':memory:');
  await seedHarbourside(repo);
  deps = { repo, cards: noCards, now: () => new Date('2026-11-23T09:00:00Z') };
  const draft = (await repo.all('recommendations')).find((r) => r.fields.partnerIds.length === 3);
  if (!draft) throw new Error('The demo seed has no recommendation naming three partners.');
  recommendation = { ...draft.fields, id: draft.id };
});
afterEach(() => repo.close());

const rows = async () =>
  (await repo.all('cardDeliveries', { field: 'recommendationId', equals: recommendation.id })).map(
    (r) => r.fields.partnerId,
  );

describe('ensureDeliveries', () => {
  it('queues one row per lead in partner order, in one call to the store, and never twice', async () => {
    const calls: number[] = [];
    const counting: Repository = Object.create(repo) as Repository;
    counting.createMany = async (list, fieldsList, c) => {
      calls.push(fieldsList.length);
      return repo.createMany(list, fieldsList, c);
    };
    await ensureDeliveries({ ...deps, repo: counting }, recommendation, ctx);
    expect(calls).toEqual([3]);
    expect(await rows()).toEqual(recommendation.partnerIds);

    await ensureDeliveries({ ...deps, repo: counting }, recommendation, ctx);
    expect(await rows()).toEqual(recommendation.partnerIds);
  });

  it('raises a row the store refused, keeps the others, and a second call adds only it', async () => {
    const flaky: Repository = Object.create(repo) as Repository;
    flaky.createMany = async (list, fieldsList, c) => {
      const [first, ...rest] = fieldsList;
      if (!first) return [];
      return [
        { ok: false, error: new Error('the disk went away') },
        ...(await repo.createMany(list, rest, c)),
      ];
    };
    await expect(ensureDeliveries({ ...deps, repo: flaky }, recommendation, ctx)).rejects.toThrow(
      'the disk went away',
    );
    expect(await rows()).toEqual(recommendation.partnerIds.slice(1));

    await ensureDeliveries(deps, recommendation, ctx);
    expect((await rows()).sort()).toEqual([...recommendation.partnerIds].sort());
  });
});
