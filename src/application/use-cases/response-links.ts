import { leadsFor } from '../../domain/people.js';
import { responseKey } from '../../domain/recommendations.js';
import {
  linkEmail,
  linkExpiry,
  linkMessageKey,
  linkState,
  longDate,
  mailAddressOf,
  offerKeyOf,
  repeatsRecorded,
  respondUrl,
  usableLink,
} from '../../domain/response-links.js';
import type { ResponseDraft } from '../../domain/responses.js';
import type { Channel, Decision } from '../../domain/vocabulary.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { notFound } from '../errors.js';
import type { RecommendationCardView } from '../ports/cards.js';
import type { LinkTokens } from '../ports/link-tokens.js';
import type { MailOutcome, Mailer } from '../ports/mailer.js';
import { ConflictError, type ChangeContext, type StoredItem } from '../ports/repository.js';
import { requireRole } from './authorise.js';
import { recommendationCardView } from './card-views.js';
import { createOnce } from './create-once.js';
import { respondToRecommendation } from './responses.js';

/** What the email-and-web route needs besides the store: a mailer, a token signer and its address. */
export interface ResponseLinkDeps extends Deps {
  mailer: Mailer;
  linkTokens: LinkTokens;
  /** Where the tab is reached; the link is `${publicUrl}/respond?t=<token>`. */
  publicUrl: string;
  /** A new link id (random UUIDs by default). */
  newLinkId?: () => string;
}

export type ResponseLink = StoredItem<'responseLinks'>;
/** A recorded response as a card (and the web page) shows it. */
export type RecordedResponse = NonNullable<RecommendationCardView['response']>;

export interface OfferWebLinkInput {
  recommendationId: string;
  personId: string;
}

export type OfferWebLinkResult =
  | {
      outcome: 'offered';
      link: ResponseLink;
      /** The signed token in the link (the same for every offer of the same link). */
      token: string;
      url: string;
      /** Whether this call wrote the link (false: an open link for this person was reused). */
      created: boolean;
      /** Whether the link's email has been handed to the mailer (by this call or an earlier one). */
      emailed: boolean;
      /** What the mailer said, when this call sent the email. */
      mail?: MailOutcome;
    }
  | {
      outcome: 'skipped';
      /**
       * `already-responded`: the partner's response is recorded; `not-open`: the recommendation is
       * a draft or closed; `not-a-responder`: the person does not lead a partner it names;
       * `no-address`: their sign-in name is not an email address.
       */
      reason: 'already-responded' | 'not-open' | 'not-a-responder' | 'no-address';
    };

/** Who an offer made by the delivery machinery is recorded as. */
const systemContext = (deps: Deps): ChangeContext => ({
  actorId: 'system:response-links',
  homeTenantId: '',
  channel: 'system',
  at: deps.now().toISOString(),
});

/**
 * Offers a partner lead whom Teams cannot reach the email-and-web route to respond: writes a
 * single-use link (unless one is still open for them, which is reused: one link per
 * recommendation and person at a time, even for racing calls) and emails it once. Safe to call
 * again after a crash or a retry: the link is not duplicated and an emailed link is not emailed
 * again. Called by the delivery worker when a card is `unreachable`, or by the business unit.
 */
export async function offerWebLink(
  deps: ResponseLinkDeps,
  input: OfferWebLinkInput,
  by?: Actor,
): Promise<OfferWebLinkResult> {
  const now = deps.now();
  const ctx = by ? changeContext(deps, by, 'api') : systemContext(deps);
  const [rec, person] = await Promise.all([
    deps.repo.get('recommendations', input.recommendationId),
    deps.repo.get('people', input.personId),
  ]);
  if (!rec) throw notFound(`There is no recommendation ${input.recommendationId}.`);
  if (!person) throw notFound(`There is no person ${input.personId}.`);
  if (rec.fields.status !== 'issued') return { outcome: 'skipped', reason: 'not-open' };
  const partnerId = person.fields.partnerId;
  const isLead =
    !!partnerId &&
    rec.fields.partnerIds.includes(partnerId) &&
    leadsFor(partnerId, [{ ...person.fields, id: person.id }]).length === 1;
  if (!partnerId || !isLead) return { outcome: 'skipped', reason: 'not-a-responder' };
  const [responded] = await deps.repo.all('responses', {
    field: 'responseKey',
    equals: responseKey(rec.id, partnerId),
  });
  if (responded) return { outcome: 'skipped', reason: 'already-responded' };
  const to = mailAddressOf(person.fields.upn);
  if (!to) return { outcome: 'skipped', reason: 'no-address' };

  const theirs = (
    await deps.repo.all('responseLinks', { field: 'recommendationId', equals: rec.id })
  ).filter((l) => l.fields.personId === person.id);
  let link = usableLink(theirs, (l) => l.fields, now);
  let created = false;
  if (!link) {
    const made = await createOnce(
      deps.repo,
      'responseLinks',
      {
        linkId: (deps.newLinkId ?? (() => globalThis.crypto.randomUUID()))(),
        offerKey: offerKeyOf(rec.id, person.id, theirs.length + 1),
        recommendationId: rec.id,
        partnerId,
        personId: person.id,
        expiresAt: linkExpiry(now, rec.fields.responseDueDate).toISOString(),
      },
      ctx,
    );
    link = made.item;
    created = made.created;
  }
  const stored = link;
  const token = await deps.linkTokens.sign({
    linkId: stored.fields.linkId,
    expiresAt: new Date(stored.fields.expiresAt),
  });
  const url = respondUrl(deps.publicUrl, token);
  if (stored.fields.emailedAt)
    return { outcome: 'offered', link: stored, token, url, created, emailed: true };

  const [partnership, partner] = await Promise.all([
    deps.repo.all('partnerships').then((all) => all[0]),
    deps.repo.get('partners', partnerId),
  ]);
  const email = linkEmail({
    recipientName: person.fields.displayName,
    partnershipName: partnership?.fields.name ?? 'the safeguarding children partnership',
    partnerName: partner?.fields.name ?? 'your organisation',
    reference: rec.fields.reference,
    title: rec.fields.title,
    responseDueDate: rec.fields.responseDueDate,
    url,
    expiresAt: stored.fields.expiresAt,
  });
  const mail = await deps.mailer.send({
    key: linkMessageKey(stored.fields.linkId),
    to,
    subject: email.subject,
    body: email.body,
    recommendationId: rec.id,
  });
  if (!mail.ok)
    return { outcome: 'offered', link: stored, token, url, created, emailed: false, mail };
  const emailed = await markEmailed(deps, stored, ctx);
  return { outcome: 'offered', link: emailed, token, url, created, emailed: true, mail };
}

async function markEmailed(
  deps: Deps,
  link: ResponseLink,
  ctx: ChangeContext,
): Promise<ResponseLink> {
  try {
    return await deps.repo.update('responseLinks', link.id, { emailedAt: ctx.at }, link.etag, ctx);
  } catch (e) {
    if (!(e instanceof ConflictError)) throw e;
    // Someone else wrote the link meanwhile (marked it emailed or used): theirs stands.
    return (await deps.repo.get('responseLinks', link.id)) ?? link;
  }
}

/** The business unit (or the scrutineer) offers the web route by hand, e.g. to someone off Teams. */
export async function offerWebLinkAs(
  deps: ResponseLinkDeps,
  actor: Actor,
  input: OfferWebLinkInput,
): Promise<OfferWebLinkResult> {
  requireRole(actor, ['scrutineer', 'business-unit'], 'email a response link');
  return offerWebLink(deps, input, actor);
}

/** Why a link cannot be used as it stands. Deliberately coarse for a bad token: never say more. */
export type LinkProblem =
  | { kind: 'invalid' }
  | { kind: 'expired' }
  | { kind: 'wrong-person' }
  /** The link recorded a response: here it is. */
  | { kind: 'used'; partnerName: string; response?: RecordedResponse }
  /** The partner's response was recorded another way (Teams, another lead) before the link was used. */
  | { kind: 'already-responded'; partnerName: string; response?: RecordedResponse }
  /** The recommendation is no longer open, or the person no longer leads the partner. */
  | { kind: 'not-open'; partnerName: string };

export type LinkOpening = { kind: 'open'; link: ResponseLink; view: RecommendationCardView };

export type LinkSubmission = {
  kind: 'recorded';
  /** True when this call recorded the response; false for a repeat of a recorded one. */
  created: boolean;
  channel: Channel;
  partnerName: string;
  response: RecordedResponse;
};

/** Checks a token and its link for the signed-in person; the order of the checks is the API's. */
async function resolveLink(
  deps: ResponseLinkDeps,
  actor: Actor,
  token: string,
): Promise<{ kind: 'found'; link: ResponseLink } | LinkProblem> {
  const now = deps.now();
  const check = await deps.linkTokens.verify(token, now);
  if (!check.ok) return { kind: check.reason };
  const [link] = await deps.repo.all('responseLinks', { field: 'linkId', equals: check.linkId });
  if (!link) return { kind: 'invalid' };
  if (link.fields.personId !== actor.id) return { kind: 'wrong-person' };
  if (linkState(link.fields, now) === 'expired') return { kind: 'expired' };
  return { kind: 'found', link };
}

/**
 * What the signed-in person sees when they open their link: the recommendation and the form (as
 * the card shows them), or why not.
 */
export async function openResponseLink(
  deps: ResponseLinkDeps,
  actor: Actor,
  token: string,
): Promise<LinkOpening | LinkProblem> {
  const found = await resolveLink(deps, actor, token);
  if (found.kind !== 'found') return found;
  const { link } = found;
  const view = await recommendationCardView(
    deps,
    link.fields.recommendationId,
    link.fields.partnerId,
    actor,
  );
  const partnerName = view.partnerName;
  if (link.fields.usedAt)
    return { kind: 'used', partnerName, ...(view.response ? { response: view.response } : {}) };
  if (view.response) return { kind: 'already-responded', partnerName, response: view.response };
  if (view.mode !== 'respond') return { kind: 'not-open', partnerName };
  return { kind: 'open', link, view };
}

/**
 * A response submitted through a link: the card's own use case records it (same checks, the
 * guard, exactly once) with the channel `web-link`, then the link is marked used. A repeat of the
 * recorded submission (a retry after a lost answer) gets the recorded response back; anything
 * else through a used link is refused.
 */
export async function respondThroughLink(
  deps: ResponseLinkDeps,
  actor: Actor,
  token: string,
  draft: ResponseDraft,
): Promise<LinkSubmission | LinkProblem> {
  const found = await resolveLink(deps, actor, token);
  if (found.kind !== 'found') return found;
  let link = found.link;
  const { recommendationId, partnerId } = link.fields;
  const recorded = () => recommendationCardView(deps, recommendationId, partnerId, actor);

  if (link.fields.usedAt) {
    const view = await recorded();
    const response = link.fields.responseId
      ? await deps.repo.get('responses', link.fields.responseId)
      : undefined;
    if (response && view.response) {
      const actions = (
        await deps.repo.all('actions', { field: 'recommendationId', equals: recommendationId })
      )
        .filter((a) => a.fields.responseId === response.id)
        .map((a) => ({
          slot: Number((a.fields.actionKey ?? '').split(':').at(-1)),
          description: a.fields.description,
          ownerId: a.fields.ownerId ?? '',
          targetDate: a.fields.targetDate,
          evidenceExpected: a.fields.evidenceExpected ?? '',
        }));
      const same = repeatsRecorded(
        {
          decision: response.fields.decision,
          rationale: response.fields.rationale,
          actions,
        },
        draft,
      );
      if (same && response.fields.responderId === actor.id)
        return {
          kind: 'recorded',
          created: false,
          channel: response.fields.channel,
          partnerName: view.partnerName,
          response: view.response,
        };
    }
    return {
      kind: 'used',
      partnerName: view.partnerName,
      ...(view.response ? { response: view.response } : {}),
    };
  }

  const result = await respondToRecommendation(
    deps,
    actor,
    { ...draft, recommendationId, partnerId },
    'web-link',
  );
  if (result.outcome === 'already') {
    const view = await recorded();
    return {
      kind: 'already-responded',
      partnerName: view.partnerName,
      ...(view.response ? { response: view.response } : {}),
    };
  }

  // Single use: the link now answers with this response. A racing duplicate may mark it first.
  const ctx = changeContext(deps, actor, 'web-link');
  for (let attempt = 0; attempt < 3 && !link.fields.usedAt; attempt++) {
    try {
      link = await deps.repo.update(
        'responseLinks',
        link.id,
        { usedAt: ctx.at, responseId: result.response.id },
        link.etag,
        ctx,
      );
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      link = (await deps.repo.get('responseLinks', link.id)) ?? link;
    }
  }
  const view = await recorded();
  if (!view.response) throw notFound('The response was recorded but cannot be read back.');
  return {
    kind: 'recorded',
    created: result.created,
    channel: result.response.fields.channel,
    partnerName: view.partnerName,
    response: view.response,
  };
}

const decisionPast: Record<Decision, string> = {
  accept: 'accepted',
  'partially-accept': 'partially accepted',
  decline: 'declined',
};

const channelWords: Record<Channel, string> = {
  tab: 'the Critical Friend tab',
  'teams-card': 'Teams',
  'web-link': 'the email link',
  api: 'the API',
  system: 'the system',
};

/** One sentence for a recorded response, e.g. for a used link's message. */
export function describeRecorded(response: RecordedResponse, partnerName: string): string {
  const actions = response.actions?.length ?? 0;
  const agreed =
    actions === 0 ? '' : actions === 1 ? ', with 1 action' : `, with ${actions} actions`;
  return `${response.responderName} ${decisionPast[response.decision]} this recommendation for ${partnerName} on ${longDate(response.respondedAt)}, through ${channelWords[response.channel]}${agreed}.`;
}

/** The emails the app has written, newest first: the business unit reads or passes them on. */
export async function listEmailOutbox(deps: Deps, actor: Actor) {
  requireRole(actor, ['business-unit', 'scrutineer'], 'read the email outbox');
  const items = await deps.repo.all('emailOutbox');
  return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
