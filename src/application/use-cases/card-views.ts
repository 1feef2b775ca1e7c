import { leadsFor } from '../../domain/people.js';
import type { RecommendationCardView } from '../ports/cards.js';
import type { Actor, Deps } from '../deps.js';
import { forbidden, notFound } from '../errors.js';
import { readerReach, reaches } from './visibility.js';

/** How much of a finding's evidence summary a card shows: enough to say why, short on a phone. */
export const FINDING_SUMMARY_CHARS = 280;

/** Shortens text on a word boundary, marking the cut with an ellipsis. */
export function shorten(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * Whether this person may respond for this partner now: they lead that partner (from their own
 * record, never from the card), it is named, the recommendation is open and it has not answered.
 */
export function mayRespondFor(
  viewer: Actor | undefined,
  partnerId: string,
  rec: { status: string; partnerIds: readonly string[] },
  responded: boolean,
): boolean {
  return (
    !responded &&
    rec.status === 'issued' &&
    rec.partnerIds.includes(partnerId) &&
    viewer !== undefined &&
    viewer.partnerId === partnerId &&
    viewer.roles.includes('partner-lead')
  );
}

/**
 * The card a viewer should see for one partner's part of a recommendation, built from server
 * state only. The viewer may respond only if they lead that partner and it has not responded;
 * `form` puts back what they typed when the card returns with a problem to fix.
 */
/** A member looking at a card, or `shared`: the copy everyone in the partner's chat sees. */
export type CardViewer = Actor | 'shared';

export async function recommendationCardView(
  deps: Deps,
  recommendationId: string,
  partnerId: string,
  viewer: CardViewer,
  notice?: string,
  form?: RecommendationCardView['form'],
): Promise<RecommendationCardView> {
  const rec = await deps.repo.get('recommendations', recommendationId);
  if (!rec || rec.fields.status === 'draft')
    throw notFound(`There is no recommendation ${recommendationId}.`);
  if (!rec.fields.partnerIds.includes(partnerId))
    throw notFound(`Recommendation ${rec.fields.reference} does not name that partner.`);
  // The ids on a card can be forged: a person sees what the API would show them, no more. A
  // recommendation that does not name their partner is refused; another named partner's
  // response is withheld.
  const reach = viewer === 'shared' ? undefined : readerReach(viewer);
  if (reach && !reaches(reach, rec.fields.partnerIds))
    throw forbidden('This recommendation is for other organisations.');
  const mayReadResponse = !reach || reaches(reach, partnerId);
  const [partner, findings, [response], people] = await Promise.all([
    deps.repo.get('partners', partnerId),
    Promise.all((rec.fields.findingIds ?? []).map((id) => deps.repo.get('findings', id))),
    deps.repo.all('responses', {
      field: 'responseKey',
      equals: `${recommendationId}:${partnerId}`,
    }),
    deps.repo.all('people', { field: 'partnerId', equals: partnerId }),
  ]);
  const partnerPeople = people.map((p) => ({ ...p.fields, id: p.id }));
  const personName = async (id: string | null | undefined) => {
    if (!id) return 'Unknown';
    const local = partnerPeople.find((p) => p.id === id);
    return (
      local?.displayName ?? (await deps.repo.get('people', id))?.fields.displayName ?? 'Unknown'
    );
  };
  const mode = mayRespondFor(
    viewer === 'shared' ? undefined : viewer,
    partnerId,
    rec.fields,
    response !== undefined,
  )
    ? 'respond'
    : 'status';

  let recorded: RecommendationCardView['response'];
  if (response && mayReadResponse) {
    const [actions, [slgItem]] = await Promise.all([
      deps.repo.all('actions', { field: 'recommendationId', equals: recommendationId }),
      deps.repo.all('slgItems', { field: 'itemKey', equals: response.fields.responseKey }),
    ]);
    const mine = actions
      .filter((a) => a.fields.responseId === response.id)
      .sort((a, b) => (a.fields.actionKey ?? '').localeCompare(b.fields.actionKey ?? ''));
    const meeting = slgItem?.fields.meetingId
      ? await deps.repo.get('meetings', slgItem.fields.meetingId)
      : undefined;
    recorded = {
      decision: response.fields.decision,
      rationale: response.fields.rationale,
      responderName: await personName(response.fields.responderId),
      respondedAt: response.fields.respondedAt,
      channel: response.fields.channel,
      actions: await Promise.all(
        mine.map(async (a) => ({
          description: a.fields.description,
          ownerName: await personName(a.fields.ownerId),
          targetDate: a.fields.targetDate,
          evidence: a.fields.evidenceExpected ?? '',
        })),
      ),
      ...(slgItem
        ? {
            slg: {
              status: slgItem.fields.status,
              ...(meeting
                ? { meetingTitle: meeting.fields.title, meetingStartsAt: meeting.fields.startsAt }
                : {}),
            },
          }
        : {}),
    };
  }

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
      f
        ? [
            {
              title: f.fields.title,
              evidenceClass: f.fields.evidenceClass,
              summary: shorten(f.fields.summary, FINDING_SUMMARY_CHARS),
            },
          ]
        : [],
    ),
    ...(recorded ? { response: recorded } : {}),
    ...(response && !mayReadResponse ? { responseWithheld: true as const } : {}),
    mode,
    ...(notice ? { notice } : {}),
    responders: leadsFor(partnerId, partnerPeople).map((p) => ({
      personId: p.id,
      displayName: p.displayName,
      entraObjectId: p.entraObjectId,
    })),
    ...(mode === 'respond'
      ? {
          owners: partnerPeople
            .map((p) => ({
              personId: p.id,
              displayName: p.displayName,
              ...(p.jobTitle ? { jobTitle: p.jobTitle } : {}),
            }))
            .sort((a, b) => a.displayName.localeCompare(b.displayName)),
          ...(form ? { form } : {}),
        }
      : {}),
  };
}
