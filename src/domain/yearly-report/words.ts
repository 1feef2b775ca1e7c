import type { EvidenceSource, MeetingKind } from '../vocabulary.js';

/** Labels the statement prints (the vocabulary keeps none for these). */
export const sourceWords: Record<EvidenceSource, string> = {
  meeting: 'Meeting',
  'frontline-visit': 'Frontline visit',
  audit: 'Audit',
  data: 'Data',
  'voice-of-children-and-families': 'Children and families',
  practitioners: 'Practitioners',
};

export const meetingKindWords: Record<MeetingKind, string> = {
  'strategic-leadership-group': 'Strategic Leadership Group',
  'sub-group': 'Sub-groups',
  'learning-hub': 'Learning hubs',
  audit: 'Audits',
  'rapid-review-panel': 'Rapid review panels',
  'learning-event': 'Learning events',
  'frontline-visit': 'Frontline visits',
  other: 'Other meetings',
};
