import type { Finding, Observation, WithId } from './lists/schema.js';
import { promote } from './observations.js';
import { fail, ok, type Result } from './result.js';
import type { EvidenceSource } from './vocabulary.js';

export interface MergeOutcome {
  /** The finding's new links, partners and sources (unions, no duplicates). */
  finding: Pick<Finding, 'observationIds' | 'partnerIds' | 'sources'>;
  /** The observations to mark promoted into the finding (those not already in it). */
  toPromote: string[];
}

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

/**
 * Adds observations to an existing finding, by the same rule as promoting them into a new one:
 * each must be open. One already promoted into this very finding is kept, not refused, so a
 * retried merge completes instead of failing half-way.
 */
export function mergeIntoFinding(
  finding: WithId<Finding>,
  observations: readonly WithId<Observation>[],
): Result<MergeOutcome> {
  if (observations.length === 0) return fail('invalid', 'Choose at least one observation.');
  const fresh = observations.filter((o) => o.findingId !== finding.id);
  const taken = fresh.find((o) => o.status !== 'open');
  if (taken) {
    return fail(
      'illegal-transition',
      `Observation ${taken.id} has already been promoted into another finding.`,
    );
  }
  const gathered = fresh.length ? promote(fresh) : ok({ partnerIds: [], sources: [] });
  if (!gathered.ok) return gathered;
  const already = observations.filter((o) => o.findingId === finding.id);
  const sources: EvidenceSource[] = union(finding.sources ?? [], [
    ...gathered.value.sources,
    ...already.map((o) => o.source),
  ]);
  return ok({
    finding: {
      observationIds: union(
        finding.observationIds ?? [],
        observations.map((o) => o.id),
      ),
      partnerIds: union(finding.partnerIds ?? [], [
        ...gathered.value.partnerIds,
        ...already.flatMap((o) => o.partnerIds ?? []),
      ]),
      sources,
    },
    toPromote: [...new Set(fresh.map((o) => o.id))],
  });
}
