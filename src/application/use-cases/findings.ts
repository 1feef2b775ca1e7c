import { promote } from '../../domain/observations.js';
import type { Fields } from '../../domain/lists/schema.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { fromDomain, RequestError } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import { requireRole } from './authorise.js';
import { assertPartnersExist } from './observations.js';

export type FindingInput = Fields<'findings'>;

/** Promotes open observations into a finding and marks them promoted. */
export async function createFinding(deps: Deps, actor: Actor, input: FindingInput) {
  requireRole(actor, ['scrutineer'], 'record findings');
  assertNoIdentifiableData('findings', input);
  const ids = input.observationIds ?? [];
  const stored = await Promise.all(ids.map((id) => deps.repo.get('observations', id)));
  const missing = ids.find((_, i) => !stored[i]);
  if (missing)
    throw new RequestError(400, 'unknown-observation', `There is no observation ${missing}.`);
  const observations = stored.flatMap((s) => (s ? [{ ...s.fields, id: s.id }] : []));
  const promoted = promote(observations);
  if (!promoted.ok) throw fromDomain(promoted.error);
  const partnerIds = input.partnerIds?.length ? input.partnerIds : promoted.value.partnerIds;
  await assertPartnersExist(deps, partnerIds);
  const ctx = changeContext(deps, actor, 'tab');
  const finding = await deps.repo.create(
    'findings',
    {
      ...input,
      partnerIds,
      sources: input.sources?.length ? input.sources : promoted.value.sources,
    },
    ctx,
  );
  for (const s of stored) {
    if (s)
      await deps.repo.update(
        'observations',
        s.id,
        { status: 'promoted', findingId: finding.id },
        s.etag,
        ctx,
      );
  }
  return finding;
}
