import type { Finding, Observation, WithId } from './lists/schema.js';
import { evidenceSources, type EvidenceClass, type EvidenceSource } from './vocabulary.js';

export interface SourceCount {
  source: EvidenceSource;
  /** How many of the finding's observations came from this source. */
  observations: number;
  /** The finding itself names this source. */
  declared: boolean;
}

export interface TriangulationRow {
  findingId: string;
  title: string;
  evidenceClass: EvidenceClass;
  sources: SourceCount[];
  distinctSources: number;
  /** Two or more kinds of evidence point the same way. */
  triangulated: boolean;
}

/**
 * Which kinds of evidence stand behind a finding: the sources it declares plus those of the
 * observations linked to it (by the finding's list or by the observation's own link).
 */
export function triangulate(
  finding: WithId<Finding>,
  observations: readonly WithId<Observation>[],
): TriangulationRow {
  const linkedIds = new Set(finding.observationIds ?? []);
  const linked = observations.filter((o) => linkedIds.has(o.id) || o.findingId === finding.id);
  const declared = new Set(finding.sources ?? []);
  const counts = new Map<EvidenceSource, number>();
  for (const o of linked) counts.set(o.source, (counts.get(o.source) ?? 0) + 1);
  // Vocabulary order, so every row lists sources the same way.
  const sources = evidenceSources
    .filter((s) => declared.has(s) || counts.has(s))
    .map((source) => ({
      source,
      observations: counts.get(source) ?? 0,
      declared: declared.has(source),
    }));
  return {
    findingId: finding.id,
    title: finding.title,
    evidenceClass: finding.evidenceClass,
    sources,
    distinctSources: sources.length,
    triangulated: sources.length >= 2,
  };
}
