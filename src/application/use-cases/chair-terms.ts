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
 * The business unit records who takes the chair from a date. A term still running when the new
 * one starts is closed the day before, so the handover is one act and escalations after it go to
 * the new chair; an open-ended new term ends the day before a later recorded term begins.
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
  const terms = await deps.repo.all('chairTerms');
  // A term running on the new start day is cut to end the day before: the handover.
  for (const t of terms) {
    const running =
      t.fields.startsOn < input.startsOn && (t.fields.endsOn ?? '9999') >= input.startsOn;
    if (!running) continue;
    await deps.repo.update(
      'chairTerms',
      t.id,
      { endsOn: addCalendarDays(input.startsOn, -1) },
      t.etag,
      ctx,
    );
  }
  // An open-ended new term runs until the next recorded term starts.
  const next = terms
    .map((t) => t.fields.startsOn)
    .filter((d) => d > input.startsOn)
    .sort()[0];
  const endsOn = input.endsOn ?? (next ? addCalendarDays(next, -1) : undefined);
  return deps.repo.create(
    'chairTerms',
    {
      personId: input.personId,
      startsOn: input.startsOn,
      ...(endsOn ? { endsOn } : {}),
    },
    ctx,
  );
}
