import {
  AgentApplication,
  CardFactory,
  MemoryStorage,
  MessageFactory,
  RouteRank,
  type TurnContext,
  type TurnState,
} from '@microsoft/agents-hosting';
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { z } from 'zod';
import type { Deps } from '../../application/deps.js';
import { RequestError } from '../../application/errors.js';
import type { RecommendationCardView } from '../../application/ports/cards.js';
import {
  actionUpdateCardView,
  recordActionUpdate,
  type ActionUpdateCardView,
} from '../../application/use-cases/action-updates.js';
import { recommendationCardView } from '../../application/use-cases/card-views.js';
import { readerReach, reaches } from '../../application/use-cases/visibility.js';
import { confirmDeliveredByCard } from '../../application/use-cases/deliveries.js';
import { identifyPerson, respondToRecommendation } from '../../application/use-cases/responses.js';
import { actionUpdateKey } from '../../domain/actions.js';
import { MAX_PROPOSED_ACTIONS } from '../../domain/responses.js';
import { decisions, type Decision } from '../../domain/vocabulary.js';
import {
  actionUpdateCard,
  actionUpdateInputIds,
  REFRESH_ACTION_VERB,
  UPDATE_ACTION_VERB,
} from './cards/action-update-card.js';
import type { CardJson } from './cards/card-text.js';
import { noticeCard } from './cards/notice-card.js';
import {
  recommendationCard,
  REFRESH_VERB,
  RESPOND_VERB,
  responseInputIds,
} from './cards/recommendation-card.js';
import { rememberConversation } from './conversations.js';
import { registerDigestHandlers } from './digest-handlers.js';
import { teamsUserIds } from './teams-user-ids.js';

export interface BotOptions {
  /** Tenants whose activities the bot accepts: the partnership's, and its guests' home tenants. */
  allowedTenantIds: readonly string[];
  /** config.botServiceUrls: only conversations on these connectors are kept for proactive sends. */
  serviceUrls: readonly string[];
}

/** What a recommendation card's actions carry: which record, never who may act on it. */
const recommendationHint = z.object({
  recommendationId: z.string().min(1).max(100),
  partnerId: z.string().min(1).max(100),
});
const actionHint = z.object({
  actionId: z.string().min(1).max(100),
  submitKey: z.string().max(100).optional(),
  /** The latest update's time when the form was shown ('' for none); absent on older cards. */
  after: z.string().max(40).optional(),
  again: z.boolean().optional(),
});

const OVERTAKEN =
  'A newer update was recorded after this card was opened; it is shown above. Nothing was recorded from this card: check what you typed against it and submit again.';

const OUT_OF_DATE =
  'This card is out of date or damaged. Open the latest card from Critical Friend.';

/** For someone the partnership does not know here (or signed in to another tenant's Teams). */
const NOT_A_MEMBER = noticeCard(
  "This card is for the partnership's recorded members, signed in through its own Teams. Nothing is shown here and nothing was recorded.",
);

/** For a member whose organisation the card is not about: they see what the API shows them. */
const NOT_YOURS = noticeCard(
  "This card is about another organisation's work, so it is not shown to you. Nothing was recorded.",
);

const isForbidden = (e: unknown) => e instanceof RequestError && e.status === 403;

const tenantOf = (ctx: TurnContext): string | undefined => {
  const channelData = ctx.activity.channelData as { tenant?: { id?: string } } | undefined;
  return ctx.activity.conversation?.tenantId ?? channelData?.tenant?.id;
};

const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

const isDecision = (v: unknown): v is Decision =>
  typeof v === 'string' && (decisions as readonly string[]).includes(v);

/** What the person typed on the response form, slot by slot, as strings. */
function readResponseForm(
  data: Record<string, unknown>,
): NonNullable<RecommendationCardView['form']> {
  const actions = [];
  for (let slot = 1; slot <= MAX_PROPOSED_ACTIONS; slot++) {
    const ids = responseInputIds.action(slot);
    actions.push({
      description: text(data[ids.description]) ?? '',
      ownerId: text(data[ids.ownerId]) ?? '',
      targetDate: text(data[ids.targetDate]) ?? '',
      evidence: text(data[ids.evidence]) ?? '',
    });
  }
  const decision = data[responseInputIds.decision];
  const rationale = text(data[responseInputIds.rationale]);
  return {
    ...(isDecision(decision) ? { decision } : {}),
    ...(rationale !== undefined ? { rationale } : {}),
    actions,
  };
}

function readUpdateForm(data: Record<string, unknown>): NonNullable<ActionUpdateCardView['form']> {
  const field = (k: keyof typeof actionUpdateInputIds) => text(data[actionUpdateInputIds[k]]) ?? '';
  return {
    progress: field('progress'),
    narrative: field('narrative'),
    evidenceLink: field('evidenceLink'),
    revisedDate: field('revisedDate'),
  };
}

const dataOf = (action: unknown): Record<string, unknown> => {
  const data = (action as { data?: unknown } | undefined)?.data;
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
};

const NOT_FOR_YOUR_ORGANISATION =
  'Critical Friend answers only people in the partnership and its partner organisations. Nothing was recorded.';

/**
 * An invoke the bot will not handle: a card action gets `message` (Universal Actions' 200 with
 * `application/vnd.microsoft.activity.message`, which Teams shows), any other invoke a bare status.
 */
const invokeAnswer = (name: string | undefined, message: string, otherStatus: number) =>
  Activity.fromObject({
    type: ActivityTypes.InvokeResponse,
    value:
      name === 'adaptiveCard/action'
        ? {
            status: 200,
            body: {
              statusCode: 200,
              type: 'application/vnd.microsoft.activity.message',
              value: message,
            },
          }
        : { status: otherStatus },
  });

/** From a tenant outside the allow-list. */
const refusedInvoke = (name: string | undefined) =>
  invokeAnswer(name, NOT_FOR_YOUR_ORGANISATION, 403);

/** A card action with a verb the bot does not know is an old or damaged card; anything else 400. */
const unhandledInvoke = (name: string | undefined) => invokeAnswer(name, OUT_OF_DATE, 400);

const readOnlyNotice = (partnerName: string) =>
  `Only ${partnerName}'s partner lead can respond to this recommendation, so this card shows where it stands. Nothing was recorded.`;

export function createBot(deps: Deps, options: BotOptions): AgentApplication<TurnState> {
  const app = new AgentApplication<TurnState>({ storage: new MemoryStorage() });

  // Tenant allow-list on every activity, invokes included: the SDK checks the audience, not the tenant.
  app.onTurn('beforeTurn', async (ctx) => {
    const tenant = tenantOf(ctx);
    if (tenant !== undefined && options.allowedTenantIds.includes(tenant)) return true;
    // An invoke waits for an answer (unanswered, the SDK says 501): refuse it plainly instead.
    if (ctx.activity.type === 'invoke') await ctx.sendActivity(refusedInvoke(ctx.activity.name));
    return false;
  });

  /** The person acting: from the signed activity's object id and tenant, never from card data. */
  const whoIs = (ctx: TurnContext) =>
    identifyPerson(deps, ctx.activity.from?.aadObjectId, tenantOf(ctx));

  /**
   * A refresh or submit from the card proves it reached this person: an unconfirmed delivery
   * (a 5xx or timeout on send) is settled as sent, so it is never sent twice.
   */
  const confirmSeen = async (
    ctx: TurnContext,
    recommendationId: string,
    viewer: { id: string } | undefined,
  ) => {
    if (!viewer) return;
    const type = ctx.activity.conversation?.conversationType;
    const personal = type === undefined || type === 'personal';
    const activityId = personal ? ctx.activity.replyToId : undefined;
    await confirmDeliveredByCard(deps, {
      recommendationId,
      personId: viewer.id,
      ...(activityId ? { activityId } : {}),
    });
  };

  /** The Teams ids the clicking person is known by, to use before their 1:1 chat is stored. */
  const knownIds = (ctx: TurnContext) => {
    const { aadObjectId, id } = ctx.activity.from ?? {};
    return new Map(aadObjectId && id ? [[aadObjectId, id]] : []);
  };

  const renderRecommendation = async (ctx: TurnContext, view: RecommendationCardView) => {
    const ids = await teamsUserIds(
      deps.repo,
      (view.responders ?? []).map((r) => r.entraObjectId),
      knownIds(ctx),
    );
    return recommendationCard(view, ids ? { refreshUserIds: ids } : {});
  };

  /** The card as everyone else in the conversation sees it, after a change: status only. */
  const updateSharedCard = async (ctx: TurnContext, card: CardJson) => {
    const id = ctx.activity.replyToId;
    if (!id) return;
    try {
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
      activity.id = id;
      await ctx.updateActivity(activity);
    } catch (e) {
      // The record is written; a stale copy shows the current state when it refreshes.
      console.error(`shared card not updated: ${(e as Error).name}`);
    }
  };

  /** A response submitted on the card: checked and authorised on the server, written once. */
  const respond = async (ctx: TurnContext, data: Record<string, unknown>, manual: boolean) => {
    const hint = recommendationHint.safeParse(data);
    if (!hint.success) return OUT_OF_DATE;
    const { recommendationId, partnerId } = hint.data;
    const viewer = await whoIs(ctx);
    if (!viewer) return NOT_A_MEMBER;
    await confirmSeen(ctx, recommendationId, viewer);
    const form = readResponseForm(data);
    let notice: string | undefined;
    let keepForm = false;
    let readOnly = false;
    let wrote = false;
    try {
      {
        const result = await respondToRecommendation(
          deps,
          viewer,
          {
            recommendationId,
            partnerId,
            decision: form.decision,
            rationale: form.rationale,
            actions: form.actions.map((a) => ({
              description: a.description,
              ownerId: a.ownerId,
              targetDate: a.targetDate,
              evidenceExpected: a.evidence,
            })),
          },
          'teams-card',
        );
        wrote = result.wrote;
        if (result.outcome === 'already')
          notice =
            'A response had already been recorded, so yours was not added. This is the response on record.';
      }
    } catch (e) {
      if (!(e instanceof RequestError)) throw e;
      if (e.status === 403) readOnly = true;
      else if (e.status === 404) return OUT_OF_DATE;
      else {
        // The guard's message names only the kinds of data found: nothing typed is logged.
        notice = e.message;
        keepForm = true;
      }
    }
    let view: RecommendationCardView;
    try {
      view = await recommendationCardView(
        deps,
        recommendationId,
        partnerId,
        viewer,
        undefined,
        keepForm ? form : undefined,
      );
    } catch (e) {
      if (e instanceof RequestError && e.status === 404) return OUT_OF_DATE;
      if (isForbidden(e)) return NOT_YOURS;
      throw e;
    }
    if (readOnly) view.notice = readOnlyNotice(view.partnerName);
    else if (notice) view.notice = notice;
    const card = await renderRecommendation(ctx, view);
    // Everyone else's copy shows the outcome too; not again for a duplicate that wrote nothing.
    if (wrote && manual) {
      // Once answered, the responder's view is the status view everyone sees (the viewer changes
      // only the mode), so the card just rendered serves as the shared copy too.
      const shared =
        view.mode === 'status' && view.notice === undefined
          ? card
          : await renderRecommendation(
              ctx,
              await recommendationCardView(deps, recommendationId, partnerId, 'shared'),
            );
      await updateSharedCard(ctx, shared);
    }
    return card;
  };

  /** Any refresh: the current state from the server, as this viewer may see it. */
  const refreshRecommendation = async (ctx: TurnContext, data: Record<string, unknown>) => {
    const hint = recommendationHint.safeParse(data);
    if (!hint.success) return OUT_OF_DATE;
    try {
      const viewer = await whoIs(ctx);
      if (!viewer) return NOT_A_MEMBER;
      await confirmSeen(ctx, hint.data.recommendationId, viewer);
      const view = await recommendationCardView(
        deps,
        hint.data.recommendationId,
        hint.data.partnerId,
        viewer,
      );
      return renderRecommendation(ctx, view);
    } catch (e) {
      if (e instanceof RequestError && e.status === 404) return OUT_OF_DATE;
      if (isForbidden(e)) return NOT_YOURS;
      throw e;
    }
  };

  /**
   * Whether an update newer than the one the card showed has been recorded since, other than this
   * very submit (a replay of a recorded submit is answered as recorded, not as overtaken).
   */
  const overtaken = async (
    actionId: string,
    authorId: string,
    submitKey: string,
    after: string,
  ) => {
    const updates = await deps.repo.all('actionUpdates', { field: 'actionId', equals: actionId });
    const key = actionUpdateKey(actionId, authorId, submitKey.trim());
    if (updates.some((u) => u.fields.updateKey === key)) return false;
    return updates.some((u) => u.fields.at > after);
  };

  /** An action update submitted on the card: only the owner or the partner's lead; stored once. */
  const updateAction = async (ctx: TurnContext, data: Record<string, unknown>) => {
    const hint = actionHint.safeParse(data);
    if (!hint.success || !hint.data.submitKey) return OUT_OF_DATE;
    const { actionId, submitKey, after } = hint.data;
    const viewer = await whoIs(ctx);
    if (!viewer) return NOT_A_MEMBER;
    const form = readUpdateForm(data);
    try {
      // Each update is its own record, so an overtaken card would otherwise quietly become the
      // latest (progress going back): it comes back with the newer update and what was typed.
      if (after !== undefined && (await overtaken(actionId, viewer.id, submitKey, after))) {
        const view = await actionUpdateCardView(deps, actionId, viewer, {
          notice: OVERTAKEN,
          form,
          submitKey,
        });
        // Anyone who may not update it (or a verified action) gets the usual refusal below.
        if (view.mode === 'update') return actionUpdateCard(view);
      }
      await recordActionUpdate(deps, viewer, { actionId, submitKey, ...form }, 'teams-card');
      return actionUpdateCard(
        await actionUpdateCardView(deps, actionId, viewer, {
          recorded: true,
          notice: 'Your update was recorded. Thank you.',
        }),
      );
    } catch (e) {
      if (!(e instanceof RequestError)) throw e;
      if (e.status === 404) return OUT_OF_DATE;
      if (e.status === 403)
        return actionUpdateCardView(deps, actionId, viewer, {
          notice:
            "Only the action's owner or their organisation's partner lead can update it, so this card shows where it stands. Nothing was recorded.",
        }).then(actionUpdateCard, (e2: unknown) => {
          if (e2 instanceof RequestError && e2.status === 404) return OUT_OF_DATE;
          // Not theirs to see either: another partner's action.
          if (isForbidden(e2)) return NOT_YOURS;
          throw e2;
        });
      // Keep the same submit key: the corrected submit is still this one update.
      return actionUpdateCard(
        await actionUpdateCardView(deps, actionId, viewer, { notice: e.message, form, submitKey }),
      );
    }
  };

  const refreshAction = async (ctx: TurnContext, data: Record<string, unknown>) => {
    const hint = actionHint.safeParse(data);
    if (!hint.success) return OUT_OF_DATE;
    try {
      const viewer = await whoIs(ctx);
      if (!viewer) return NOT_A_MEMBER;
      return actionUpdateCard(
        await actionUpdateCardView(deps, hint.data.actionId, viewer, {
          ...(hint.data.again ? { again: true } : {}),
        }),
      );
    } catch (e) {
      if (e instanceof RequestError && e.status === 404) return OUT_OF_DATE;
      if (isForbidden(e)) return NOT_YOURS;
      throw e;
    }
  };

  app.onConversationUpdate('membersAdded', async (ctx) => {
    await rememberConversation(deps, ctx, options.serviceUrls);
  });
  app.onActivity('installationUpdate', async (ctx) => {
    await rememberConversation(deps, ctx, options.serviceUrls);
  });
  app.onActivity('message', async (ctx) => {
    await rememberConversation(deps, ctx, options.serviceUrls);
    const value = ctx.activity.value as Record<string, unknown> | undefined;
    // Clients without Universal Actions send the Action.Submit fallback: answer with a new card.
    if (
      !ctx.activity.text &&
      value &&
      typeof value === 'object' &&
      typeof value.verb === 'string'
    ) {
      const handlers: Record<string, () => Promise<CardJson | string>> = {
        [RESPOND_VERB]: () => respond(ctx, value, true),
        [UPDATE_ACTION_VERB]: () => updateAction(ctx, value),
      };
      const handler = handlers[value.verb];
      const reply = handler ? await handler() : OUT_OF_DATE;
      await ctx.sendActivity(
        typeof reply === 'string'
          ? reply
          : MessageFactory.attachment(CardFactory.adaptiveCard(reply)),
      );
      return;
    }
    if (await postRecommendationCards(ctx)) return;
    await ctx.sendActivity(
      'Critical Friend will send you a card here whenever a recommendation names your organisation, and when your actions are due. To see where a recommendation stands, send its reference, such as HSCP-R-2026-01.',
    );
  });

  /**
   * A message naming a recommendation's reference gets its card, one per named partner. In a
   * group chat or channel it is the card everyone sees (status only), which refreshes into the
   * form for the partner's lead; in a 1:1 chat it is the card for the person asking.
   */
  const postRecommendationCards = async (ctx: TurnContext): Promise<boolean> => {
    const said = (ctx.activity.text ?? '').replace(/<at>[^<]*<\/at>/gi, ' ');
    // References look like HSCP-R-2026-07: hyphenated, with a number in them.
    const tokens = [...new Set(said.match(/[A-Za-z0-9]+(?:-[A-Za-z0-9]+){2,}/g) ?? [])]
      .filter((t) => /\d/.test(t))
      .slice(0, 3);
    if (tokens.length === 0) return false;
    // Whether a reference exists is itself only for people the partnership knows.
    const viewer = await whoIs(ctx);
    if (!viewer) {
      await ctx.sendActivity(
        'Critical Friend shows recommendations only to people the partnership has recorded.',
      );
      return true;
    }
    const found = [];
    for (const token of tokens) {
      for (const reference of new Set([token, token.toUpperCase()])) {
        const [rec] = await deps.repo.all('recommendations', {
          field: 'reference',
          equals: reference,
        });
        if (rec && rec.fields.status !== 'draft') {
          found.push(rec);
          break;
        }
      }
    }
    if (found.length === 0) {
      await ctx.sendActivity(`There is no issued recommendation ${tokens.join(' or ')}.`);
      return true;
    }
    const type = ctx.activity.conversation?.conversationType;
    const personal = type === undefined || type === 'personal';
    // Only the partners the asker may read: a chat shows no more than the API would show them.
    const reach = readerReach(viewer);
    const visible = found.filter((rec) => reaches(reach, rec.fields.partnerIds));
    if (visible.length === 0) {
      await ctx.sendActivity(`There is no issued recommendation ${tokens.join(' or ')}.`);
      return true;
    }
    for (const rec of visible) {
      const partnerIds = rec.fields.partnerIds.filter((p) => reaches(reach, p));
      for (const partnerId of partnerIds.slice(0, 6)) {
        const view = await recommendationCardView(
          deps,
          rec.id,
          partnerId,
          personal ? viewer : 'shared',
        );
        const card = await renderRecommendation(ctx, view);
        await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      }
    }
    return true;
  };

  app.adaptiveCards.actionExecute(RESPOND_VERB, async (ctx, _state, action) =>
    respond(
      ctx,
      dataOf(action),
      (ctx.activity.value as { trigger?: string })?.trigger !== 'automatic',
    ),
  );
  app.adaptiveCards.actionExecute(REFRESH_VERB, async (ctx, _state, action) =>
    refreshRecommendation(ctx, dataOf(action)),
  );
  app.adaptiveCards.actionExecute(UPDATE_ACTION_VERB, async (ctx, _state, action) =>
    updateAction(ctx, dataOf(action)),
  );
  app.adaptiveCards.actionExecute(REFRESH_ACTION_VERB, async (ctx, _state, action) =>
    refreshAction(ctx, dataOf(action)),
  );

  registerDigestHandlers(app, deps, { whoIs, renderRecommendation });

  // Any invoke no handler above takes (an unknown verb, a forged invoke name): without a route the
  // SDK answers 501 and skips beforeTurn, so every invoke gets here, and a clear answer.
  app.onActivity(
    ActivityTypes.Invoke,
    async (ctx) => {
      await ctx.sendActivity(unhandledInvoke(ctx.activity.name));
    },
    undefined,
    RouteRank.Last,
  );

  app.onError(async (_ctx, error) => {
    // Name only: messages may quote input, and nothing a user typed goes to the log.
    console.error(`bot turn failed: ${error.name}`);
  });
  return app;
}
