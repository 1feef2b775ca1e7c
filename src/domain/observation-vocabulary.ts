/**
 * The words of an observation: its class, line of enquiry, source and status. Kept apart so the
 * meeting side panel can load them without the rest of the vocabulary; `vocabulary.ts` re-exports
 * them, and stays the place to look for every word.
 */

/** The seed documents' three questions. */
export const evidenceClasses = ['gone-well', 'too-early', 'worry'] as const;
export type EvidenceClass = (typeof evidenceClasses)[number];

export const evidenceClassLabels: Record<EvidenceClass, string> = {
  'gone-well': 'Gone well',
  'too-early': 'Too early to judge',
  worry: 'Worry',
};

export const linesOfEnquiry = [
  'line-of-sight-on-practice',
  'space-for-reflection-and-learning',
  'right-priorities',
  'voice-of-the-child',
  'training-effectiveness',
  'quality-assurance-and-data',
  'leadership',
  'case-review-arrangements',
] as const;
export type LineOfEnquiry = (typeof linesOfEnquiry)[number];

export const lineOfEnquiryLabels: Record<LineOfEnquiry, string> = {
  'line-of-sight-on-practice': 'Line of sight on practice',
  'space-for-reflection-and-learning': 'Space for reflection and learning',
  'right-priorities': 'Were the priorities the right ones',
  'voice-of-the-child': 'Voice of the child',
  'training-effectiveness': 'Effectiveness of training',
  'quality-assurance-and-data': 'Quality assurance and data used',
  leadership: 'Strength of leadership',
  'case-review-arrangements': 'Case-review arrangements',
};

export const evidenceSources = [
  'meeting',
  'frontline-visit',
  'audit',
  'data',
  'voice-of-children-and-families',
  'practitioners',
] as const;
export type EvidenceSource = (typeof evidenceSources)[number];

export const observationStatuses = ['open', 'promoted'] as const;
