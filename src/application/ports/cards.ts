import type { Decision, EvidenceClass, Priority } from '../../domain/vocabulary.js';
import type { Channel } from '../../domain/vocabulary.js';

/** What a recommendation card shows; cards are pure functions of this. */
export interface RecommendationCardView {
  recommendationId: string;
  /** Whose part of the recommendation this card is about (one card per partner). */
  partnerId: string;
  reference: string;
  title: string;
  text: string;
  priority: Priority;
  responseDueDate: string;
  partnerName: string;
  findings: { title: string; evidenceClass: EvidenceClass }[];
  response?: {
    decision: Decision;
    rationale: string;
    responderName: string;
    respondedAt: string;
    channel: Channel;
  };
  /** The person looking at it may respond, or may only see status. */
  mode: 'respond' | 'status';
  /** A message for this viewer, e.g. why their response was not taken. */
  notice?: string;
}

export interface Recipient {
  personId: string;
  entraObjectId: string;
}

export interface DeliveryOutcome {
  status: 'sent' | 'unreachable' | 'failed';
  activityId?: string;
  detail?: string;
}

/** Sends cards to people in Teams (the bot adapter implements it). */
export interface CardGateway {
  sendRecommendation(recipient: Recipient, view: RecommendationCardView): Promise<DeliveryOutcome>;
}
