import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/adapters/audit/sha256.js';
import { SqliteRepository } from '../../src/adapters/sqlite/sqlite-repository.js';
import { AuditedRepository } from '../../src/application/audited-repository.js';
import { seedHarbourside } from '../../src/server/seed/harbourside.js';

/** `npm run audit:verify` as a process, against a store in a temporary DATA_DIR. */
function verify(dataDir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
      env: { ...process.env, NODE_ENV: 'test', STORE: 'sqlite', DATA_DIR: dataDir },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out }));
  });
}

let dataDir: string;
let dbPath: string;
let entries: number;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cf-audit-verify-'));
  dbPath = join(dataDir, 'critical-friend.db');
  const inner = SqliteRepository.open(dbPath);
  await seedHarbourside(new AuditedRepository(inner, { hash: sha256 }));
  entries = (await inner.all('auditTrail')).length;
  inner.close();
}, 30_000);
afterAll(async () => rm(dataDir, { recursive: true, force: true }));

/** A raw connection that drops the append-only triggers first, as a tamperer with the file would. */
function tamper(sql: string): void {
  const raw = new Database(dbPath);
  try {
    const triggers = raw
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'items_auditTrail'",
      )
      .all() as { name: string }[];
    expect(triggers.length).toBe(2);
    for (const { name } of triggers) raw.exec(`DROP TRIGGER "${name}"`);
    raw.exec(sql);
  } finally {
    raw.close();
  }
}

describe('npm run audit:verify', () => {
  it('says a seeded store is intact and exits 0', async () => {
    expect(entries).toBeGreaterThan(20);
    const { code, out } = await verify(dataDir);
    expect(out).toContain(`The chain of ${entries} entries is unbroken`);
    expect(out).toContain('Audit trail intact.');
    expect(code).toBe(0);
  }, 30_000);

  it('names the tampered entry and exits 1', async () => {
    tamper(`UPDATE "items_auditTrail" SET "f_actorId" = 'someone-else' WHERE "f_seq" = 7`);
    const { code, out } = await verify(dataDir);
    expect(out).toContain('The chain is broken at entry 7');
    expect(out).toContain('entry 7: altered');
    expect(out).toContain('Audit trail NOT intact.');
    expect(code).toBe(1);
  }, 30_000);

  it('exits 1 when there is no store where DATA_DIR points', async () => {
    const { code, out } = await verify(join(dataDir, 'nowhere'));
    expect(out).toContain('No store at');
    expect(code).toBe(1);
  }, 30_000);
});

describe('npm run audit:verify on an item changed outside the app', () => {
  let dir: string;
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('reports the item and exits 1, with the chain itself intact', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cf-audit-outside-'));
    const inner = SqliteRepository.open(join(dir, 'critical-friend.db'));
    const repo = new AuditedRepository(inner, { hash: sha256 });
    const ctx = {
      actorId: 'a',
      homeTenantId: 't',
      channel: 'tab' as const,
      at: '2026-11-02T10:00:00Z',
    };
    const partner = await repo.create(
      'partners',
      { name: 'Council', kind: 'local-authority' },
      ctx,
    );
    inner.close();
    expect((await verify(dir)).code).toBe(0);
    const raw = new Database(join(dir, 'critical-friend.db'));
    raw.prepare(`UPDATE "items_partners" SET "f_name" = 'Renamed' WHERE id = ?`).run(partner.id);
    raw.close();
    const { code, out } = await verify(dir);
    expect(out).toContain('The chain of 1 entries is unbroken');
    expect(out).toContain(`partners ${partner.id}: version 1 changed outside the app`);
    expect(code).toBe(1);
  }, 30_000);
});
