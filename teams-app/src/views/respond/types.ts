import type { Channel, Decision, EvidenceClass, Priority } from '../../../../src/domain/vocabulary';

/** `GET /api/respond-links/{token}`: the recommendation and who may own an action. */
export interface LinkView {
  recommendationId: string;
  partnerId: string;
  reference: string;
  title: string;
  text: string;
  priority: Priority;
  responseDueDate: string;
  partnerName: string;
  findings: { title: string; evidenceClass: EvidenceClass; summary?: string }[];
  owners: { personId: string; displayName: string; jobTitle?: string }[];
  maxActions: number;
  expiresAt: string;
}

/** A recorded response, as the card shows it. */
export interface RecordedResponse {
  decision: Decision;
  rationale: string;
  responderName: string;
  respondedAt: string;
  channel: Channel;
  actions?: { description: string; ownerName: string; targetDate: string; evidence: string }[];
  slg?: { status: 'awaiting-ruling' | 'ruled'; meetingTitle?: string; meetingStartsAt?: string };
}

/** `POST /api/respond-links/{token}/response`. */
export interface RecordedResult {
  outcome: 'recorded';
  created: boolean;
  channel: Channel;
  partnerName: string;
  response: RecordedResponse;
}

/** One action slot as typed (all text, so nothing typed is ever lost). */
export interface ActionDraft {
  /** Stable across removals, for React keys and element ids. */
  key: number;
  description: string;
  ownerId: string;
  targetDate: string;
  evidenceExpected: string;
}

export interface ResponseDraft {
  decision: Decision | '';
  rationale: string;
  actions: ActionDraft[];
}

export const linkPath = (token: string) => `/api/respond-links/${encodeURIComponent(token)}`;
