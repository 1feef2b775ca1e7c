import type { Observation, WithId } from './lists/schema.js';
import { fail, ok, type Result } from './result.js';
import type { EvidenceSource } from './vocabulary.js';

/** Open observations may be promoted into one finding; the finding gathers their partners and sources. */
export function promote(observations: readonly WithId<Observation>[]): Result<{
  partnerIds: string[];
  sources: EvidenceSource[];
}> {
  if (observations.length === 0) return fail('invalid', 'Choose at least one observation.');
  const taken = observations.find((o) => o.status !== 'open');
  if (taken) return fail('illegal-transition', 'An observation has already been promoted.');
  const partnerIds = [...new Set(observations.flatMap((o) => o.partnerIds ?? []))];
  const sources = [...new Set(observations.map((o) => o.source))];
  return ok({ partnerIds, sources });
}
