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
      // Written at UTC noon, which falls on the same day in every zone within 12 hours of UTC,
      // so SharePoint keeps the intended day whatever the site's time zone (see dateOf).
      return `${String(value)}T12:00:00Z`;
    default:
      return value;
  }
}

const DAY = 86_400_000;

/**
 * The day a dateOnly value stands for. SharePoint keeps the day as local midnight in the site's
 * time zone and Graph gives that instant in UTC ("2026-05-31T23:00:00Z" for 1 June on a London
 * site in summer), so the nearest UTC midnight is the day, for any site within 12 hours of UTC.
 */
export function dateOf(value: string): string {
  const at = Date.parse(value);
  if (Number.isNaN(at)) return value.slice(0, 10);
  return new Date(Math.round(at / DAY) * DAY).toISOString().slice(0, 10);
}

/**
 * The `$filter` clause for "column equals value". A date cannot be matched exactly without the
 * site's time zone, so it is the 24 hours around the day's UTC midnight: a range on one indexed
 * column, which SharePoint allows past the list view threshold.
 */
export function equalsClause(column: Column, name: string, value: string | number | boolean) {
  if (column.kind === 'date') {
    const midnight = Date.parse(`${String(value)}T00:00:00Z`);
    const from = new Date(midnight - DAY / 2).toISOString().replace('.000Z', 'Z');
    const to = new Date(midnight + DAY / 2).toISOString().replace('.000Z', 'Z');
    return `fields/${name} ge '${from}' and fields/${name} lt '${to}'`;
  }
  const graphValue = toGraphValue(column, value) as string | number | boolean;
  const literal =
    typeof graphValue === 'string' ? `'${graphValue.replace(/'/g, "''")}'` : String(graphValue);
  return `fields/${name} eq ${literal}`;
}

/** A value as Graph gives it back, as our schema types it; undefined when the column is empty. */
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
      return dateOf(String(value));
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
