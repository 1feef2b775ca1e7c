import { addCalendarDays } from '../../domain/calendar/working-days.js';
import type { Fields } from '../../domain/lists/schema.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { invalid } from '../errors.js';
import type { StoredItem } from '../ports/repository.js';
import { requireRole } from './authorise.js';

/** Who has held the partnership chair, latest first. Any signed-in person may see it. */
export async function listChairTerms(deps: Deps): Promise<StoredItem<'chairTerms'>[]> {
  const terms = await deps.repo.all('chairTerms');
  return terms.sort((a, b) => b.fields.startsOn.localeCompare(a.fields.startsOn));
}

/**
 * The business unit records who takes the chair from a date. A term still open when the new one
 * starts is closed the day before, so the handover is one act and escalations after it go to the
 * new chair.
 */
export async function addChairTerm(
  deps: Deps,
  actor: Actor,
  input: Pick<Fields<'chairTerms'>, 'personId' | 'startsOn' | 'endsOn'>,
): Promise<StoredItem<'chairTerms'>> {
  requireRole(actor, ['business-unit'], 'record who holds the partnership chair');
  if (!(await deps.repo.get('people', input.personId))) {
    throw invalid('unknown-person', `There is no person ${input.personId} in the partnership.`);
  }
  if (input.endsOn && input.endsOn < input.startsOn) {
    throw invalid('invalid-term', 'The term must end on or after the day it starts.');
  }
  const ctx = changeContext(deps, actor, 'tab');
  for (const open of await deps.repo.all('chairTerms')) {
    if (open.fields.endsOn || open.fields.startsOn >= input.startsOn) continue;
    await deps.repo.update(
      'chairTerms',
      open.id,
      { endsOn: addCalendarDays(input.startsOn, -1) },
      open.etag,
      ctx,
    );
  }
  return deps.repo.create(
    'chairTerms',
    {
      personId: input.personId,
      startsOn: input.startsOn,
      ...(input.endsOn ? { endsOn: input.endsOn } : {}),
    },
    ctx,
  );
}
