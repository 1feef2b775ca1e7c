import type { ListName } from '../../domain/lists/schema.js';
import type { Actor, Deps } from '../deps.js';
import { forbidden, notFound } from '../errors.js';
import type { StoredItem } from '../ports/repository.js';
import { reaches, readerReach, requireWholeView } from './visibility.js';

/**
 * Role trimming of the existing reads, decided from the partnership model (see visibility.ts):
 * whole-view readers see everything; a partner's people see their own partner's items.
 */

/** Issued recommendations naming the reader's partner; drafts are the scrutineer's business. */
export function visibleRecommendations(
  actor: Actor,
  items: StoredItem<'recommendations'>[],
): StoredItem<'recommendations'>[] {
  const reach = readerReach(actor);
  if (reach.kind === 'all') return items;
  return items.filter((r) => r.fields.status !== 'draft' && reaches(reach, r.fields.partnerIds));
}

/**
 * A partner's people see their own partner's record only: the tracker names the others where a
 * recommendation is shared, and nothing on their screens lists the partnership's members.
 */
export function visiblePartners(
  actor: Actor,
  items: StoredItem<'partners'>[],
): StoredItem<'partners'>[] {
  const reach = readerReach(actor);
  if (reach.kind === 'all') return items;
  return items.filter((p) => reaches(reach, p.id));
}

/**
 * A partner's people see their own partner's people (owners for actions) and the partnership's
 * own staff, who belong to no partner (the scrutineer and the business unit: the people they
 * deal with). Other partners' people, and their executives, are not theirs to see.
 */
export function visiblePeople(actor: Actor, items: StoredItem<'people'>[]): StoredItem<'people'>[] {
  const reach = readerReach(actor);
  if (reach.kind === 'all') return items;
  return items.filter(
    (p) => p.id === actor.id || !p.fields.partnerId || reaches(reach, p.fields.partnerId),
  );
}

/** The partner an item belongs to, for the lists whose items belong to one partner. */
async function partnerOfItem(deps: Deps, list: ListName, id: string): Promise<string | undefined> {
  if (list === 'responses') return (await deps.repo.get('responses', id))?.fields.partnerId;
  if (list === 'actions') return (await deps.repo.get('actions', id))?.fields.partnerId;
  if (list === 'actionUpdates') {
    const update = await deps.repo.get('actionUpdates', id);
    return update
      ? (await deps.repo.get('actions', update.fields.actionId))?.fields.partnerId
      : undefined;
  }
  return undefined;
}

/**
 * Whether the reader may read an item (and so its evidence files): a partner's own responses,
 * actions and updates for its people; anything else (observations, findings) only whole.
 */
export async function assertMayReadItem(
  deps: Deps,
  actor: Actor,
  list: string,
  id: string,
): Promise<void> {
  const reach = readerReach(actor);
  if (reach.kind === 'all') return;
  if (list !== 'responses' && list !== 'actions' && list !== 'actionUpdates') {
    requireWholeView(actor, 'read this');
    return;
  }
  const partnerId = await partnerOfItem(deps, list, id);
  if (partnerId === undefined) throw notFound(`There is no ${list} item ${id}.`);
  if (!reaches(reach, partnerId)) throw forbidden('This belongs to another partner.');
}
