import type { Deps } from '../deps.js';

/** Every issued recommendation with each named partner's response. Read-only for everyone. */
export async function buildTracker(deps: Deps) {
  const [recommendations, partners, responses, people] = await Promise.all([
    deps.repo.all('recommendations'),
    deps.repo.all('partners'),
    deps.repo.all('responses'),
    deps.repo.all('people'),
  ]);
  const partnerById = new Map(partners.map((p) => [p.id, p]));
  const personById = new Map(people.map((p) => [p.id, p]));
  return recommendations
    .filter((r) => r.fields.status !== 'draft')
    .map((r) => ({
      recommendation: r,
      partners: r.fields.partnerIds.map((pid) => {
        const partner = partnerById.get(pid);
        const response = responses.find(
          (x) => x.fields.recommendationId === r.id && x.fields.partnerId === pid,
        );
        return {
          partner: {
            id: pid,
            name: partner?.fields.name ?? 'Unknown partner',
            kind: partner?.fields.kind ?? 'other-relevant-agency',
          },
          ...(response
            ? {
                response: {
                  decision: response.fields.decision,
                  rationale: response.fields.rationale,
                  responderName:
                    personById.get(response.fields.responderId)?.fields.displayName ?? 'Unknown',
                  channel: response.fields.channel,
                  respondedAt: response.fields.respondedAt,
                },
              }
            : {}),
        };
      }),
    }));
}
