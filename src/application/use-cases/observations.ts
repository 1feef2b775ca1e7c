import type { Fields } from '../../domain/lists/schema.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { RequestError } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import { DuplicateError } from '../ports/repository.js';
import { requireRole } from './authorise.js';

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
  try {
    return {
      item: await deps.repo.create('observations', fields, changeContext(deps, actor, 'tab')),
      created: true,
    };
  } catch (e) {
    if (e instanceof DuplicateError) {
      const item = await deps.repo.get('observations', e.existingId);
      if (item) return { item, created: false };
    }
    throw e;
  }
}

export async function assertPartnersExist(deps: Deps, partnerIds: readonly string[]) {
  for (const id of partnerIds) {
    if (!(await deps.repo.get('partners', id))) {
      throw new RequestError(400, 'unknown-partner', `There is no partner with id ${id}.`);
    }
  }
}
