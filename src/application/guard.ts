import { findIdentifiableData, type IdentifiableMatch } from '../domain/guard/index.js';
import type { Column } from '../domain/lists/columns.js';
import { lists, type ListName } from '../domain/lists/schema.js';
import { RequestError } from './errors.js';

/**
 * Refuses a write whose free text identifies a child or family. The error carries only kinds and
 * spans, never the text, so nothing refused reaches a log or a response body.
 */
export function assertNoIdentifiableData(list: ListName, fields: Record<string, unknown>): void {
  const columns = lists[list].columns as Record<string, Column>;
  const found: { field: string; matches: IdentifiableMatch[] }[] = [];
  for (const [name, column] of Object.entries(columns)) {
    const value = fields[name];
    if (
      (column.kind === 'text' || column.kind === 'note') &&
      column.freeText &&
      typeof value === 'string'
    ) {
      const matches = findIdentifiableData(value);
      if (matches.length) found.push({ field: name, matches });
    }
  }
  if (found.length) {
    const kinds = [...new Set(found.flatMap((f) => f.matches.map((m) => m.kind)))];
    throw new RequestError(
      422,
      'identifiable-data',
      `This text appears to identify a child or family (${kinds.join(', ')}). Please rewrite it using partnership codes such as HSCP-C-2026-14 or anonymised forms such as "Child J".`,
      { fields: found },
    );
  }
}
