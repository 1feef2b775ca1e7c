import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteEvidenceStore } from '../../../src/adapters/sqlite/sqlite-evidence-store.js';
import { SqliteRepository } from '../../../src/adapters/sqlite/sqlite-repository.js';
import { evidenceStoreContract } from '../evidence-store-contract.js';

evidenceStoreContract('sqlite (memory)', async () => {
  const store = SqliteEvidenceStore.open(':memory:');
  return { store, close: async () => store.close() };
});

evidenceStoreContract('sqlite (file)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cf-evidence-contract-'));
  const store = SqliteEvidenceStore.open(join(dir, 'store.db'));
  return {
    store,
    close: async () => {
      store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteEvidenceStore beside the repository', () => {
  it('shares the database file with the lists and keeps files across a reopen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cf-evidence-shared-'));
    const path = join(dir, 'critical-friend.db');
    try {
      const repo = SqliteRepository.open(path);
      const store = SqliteEvidenceStore.open(path);
      const ctx = {
        actorId: 'actor-scrutineer',
        homeTenantId: '0e5f6a7b-0000-4000-8000-00000000a001',
        channel: 'tab' as const,
        at: '2026-03-04T10:00:00Z',
      };
      const partner = await repo.create(
        'partners',
        { name: 'Eastshire Constabulary', kind: 'police' },
        ctx,
      );
      const content = new TextEncoder().encode('evidence');
      const stored = await store.put(
        {
          name: 'Note.txt',
          contentType: 'text/plain',
          itemList: 'partners',
          itemId: partner.id,
          screening: 'text-checked',
          sha256: 'a'.repeat(64),
        },
        content,
        ctx,
      );
      store.close();
      repo.close();

      const reopened = SqliteEvidenceStore.open(path);
      const reopenedRepo = SqliteRepository.open(path);
      expect(await reopened.get(stored.id)).toStrictEqual(stored);
      expect(await reopenedRepo.get('partners', partner.id)).toBeDefined();
      reopened.close();
      reopenedRepo.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
