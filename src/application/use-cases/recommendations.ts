import { issue } from '../../domain/recommendations.js';
import type { Fields } from '../../domain/lists/schema.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { fromDomain, notFound, RequestError } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import { DuplicateError } from '../ports/repository.js';
import { requireRole } from './authorise.js';
import { assertPartnersExist } from './observations.js';
import { deliveriesFor, ensureDeliveries } from './deliveries.js';
import { allocateReference, loadPartnership } from './reference-scheme.js';

export type RecommendationInput = Omit<
  Fields<'recommendations'>,
  'reference' | 'status' | 'issuedAt'
>;

export async function draftRecommendation(deps: Deps, actor: Actor, input: RecommendationInput) {
  requireRole(actor, ['scrutineer'], 'write recommendations');
  assertNoIdentifiableData('recommendations', input);
  await assertPartnersExist(deps, input.partnerIds);
  await assertFindingsExist(deps, input.findingIds ?? []);
  const partnership = await loadPartnership(deps);
  const ctx = changeContext(deps, actor, 'tab');
  // The reference column is unique, so a clash with a concurrent draft retries with the next number.
  for (let attempt = 0; attempt < 5; attempt++) {
    const { reference } = await allocateReference(deps, partnership);
    try {
      return await deps.repo.create(
        'recommendations',
        { ...input, reference, status: 'draft' },
        ctx,
      );
    } catch (e) {
      if (!(e instanceof DuplicateError)) throw e;
    }
  }
  throw new RequestError(409, 'busy', 'Could not allocate a reference; please try again.');
}

export async function assertFindingsExist(deps: Deps, findingIds: readonly string[]) {
  for (const id of findingIds) {
    if (!(await deps.repo.get('findings', id))) {
      throw new RequestError(400, 'unknown-finding', `There is no finding ${id}.`);
    }
  }
}

export type { Delivery } from './deliveries.js';

/**
 * Issues a draft and queues a card for each named partner's leads: one pending row per person in
 * the delivery ledger (the outbox), keyed by recommendation + person so nothing is queued twice.
 * The delivery worker sends them; this returns at once with each card's current status.
 */
export async function issueRecommendation(deps: Deps, actor: Actor, id: string) {
  requireRole(actor, ['scrutineer'], 'issue recommendations');
  const stored = await deps.repo.get('recommendations', id);
  if (!stored) throw notFound(`There is no recommendation ${id}.`);
  const transition = issue(stored.fields, deps.now().toISOString());
  if (!transition.ok) throw fromDomain(transition.error);
  const ctx = changeContext(deps, actor, 'tab');
  const recommendation = await deps.repo.update(
    'recommendations',
    id,
    transition.value,
    stored.etag,
    ctx,
  );
  // If the server stops between these two writes, the worker writes the ledger when it starts.
  await ensureDeliveries(deps, { ...recommendation.fields, id: recommendation.id }, ctx);
  return { recommendation, deliveries: await deliveriesFor(deps, id) };
}
