import type { SectionState } from './reportApi';

/** The checklist's states in words (never colour alone). */
export const stateLabels: Record<SectionState, string> = {
  ok: 'Enough evidence',
  thin: 'Thin: little evidence so far',
  empty: 'Empty: no evidence yet',
};

/** What the summary judgement should answer; shown beside the text box. */
export const summaryPrompts =
  'Prompts: Are the arrangements effective in keeping children safe? Is each partner playing its ' +
  'full part? What has gone well, what is too early to judge, and what worries you, with the ' +
  'evidence for each? What must change in the coming year?';
