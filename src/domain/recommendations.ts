import type { Recommendation, Response, WithId } from './lists/schema.js';
import { fail, ok, type Result } from './result.js';
import type { Decision } from './vocabulary.js';

/** Draft -> issued. Only a complete draft whose response date is still ahead may be issued. */
export function issue(
  rec: Recommendation,
  now: string,
): Result<Pick<Recommendation, 'status' | 'issuedAt'>> {
  if (rec.status !== 'draft') {
    return fail('illegal-transition', `Recommendation ${rec.reference} is already ${rec.status}.`);
  }
  if (rec.partnerIds.length === 0) {
    return fail('invalid', 'Name at least one partner before issuing.');
  }
  if (rec.responseDueDate <= now.slice(0, 10)) {
    return fail('invalid', 'The response due date must be after today.');
  }
  return ok({ status: 'issued', issuedAt: now });
}

export interface ResponseInput {
  partnerId: string;
  decision: Decision;
  rationale: string;
}

/**
 * Whether a partner may record this response now. One response per partner per recommendation;
 * the caller enforces that with the deterministic response key too, so races cannot double-write.
 */
export function checkResponse(
  rec: WithId<Recommendation>,
  input: ResponseInput,
  existing: readonly Response[],
): Result<{ responseKey: string }> {
  if (rec.status !== 'issued') {
    return fail('illegal-transition', `Recommendation ${rec.reference} is not open for responses.`);
  }
  if (!rec.partnerIds.includes(input.partnerId)) {
    return fail('not-named', `This partner is not named in ${rec.reference}.`);
  }
  if (input.rationale.trim().length === 0) {
    return fail('invalid', 'A rationale is required for every response.');
  }
  if (existing.some((r) => r.partnerId === input.partnerId)) {
    return fail('already-responded', `This partner has already responded to ${rec.reference}.`);
  }
  return ok({ responseKey: responseKey(rec.id, input.partnerId) });
}

export const responseKey = (recommendationId: string, partnerId: string) =>
  `${recommendationId}:${partnerId}`;

/** Only a draft may be edited: once issued, partners are answering what it said. */
export function checkDraftEdit(rec: Recommendation): Result<true> {
  if (rec.status !== 'draft') {
    return fail(
      'illegal-transition',
      `Recommendation ${rec.reference} is ${rec.status}; only a draft can be edited.`,
    );
  }
  return ok(true);
}
