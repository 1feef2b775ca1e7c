import {
  AgentApplication,
  MemoryStorage,
  type TurnContext,
  type TurnState,
} from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { Deps } from '../../application/deps.js';
import { RequestError } from '../../application/errors.js';
import { recommendationCardView } from '../../application/use-cases/card-views.js';
import { findPersonByObjectId } from '../../application/use-cases/people.js';
import { respondToRecommendation } from '../../application/use-cases/responses.js';
import { decisions } from '../../domain/vocabulary.js';
import { recommendationCard, REFRESH_VERB, RESPOND_VERB } from './cards/recommendation-card.js';
import { rememberConversation } from './conversations.js';

export interface BotOptions {
  /** Tenants whose activities the bot accepts: the partnership's, and its guests' home tenants. */
  allowedTenantIds: readonly string[];
}

/** What a card's Action.Execute carries. Used to find the record only, never to authorise. */
const cardData = z.object({
  recommendationId: z.string().min(1).max(100),
  partnerId: z.string().min(1).max(100),
  decision: z.enum(decisions).optional(),
  rationale: z.string().max(4000).optional(),
});

const tenantOf = (ctx: TurnContext): string | undefined => {
  const channelData = ctx.activity.channelData as { tenant?: { id?: string } } | undefined;
  return ctx.activity.conversation?.tenantId ?? channelData?.tenant?.id;
};

export function createBot(deps: Deps, options: BotOptions): AgentApplication<TurnState> {
  const app = new AgentApplication<TurnState>({ storage: new MemoryStorage() });

  // Tenant allow-list on every activity, invokes included: the SDK checks the audience, not the tenant.
  app.onTurn('beforeTurn', async (ctx) => {
    const tenant = tenantOf(ctx);
    return tenant !== undefined && options.allowedTenantIds.includes(tenant);
  });

  app.onConversationUpdate('membersAdded', async (ctx) => {
    await rememberConversation(deps, ctx);
  });
  app.onActivity('installationUpdate', async (ctx) => {
    await rememberConversation(deps, ctx);
  });
  app.onActivity('message', async (ctx) => {
    await rememberConversation(deps, ctx);
    await ctx.sendActivity(
      'Critical Friend will send you a card here whenever a recommendation names your organisation, and when your actions are due.',
    );
  });

  /** The card data (to locate the record) and the person clicking (from the signed activity). */
  const readInvoke = async (ctx: TurnContext, action: unknown) => {
    const parsed = cardData.safeParse((action as { data?: unknown }).data);
    if (!parsed.success) throw new Error('The card sent data the app does not recognise.');
    const viewer = await findPersonByObjectId(deps, ctx.activity.from?.aadObjectId ?? '');
    const view = async (notice?: string) =>
      recommendationCard(
        await recommendationCardView(
          deps,
          parsed.data.recommendationId,
          parsed.data.partnerId,
          viewer,
          notice,
        ),
      );
    return { data: parsed.data, viewer, view };
  };

  app.adaptiveCards.actionExecute(RESPOND_VERB, async (ctx, _state, action) => {
    const { data, viewer, view } = await readInvoke(ctx, action);
    if (!viewer) {
      return view(
        'You are not recorded as a partner lead, so you can see this recommendation but not respond.',
      );
    }
    if (!data.decision || !data.rationale?.trim()) {
      return view('Choose a decision and give a rationale, then submit again.');
    }
    try {
      await respondToRecommendation(
        deps,
        viewer,
        {
          recommendationId: data.recommendationId,
          decision: data.decision,
          rationale: data.rationale,
        },
        'teams-card',
      );
      return view();
    } catch (e) {
      if (e instanceof RequestError) return view(e.message);
      throw e;
    }
  });

  app.adaptiveCards.actionExecute(REFRESH_VERB, async (ctx, _state, action) => {
    const { view } = await readInvoke(ctx, action);
    return view();
  });

  app.onError(async (_ctx, error) => {
    // Name only: messages may quote input, and nothing a user typed goes to the log.
    console.error(`bot turn failed: ${error.name}`);
  });
  return app;
}
