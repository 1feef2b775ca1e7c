import type { Fields } from '../../domain/lists/schema.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { RequestError } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import { requireRole } from './authorise.js';
import { createOnce } from './create-once.js';

export type ObservationInput = Omit<
  Fields<'observations'>,
  'status' | 'findingId' | 'observedAt'
> & {
  observedAt?: string;
};

/** Files an observation; a resend with the same idempotency key returns the first one. */
export async function fileObservation(deps: Deps, actor: Actor, input: ObservationInput) {
  requireRole(actor, ['scrutineer'], 'file observations');
  assertNoIdentifiableData('observations', input);
  if (input.meetingId && !(await deps.repo.get('meetings', input.meetingId))) {
    throw new RequestError(400, 'unknown-meeting', 'That meeting does not exist.');
  }
  await assertPartnersExist(deps, input.partnerIds ?? []);
  const fields: Fields<'observations'> = {
    ...input,
    observedAt: input.observedAt ?? deps.now().toISOString(),
    status: 'open',
  };
  return createOnce(deps.repo, 'observations', fields, changeContext(deps, actor, 'tab'));
}

export async function assertPartnersExist(deps: Deps, partnerIds: readonly string[]) {
  for (const id of partnerIds) {
    if (!(await deps.repo.get('partners', id))) {
      throw new RequestError(400, 'unknown-partner', `There is no partner with id ${id}.`);
    }
  }
}
