import { leadsFor } from '../../domain/people.js';
import { issue } from '../../domain/recommendations.js';
import type { Fields } from '../../domain/lists/schema.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { fromDomain, notFound, RequestError } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import { DuplicateError } from '../ports/repository.js';
import { requireRole } from './authorise.js';
import { assertPartnersExist } from './observations.js';
import { recommendationCardView } from './card-views.js';
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

export interface Delivery {
  personId: string;
  displayName: string;
  partnerName: string;
  status: 'pending' | 'sent' | 'unreachable' | 'failed';
  detail?: string;
}

/** Issues a draft and sends each named partner's leads a card; the delivery ledger stops repeats. */
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
  const people = (await deps.repo.all('people')).map((p) => ({ ...p.fields, id: p.id }));
  const deliveries: Delivery[] = [];
  for (const partnerId of recommendation.fields.partnerIds) {
    const partner = await deps.repo.get('partners', partnerId);
    const partnerName = partner?.fields.name ?? partnerId;
    const leads = leadsFor(partnerId, people);
    if (leads.length === 0) {
      deliveries.push({
        personId: '',
        displayName: '(no lead)',
        partnerName,
        status: 'unreachable',
        detail: `${partnerName} has no partner lead recorded.`,
      });
    }
    for (const lead of leads) {
      deliveries.push({
        ...(await deliver(deps, ctx, recommendation.id, lead, partnerId)),
        displayName: lead.displayName,
        partnerName,
      });
    }
  }
  return { recommendation, deliveries };
}

async function deliver(
  deps: Deps,
  ctx: ReturnType<typeof changeContext>,
  recommendationId: string,
  lead: Actor,
  partnerId: string,
): Promise<Omit<Delivery, 'displayName' | 'partnerName'>> {
  const deliveryKey = `${recommendationId}:${lead.id}`;
  let ledger;
  try {
    ledger = await deps.repo.create(
      'cardDeliveries',
      { deliveryKey, recommendationId, personId: lead.id, status: 'pending' },
      ctx,
    );
  } catch (e) {
    if (!(e instanceof DuplicateError)) throw e;
    const existing = await deps.repo.get('cardDeliveries', e.existingId);
    return {
      personId: lead.id,
      status: existing?.fields.status ?? 'pending',
      detail: 'Already sent.',
    };
  }
  const view = await recommendationCardView(deps, recommendationId, partnerId, lead);
  const outcome = await deps.cards.sendRecommendation(
    { personId: lead.id, entraObjectId: lead.entraObjectId },
    view,
  );
  await deps.repo.update(
    'cardDeliveries',
    ledger.id,
    {
      status: outcome.status,
      activityId: outcome.activityId ?? null,
      detail: outcome.detail ?? null,
    },
    ledger.etag,
    ctx,
  );
  return {
    personId: lead.id,
    status: outcome.status,
    ...(outcome.detail ? { detail: outcome.detail } : {}),
  };
}
