import type { ReminderRole, ReminderStage } from '../../domain/reminders.js';
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
  /** A response is recorded but is not this viewer's to read (another partner's). */
  responseWithheld?: true;
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
  /** The ledger's key (recommendation + person, or a digest's person + day): the same for every
   *  try of this card. */
  deliveryKey: string;
  /** A recommendation card's recommendation and partner; both absent for a digest. */
  recommendationId?: string;
  partnerId?: string;
}

export type { CardSearch, SendOutcome } from '../../domain/deliveries.js';
export type { ReminderRole, ReminderStage } from '../../domain/reminders.js';

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
  /** A reminder digest: one card a working day with everything due or overdue for the person. */
  sendDigest(recipient: Recipient, view: DigestCardView, ref: CardRef): Promise<SendOutcome>;
  /**
   * Whether the card is already in the recipient's chat, sent since `since`: asked after an
   * unconfirmed send, before any resend. `unknown` when the gateway has no way to look.
   */
  findCard(recipient: Recipient, ref: CardRef, since: Date): Promise<CardSearch>;
}

/** One item on a digest card: a response or an action that is due soon or overdue. */
export interface DigestItem {
  kind: 'response' | 'action';
  /** The action (kind action) or the recommendation (kind response). */
  subjectId: string;
  /** Kind response: whose response is due (the recommendation card to open). */
  partnerId?: string;
  /** The recommendation's reference, e.g. HSCP-R-2026-03. */
  reference: string;
  /** The recommendation's title (response) or the action's description (action). */
  title: string;
  partnerName: string;
  /** Who must act: the action's owner, or the partner's lead(s) for a response. */
  ownerName: string;
  dueDate: string;
  stage: ReminderStage;
  role: ReminderRole;
  /** Working days to the due date (positive), or past it (negative); 0 on the day. */
  workingDaysToDue: number;
  /** Escalations: who it has been escalated to so far, in order (names). */
  escalatedTo?: string[];
  /** Dealt with since the digest was made (responded, or the action done): shown ticked. */
  settled?: boolean;
}

/**
 * The one card a person gets on a working day covering everything of theirs that is due soon or
 * overdue, and everything escalated to them. Cards are pure functions of this.
 */
export interface DigestCardView {
  /** The ledger key of this digest (also in the card's data, so a chat search can find it). */
  deliveryKey: string;
  recipientName: string;
  /** The working day the digest is for (YYYY-MM-DD). */
  date: string;
  items: DigestItem[];
  /** A message for the viewer, e.g. "The card for A3 is below". */
  notice?: string;
  /** Deep link to the tracker in the tab, for "see everything". */
  trackerUrl?: string;
}
