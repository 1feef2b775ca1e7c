import type { Column, ListSchema } from '../../domain/lists/columns.js';
import { listNames, lists, type ListName } from '../../domain/lists/schema.js';

/**
 * The embedded store's tables, derived from `lists` so the schema is written once. Each list gets
 * `items_<list>` (the latest state, one SQL column per schema column) and `history_<list>` (every
 * version, never overwritten). One global counter stamps each write so `changes()` can act like a
 * Graph delta query.
 */

/** Widened view of the schema: the DDL walks every list the same way. */
const schemas: Readonly<Record<ListName, ListSchema>> = lists;

/** Names are spliced into SQL, so only plain identifiers are accepted (the schema is ours). */
const identifier = /^[A-Za-z][A-Za-z0-9]*$/;
function checked(name: string): string {
  if (!identifier.test(name)) throw new Error(`Not a safe SQL identifier: ${name}`);
  return name;
}

/** Double-quoted so SQL keywords and camelCase names are taken literally. */
export const quote = (name: string): string => `"${name}"`;

export const itemsTable = (list: ListName): string => `items_${checked(list)}`;
export const historyTable = (list: ListName): string => `history_${checked(list)}`;
/** Prefixed so a schema column can never collide with a system column (responses has `channel`). */
export const fieldColumn = (field: string): string => `f_${checked(field)}`;
export const indexName = (list: ListName, field: string): string =>
  `ix_${checked(list)}_${checked(field)}`;
export const uniqueIndexName = (list: ListName, field: string): string =>
  `ux_${checked(list)}_${checked(field)}`;

export const COUNTER_TABLE = 'change_counter';

export type SqlType = 'TEXT' | 'INTEGER' | 'REAL';

export function sqlType(column: Column): SqlType {
  switch (column.kind) {
    case 'number':
      // REAL, like SharePoint's Number (a double): any JS number round-trips.
      return 'REAL';
    case 'boolean':
      return 'INTEGER';
    case 'text':
    case 'note':
    case 'choice':
    case 'date':
    case 'dateTime':
    case 'ref':
    case 'refs':
    case 'multiChoice':
      return 'TEXT';
    default:
      return column satisfies never;
  }
}

/** The schema columns of a list, in schema order. */
export function columnsOf(list: ListName): [string, Column][] {
  const schema = schemas[list];
  if (!schema) throw new Error(`Unknown list: ${String(list)}`);
  return Object.entries(schema.columns);
}

export function columnOf(list: ListName, field: string): Column | undefined {
  return Object.hasOwn(schemas[list].columns, field) ? schemas[list].columns[field] : undefined;
}

export { isFilterable } from '../../domain/lists/columns.js';

/** Fixed columns of every items table, before the schema's own columns. */
const itemSystemColumns = [
  // An explicit INTEGER PRIMARY KEY: creation order survives VACUUM (a bare rowid may not).
  'row_no INTEGER PRIMARY KEY',
  'id TEXT NOT NULL UNIQUE',
  'version INTEGER NOT NULL',
  'created_at TEXT NOT NULL',
  'created_by TEXT NOT NULL',
  'modified_at TEXT NOT NULL',
  'modified_by TEXT NOT NULL',
  'home_tenant_id TEXT NOT NULL',
  'channel TEXT NOT NULL',
  'change_seq INTEGER NOT NULL',
];

export const counterDdl = [
  `CREATE TABLE IF NOT EXISTS ${COUNTER_TABLE} (only INTEGER PRIMARY KEY CHECK (only = 1), seq INTEGER NOT NULL) STRICT`,
  `INSERT OR IGNORE INTO ${COUNTER_TABLE} (only, seq) VALUES (1, 0)`,
];

/**
 * Schema columns are nullable even when required: the application validates (zod), and a
 * nullable column can be added to an existing table when the schema grows.
 */
function columnDefinition(field: string, column: Column): string {
  return `${quote(fieldColumn(field))} ${sqlType(column)}`;
}

/** CREATE TABLE statements for one list (idempotent). */
export function tableDdl(list: ListName): string[] {
  const columns = [
    ...itemSystemColumns,
    ...columnsOf(list).map(([field, column]) => columnDefinition(field, column)),
  ];
  return [
    `CREATE TABLE IF NOT EXISTS ${quote(itemsTable(list))} (\n  ${columns.join(',\n  ')}\n) STRICT`,
    `CREATE TABLE IF NOT EXISTS ${quote(historyTable(list))} (
  item_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  fields TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  modified_by TEXT NOT NULL,
  home_tenant_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  PRIMARY KEY (item_id, version)
) STRICT`,
    ...appendOnlyDdl(list),
  ];
}

/** Lists whose rows SQLite itself refuses to change or remove once written. */
const appendOnlyLists: ReadonlySet<ListName> = new Set<ListName>(['auditTrail']);

/**
 * Triggers that make the audit trail's rows impossible to UPDATE or DELETE through SQL, whoever
 * opens the file (idempotent). Someone with the file can still drop them: the hash chain is what
 * shows such tampering.
 */
export function appendOnlyDdl(list: ListName): string[] {
  if (!appendOnlyLists.has(list)) return [];
  return [itemsTable(list), historyTable(list)].flatMap((table) =>
    (['UPDATE', 'DELETE'] as const).map(
      (op) =>
        `CREATE TRIGGER IF NOT EXISTS ${quote(`${table}_no_${op.toLowerCase()}`)} BEFORE ${op} ON ${quote(table)}
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: its entries cannot be changed or removed.'); END`,
    ),
  );
}

/**
 * Indexes for one list (idempotent). Uniqueness is a UNIQUE index rather than a table constraint
 * so it can be added to an existing table; SQLite lets NULLs repeat in it, so optional unique
 * columns may be empty on many items. A unique index also serves as the column's filter index.
 */
export function indexDdl(list: ListName): string[] {
  const table = quote(itemsTable(list));
  const statements = [
    `CREATE INDEX IF NOT EXISTS ${quote(`ix_${checked(list)}__change_seq`)} ON ${table} (change_seq)`,
  ];
  for (const [field, column] of columnsOf(list)) {
    const sqlColumn = quote(fieldColumn(field));
    if (column.unique) {
      statements.push(
        `CREATE UNIQUE INDEX IF NOT EXISTS ${quote(uniqueIndexName(list, field))} ON ${table} (${sqlColumn})`,
      );
    } else if (column.indexed) {
      statements.push(
        `CREATE INDEX IF NOT EXISTS ${quote(indexName(list, field))} ON ${table} (${sqlColumn})`,
      );
    }
  }
  return statements;
}

/** ALTER TABLE statements adding schema columns an older table lacks (data is never dropped). */
export function addMissingColumnsDdl(list: ListName, existing: ReadonlySet<string>): string[] {
  return columnsOf(list)
    .filter(([field]) => !existing.has(fieldColumn(field)))
    .map(
      ([field, column]) =>
        `ALTER TABLE ${quote(itemsTable(list))} ADD COLUMN ${columnDefinition(field, column)}`,
    );
}

/** The whole DDL for a fresh database, in order. */
export function schemaDdl(): string[] {
  return [...counterDdl, ...listNames.flatMap((list) => [...tableDdl(list), ...indexDdl(list)])];
}

/** What better-sqlite3 binds and returns for our column types. */
export type SqlValue = string | number | null;

/**
 * A field's JS value as stored. Only the JS type is checked (the application validates contents):
 * a wrong type would otherwise be coerced by SQLite and not round-trip.
 */
export function toSql(column: Column, value: unknown, label: string): SqlValue {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'number':
      // NaN and Infinity cannot be stored by SQLite (nor SharePoint).
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new TypeError(`${label} must be a finite number`);
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw new TypeError(`${label} must be a boolean`);
      return value ? 1 : 0;
    case 'refs':
    case 'multiChoice':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        throw new TypeError(`${label} must be an array of strings`);
      }
      return JSON.stringify(value);
    case 'text':
    case 'note':
    case 'choice':
    case 'date':
    case 'dateTime':
    case 'ref':
      if (typeof value !== 'string') throw new TypeError(`${label} must be a string`);
      return value;
    default:
      return column satisfies never;
  }
}

/** A stored value back as its JS type; undefined for NULL so the key can be omitted. */
export function fromSql(column: Column, raw: unknown): unknown {
  if (raw === null || raw === undefined) return undefined;
  switch (column.kind) {
    case 'boolean':
      return raw === 1;
    case 'refs':
    case 'multiChoice':
      return typeof raw === 'string' ? (JSON.parse(raw) as unknown) : undefined;
    default:
      return raw;
  }
}
