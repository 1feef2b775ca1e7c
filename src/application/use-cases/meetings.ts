import type { Fields } from '../../domain/lists/schema.js';
import { assertNoIdentifiableData } from '../guard.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { requireRole } from './authorise.js';
import { createOnce } from './create-once.js';

/** Creates the meeting record on first use; the same Teams meeting always maps to one record. */
export async function resolveMeeting(deps: Deps, actor: Actor, input: Fields<'meetings'>) {
  requireRole(actor, ['scrutineer', 'business-unit'], 'record meetings');
  assertNoIdentifiableData('meetings', input);
  // The unique Teams meeting id makes a second panel (or a racing one) get the same record.
  return createOnce(deps.repo, 'meetings', input, changeContext(deps, actor, 'tab'));
}
