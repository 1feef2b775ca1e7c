import type { Column, ListSchema } from '../../domain/lists/columns.js';
import { lists, type Fields, type ListName } from '../../domain/lists/schema.js';
import { internalNameOf } from './provisioning/names.js';

/**
 * Our fields ↔ a SharePoint listItem's `fields` (a fieldValueSet), column by column, with the
 * same internal names provisioning creates (`internalNameOf`). The mapping is the one planned in
 * provisioning/columns.ts: refs and multiChoice are JSON arrays in plain multi-line text; a date
 * is a dateOnly dateTime column.
 */

type FieldMap = Record<string, unknown>;
const schemas: Readonly<Record<ListName, ListSchema>> = lists;

/** Each schema column of a list with its SharePoint internal name. */
export function columnsOf(list: ListName): { field: string; column: Column; name: string }[] {
  return Object.entries(schemas[list].columns).map(([field, column]) => ({
    field,
    column,
    name: internalNameOf(field, column),
  }));
}

export function columnOf(list: ListName, field: string) {
  return columnsOf(list).find((c) => c.field === field);
}

/** A value as Graph takes it; null clears the column. */
export function toGraphValue(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'refs':
    case 'multiChoice':
      return JSON.stringify(value);
    case 'date':
      // dateOnly columns take a date; written at UTC midnight (see fromGraphValue).
      return `${String(value)}T00:00:00Z`;
    default:
      return value;
  }
}

/**
 * A value as Graph gives it back, as our schema types it; undefined when the column is empty.
 * A dateOnly value comes back as an instant; the date part is taken as written, which holds for a
 * site in UTC. A site in another time zone shifts it (SharePoint stores local midnight), which is
 * why the adapter's live suite must run against the partnership's real site before go-live.
 */
export function fromGraphValue(column: Column, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  switch (column.kind) {
    case 'refs':
    case 'multiChoice':
      return JSON.parse(String(value)) as unknown;
    case 'number':
      return Number(value);
    case 'boolean':
      return value === true || value === 'true' || value === 1;
    case 'date':
      return String(value).slice(0, 10);
    case 'dateTime':
      return new Date(String(value)).toISOString().replace('.000Z', 'Z');
    default:
      return String(value);
  }
}

export function toGraphFields<L extends ListName>(list: L, fields: Partial<Fields<L>>): FieldMap {
  const out: FieldMap = {};
  const given = fields as FieldMap;
  for (const { field, column, name } of columnsOf(list)) {
    // An undefined key is ignored (as the embedded store does); null clears the column.
    if (given[field] !== undefined) out[name] = toGraphValue(column, given[field]);
  }
  return out;
}

export function fromGraphFields<L extends ListName>(list: L, fields: FieldMap): Fields<L> {
  const out: FieldMap = {};
  for (const { field, column, name } of columnsOf(list)) {
    const value = fromGraphValue(column, fields[name]);
    if (value !== undefined) out[field] = value;
  }
  return out as Fields<L>;
}

/** Every internal name to ask for in `expand=fields(select=...)`. */
export function selectOf(list: ListName, extra: readonly string[]): string {
  return [...columnsOf(list).map((c) => c.name), ...extra].join(',');
}
