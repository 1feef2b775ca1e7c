import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/adapters/audit/sha256.js';
import { SqliteRepository } from '../../src/adapters/sqlite/sqlite-repository.js';
import {
  AuditedRepository,
  AuditTrailWriteError,
  type AppendFailure,
} from '../../src/application/audited-repository.js';
import type { ChangeContext, Repository } from '../../src/application/ports/repository.js';
import { contentHash, verifyChain } from '../../src/domain/audit.js';
import type { AuditEntry } from '../../src/domain/lists/schema.js';
import { repositoryContract } from '../adapters/repository-contract.js';

// The decorator must not change the port's behaviour: the whole contract runs through it.
repositoryContract('sqlite (memory) behind the audit trail', async () => {
  const inner = SqliteRepository.open(':memory:');
  return {
    repo: new AuditedRepository(inner, { hash: sha256 }),
    cleanup: async () => inner.close(),
  };
});

const TENANT = '0e5f6a7b-0000-4000-8000-00000000a001';
const PARTNER_TENANT = '0e5f6a7b-0000-4000-8000-00000000b002';
const ctx = (
  actorId: string,
  channel: ChangeContext['channel'],
  at: string,
  homeTenantId = TENANT,
) => ({
  actorId,
  homeTenantId,
  channel,
  at,
});

let dir: string | undefined;
let inner: SqliteRepository | undefined;
afterEach(async () => {
  inner?.close();
  inner = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function open(failures?: AppendFailure[]) {
  dir = await mkdtemp(join(tmpdir(), 'cf-audit-'));
  const path = join(dir, 'store.db');
  inner = SqliteRepository.open(path);
  const repo = new AuditedRepository(inner, {
    hash: sha256,
    ...(failures ? { onAppendFailure: (f: AppendFailure) => failures.push(f) } : {}),
  });
  return { repo, path, inner };
}

async function trail(repo: Repository): Promise<AuditEntry[]> {
  return (await repo.all('auditTrail')).map((i) => i.fields).sort((a, b) => a.seq - b.seq);
}

describe('the audited repository', () => {
  it('records each create and update once, with who, when, channel, tenant and field names', async () => {
    const { repo } = await open();
    const created = await repo.create(
      'partners',
      { name: 'Eastshire Constabulary', kind: 'police' },
      ctx('person-bu', 'tab', '2026-11-02T10:00:00.000Z'),
    );
    let entries = await trail(repo);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      seq: 1,
      at: '2026-11-02T10:00:00.000Z',
      actorId: 'person-bu',
      homeTenantId: TENANT,
      channel: 'tab',
      itemList: 'partners',
      itemId: created.id,
      op: 'create',
      itemVersion: 1,
      changedFields: '["kind","name"]',
      contentHash: contentHash(created.fields, sha256),
    });

    const updated = await repo.update(
      'partners',
      created.id,
      { homeTenantId: PARTNER_TENANT, name: undefined },
      created.etag,
      ctx('person-lead', 'teams-card', '2026-11-02T10:05:00.000Z', PARTNER_TENANT),
    );
    entries = await trail(repo);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({
      seq: 2,
      actorId: 'person-lead',
      homeTenantId: PARTNER_TENANT,
      channel: 'teams-card',
      op: 'update',
      itemVersion: 2,
      changedFields: '["homeTenantId"]',
      contentHash: contentHash(updated.fields, sha256),
      prevHash: entries[0]?.hash,
    });
    // Values never reach the trail.
    expect(JSON.stringify(entries)).not.toContain('Eastshire');
  });

  it('records every stored item of a createMany and none of the refused', async () => {
    const { repo } = await open();
    const c = ctx('person-bu', 'api', '2026-11-02T10:00:00.000Z');
    const results = await repo.createMany(
      'reminderNotices',
      ['k1', 'k2', 'k1'].map((noticeKey) => ({
        noticeKey,
        subjectKind: 'action' as const,
        subjectId: 'a-1',
        partnerId: 'p-1',
        dueDate: '2026-11-10',
        stage: 'reminder' as const,
        stageKey: 'before-5',
        personId: 'person-1',
        role: 'owner' as const,
        deliveryKey: 'digest-1',
        date: '2026-11-02',
      })),
      c,
    );
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    const entries = await trail(repo);
    expect(entries.map((e) => e.itemId)).toEqual(results.flatMap((r) => (r.ok ? [r.item.id] : [])));
  });

  it('writes nothing to the trail for a refused write', async () => {
    const { repo } = await open();
    const p = await repo.create(
      'partners',
      { name: 'Council', kind: 'local-authority' },
      ctx('a', 'tab', '2026-11-02T10:00:00Z'),
    );
    await expect(
      repo.update(
        'partners',
        p.id,
        { name: 'X' },
        '"stale"',
        ctx('a', 'tab', '2026-11-02T10:01:00Z'),
      ),
    ).rejects.toThrow(/changed by someone else/);
    expect(await trail(repo)).toHaveLength(1);
  });

  it('keeps one unbroken chain under concurrent writes', async () => {
    const { repo } = await open();
    const writes = Array.from({ length: 60 }, (_, n) =>
      repo.create(
        'meetings',
        { title: `Meeting ${n}`, kind: 'learning-event', startsAt: '2026-11-20T10:00:00Z' },
        ctx(`person-${n % 4}`, 'tab', `2026-11-02T10:00:${String(n % 60).padStart(2, '0')}Z`),
      ),
    );
    const created = await Promise.all(writes);
    // Updates racing with more creates.
    await Promise.all([
      ...created
        .slice(0, 20)
        .map((m) =>
          repo.update(
            'meetings',
            m.id,
            { title: `${m.fields.title} (moved)` },
            m.etag,
            ctx('x', 'api', '2026-11-02T11:00:00Z'),
          ),
        ),
      ...Array.from({ length: 20 }, (_, n) =>
        repo.create(
          'meetings',
          { title: `Late ${n}`, kind: 'learning-event', startsAt: '2026-11-21T10:00:00Z' },
          ctx('y', 'tab', '2026-11-02T11:00:00Z'),
        ),
      ),
    ]);
    const entries = await trail(repo);
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const check = verifyChain(entries, sha256);
    expect(check.breaks).toEqual([]);
    expect(check.gaps).toEqual([]);
  });

  it('follows the chain across two repositories sharing the file (another process)', async () => {
    const { repo, path } = await open();
    const other = SqliteRepository.open(path);
    try {
      const second = new AuditedRepository(other, { hash: sha256 });
      await repo.create(
        'partners',
        { name: 'A', kind: 'police' },
        ctx('a', 'tab', '2026-11-02T10:00:00Z'),
      );
      await second.create(
        'partners',
        { name: 'B', kind: 'police' },
        ctx('b', 'tab', '2026-11-02T10:01:00Z'),
      );
      // The first repository's head is stale: the unique seq refuses its entry, it reads on.
      await repo.create(
        'partners',
        { name: 'C', kind: 'police' },
        ctx('a', 'tab', '2026-11-02T10:02:00Z'),
      );
      const entries = await trail(repo);
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(verifyChain(entries, sha256).breaks).toEqual([]);
    } finally {
      other.close();
    }
  });

  it('refuses to add, change or replace audit entries through the app', async () => {
    const { repo } = await open();
    await repo.create(
      'partners',
      { name: 'A', kind: 'police' },
      ctx('a', 'tab', '2026-11-02T10:00:00Z'),
    );
    const [entry] = await repo.all('auditTrail');
    if (!entry) throw new Error('no entry');
    const c = ctx('a', 'tab', '2026-11-02T10:01:00Z');
    await expect(
      repo.update('auditTrail', entry.id, { actorId: 'b' }, entry.etag, c),
    ).rejects.toBeInstanceOf(AuditTrailWriteError);
    await expect(repo.create('auditTrail', { ...entry.fields, seq: 2 }, c)).rejects.toBeInstanceOf(
      AuditTrailWriteError,
    );
    await expect(
      repo.createMany('auditTrail', [{ ...entry.fields, seq: 2 }], c),
    ).rejects.toBeInstanceOf(AuditTrailWriteError);
    expect(await trail(repo)).toEqual([entry.fields]);
  });

  it('SQLite itself refuses UPDATE and DELETE on the trail', async () => {
    const { repo, path } = await open();
    await repo.create(
      'partners',
      { name: 'A', kind: 'police' },
      ctx('a', 'tab', '2026-11-02T10:00:00Z'),
    );
    const raw = new Database(path);
    try {
      expect(() => raw.prepare(`UPDATE "items_auditTrail" SET "f_actorId" = 'b'`).run()).toThrow(
        /append-only/,
      );
      expect(() => raw.prepare(`DELETE FROM "items_auditTrail"`).run()).toThrow(/append-only/);
      expect(() => raw.prepare(`UPDATE "history_auditTrail" SET modified_by = 'b'`).run()).toThrow(
        /append-only/,
      );
      expect(() => raw.prepare(`DELETE FROM "history_auditTrail"`).run()).toThrow(/append-only/);
      // Other lists are not append-only.
      expect(raw.prepare(`UPDATE "items_partners" SET "f_name" = 'B'`).run().changes).toBe(1);
    } finally {
      raw.close();
    }
    expect((await trail(repo))[0]?.actorId).toBe('a');
  });

  it('keeps the write and reports by name when the entry cannot be appended', async () => {
    const failures: AppendFailure[] = [];
    const { repo, path } = await open(failures);
    // Break the trail's table under the repository: appends now fail inside SQLite.
    const raw = new Database(path);
    raw.exec(
      `CREATE TRIGGER "block_insert" BEFORE INSERT ON "items_auditTrail" BEGIN SELECT RAISE(ABORT, 'blocked'); END`,
    );
    raw.close();
    const p = await repo.create(
      'partners',
      { name: 'Kept', kind: 'police' },
      ctx('a', 'tab', '2026-11-02T10:00:00Z'),
    );
    expect((await repo.get('partners', p.id))?.fields.name).toBe('Kept');
    expect(failures).toEqual([
      { itemList: 'partners', itemId: p.id, itemVersion: 1, error: 'SqliteError' },
    ]);
    expect(await trail(repo)).toEqual([]);
  });
});
