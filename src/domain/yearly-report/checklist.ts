import type { EvidenceList, YearlyReportModel } from './model.js';
import {
  MIN_EVIDENCE,
  reportSections,
  SUMMARY_MIN_WORDS,
  wordCount,
  type SectionKey,
} from './sections.js';

export type SectionState = 'ok' | 'thin' | 'empty';

export interface ChecklistSection {
  key: SectionKey;
  title: string;
  /** Working Together 2023 expects the yearly report to cover this. */
  expected: boolean;
  state: SectionState;
  /** What the state was judged on: pieces of evidence, or words for the summary. */
  count: number;
  /** What would fill it (or, when it is ok, what it rests on). */
  hint: string;
}

interface Judged {
  state: SectionState;
  count: number;
  hint: string;
}

/** The common rule: nothing is empty, fewer than MIN_EVIDENCE pieces is thin. */
function byEvidence(count: number, fill: string, ok: string): Judged {
  if (count === 0) return { state: 'empty', count, hint: fill };
  if (count < MIN_EVIDENCE)
    return { state: 'thin', count, hint: `Only one piece of evidence. ${fill}` };
  return { state: 'ok', count, hint: ok };
}

const evidence = (list: EvidenceList, fill: string) =>
  byEvidence(list.total, fill, `${list.total} pieces of evidence.`);

/**
 * Which sections are filled, by rules stated here so the checklist and the statement agree:
 * - summary: empty until written; thin under SUMMARY_MIN_WORDS words;
 * - method: empty when no meeting or visit was observed; thin when no days were logged;
 * - evidence sections (gone well, too early, worries, voice, training): empty with none, thin
 *   with fewer than MIN_EVIDENCE findings and observations;
 * - recommendations: by the common rule, counting recommendations;
 * - little or no progress: empty while there is no recommendation whose progress can be judged;
 *   otherwise ok (none found is itself the finding), counting the gaps;
 * - case reviews: empty with none; thin when a late or overdue clock has no reason recorded or a
 *   review has no assurance note;
 * - disagreements: empty with none (say so if none arose); thin when one has no advice recorded.
 */
export function checklist(model: YearlyReportModel): ChecklistSection[] {
  const judged: Record<SectionKey, Judged> = {
    summary: summary(model.summaryJudgement),
    method: method(model),
    'gone-well': evidence(
      model.goneWell,
      'Classify observations and findings as gone well, with the evidence behind them.',
    ),
    'too-early': evidence(
      model.tooEarly,
      'Record what shows promise but has not yet shown impact (class: too early to judge).',
    ),
    worries: evidence(model.worries, 'Record the issues that need addressing (class: worry).'),
    recommendations: byEvidence(
      model.recommendations.length,
      'Issue recommendations in the period, or keep open ones on the tracker.',
      `${model.recommendations.length} recommendations on the tracker.`,
    ),
    'little-progress':
      model.recommendations.length === 0
        ? {
            state: 'empty',
            count: 0,
            hint: 'Progress can only be judged against recommendations and their actions.',
          }
        : {
            state: 'ok',
            count: model.littleProgress.length,
            hint:
              model.littleProgress.length === 0
                ? 'No red or paused actions, declines or late responses: say so.'
                : `${model.littleProgress.length} red or paused actions, declines or late responses.`,
          },
    'case-reviews': caseReviews(model),
    voice: evidence(
      model.voice,
      'File observations from children and families (source: voice of children and families) or on the voice of the child.',
    ),
    training: evidence(
      model.training,
      'File observations or findings on the line of enquiry: effectiveness of training.',
    ),
    disagreements: disagreements(model),
  };
  return reportSections.map((s) => ({
    key: s.key,
    title: s.title,
    expected: s.expected,
    ...judged[s.key],
  }));
}

function summary(text: string): Judged {
  const words = wordCount(text);
  if (words === 0)
    return {
      state: 'empty',
      count: 0,
      hint: 'Write your summary judgement: the prompts in the draft say what it should answer.',
    };
  if (words < SUMMARY_MIN_WORDS)
    return {
      state: 'thin',
      count: words,
      hint: `${words} words: say how effective the arrangements are, and why, in at least ${SUMMARY_MIN_WORDS}.`,
    };
  return { state: 'ok', count: words, hint: `${words} words.` };
}

function method(model: YearlyReportModel): Judged {
  const m = model.method;
  const count = m.meetingsObserved;
  if (count === 0)
    return {
      state: 'empty',
      count,
      hint: 'File observations at the meetings, visits and audits you attend.',
    };
  if (!m.days || m.days.used === 0)
    return {
      state: 'thin',
      count,
      hint: 'Log the days worked against the scrutiny plan, so the days used can be set against the budget.',
    };
  return { state: 'ok', count, hint: `${count} meetings, visits and audits observed.` };
}

function caseReviews(model: YearlyReportModel): Judged {
  const reviews = model.caseReviews.reviews;
  const count = reviews.length;
  if (count === 0)
    return {
      state: 'empty',
      count,
      hint: 'Record the case reviews of the year (codes only); if none arose, say so in the summary.',
    };
  const unexplained = reviews.some((r) =>
    r.clocks.some((c) => (c.state === 'late' || c.state === 'overdue') && !c.lateReason),
  );
  const unassured = reviews.some((r) => !r.assuranceNote);
  if (unexplained || unassured)
    return {
      state: 'thin',
      count,
      hint: unexplained
        ? 'Record why each late clock was late.'
        : 'Add your assurance note to each case review.',
    };
  return { state: 'ok', count, hint: `${count} case reviews with their clocks.` };
}

function disagreements(model: YearlyReportModel): Judged {
  const d = model.disagreements;
  const count = d.items.length;
  if (count === 0)
    return {
      state: 'empty',
      count,
      hint: 'Record disagreements between partners and your advice; if none arose, say so.',
    };
  if (d.withAdvice < count)
    return {
      state: 'thin',
      count,
      hint: 'Record the independent advice you gave on each disagreement.',
    };
  return { state: 'ok', count, hint: `${count} disagreements, each with advice recorded.` };
}
