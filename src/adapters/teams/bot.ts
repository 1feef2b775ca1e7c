import {
  AgentApplication,
  CardFactory,
  MemoryStorage,
  MessageFactory,
  type TurnContext,
  type TurnState,
} from '@microsoft/agents-hosting';
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
import { confirmDeliveredByCard } from '../../application/use-cases/deliveries.js';
import { identifyPerson, respondToRecommendation } from '../../application/use-cases/responses.js';
import { MAX_PROPOSED_ACTIONS } from '../../domain/responses.js';
import { decisions, type Decision } from '../../domain/vocabulary.js';
import {
  actionUpdateCard,
  actionUpdateInputIds,
  REFRESH_ACTION_VERB,
  UPDATE_ACTION_VERB,
} from './cards/action-update-card.js';
import type { CardJson } from './cards/card-text.js';
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
}

/** What a recommendation card's actions carry: which record, never who may act on it. */
const recommendationHint = z.object({
  recommendationId: z.string().min(1).max(100),
  partnerId: z.string().min(1).max(100),
});
const actionHint = z.object({
  actionId: z.string().min(1).max(100),
  submitKey: z.string().max(100).optional(),
  again: z.boolean().optional(),
});

const OUT_OF_DATE =
  'This card is out of date or damaged. Open the latest card from Critical Friend.';

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

const readOnlyNotice = (partnerName: string) =>
  `Only ${partnerName}'s partner lead can respond to this recommendation, so this card shows where it stands. Nothing was recorded.`;

export function createBot(deps: Deps, options: BotOptions): AgentApplication<TurnState> {
  const app = new AgentApplication<TurnState>({ storage: new MemoryStorage() });

  // Tenant allow-list on every activity, invokes included: the SDK checks the audience, not the tenant.
  app.onTurn('beforeTurn', async (ctx) => {
    const tenant = tenantOf(ctx);
    return tenant !== undefined && options.allowedTenantIds.includes(tenant);
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
    await confirmSeen(ctx, recommendationId, viewer);
    const form = readResponseForm(data);
    let notice: string | undefined;
    let keepForm = false;
    let readOnly = false;
    let wrote = false;
    try {
      if (!viewer) {
        readOnly = true;
      } else {
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
              await recommendationCardView(deps, recommendationId, partnerId, undefined),
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
      throw e;
    }
  };

  /** An action update submitted on the card: only the owner or the partner's lead; stored once. */
  const updateAction = async (ctx: TurnContext, data: Record<string, unknown>) => {
    const hint = actionHint.safeParse(data);
    if (!hint.success || !hint.data.submitKey) return OUT_OF_DATE;
    const { actionId, submitKey } = hint.data;
    const viewer = await whoIs(ctx);
    const form = readUpdateForm(data);
    try {
      if (!viewer) throw new RequestError(403, 'forbidden', 'Unknown person.');
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
        return actionUpdateCard(
          await actionUpdateCardView(deps, actionId, viewer, {
            notice:
              "Only the action's owner or their organisation's partner lead can update it, so this card shows where it stands. Nothing was recorded.",
          }),
        );
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
      return actionUpdateCard(
        await actionUpdateCardView(deps, hint.data.actionId, viewer, {
          ...(hint.data.again ? { again: true } : {}),
        }),
      );
    } catch (e) {
      if (e instanceof RequestError && e.status === 404) return OUT_OF_DATE;
      throw e;
    }
  };

  app.onConversationUpdate('membersAdded', async (ctx) => {
    await rememberConversation(deps, ctx);
  });
  app.onActivity('installationUpdate', async (ctx) => {
    await rememberConversation(deps, ctx);
  });
  app.onActivity('message', async (ctx) => {
    await rememberConversation(deps, ctx);
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
    for (const rec of found) {
      for (const partnerId of rec.fields.partnerIds.slice(0, 6)) {
        const view = await recommendationCardView(
          deps,
          rec.id,
          partnerId,
          personal ? viewer : undefined,
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

  app.onError(async (_ctx, error) => {
    // Name only: messages may quote input, and nothing a user typed goes to the log.
    console.error(`bot turn failed: ${error.name}`);
  });
  return app;
}
