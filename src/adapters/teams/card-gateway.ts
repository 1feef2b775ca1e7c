import { CardFactory, MessageFactory, type CloudAdapter } from '@microsoft/agents-hosting';
import type { ConversationReference } from '@microsoft/agents-activity';
import type {
  CardGateway,
  DeliveryOutcome,
  RecommendationCardView,
  Recipient,
} from '../../application/ports/cards.js';
import type { Repository } from '../../application/ports/repository.js';
import { recommendationCard } from './cards/recommendation-card.js';

/** Sends cards proactively to the 1:1 conversation stored for each person. */
export class TeamsCardGateway implements CardGateway {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly repo: Repository,
  ) {}

  async sendRecommendation(
    recipient: Recipient,
    view: RecommendationCardView,
  ): Promise<DeliveryOutcome> {
    const [conversation] = await this.repo.all('conversations', {
      field: 'entraObjectId',
      equals: recipient.entraObjectId,
    });
    if (!conversation) {
      return {
        status: 'unreachable',
        detail: 'Critical Friend is not installed in their Teams yet.',
      };
    }
    const reference = JSON.parse(conversation.fields.reference) as ConversationReference;
    const card = recommendationCard(view);
    let activityId: string | undefined;
    try {
      await this.adapter.continueConversation(this.botAppId, reference, async (ctx) => {
        const sent = await ctx.sendActivity(
          MessageFactory.attachment(CardFactory.adaptiveCard(card)),
        );
        activityId = sent?.id;
      });
    } catch (e) {
      const status =
        (e as { statusCode?: number; status?: number }).statusCode ??
        (e as { status?: number }).status;
      if (status === 403)
        return {
          status: 'unreachable',
          detail: 'Teams refused: the app is blocked or removed for them.',
        };
      return {
        status: 'failed',
        detail: `Teams did not confirm the card${status ? ` (HTTP ${status})` : ''}.`,
      };
    }
    return { status: 'sent', ...(activityId ? { activityId } : {}) };
  }
}
