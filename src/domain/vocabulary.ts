/** The words of the domain (see shared/domain.md). Each list is the single source for its choices. */

export {
  evidenceClasses,
  evidenceClassLabels,
  evidenceSources,
  lineOfEnquiryLabels,
  linesOfEnquiry,
  observationStatuses,
  type EvidenceClass,
  type EvidenceSource,
  type LineOfEnquiry,
} from './observation-vocabulary.js';

export const partnerKinds = [
  'local-authority',
  'police',
  'health',
  'education',
  'other-relevant-agency',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const roles = [
  'scrutineer',
  'business-unit',
  'lead-safeguarding-partner',
  'delegated-safeguarding-partner',
  'partnership-chair',
  'partner-lead',
] as const;
export type Role = (typeof roles)[number];

export const meetingKinds = [
  'strategic-leadership-group',
  'sub-group',
  'learning-hub',
  'audit',
  'rapid-review-panel',
  'learning-event',
  'frontline-visit',
  'other',
] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const priorities = ['high', 'medium', 'low'] as const;
export type Priority = (typeof priorities)[number];

export const priorityLabels: Record<Priority, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const recommendationStatuses = ['draft', 'issued', 'closed'] as const;
export type RecommendationStatus = (typeof recommendationStatuses)[number];

export const decisions = ['accept', 'partially-accept', 'decline'] as const;
export type Decision = (typeof decisions)[number];

export const decisionLabels: Record<Decision, string> = {
  accept: 'Accept',
  'partially-accept': 'Partially accept',
  decline: 'Decline',
};

/** Through which route a change was made: kept on every record. */
export const channels = ['tab', 'teams-card', 'web-link', 'api', 'system'] as const;
export type Channel = (typeof channels)[number];

/** Working Together 2023's seven functions of independent scrutiny (see shared/domain.md). */
export const scrutinyFunctions = [
  'support-and-challenge',
  'assurance',
  'statutory-duties-and-case-reviews',
  'voice-of-children-and-families',
  'practitioner-leader-dialogue',
  'advice-on-disagreements',
  'arrangements-and-yearly-report',
] as const;
export type ScrutinyFunction = (typeof scrutinyFunctions)[number];

export const scrutinyFunctionLabels: Record<ScrutinyFunction, string> = {
  'support-and-challenge': 'Support and challenge, strategic and operational',
  assurance: 'Assurance on the effectiveness of the arrangements',
  'statutory-duties-and-case-reviews':
    'Statutory duties, quality assurance and case-review learning',
  'voice-of-children-and-families': 'The voice of children and families',
  'practitioner-leader-dialogue': 'Dialogue between frontline practitioners and leaders',
  'advice-on-disagreements': 'Independent advice when partners disagree; escalation',
  'arrangements-and-yearly-report': 'Evaluating the published arrangements and the yearly report',
};

export const activityStatuses = ['planned', 'in-progress', 'done'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];
/** `done` is the owner's claim (an update at 100%); only the scrutineer's verification closes it. */
export const actionStatuses = ['open', 'done', 'verified', 'reopened', 'paused'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** The scrutineer's acts on an action, each kept as an event that is never overwritten. */
export const actionEventKinds = ['verified', 'reopened', 'paused', 'resumed'] as const;
export type ActionEventKind = (typeof actionEventKinds)[number];

/** Impact checks come this many months after verification. */
export const impactCheckMonths = [3, 6, 12] as const;
export const impactCheckStatuses = ['scheduled', 'done', 'cancelled'] as const;
export type ImpactCheckStatus = (typeof impactCheckStatuses)[number];

/** Whether a local child safeguarding practice review (LCSPR) will be held after a rapid review. */
export const lcsprDecisions = ['pending', 'lcspr', 'no-lcspr'] as const;
export type LcsprDecision = (typeof lcsprDecisions)[number];

export const disagreementStatuses = ['open', 'resolved', 'escalated'] as const;
export type DisagreementStatus = (typeof disagreementStatuses)[number];

export const reportStatuses = ['draft', 'signed-off'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** Where the yearly report must go once published (WT2023: the national Panel and Foundations). */
export const distributionRecipients = ['national-panel', 'foundations', 'other'] as const;
export type DistributionRecipient = (typeof distributionRecipients)[number];
export const distributionRecipientLabels: Record<DistributionRecipient, string> = {
  'national-panel': 'Child Safeguarding Practice Review Panel',
  foundations: 'Foundations (What Works Centre for Children and Families)',
  other: 'Other',
};
