import { daysToResolution, disagreementProblems } from '../../domain/disagreements.js';
import type { Disagreement, Fields } from '../../domain/lists/schema.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { forbidden, notFound, RequestError } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import { DuplicateError, type StoredItem } from '../ports/repository.js';
import { requireRole } from './authorise.js';
import { refuse } from './case-reviews.js';
import { assertCurrent, requireIfMatch } from './etag.js';
import { reaches, readerReach, writerRoles } from './visibility.js';

export interface DisagreementRow {
  item: StoredItem<'disagreements'>;
  daysToResolution?: number;
}

export type DisagreementInput = Fields<'disagreements'>;
export type DisagreementPatch = Partial<DisagreementInput>;

const rowOf = (item: StoredItem<'disagreements'>): DisagreementRow => {
  const days = daysToResolution(item.fields);
  return days === undefined ? { item } : { item, daysToResolution: days };
};

/**
 * Disagreements, latest raised first: whole-view readers see them all; a partner's people see
 * those where their partner is a party.
 */
export async function listDisagreements(deps: Deps, actor: Actor): Promise<DisagreementRow[]> {
  const reach = readerReach(actor);
  if (reach.kind === 'none')
    throw forbidden('Only the partnership’s people may see disagreements between partners.');
  const items = await deps.repo.all('disagreements');
  return items
    .filter((i) => reaches(reach, i.fields.partnerIds))
    .sort((a, b) => b.fields.raisedOn.localeCompare(a.fields.raisedOn))
    .map(rowOf);
}

async function check(deps: Deps, d: Disagreement): Promise<void> {
  assertNoIdentifiableData('disagreements', d);
  const problems = disagreementProblems(d);
  const known = new Set((await deps.repo.all('partners')).map((p) => p.id));
  const unknown = d.partnerIds.filter((id) => !known.has(id));
  if (unknown.length)
    problems.push({ field: 'partnerIds', message: `No partner has the id ${unknown.join(', ')}.` });
  if (problems.length) throw refuse('invalid-disagreement', problems);
}

const duplicate = (reference: string, existingId: string) =>
  new RequestError(
    409,
    'duplicate-reference',
    `There is already a disagreement ${reference}; open that one to change it.`,
    { existingId },
  );

export async function createDisagreement(
  deps: Deps,
  actor: Actor,
  input: DisagreementInput,
): Promise<DisagreementRow> {
  requireRole(actor, writerRoles, 'record disagreements');
  const fields = { ...input, partnerIds: [...new Set(input.partnerIds)] };
  await check(deps, fields);
  try {
    return rowOf(
      await deps.repo.create('disagreements', fields, changeContext(deps, actor, 'tab')),
    );
  } catch (e) {
    if (e instanceof DuplicateError) throw duplicate(input.reference, e.existingId);
    throw e;
  }
}

/** Records positions, advice, outcome and dates against the version the caller read. */
export async function updateDisagreement(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: DisagreementPatch,
  ifMatch: string | undefined,
): Promise<DisagreementRow> {
  requireRole(actor, writerRoles, 'change disagreements');
  const etag = requireIfMatch(ifMatch);
  const stored = await deps.repo.get('disagreements', id);
  if (!stored) throw notFound(`There is no disagreement ${id}.`);
  assertCurrent('disagreements', stored, etag);
  const changes = patch.partnerIds
    ? { ...patch, partnerIds: [...new Set(patch.partnerIds)] }
    : patch;
  await check(deps, { ...stored.fields, ...changes });
  try {
    return rowOf(
      await deps.repo.update('disagreements', id, changes, etag, changeContext(deps, actor, 'tab')),
    );
  } catch (e) {
    if (e instanceof DuplicateError)
      throw duplicate(patch.reference ?? stored.fields.reference, e.existingId);
    throw e;
  }
}
