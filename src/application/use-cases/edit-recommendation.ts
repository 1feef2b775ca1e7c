import { checkDraftEdit } from '../../domain/recommendations.js';
import type { Fields } from '../../domain/lists/schema.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { fromDomain, notFound } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import { requireRole } from './authorise.js';
import { assertCurrent, requireIfMatch } from './etag.js';
import { assertPartnersExist } from './observations.js';
import { assertFindingsExist } from './recommendations.js';

export const editableRecommendationFields = [
  'title',
  'text',
  'priority',
  'partnerIds',
  'findingIds',
  'responseDueDate',
] as const;

export type RecommendationChanges = Partial<
  Pick<Fields<'recommendations'>, (typeof editableRecommendationFields)[number]>
>;

/** Edits a draft; its reference and status are not the caller's to change. */
export async function editRecommendation(
  deps: Deps,
  actor: Actor,
  id: string,
  changes: RecommendationChanges,
  ifMatch: string | undefined,
) {
  requireRole(actor, ['scrutineer'], 'edit recommendations');
  const etag = requireIfMatch(ifMatch);
  assertNoIdentifiableData('recommendations', changes);
  const stored = await deps.repo.get('recommendations', id);
  if (!stored) throw notFound(`There is no recommendation ${id}.`);
  assertCurrent('recommendations', stored, etag);
  const check = checkDraftEdit(stored.fields);
  if (!check.ok) throw fromDomain(check.error);
  await assertPartnersExist(deps, changes.partnerIds ?? []);
  await assertFindingsExist(deps, changes.findingIds ?? []);
  return deps.repo.update('recommendations', id, changes, etag, changeContext(deps, actor, 'tab'));
}
