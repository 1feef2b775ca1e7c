import { z } from 'zod';
import type { Column } from '../domain/lists/columns.js';
import { lists, type Fields, type ListName } from '../domain/lists/schema.js';
import { columnSchema } from './validation.js';

/**
 * A strict body for a partial update of some of a list's columns: every field optional, an
 * optional column may be cleared with null, and at least one field must be sent.
 */
export function patchSchema<L extends ListName, K extends keyof Fields<L> & string>(
  list: L,
  pick: readonly K[],
) {
  const columns = lists[list].columns as Record<string, Column>;
  const shape: Record<string, z.ZodType> = {};
  for (const key of pick) {
    const column = columns[key];
    if (!column) throw new Error(`No column ${key} in ${list}`);
    const base = columnSchema(column);
    shape[key] = column.required ? base.optional() : base.nullable().optional();
  }
  return z
    .strictObject(shape)
    .refine((body) => Object.values(body).some((v) => v !== undefined), {
      message: `Send at least one of: ${pick.join(', ')}.`,
    })
    .meta({ title: `${list} changes` }) as unknown as z.ZodType<Partial<Pick<Fields<L>, K>>>;
}
