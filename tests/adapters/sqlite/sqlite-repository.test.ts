import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fieldColumn,
  fromSql,
  historyTable,
  itemsTable,
  toSql,
} from '../../../src/adapters/sqlite/ddl.js';
import { SqliteRepository } from '../../../src/adapters/sqlite/sqlite-repository.js';
import { ConflictError, type ChangeContext } from '../../../src/application/ports/repository.js';
import type { BooleanColumn, Column, ListSchema } from '../../../src/domain/lists/columns.js';
import { listNames, lists, type Fields, type ListName } from '../../../src/domain/lists/schema.js';
import { repositoryContract } from '../repository-contract.js';

repositoryContract('sqlite (memory)', async () => {
  const repo = SqliteRepository.open(':memory:');
  return { repo, cleanup: async () => repo.close() };
});

repositoryContract('sqlite (file)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cf-sqlite-contract-'));
  const repo = SqliteRepository.open(join(dir, 'store.db'));
  return {
    repo,
    cleanup: async () => {
      repo.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

const ctx: ChangeContext = {
  actorId: 'actor-business-unit',
  homeTenantId: '0e5f6a7b-0000-4000-8000-00000000a001',
  channel: 'tab',
  at: '2026-02-10T09:00:00Z',
};

const police: Fields<'partners'> = { name: 'Eastshire Constabulary', kind: 'police' };

const schemas: Record<ListName, ListSchema> = lists;
const columnsOf = (list: ListName): [string, Column][] => Object.entries(schemas[list].columns);

interface IndexInfo {
  name: string;
  unique: boolean;
  columns: string[];
}

/** The indexes SQLite actually has on a table, read back from its own catalogue. */
function indexesOf(db: Database.Database, table: string): IndexInfo[] {
  const list = db.pragma(`index_list("${table}")`) as { name: string; unique: number }[];
  return list.map((index) => ({
    name: index.name,
    unique: index.unique === 1,
    columns: (db.pragma(`index_info("${index.name}")`) as { name: string }[]).map((c) => c.name),
  }));
}

describe('SqliteRepository (SQLite-specific)', () => {
  let dir: string;
  let path: string;
  const open: SqliteRepository[] = [];
  const raw: Database.Database[] = [];

  const openRepo = (): SqliteRepository => {
    const repo = SqliteRepository.open(path);
    open.push(repo);
    return repo;
  };
  const openRaw = (): Database.Database => {
    const db = new Database(path);
    raw.push(db);
    return db;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cf-sqlite-'));
    path = join(dir, 'store.db');
  });
  afterEach(async () => {
    for (const db of raw.splice(0)) if (db.open) db.close();
    for (const repo of open.splice(0)) {
      try {
        repo.close();
      } catch {
        // Already closed by the test.
      }
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps items, history and change tokens across close and reopen', async () => {
    const first = openRepo();
    const v1 = await first.create('partners', police, ctx);
    const v2 = await first.update('partners', v1.id, { homeTenantId: ctx.homeTenantId }, v1.etag, {
      ...ctx,
      at: '2026-02-10T09:01:00Z',
    });
    const { nextToken } = await first.changes('partners');
    first.close();

    const second = openRepo();
    expect(await second.get('partners', v1.id)).toStrictEqual(v2);
    expect((await second.history('partners', v1.id)).map((v) => v.version)).toEqual([1, 2]);
    expect((await second.changes('partners', nextToken)).changed).toEqual([]);

    // The change counter carries on rather than restarting, so old tokens stay meaningful.
    const v3 = await second.update('partners', v1.id, { name: 'Eastshire Police' }, v2.etag, ctx);
    const later = await second.changes('partners', nextToken);
    expect(later.changed).toStrictEqual([v3]);
  });

  it('uses WAL for a file store', () => {
    openRepo();
    expect(openRaw().pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('has a table per list with one typed column per schema column', () => {
    openRepo();
    const db = openRaw();
    const tables = new Set(
      (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string;
        }[]
      ).map((t) => t.name),
    );
    const expectedType = (column: Column): string =>
      column.kind === 'number' ? 'REAL' : column.kind === 'boolean' ? 'INTEGER' : 'TEXT';

    for (const list of listNames) {
      expect(tables).toContain(`items_${list}`);
      expect(tables).toContain(`history_${list}`);
      const info = db.pragma(`table_info("items_${list}")`) as { name: string; type: string }[];
      const types = new Map(info.map((c) => [c.name, c.type]));
      for (const [field, column] of columnsOf(list)) {
        expect(types.get(`f_${field}`), `${list}.${field}`).toBe(expectedType(column));
      }
    }
  });

  it('indexes every indexed column and makes exactly the unique columns unique', () => {
    openRepo();
    const db = openRaw();
    let indexed = 0;
    let unique = 0;
    for (const list of listNames) {
      const indexes = indexesOf(db, itemsTable(list));
      for (const [field, column] of columnsOf(list)) {
        const sqlColumn = fieldColumn(field);
        const leading = indexes.filter((index) => index.columns[0] === sqlColumn);
        const uniqueOnIt = indexes.filter(
          (index) => index.unique && index.columns.length === 1 && index.columns[0] === sqlColumn,
        );
        if (column.indexed) {
          indexed += 1;
          expect(leading.length, `${list}.${field} has an index`).toBeGreaterThan(0);
        }
        if (column.unique) unique += 1;
        expect(uniqueOnIt.length > 0, `${list}.${field} unique`).toBe(column.unique === true);
      }
    }
    // Guards against the loop passing vacuously.
    expect(indexed).toBeGreaterThan(10);
    expect(unique).toBeGreaterThan(5);
  });

  it('enforces uniqueness in SQLite itself, while letting NULLs repeat', async () => {
    const repo = openRepo();
    await repo.create(
      'meetings',
      { title: 'A', kind: 'audit', startsAt: ctx.at, teamsMeetingId: 'm-1' },
      ctx,
    );
    const db = openRaw();
    const table = `"${itemsTable('meetings')}"`;
    const column = `"${fieldColumn('teamsMeetingId')}"`;
    const insert = db.prepare(
      `INSERT INTO ${table} (id, version, created_at, created_by, modified_at, modified_by, home_tenant_id, channel, change_seq, ${column}) VALUES (?, 1, 'x', 'x', 'x', 'x', 'x', 'tab', 0, ?)`,
    );
    expect(() => insert.run('raw-1', 'm-1')).toThrow(/UNIQUE/);
    insert.run('raw-2', null);
    insert.run('raw-3', null);
  });

  it('adds the columns and indexes that a store made by an older schema lacks', async () => {
    openRepo().close();
    const db = openRaw();
    // Simulate a store from before people.jobTitle and observations.findingId existed.
    db.exec(`DROP INDEX "ix_observations_findingId"`);
    db.exec(`ALTER TABLE "items_observations" DROP COLUMN "f_findingId"`);
    db.exec(`ALTER TABLE "items_people" DROP COLUMN "f_jobTitle"`);
    db.close();

    const repo = openRepo();
    const person = await repo.create(
      'people',
      {
        displayName: 'Alex Morgan',
        upn: 'alex.morgan@harbourside.example',
        entraObjectId: '5a1e0000-0000-4000-8000-000000000001',
        homeTenantId: ctx.homeTenantId,
        jobTitle: 'Independent Scrutineer',
        roles: ['scrutineer'],
      },
      ctx,
    );
    expect(person.fields.jobTitle).toBe('Independent Scrutineer');
    const check = openRaw();
    expect(indexesOf(check, itemsTable('observations')).map((i) => i.name)).toContain(
      'ix_observations_findingId',
    );
  });

  it('leaves nothing behind when a write fails part-way (one transaction per write)', async () => {
    const repo = openRepo();
    const v1 = await repo.create('partners', police, ctx);
    const { nextToken } = await repo.changes('partners');
    // Make the history insert, the last step of every write, fail.
    openRaw().exec(
      `CREATE TRIGGER refuse_history BEFORE INSERT ON "${historyTable('partners')}" BEGIN SELECT RAISE(ABORT, 'history unavailable'); END`,
    );

    await expect(
      repo.update('partners', v1.id, { name: 'Half written' }, v1.etag, ctx),
    ).rejects.toThrow(/history unavailable/);
    await expect(
      repo.create('partners', { name: 'Half created', kind: 'health' }, ctx),
    ).rejects.toThrow(/history unavailable/);

    expect(await repo.get('partners', v1.id)).toStrictEqual(v1);
    expect(await repo.all('partners')).toStrictEqual([v1]);
    expect((await repo.changes('partners', nextToken)).changed).toEqual([]);
  });

  it('sees writes from another connection: the etag check is never cached', async () => {
    const a = openRepo();
    const b = openRepo();
    const v1 = await a.create('partners', police, ctx);
    await b.update('partners', v1.id, { name: 'Eastshire Police' }, v1.etag, ctx);
    await expect(
      a.update('partners', v1.id, { name: 'Stale' }, v1.etag, ctx),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await a.get('partners', v1.id))?.fields.name).toBe('Eastshire Police');
  });

  it('repeated reads always see the latest state: its own writes, another repository’s and a raw connection’s', async () => {
    const a = openRepo();
    const b = openRepo();
    const v1 = await a.create('partners', police, ctx);
    const police2 = { filter: { field: 'kind', equals: 'police' } } as const;
    // Read twice each, so that a second answer could come from memory.
    for (let i = 0; i < 2; i++) {
      expect(await a.get('partners', v1.id)).toStrictEqual(v1);
      expect(await a.all('partners')).toStrictEqual([v1]);
      expect(await a.all('partners', police2.filter)).toStrictEqual([v1]);
    }

    const v2 = await a.create('partners', { name: 'Harbourside Police', kind: 'police' }, ctx);
    expect(await a.all('partners')).toStrictEqual([v1, v2]);
    expect(await a.all('partners', police2.filter)).toStrictEqual([v1, v2]);

    const v1b = await b.update('partners', v1.id, { kind: 'health' }, v1.etag, ctx);
    expect(await a.get('partners', v1.id)).toStrictEqual(v1b);
    expect(await a.all('partners', police2.filter)).toStrictEqual([v2]);
    expect(await a.all('partners', { field: 'kind', equals: 'health' })).toStrictEqual([v1b]);

    openRaw()
      .prepare(`UPDATE "${itemsTable('partners')}" SET "${fieldColumn('name')}" = ? WHERE id = ?`)
      .run('Eastshire Police', v2.id);
    expect((await a.get('partners', v2.id))?.fields.name).toBe('Eastshire Police');
    expect((await a.all('partners')).map((p) => p.fields.name)).toEqual([
      'Eastshire Constabulary',
      'Eastshire Police',
    ]);
    // The etag handed out is the current one.
    const current = await a.get('partners', v1.id);
    await expect(
      a.update('partners', v1.id, { name: 'Renamed' }, current?.etag ?? '', ctx),
    ).resolves.toMatchObject({ version: 3 });
  });

  it('hands out copies: changing what a read returned changes nothing for the next read', async () => {
    const repo = openRepo();
    const item = await repo.create(
      'findings',
      {
        title: 'Attendance',
        summary: 'Depends on the shift.',
        evidenceClass: 'worry',
        partnerIds: ['p1'],
      },
      ctx,
    );
    const reads = [];
    // The second of each pair may come from memory.
    for (let i = 0; i < 2; i++) reads.push(await repo.get('findings', item.id));
    for (let i = 0; i < 2; i++) reads.push(...(await repo.all('findings')));
    for (const read of reads) {
      if (!read) throw new Error('not read');
      read.fields.title = 'Changed';
      read.fields.partnerIds?.push('p2');
      read.etag = 'changed';
    }
    expect(await repo.get('findings', item.id)).toStrictEqual(item);
    expect(await repo.all('findings')).toStrictEqual([item]);
  });

  it('an answer read before a write is not kept after it, though the write lands while all() is still running', async () => {
    const repo = openRepo();
    const v1 = await repo.create('partners', police, ctx);
    const pending = repo.all('partners'); // reads now; finishes after the write below
    const v2 = await repo.create('partners', { name: 'Harbourside Police', kind: 'police' }, ctx);
    expect(await pending).toStrictEqual([v1]);
    expect(await repo.all('partners')).toStrictEqual([v1, v2]);
  });

  it('defaults top to 100, caps it at 5,000, and all() follows pages past that', async () => {
    const repo = SqliteRepository.open(':memory:');
    open.push(repo);
    for (let i = 0; i < 5003; i += 1) {
      await repo.create('partners', { name: `Partner ${i}`, kind: 'other-relevant-agency' }, ctx);
    }
    const first = await repo.query('partners');
    expect(first.items).toHaveLength(100);
    expect(first.nextPageToken).toBeDefined();

    const capped = await repo.query('partners', { top: 10_000 });
    expect(capped.items).toHaveLength(5000);
    expect(capped.nextPageToken).toBeDefined();
    const rest = await repo.query('partners', { top: 10_000, pageToken: capped.nextPageToken });
    expect(rest.items.map((i) => i.fields.name)).toEqual([
      'Partner 5000',
      'Partner 5001',
      'Partner 5002',
    ]);
    expect(rest.nextPageToken).toBeUndefined();

    const all = await repo.all('partners');
    expect(all).toHaveLength(5003);
    expect(new Set(all.map((i) => i.id)).size).toBe(5003);
  });

  it('refuses a bad top, and page or change tokens it did not issue for this query', async () => {
    const repo = SqliteRepository.open(':memory:');
    open.push(repo);
    for (let i = 0; i < 3; i += 1) await repo.create('partners', police, ctx);
    for (const top of [0, -1, 1.5]) {
      await expect(repo.query('partners', { top })).rejects.toBeInstanceOf(RangeError);
    }

    const page = await repo.query('partners', {
      top: 1,
      filter: { field: 'kind', equals: 'police' },
    });
    const pageToken = page.nextPageToken;
    expect(pageToken).toBeDefined();
    // The token carries its filter (like Graph's nextLink); a different one is a caller bug.
    await expect(
      repo.query('partners', { pageToken, filter: { field: 'kind', equals: 'health' } }),
    ).rejects.toThrow(/different filter/);
    expect((await repo.query('partners', { pageToken, top: 5 })).items).toHaveLength(2);
    await expect(repo.query('people', { pageToken })).rejects.toThrow(/Invalid page token/);
    await expect(repo.query('partners', { pageToken: '%%%' })).rejects.toThrow(
      /Invalid page token/,
    );

    const { nextToken } = await repo.changes('partners');
    await expect(repo.changes('people', nextToken)).rejects.toThrow(/belongs to partners/);
    const ahead = Buffer.from(JSON.stringify({ k: 'changes', l: 'partners', s: 999 })).toString(
      'base64url',
    );
    await expect(repo.changes('partners', ahead)).rejects.toThrow(/another store/);
  });

  it('refuses unknown fields and wrong JS types, writing nothing', async () => {
    const repo = SqliteRepository.open(':memory:');
    open.push(repo);
    const hostile = { ...police, nickname: 'x' } as unknown as Fields<'partners'>;
    await expect(repo.create('partners', hostile, ctx)).rejects.toThrow(/no field nickname/);
    const wrongType = { ...police, name: 42 } as unknown as Fields<'partners'>;
    await expect(repo.create('partners', wrongType, ctx)).rejects.toBeInstanceOf(TypeError);

    const v1 = await repo.create('partners', police, ctx);
    const badPatch = { kind: ['police'] } as unknown as Partial<Fields<'partners'>>;
    await expect(repo.update('partners', v1.id, badPatch, v1.etag, ctx)).rejects.toBeInstanceOf(
      TypeError,
    );
    expect(await repo.all('partners')).toStrictEqual([v1]);
    expect((await repo.changes('partners')).changed).toStrictEqual([v1]);
  });

  it('maps every column kind to SQL and back (booleans included, though no list has one yet)', () => {
    const flag: BooleanColumn = { kind: 'boolean', label: 'Flag' };
    expect(toSql(flag, true, 'flag')).toBe(1);
    expect(toSql(flag, false, 'flag')).toBe(0);
    expect(fromSql(flag, 1)).toBe(true);
    expect(fromSql(flag, 0)).toBe(false);
    expect(fromSql(flag, null)).toBeUndefined();
    expect(() => toSql(flag, 1, 'flag')).toThrow(TypeError);

    const refs: Column = { kind: 'refs', label: 'Refs', list: 'partners' };
    expect(fromSql(refs, toSql(refs, ['a', 'b'], 'refs'))).toEqual(['a', 'b']);
    expect(fromSql(refs, toSql(refs, [], 'refs'))).toEqual([]);
    const num: Column = { kind: 'number', label: 'N' };
    expect(fromSql(num, toSql(num, 12.5, 'n'))).toBe(12.5);
    expect(() => toSql(num, Number.NaN, 'n')).toThrow(TypeError);
    expect(historyTable('partners')).toBe('history_partners');
  });
});
