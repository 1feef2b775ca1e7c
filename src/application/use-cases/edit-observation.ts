import { checkObservationEdit } from '../../domain/observation-edits.js';
import type { Fields } from '../../domain/lists/schema.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { fromDomain, notFound } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import { requireRole } from './authorise.js';
import { assertCurrent, requireIfMatch } from './etag.js';
import { assertPartnersExist } from './observations.js';

export const editableObservationFields = [
  'text',
  'evidenceClass',
  'lineOfEnquiry',
  'partnerIds',
  'source',
] as const;

export type ObservationChanges = Partial<
  Pick<Fields<'observations'>, (typeof editableObservationFields)[number]>
>;

/** Corrects an open observation; the etag it was read at must still be current. */
export async function editObservation(
  deps: Deps,
  actor: Actor,
  id: string,
  changes: ObservationChanges,
  ifMatch: string | undefined,
) {
  requireRole(actor, ['scrutineer'], 'edit observations');
  const etag = requireIfMatch(ifMatch);
  assertNoIdentifiableData('observations', changes);
  const stored = await deps.repo.get('observations', id);
  if (!stored) throw notFound(`There is no observation ${id}.`);
  assertCurrent('observations', stored, etag);
  const check = checkObservationEdit(stored.fields);
  if (!check.ok) throw fromDomain(check.error);
  await assertPartnersExist(deps, changes.partnerIds ?? []);
  return deps.repo.update('observations', id, changes, etag, changeContext(deps, actor, 'tab'));
}
