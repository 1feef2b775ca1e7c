/**
 * The statement's sections, in the order they are written. `expected` marks what Working Together
 * to Safeguarding Children 2023 expects the yearly report to cover: the impact of the
 * arrangements (including training), areas with little or no progress, what was done about the
 * recommendations of reviews, feedback from children and families, and case reviews, with the
 * scrutineer's own summary judgement.
 */
export const reportSections = [
  { key: 'summary', title: 'Summary judgement', expected: true },
  { key: 'method', title: 'How the scrutiny was done', expected: false },
  { key: 'gone-well', title: 'What has gone well, and the evidence', expected: true },
  { key: 'too-early', title: 'Too early to judge', expected: false },
  { key: 'worries', title: 'Worries', expected: false },
  { key: 'recommendations', title: 'Recommendations, responses and progress', expected: true },
  { key: 'little-progress', title: 'Areas with little or no progress', expected: true },
  { key: 'case-reviews', title: 'Case review timeliness', expected: true },
  { key: 'voice', title: 'The voice of children and families', expected: true },
  { key: 'training', title: 'Effectiveness of training', expected: true },
  { key: 'disagreements', title: 'Disagreements and independent advice', expected: false },
] as const;

export type SectionKey = (typeof reportSections)[number]['key'];

export const sectionTitle = (key: SectionKey): string =>
  reportSections.find((s) => s.key === key)?.title ?? key;

/** What the scrutineer is asked to answer in the summary judgement (shown while it is empty). */
export const summaryPrompts = [
  'How effective are the arrangements at keeping children safe, in one or two sentences?',
  'How well are the three safeguarding partners leading together, and holding each other to account?',
  'Do the arrangements give a clear line of sight on frontline practice, single and multi-agency?',
  'What has made the most difference to children and families this year, and how do you know?',
  'Where is progress too slow, and what should the partners do first?',
  'Were the partnership’s priorities the right ones?',
] as const;

/** Words in a text, for the summary's rule. */
export const wordCount = (text: string): number => text.trim().split(/\s+/).filter(Boolean).length;

/** A summary judgement shorter than this is thin: a sentence or two cannot carry the judgement. */
export const SUMMARY_MIN_WORDS = 50;

/** Fewer pieces of evidence than this make a section thin. */
export const MIN_EVIDENCE = 2;

/** How many items a section lists; the rest are counted ("and 40 more in the workbench"). */
export const LISTED_PER_SECTION = 25;
