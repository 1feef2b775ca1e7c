import type { Decision, EvidenceClass, Priority } from '../../domain/vocabulary.js';
import type { Channel } from '../../domain/vocabulary.js';
import type { CardSearch, SendOutcome } from '../../domain/deliveries.js';

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
  findings: { title: string; evidenceClass: EvidenceClass; summary?: string }[];
  response?: {
    decision: Decision;
    rationale: string;
    responderName: string;
    respondedAt: string;
    channel: Channel;
    /** The actions proposed with it (accept and partially accept). */
    actions?: { description: string; ownerName: string; targetDate: string; evidence: string }[];
    /** Partial acceptances and declines go to the Strategic Leadership Group for a ruling. */
    slg?: { status: 'awaiting-ruling' | 'ruled'; meetingTitle?: string; meetingStartsAt?: string };
  };
  /** The person looking at it may respond, or may only see status. */
  mode: 'respond' | 'status';
  /** A message for this viewer, e.g. why their response was not taken. */
  notice?: string;
  /** Who may respond for this partner (its partner leads): the card's user-specific views. */
  responders?: { personId: string; displayName: string; entraObjectId: string }[];
  /** Respond mode: the partner's people, from whom each action's owner is chosen. */
  owners?: { personId: string; displayName: string; jobTitle?: string }[];
  /** Respond mode: what was typed, when the card comes back with a problem to fix. */
  form?: {
    decision?: Decision;
    rationale?: string;
    actions: { description?: string; ownerId?: string; targetDate?: string; evidence?: string }[];
  };
}

export interface Recipient {
  personId: string;
  entraObjectId: string;
}

/** Which card a send or a search is about. */
export interface CardRef {
  /** The ledger's key (recommendation + person): the same for every try of this card. */
  deliveryKey: string;
  recommendationId: string;
  partnerId: string;
}

export type { CardSearch, SendOutcome } from '../../domain/deliveries.js';

/**
 * Sends cards to people in Teams (the bot adapter implements it). A send is one attempt, with no
 * retry inside: the delivery worker decides about retries, rate limits and reconciliation from
 * the classified outcome, and records each step in the ledger.
 */
export interface CardGateway {
  sendRecommendation(
    recipient: Recipient,
    view: RecommendationCardView,
    ref: CardRef,
  ): Promise<SendOutcome>;
  /**
   * Whether the card is already in the recipient's chat, sent since `since`: asked after an
   * unconfirmed send, before any resend. `unknown` when the gateway has no way to look.
   */
  findRecommendation(recipient: Recipient, ref: CardRef, since: Date): Promise<CardSearch>;
}
