import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Column } from '../../domain/lists/columns.js';
import { listNames, type Fields, type ListName } from '../../domain/lists/schema.js';
import type { Channel } from '../../domain/vocabulary.js';
import {
  ConflictError,
  DuplicateError,
  NotFoundError,
  UnindexedFilterError,
  type ChangeContext,
  type ChangeSet,
  type CreateResult,
  type Filter,
  type ItemVersion,
  type Page,
  type QueryOptions,
  type Repository,
  type StoredItem,
} from '../../application/ports/repository.js';
import {
  COUNTER_TABLE,
  addMissingColumnsDdl,
  columnOf,
  columnsOf,
  counterDdl,
  fieldColumn,
  fromSql,
  historyTable,
  indexDdl,
  isFilterable,
  itemsTable,
  quote,
  tableDdl,
  toSql,
  type SqlValue,
} from './ddl.js';

/** Page size when the caller gives none, and the most one page may hold (SharePoint's threshold). */
export const DEFAULT_TOP = 100;
export const MAX_TOP = 5000;

type Row = Record<string, unknown>;
type FieldMap = Record<string, unknown>;

/** Like SharePoint's `"{guid},N"`: opaque to callers, different after every write. */
const etagOf = (id: string, version: number): string => `"${id},${version}"`;

function text(row: Row, key: string): string {
  const value = row[key];
  if (typeof value !== 'string') throw new Error(`Corrupt row: ${key} is not text`);
  return value;
}
function integer(row: Row, key: string): number {
  const value = row[key];
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new Error(`Corrupt row: ${key} is not an integer`);
  }
  return value;
}

/** Tokens are base64url JSON: opaque to callers, checked strictly when they come back. */
function encodeToken(payload: object): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}
function decodeToken(token: string, what: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // Falls through to the error below: a garbage token says nothing useful.
  }
  throw new Error(`Invalid ${what} token: start again without one.`);
}

const isSafeCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The filter a page token was issued for travels inside it, like Graph's nextLink. */
interface PageCursor {
  after: number;
  filter: { field: string; equals: string | number | boolean } | undefined;
}

function sameFilter(a: PageCursor['filter'], b: PageCursor['filter']): boolean {
  return a?.field === b?.field && a?.equals === b?.equals;
}

/** One schema column as the adapter reads and writes it. */
interface ColumnPlan {
  field: string;
  column: Column;
  /** The SQL column's name (`f_<field>`), as better-sqlite3 keys a row by it. */
  key: string;
}

/** A list's columns and SQL, worked out once: reads and writes run on every request. */
interface ListPlan {
  columns: ColumnPlan[];
  uniques: { plan: ColumnPlan; sql: string }[];
  selectById: string;
  insert: string;
  update: string;
  insertHistory: string;
  /** `query` SQL, with no filter under the empty key, else by filter field (filterable ones only). */
  pages: Map<string, string>;
}

function planFor(list: ListName): ListPlan {
  const table = quote(itemsTable(list));
  const columns = columnsOf(list).map(([field, column]) => ({
    field,
    column,
    key: fieldColumn(field),
  }));
  const names = [
    'id',
    'version',
    'created_at',
    'created_by',
    'modified_at',
    'modified_by',
    'home_tenant_id',
    'channel',
    'change_seq',
    ...columns.map((c) => quote(c.key)),
  ];
  const assignments = [
    'version = ?',
    'modified_at = ?',
    'modified_by = ?',
    'home_tenant_id = ?',
    'channel = ?',
    'change_seq = ?',
    ...columns.map((c) => `${quote(c.key)} = ?`),
  ];
  const page = (where: string) => `SELECT * FROM ${table} WHERE ${where} ORDER BY row_no LIMIT ?`;
  const pages = new Map([['', page('row_no > ?')]]);
  for (const c of columns)
    if (isFilterable(c.column)) pages.set(c.field, page(`row_no > ? AND ${quote(c.key)} = ?`));
  return {
    columns,
    uniques: columns
      .filter((c) => c.column.unique)
      .map((c) => ({
        plan: c,
        sql: `SELECT id FROM ${table} WHERE ${quote(c.key)} = ? AND id <> ? LIMIT 1`,
      })),
    selectById: `SELECT * FROM ${table} WHERE id = ?`,
    insert: `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    update: `UPDATE ${table} SET ${assignments.join(', ')} WHERE id = ?`,
    insertHistory: `INSERT INTO ${quote(historyTable(list))} (item_id, version, fields, modified_at, modified_by, home_tenant_id, channel) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    pages,
  };
}

const plans = new Map<ListName, ListPlan>();

function planOf(list: ListName): ListPlan {
  let plan = plans.get(list);
  if (!plan) {
    plan = planFor(list);
    plans.set(list, plan);
  }
  return plan;
}

/** A copy callers may change freely: fields hold only primitives and arrays of strings. */
function copyItem<L extends ListName>(item: StoredItem<L>): StoredItem<L> {
  const fields: FieldMap = { ...item.fields };
  for (const key in fields) {
    const value = fields[key];
    if (Array.isArray(value)) fields[key] = [...(value as unknown[])];
  }
  return { ...item, fields: fields as Fields<L> };
}

/** The most items one list keeps in the read cache before its entries are dropped. */
const CACHED_ITEMS_PER_LIST = 1_000;

/**
 * Recent `get` and `all` answers, kept only while they cannot be stale. A write through this
 * repository drops its list's answers; a commit by any other connection (another process sharing
 * the file, or another repository object) drops them all, seen through SQLite's
 * `PRAGMA data_version`, which is checked before every cached read. Writes never consult it: the
 * etag and uniqueness checks read the row inside the write transaction. Callers get copies.
 */
class ReadCache {
  private readonly lists = new Map<ListName, { entries: Map<string, unknown>; items: number }>();
  private seenVersion: unknown;
  /** Bumped by every drop, so an answer read before a write is never stored after it. */
  private stamp = 0;

  constructor(private readonly dataVersion: () => unknown) {}

  /** Drops everything if another connection has committed since the last look; the current stamp. */
  check(): number {
    const version = this.dataVersion();
    if (version !== this.seenVersion) {
      this.seenVersion = version;
      this.lists.clear();
      this.stamp++;
    }
    return this.stamp;
  }

  has(list: ListName, key: string): boolean {
    return this.lists.get(list)?.entries.has(key) ?? false;
  }

  read(list: ListName, key: string): unknown {
    return this.lists.get(list)?.entries.get(key);
  }

  /** Whether an answer of this many items, read when the stamp was `stamp`, would be kept. */
  fits(items: number, stamp: number): boolean {
    return stamp === this.stamp && items <= CACHED_ITEMS_PER_LIST;
  }

  /** Keeps an answer read when the stamp was `stamp`, unless something was dropped since. */
  keep(list: ListName, key: string, value: unknown, items: number, stamp: number): void {
    if (!this.fits(items, stamp)) return;
    let cached = this.lists.get(list);
    if (!cached || cached.items + items > CACHED_ITEMS_PER_LIST) {
      // Full: start the list's entries afresh rather than grow without bound.
      cached = { entries: new Map(), items: 0 };
      this.lists.set(list, cached);
    }
    cached.entries.set(key, value);
    cached.items += items;
  }

  drop(list: ListName): void {
    this.lists.delete(list);
    this.stamp++;
  }

  clear(): void {
    this.lists.clear();
    this.stamp++;
  }
}

/** The read cache's key for an `all`: the filter's field, and its value with its JS type. */
const allKey = (filter: { field: string; equals: unknown } | undefined): string =>
  filter
    ? `all\u0000${filter.field}\u0000${typeof filter.equals}\u0000${String(filter.equals)}`
    : 'all';

export class SqliteRepository implements Repository {
  private readonly statements = new Map<string, Database.Statement<SqlValue[], Row>>();
  private readonly cache: ReadCache;

  private constructor(private readonly db: Database.Database) {
    const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.cache = new ReadCache(() => dataVersion.get());
  }

  /** Opens (and if need be creates) the store. The parent directory must already exist. */
  static open(path: string): SqliteRepository {
    const db = new Database(path);
    try {
      if (path !== ':memory:') {
        // WAL: readers never block the writer; several processes may share the file.
        db.pragma('journal_mode = WAL');
      }
      // Another process holding the write lock is waited for, not failed on at once.
      db.pragma('busy_timeout = 5000');
      db.transaction(() => {
        for (const sql of counterDdl) db.exec(sql);
        for (const list of listNames) {
          for (const sql of tableDdl(list)) db.exec(sql);
          const existing = new Set(
            (db.pragma(`table_info(${quote(itemsTable(list))})`) as { name: string }[]).map(
              (c) => c.name,
            ),
          );
          // A store made by an older schema gains the new columns; nothing is dropped.
          for (const sql of addMissingColumnsDdl(list, existing)) db.exec(sql);
          for (const sql of indexDdl(list)) db.exec(sql);
        }
      }).immediate();
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteRepository(db);
  }

  close(): void {
    this.cache.clear();
    this.db.close();
  }

  async get<L extends ListName>(list: L, id: string): Promise<StoredItem<L> | undefined> {
    const stamp = this.cache.check();
    const key = `id\u0000${id}`;
    if (this.cache.has(list, key)) {
      const hit = this.cache.read(list, key) as StoredItem<L> | undefined;
      return hit && copyItem(hit);
    }
    const row = this.rowById(list, id);
    const item = row ? this.toItem(list, row) : undefined;
    this.cache.keep(list, key, item && copyItem(item), 1, stamp);
    return item;
  }

  async query<L extends ListName>(
    list: L,
    options: QueryOptions<L> = {},
  ): Promise<Page<StoredItem<L>>> {
    const top = pageSize(options.top);
    const requested: PageCursor['filter'] = options.filter
      ? { field: options.filter.field, equals: options.filter.equals }
      : undefined;
    const cursor: PageCursor = options.pageToken
      ? this.decodePageToken(list, options.pageToken)
      : { after: 0, filter: requested };
    if (options.pageToken && requested && !sameFilter(requested, cursor.filter)) {
      throw new Error('This page token was issued for a different filter.');
    }

    const params: SqlValue[] = [cursor.after];
    const sql = planOf(list).pages.get(cursor.filter?.field ?? '');
    if (cursor.filter) {
      const { field, equals } = cursor.filter;
      const column = columnOf(list, field);
      if (!column || !isFilterable(column) || !sql) throw new UnindexedFilterError(list, field);
      params.push(toSql(column, equals, `${list}.${field} filter`));
    }
    if (!sql) throw new Error(`Unknown list: ${String(list)}`);
    // One extra row says whether another page follows, without a count.
    params.push(top + 1);
    const rows = this.statement(sql).all(...params);

    const pageRows = rows.slice(0, top);
    const page: Page<StoredItem<L>> = { items: pageRows.map((row) => this.toItem(list, row)) };
    const last = pageRows.at(-1);
    if (rows.length > top && last) {
      page.nextPageToken = encodeToken({
        k: 'page',
        l: list,
        a: integer(last, 'row_no'),
        f: cursor.filter ?? null,
      });
    }
    return page;
  }

  async all<L extends ListName>(list: L, filter?: Filter<L>): Promise<StoredItem<L>[]> {
    const stamp = this.cache.check();
    const key = allKey(filter);
    const hit = this.cache.read(list, key) as StoredItem<L>[] | undefined;
    if (hit) return hit.map(copyItem);
    const items: StoredItem<L>[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.query(list, {
        top: MAX_TOP,
        ...(filter ? { filter } : {}),
        ...(pageToken ? { pageToken } : {}),
      });
      items.push(...page.items);
      pageToken = page.nextPageToken;
    } while (pageToken);
    // Kept only if nothing was written in between (the pages are awaited, so writes may interleave).
    if (this.cache.fits(items.length, stamp))
      this.cache.keep(list, key, items.map(copyItem), Math.max(items.length, 1), stamp);
    return items;
  }

  async create<L extends ListName>(
    list: L,
    fields: Fields<L>,
    ctx: ChangeContext,
  ): Promise<StoredItem<L>> {
    const state = this.applyPatch(list, {}, fields);
    return this.write(list, () => this.insert(list, state, ctx));
  }

  async createMany<L extends ListName>(
    list: L,
    fieldsList: readonly Fields<L>[],
    ctx: ChangeContext,
  ): Promise<CreateResult<L>[]> {
    if (fieldsList.length === 0) return [];
    // One transaction for the lot (one commit, one fsync); each item in its own savepoint, so a
    // refused item is rolled back alone and the items before and after it are kept.
    return this.write(list, () =>
      fieldsList.map((fields): CreateResult<L> => {
        try {
          const state = this.applyPatch(list, {}, fields);
          return { ok: true, item: this.db.transaction(() => this.insert(list, state, ctx))() };
        } catch (error) {
          // A failure of SQLite itself is not the item's fault: the whole call fails, nothing kept.
          if (error instanceof Database.SqliteError || !(error instanceof Error)) throw error;
          return { ok: false, error };
        }
      }),
    );
  }

  /** Inserts one item with its first version; runs inside a write transaction. */
  private insert<L extends ListName>(list: L, state: FieldMap, ctx: ChangeContext): StoredItem<L> {
    const id = randomUUID();
    this.assertUnique(list, id, state);
    const seq = this.nextSeq();
    this.statement(planOf(list).insert).run(
      id,
      1,
      ctx.at,
      ctx.actorId,
      ctx.at,
      ctx.actorId,
      ctx.homeTenantId,
      ctx.channel,
      seq,
      ...this.sqlValues(list, state),
    );
    this.appendHistory(list, id, 1, state, ctx);
    const row = this.rowById(list, id);
    if (!row) throw new Error(`The new ${list} item ${id} was not stored.`);
    return this.toItem(list, row);
  }

  async update<L extends ListName>(
    list: L,
    id: string,
    patch: Partial<Fields<L>>,
    etag: string,
    ctx: ChangeContext,
  ): Promise<StoredItem<L>> {
    const row = this.write(list, () => {
      // Read, compare and write inside one IMMEDIATE transaction: no other writer can slip in.
      const current = this.rowById(list, id);
      if (!current) throw new NotFoundError(list, id);
      const version = integer(current, 'version');
      if (etagOf(id, version) !== etag) throw new ConflictError(list, id);
      const state = this.applyPatch(list, this.fieldsOf(list, current), patch);
      this.assertUnique(list, id, state);
      const seq = this.nextSeq();
      this.statement(planOf(list).update).run(
        version + 1,
        ctx.at,
        ctx.actorId,
        ctx.homeTenantId,
        ctx.channel,
        seq,
        ...this.sqlValues(list, state),
        id,
      );
      this.appendHistory(list, id, version + 1, state, ctx);
      return this.rowById(list, id);
    });
    if (!row) throw new NotFoundError(list, id);
    return this.toItem(list, row);
  }

  async history<L extends ListName>(list: L, id: string): Promise<ItemVersion<L>[]> {
    const rows = this.statement(
      `SELECT * FROM ${quote(historyTable(list))} WHERE item_id = ? ORDER BY version`,
    ).all(id);
    // Like Graph's versions endpoint, which answers 404 for an item that does not exist.
    if (rows.length === 0) throw new NotFoundError(list, id);
    return rows.map((row) => ({
      version: integer(row, 'version'),
      fields: JSON.parse(text(row, 'fields')) as Fields<L>,
      modifiedAt: text(row, 'modified_at'),
      modifiedBy: text(row, 'modified_by'),
      homeTenantId: text(row, 'home_tenant_id'),
      channel: text(row, 'channel') as Channel,
    }));
  }

  async changes<L extends ListName>(list: L, token?: string): Promise<ChangeSet<L>> {
    const since = token === undefined ? undefined : this.decodeChangeToken(list, token);
    const table = quote(itemsTable(list));
    // One read transaction: the token handed back matches exactly the rows returned.
    const { rows, seq } = this.db.transaction(() => {
      const current = this.currentSeq();
      if (since !== undefined && since > current) {
        throw new Error(
          `This ${list} change token is from another store: start again without one.`,
        );
      }
      return {
        seq: current,
        rows:
          since === undefined
            ? this.statement(`SELECT * FROM ${table} ORDER BY row_no`).all()
            : this.statement(`SELECT * FROM ${table} WHERE change_seq > ? ORDER BY change_seq`).all(
                since,
              ),
      };
    })();
    return {
      changed: rows.map((row) => this.toItem(list, row)),
      nextToken: encodeToken({ k: 'changes', l: list, s: seq }),
    };
  }

  /** Prepared statements are cached by their SQL: the set is small and fixed by the schema. */
  private statement(sql: string): Database.Statement<SqlValue[], Row> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<SqlValue[], Row>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Writes take the write lock up front (BEGIN IMMEDIATE) so checks and writes are one step. The
   * list's cached reads are dropped whatever the outcome.
   */
  private write<T>(list: ListName, fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } finally {
      this.cache.drop(list);
    }
  }

  private nextSeq(): number {
    const row = this.statement(
      `UPDATE ${COUNTER_TABLE} SET seq = seq + 1 WHERE only = 1 RETURNING seq`,
    ).get();
    if (!row) throw new Error('The change counter is missing.');
    return integer(row, 'seq');
  }

  private currentSeq(): number {
    const row = this.statement(`SELECT seq FROM ${COUNTER_TABLE} WHERE only = 1`).get();
    if (!row) throw new Error('The change counter is missing.');
    return integer(row, 'seq');
  }

  private rowById(list: ListName, id: string): Row | undefined {
    return this.statement(planOf(list).selectById).get(id);
  }

  /** Merges a patch: undefined keys are ignored, null clears, unknown fields are refused. */
  private applyPatch(list: ListName, base: FieldMap, patch: object): FieldMap {
    const state: FieldMap = { ...base };
    for (const [field, value] of Object.entries(patch)) {
      const column = columnOf(list, field);
      if (!column) throw new Error(`The ${list} list has no field ${field}.`);
      if (value === undefined) continue;
      if (value === null) {
        delete state[field];
      } else {
        toSql(column, value, `${list}.${field}`); // type check now, before any write
        state[field] = value;
      }
    }
    return state;
  }

  private sqlValues(list: ListName, state: FieldMap): SqlValue[] {
    return planOf(list).columns.map(({ field, column }) =>
      toSql(column, state[field], `${list}.${field}`),
    );
  }

  private assertUnique(list: ListName, id: string, state: FieldMap): void {
    for (const { plan, sql } of planOf(list).uniques) {
      const value = toSql(plan.column, state[plan.field], `${list}.${plan.field}`);
      if (value === null) continue;
      const clash = this.statement(sql).get(value, id);
      if (clash) throw new DuplicateError(list, plan.field, text(clash, 'id'));
    }
  }

  private appendHistory(
    list: ListName,
    id: string,
    version: number,
    state: FieldMap,
    ctx: ChangeContext,
  ): void {
    this.statement(planOf(list).insertHistory).run(
      id,
      version,
      JSON.stringify(this.canonical(list, state)),
      ctx.at,
      ctx.actorId,
      ctx.homeTenantId,
      ctx.channel,
    );
  }

  /** Fields in schema order, absent ones omitted: history and items read back alike. */
  private canonical(list: ListName, state: FieldMap): FieldMap {
    const fields: FieldMap = {};
    for (const { field } of planOf(list).columns) {
      const value = state[field];
      if (value !== undefined && value !== null) fields[field] = value;
    }
    return fields;
  }

  private fieldsOf(list: ListName, row: Row): FieldMap {
    const fields: FieldMap = {};
    for (const { field, column, key } of planOf(list).columns) {
      const value = fromSql(column, row[key]);
      if (value !== undefined) fields[field] = value;
    }
    return fields;
  }

  private toItem<L extends ListName>(list: L, row: Row): StoredItem<L> {
    const id = text(row, 'id');
    const version = integer(row, 'version');
    return {
      id,
      etag: etagOf(id, version),
      version,
      fields: this.fieldsOf(list, row) as Fields<L>,
      createdAt: text(row, 'created_at'),
      createdBy: text(row, 'created_by'),
      modifiedAt: text(row, 'modified_at'),
      modifiedBy: text(row, 'modified_by'),
      channel: text(row, 'channel') as Channel,
    };
  }

  private decodePageToken(list: ListName, token: string): PageCursor {
    const payload = decodeToken(token, 'page');
    const { k, l, a, f } = payload;
    if (k !== 'page' || l !== list || !isSafeCount(a)) {
      throw new Error(`Invalid page token for ${list}: start again without one.`);
    }
    if (f === null) return { after: a, filter: undefined };
    if (typeof f === 'object' && f !== null && 'field' in f && 'equals' in f) {
      const { field, equals } = f;
      if (
        typeof field === 'string' &&
        (typeof equals === 'string' || typeof equals === 'number' || typeof equals === 'boolean')
      ) {
        return { after: a, filter: { field, equals } };
      }
    }
    throw new Error(`Invalid page token for ${list}: start again without one.`);
  }

  private decodeChangeToken(list: ListName, token: string): number {
    const { k, l, s } = decodeToken(token, 'change');
    if (k !== 'changes' || !isSafeCount(s)) {
      throw new Error(`Invalid change token for ${list}: start again without one.`);
    }
    // Like a Graph delta link, a token belongs to the list it was issued for.
    if (l !== list) throw new Error(`This change token belongs to ${String(l)}, not ${list}.`);
    return s;
  }
}

/** `top` defaults to 100; above 5,000 it is capped (SharePoint's page limit); below 1 is a bug. */
function pageSize(top: number | undefined): number {
  if (top === undefined) return DEFAULT_TOP;
  if (!Number.isInteger(top) || top < 1)
    throw new RangeError(`top must be a whole number of at least 1, not ${top}`);
  return Math.min(top, MAX_TOP);
}
