import type { Observation } from './lists/schema.js';
import { fail, ok, type Result } from './result.js';

/** Only an open observation may be edited: once promoted, a finding rests on what it said. */
export function checkObservationEdit(observation: Observation): Result<true> {
  if (observation.status !== 'open') {
    return fail(
      'illegal-transition',
      'This observation has been promoted into a finding and can no longer be edited; edit the finding instead.',
    );
  }
  return ok(true);
}
