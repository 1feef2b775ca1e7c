import { mergeIntoFinding } from '../../domain/findings.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { fromDomain, notFound, RequestError } from '../errors.js';
import { requireRole } from './authorise.js';
import { assertCurrent, requireIfMatch } from './etag.js';

/**
 * Adds open observations to an existing finding (If-Match is the finding's etag). Observations
 * are marked first and the finding written last, so a retry after a failure completes the merge.
 */
export async function mergeObservations(
  deps: Deps,
  actor: Actor,
  findingId: string,
  observationIds: readonly string[],
  ifMatch: string | undefined,
) {
  requireRole(actor, ['scrutineer'], 'add observations to findings');
  const etag = requireIfMatch(ifMatch);
  const finding = await deps.repo.get('findings', findingId);
  if (!finding) throw notFound(`There is no finding ${findingId}.`);
  assertCurrent('findings', finding, etag);
  const ids = [...new Set(observationIds)];
  const stored = await Promise.all(ids.map((id) => deps.repo.get('observations', id)));
  const missing = ids.find((_, i) => !stored[i]);
  if (missing)
    throw new RequestError(409, 'unknown-observation', `There is no observation ${missing}.`);
  const observations = stored.flatMap((s) => (s ? [s] : []));
  const merged = mergeIntoFinding(
    { ...finding.fields, id: finding.id },
    observations.map((s) => ({ ...s.fields, id: s.id })),
  );
  if (!merged.ok) throw fromDomain(merged.error);
  const ctx = changeContext(deps, actor, 'tab');
  for (const s of observations) {
    if (merged.value.toPromote.includes(s.id))
      await deps.repo.update(
        'observations',
        s.id,
        { status: 'promoted', findingId: finding.id },
        s.etag,
        ctx,
      );
  }
  return deps.repo.update('findings', finding.id, merged.value.finding, etag, ctx);
}
