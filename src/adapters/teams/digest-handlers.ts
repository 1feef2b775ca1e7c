import {
  CardFactory,
  MessageFactory,
  type AgentApplication,
  type TurnContext,
  type TurnState,
} from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { Actor, Deps } from '../../application/deps.js';
import { RequestError } from '../../application/errors.js';
import { actionUpdateCardView } from '../../application/use-cases/action-updates.js';
import { recommendationCardView } from '../../application/use-cases/card-views.js';
import { confirmDeliveredByKey } from '../../application/use-cases/deliveries.js';
import { digestCardView } from '../../application/use-cases/digest-views.js';
import type { RecommendationCardView } from '../../application/ports/cards.js';
import { actionUpdateCard } from './cards/action-update-card.js';
import type { CardJson } from './cards/card-text.js';
import { digestCard, OPEN_DIGEST_ITEM_VERB, REFRESH_DIGEST_VERB } from './cards/digest-card.js';

/** What a digest's actions carry: which card and which item, never who may act on it. */
const digestHint = z.object({ deliveryKey: z.string().min(1).max(200) });
const itemHint = digestHint.extend({
  kind: z.enum(['response', 'action']),
  subjectId: z.string().min(1).max(100),
  partnerId: z.string().min(1).max(100).optional(),
});

const GONE = 'This reminder is out of date. The next one will show where things stand.';

export interface DigestHandlerHelpers {
  /** The person acting, from the signed activity (never from card data). */
  whoIs(ctx: TurnContext): Promise<Actor | undefined>;
  /** A recommendation card rendered for the conversation (with its user-specific refresh). */
  renderRecommendation(ctx: TurnContext, view: RecommendationCardView): Promise<CardJson>;
}

const dataOf = (action: unknown): unknown => (action as { data?: unknown } | undefined)?.data;

/**
 * The reminder digest's verbs. Refresh shows the recipient what has been dealt with since; "Give
 * an update", "Respond" and "Open" post that item's own card into the chat, built for the person
 * clicking (an escalated DSP or chair sees status only; the owner gets the form) and leave the
 * digest in place. A digest answers only its recipient.
 */
export function registerDigestHandlers(
  app: AgentApplication<TurnState>,
  deps: Deps,
  helpers: DigestHandlerHelpers,
): void {
  const digestFor = async (ctx: TurnContext, deliveryKey: string, notice?: string) => {
    const viewer = await helpers.whoIs(ctx);
    if (!viewer) return undefined;
    const view = await digestCardView(deps, deliveryKey, viewer, notice ? { notice } : {});
    if (!view) return undefined;
    // Acting on the card proves it arrived: an unconfirmed send is settled, never repeated.
    const activityId = ctx.activity.replyToId;
    await confirmDeliveredByKey(deps, {
      deliveryKey,
      personId: viewer.id,
      ...(activityId ? { activityId } : {}),
    });
    const userId = ctx.activity.from?.id;
    return { viewer, card: digestCard(view, userId ? { refreshUserIds: [userId] } : {}) };
  };

  app.adaptiveCards.actionExecute(REFRESH_DIGEST_VERB, async (ctx, _state, action) => {
    const hint = digestHint.safeParse(dataOf(action));
    if (!hint.success) return GONE;
    return (await digestFor(ctx, hint.data.deliveryKey))?.card ?? GONE;
  });

  app.adaptiveCards.actionExecute(OPEN_DIGEST_ITEM_VERB, async (ctx, _state, action) => {
    const hint = itemHint.safeParse(dataOf(action));
    if (!hint.success) return GONE;
    const { deliveryKey, kind, subjectId, partnerId } = hint.data;
    const viewer = await helpers.whoIs(ctx);
    if (!viewer) return GONE;
    // Only items this digest carries for this person can be opened from it.
    const notices = await deps.repo.all('reminderNotices', {
      field: 'deliveryKey',
      equals: deliveryKey,
    });
    const notice = notices.find(
      (n) =>
        n.fields.personId === viewer.id &&
        n.fields.subjectKind === kind &&
        n.fields.subjectId === subjectId &&
        (kind === 'action' || n.fields.partnerId === partnerId),
    );
    if (!notice) return GONE;
    let card: CardJson;
    let what: string;
    try {
      if (kind === 'action') {
        const view = await actionUpdateCardView(deps, subjectId, viewer);
        card = actionUpdateCard(view);
        what = `The card for the action on ${view.reference} is below.`;
      } else {
        const view = await recommendationCardView(deps, subjectId, notice.fields.partnerId, viewer);
        card = await helpers.renderRecommendation(ctx, view);
        what = `The card for ${view.reference} is below.`;
      }
    } catch (e) {
      if (e instanceof RequestError && e.status === 404) return GONE;
      throw e;
    }
    await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    return (await digestFor(ctx, deliveryKey, what))?.card ?? GONE;
  });
}
