import { DuplicateError } from '../ports/repository.js';
import type { Fields } from '../../domain/lists/schema.js';
import { assertNoIdentifiableData } from '../guard.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { requireRole } from './authorise.js';

/** Creates the meeting record on first use; the same Teams meeting always maps to one record. */
export async function resolveMeeting(deps: Deps, actor: Actor, input: Fields<'meetings'>) {
  requireRole(actor, ['scrutineer', 'business-unit'], 'record meetings');
  assertNoIdentifiableData('meetings', input);
  if (input.teamsMeetingId) {
    const [existing] = await deps.repo.all('meetings', {
      field: 'teamsMeetingId',
      equals: input.teamsMeetingId,
    });
    if (existing) return { item: existing, created: false };
  }
  try {
    return {
      item: await deps.repo.create('meetings', input, changeContext(deps, actor, 'tab')),
      created: true,
    };
  } catch (e) {
    // Two panels opening the same meeting at once: the unique id lets only one create it.
    if (e instanceof DuplicateError) {
      const item = await deps.repo.get('meetings', e.existingId);
      if (item) return { item, created: false };
    }
    throw e;
  }
}
