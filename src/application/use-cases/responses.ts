import { checkResponse } from '../../domain/recommendations.js';
import type { Channel, Decision } from '../../domain/vocabulary.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { fromDomain, notFound } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import { DuplicateError } from '../ports/repository.js';
import { requireRole } from './authorise.js';

export interface RespondInput {
  recommendationId: string;
  decision: Decision;
  rationale: string;
}

/**
 * Records a partner lead's response. The partner comes from the responder's own record, never
 * from the card. The unique response key makes a duplicate or racing invoke a no-op.
 */
export async function respondToRecommendation(
  deps: Deps,
  responder: Actor,
  input: RespondInput,
  channel: Channel,
) {
  requireRole(responder, ['partner-lead'], 'respond to recommendations');
  const partnerId = responder.partnerId;
  if (!partnerId) throw notFound('You are not recorded as leading a partner.');
  const rec = await deps.repo.get('recommendations', input.recommendationId);
  if (!rec) throw notFound(`There is no recommendation ${input.recommendationId}.`);
  assertNoIdentifiableData('responses', { rationale: input.rationale });
  const existing = await deps.repo.all('responses', { field: 'recommendationId', equals: rec.id });
  const check = checkResponse(
    { ...rec.fields, id: rec.id },
    { ...input, partnerId },
    existing.map((r) => r.fields),
  );
  if (!check.ok) throw fromDomain(check.error);
  const ctx = changeContext(deps, responder, channel);
  try {
    const item = await deps.repo.create(
      'responses',
      {
        recommendationId: rec.id,
        partnerId,
        decision: input.decision,
        rationale: input.rationale.trim(),
        responderId: responder.id,
        responderTenantId: responder.homeTenantId,
        channel,
        respondedAt: ctx.at,
        responseKey: check.value.responseKey,
      },
      ctx,
    );
    return { item, partnerId };
  } catch (e) {
    if (e instanceof DuplicateError)
      throw fromDomain({
        code: 'already-responded',
        message: 'This partner has already responded.',
      });
    throw e;
  }
}
