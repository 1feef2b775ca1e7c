import type { TriangulationRow } from '../../../api/types';
import type { EvidenceSource } from '../../../../../src/domain/vocabulary';

/** A finding's support in words: one source alone is flagged, not only coloured. */
export function triangulationText(row: TriangulationRow): string {
  if (row.distinctSources === 0) return 'No sources';
  if (row.triangulated) return `Triangulated: ${row.distinctSources} sources`;
  return row.distinctSources === 1
    ? 'Single source'
    : `Not triangulated: ${row.distinctSources} sources`;
}

/** One cell: observations from the source; a source the finding names without any says so. */
export function sourceCell(row: TriangulationRow, source: EvidenceSource): string {
  const entry = row.sources.find((s) => s.source === source);
  if (entry && entry.observations === 0 && entry.declared) return 'Declared only';
  return String(entry?.observations ?? 0);
}
