import { z } from 'zod';
import type { Column } from '../domain/lists/columns.js';
import { lists, type Fields, type ListName } from '../domain/lists/schema.js';

/** The zod schema for one column's value, derived from its descriptor. */
export function columnSchema(column: Column): z.ZodType {
  switch (column.kind) {
    case 'text':
    case 'note': {
      const s = z.string().trim().max(column.maxLength);
      return column.required ? s.min(1, `${column.label} is required`) : s;
    }
    case 'choice':
      return z.enum(column.choices as [string, ...string[]]);
    case 'multiChoice':
      return z.array(z.enum(column.choices as [string, ...string[]])).max(column.choices.length);
    case 'number': {
      let n = column.integer ? z.number().int() : z.number();
      if (column.min !== undefined) n = n.min(column.min);
      if (column.max !== undefined) n = n.max(column.max);
      return n;
    }
    // Capped as well as patterned, so every string in a request has a stated maximum length.
    case 'date':
      return z.iso.date().max(10);
    case 'dateTime':
      return z.iso.datetime({ offset: true }).max(40);
    case 'boolean':
      return z.boolean();
    case 'ref':
      return z.string().min(1).max(100);
    case 'refs': {
      const a = z.array(z.string().min(1).max(100)).max(200);
      return column.required ? a.min(1, `${column.label}: choose at least one`) : a;
    }
  }
}

type Key<L extends ListName> = keyof Fields<L> & string;

/**
 * A strict request-body schema for some of a list's columns. Unknown fields are refused.
 * `optional` makes required columns optional in the request (the use case fills them in).
 */
export function inputSchema<L extends ListName, K extends Key<L>>(
  list: L,
  pick: readonly K[],
  optional: readonly K[] = [],
) {
  const columns = lists[list].columns as Record<string, Column>;
  const shape: Record<string, z.ZodType> = {};
  for (const key of pick) {
    const column = columns[key];
    if (!column) throw new Error(`No column ${key} in ${list}`);
    const base = columnSchema(column);
    shape[key] = column.required && !optional.includes(key) ? base : base.optional();
  }
  return z.strictObject(shape).meta({ title: `${list} input` }) as unknown as z.ZodType<
    Pick<Fields<L>, K>
  >;
}

/** The schema of a stored item as the API returns it: envelope plus every column. */
export function itemSchema(list: ListName) {
  const columns = lists[list].columns as Record<string, Column>;
  const shape: Record<string, z.ZodType> = {
    id: z.string(),
    etag: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    modifiedAt: z.string(),
    modifiedBy: z.string(),
  };
  for (const [key, column] of Object.entries(columns)) {
    shape[key] = column.required ? columnSchema(column) : columnSchema(column).optional();
  }
  return z.object(shape).meta({ id: list, description: lists[list].description });
}

/** Parses input or returns the issues in a form the API can send back. */
export function parse<T>(
  schema: z.ZodType<T>,
  input: unknown,
): { ok: true; value: T } | { ok: false; issues: { path: string; message: string }[] } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}
