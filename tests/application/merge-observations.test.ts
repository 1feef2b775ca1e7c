import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteRepository } from '../../src/adapters/sqlite/sqlite-repository.js';
import type { Actor, Deps } from '../../src/application/deps.js';
import { ConflictError, type ChangeContext } from '../../src/application/ports/repository.js';
import { mergeObservations } from '../../src/application/use-cases/merge-observations.js';
import type { EvidenceSource } from '../../src/domain/vocabulary.js';

const ctx: ChangeContext = {
  actorId: 'p1',
  homeTenantId: 'tenant',
  channel: 'tab',
  at: '2026-06-10T12:00:00Z',
};
const scrutineer: Actor = {
  id: 'p1',
  displayName: 'Test Scrutineer',
  upn: 'scrutineer@example.test',
  entraObjectId: 'oid-1',
  homeTenantId: 'tenant',
  roles: ['scrutineer'],
};

let repo: SqliteRepository;
let deps: Deps;
beforeEach(() => {
  repo = SqliteRepository.open(':memory:');
  deps = {
    repo,
    now: () => new Date('2026-06-10T12:00:00Z'),
    cards: {
      sendRecommendation: async () => {
        throw new Error('no cards in this test');
      },
      sendDigest: async () => {
        throw new Error('no cards in this test');
      },
      findCard: async () => {
        throw new Error('no cards in this test');
      },
    },
  };
});
afterEach(() => repo.close());

const observation = (source: EvidenceSource, status: 'open' | 'promoted' = 'open') =>
  repo.create(
    'observations',
    {
      text: 'Seen at the audit.',
      evidenceClass: 'worry',
      source,
      observedAt: ctx.at,
      status,
    },
    ctx,
  );

describe('mergeObservations', () => {
  it('completes on retry after the finding changed under it half-way', async () => {
    const a = await observation('meeting');
    const finding = await repo.create(
      'findings',
      {
        title: 'Strategy discussions',
        summary: 'Seen at the SLG.',
        evidenceClass: 'worry',
        observationIds: [a.id],
        sources: ['meeting'],
      },
      ctx,
    );
    const b = await observation('audit');

    // Someone edits the finding between our check and our write to it.
    const update = repo.update.bind(repo);
    let raced = false;
    repo.update = (async (list, id, patch, etag, c) => {
      if (list === 'findings' && !raced) {
        raced = true;
        const now = await repo.get('findings', id);
        await update('findings', id, { summary: 'Edited meanwhile.' }, now?.etag ?? '', c);
      }
      return update(list, id, patch, etag, c);
    }) as SqliteRepository['update'];

    await expect(
      mergeObservations(deps, scrutineer, finding.id, [b.id], finding.etag),
    ).rejects.toBeInstanceOf(ConflictError);
    const half = await repo.get('observations', b.id);
    expect(half?.fields).toMatchObject({ status: 'promoted', findingId: finding.id });
    expect((await repo.get('findings', finding.id))?.fields.observationIds).toEqual([a.id]);

    // The caller reloads and retries: the merge completes without touching b again.
    const current = await repo.get('findings', finding.id);
    const merged = await mergeObservations(deps, scrutineer, finding.id, [b.id], current?.etag);
    expect(merged.fields).toMatchObject({
      summary: 'Edited meanwhile.',
      observationIds: [a.id, b.id],
      sources: ['meeting', 'audit'],
    });
    expect((await repo.get('observations', b.id))?.version).toBe(half?.version);
  });
});
