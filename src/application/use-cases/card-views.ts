import type { RecommendationCardView } from '../ports/cards.js';
import type { Actor, Deps } from '../deps.js';
import { notFound } from '../errors.js';

/**
 * The card a viewer should see for one partner's part of a recommendation, built from server
 * state only. The viewer may respond only if they lead that partner and it has not responded.
 */
export async function recommendationCardView(
  deps: Deps,
  recommendationId: string,
  partnerId: string,
  viewer: Actor | undefined,
  notice?: string,
): Promise<RecommendationCardView> {
  const rec = await deps.repo.get('recommendations', recommendationId);
  if (!rec) throw notFound(`There is no recommendation ${recommendationId}.`);
  const partner = await deps.repo.get('partners', partnerId);
  const findings = await Promise.all(
    (rec.fields.findingIds ?? []).map((id) => deps.repo.get('findings', id)),
  );
  const [response] = await deps.repo.all('responses', {
    field: 'responseKey',
    equals: `${recommendationId}:${partnerId}`,
  });
  const responder = response
    ? await deps.repo.get('people', response.fields.responderId)
    : undefined;
  const mayRespond =
    !response &&
    rec.fields.status === 'issued' &&
    viewer !== undefined &&
    viewer.partnerId === partnerId &&
    viewer.roles.includes('partner-lead');
  return {
    recommendationId,
    partnerId,
    reference: rec.fields.reference,
    title: rec.fields.title,
    text: rec.fields.text,
    priority: rec.fields.priority,
    responseDueDate: rec.fields.responseDueDate,
    partnerName: partner?.fields.name ?? 'Unknown partner',
    findings: findings.flatMap((f) =>
      f ? [{ title: f.fields.title, evidenceClass: f.fields.evidenceClass }] : [],
    ),
    ...(response
      ? {
          response: {
            decision: response.fields.decision,
            rationale: response.fields.rationale,
            responderName: responder?.fields.displayName ?? 'Unknown',
            respondedAt: response.fields.respondedAt,
            channel: response.fields.channel,
          },
        }
      : {}),
    mode: mayRespond ? 'respond' : 'status',
    ...(notice ? { notice } : {}),
  };
}
