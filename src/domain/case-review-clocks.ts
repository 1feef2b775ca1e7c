import {
  addWorkingDays,
  isIsoDate,
  workingDaySpan,
  workingDaysBetween,
} from './calendar/working-days.js';
import type { CaseReview } from './lists/schema.js';
import type { LcsprDecision } from './vocabulary.js';

/**
 * The statutory clocks of a case review (Working Together 2023): the serious incident notified to
 * the national Panel within 5 working days of awareness, the rapid review within 15 working days of
 * notification, and a local child safeguarding practice review published within 6 months of the
 * decision to hold one. Pure: bank holidays are passed in.
 */

export type ClockName = 'notification' | 'rapid-review' | 'publication';
export type ClockState = 'waiting' | 'running' | 'met' | 'late' | 'overdue' | 'not-applicable';
export interface CaseReviewClock {
  name: ClockName;
  label: string;
  startsOn?: string;
  dueOn?: string;
  doneOn?: string;
  state: ClockState; // waiting: its start has not happened; running: started, not done, not past due;
  // met: done on/before due; late: done after due; overdue: not done, past due
  /** Working days late (notification, rapid review) or calendar days late (publication). */
  late?: number;
  lateUnit?: 'working days' | 'days';
  lateReason?: string;
}

export const NOTIFICATION_WORKING_DAYS = 5;
export const RAPID_REVIEW_WORKING_DAYS = 15;
export const PUBLICATION_MONTHS = 6;

export const clockLabels: Record<ClockName, string> = {
  notification: 'Serious incident notification',
  'rapid-review': 'Rapid review',
  publication: 'Practice review publication',
};

export const lcsprDecisionLabels: Record<LcsprDecision, string> = {
  pending: 'Not yet decided',
  lcspr: 'Practice review to be held',
  'no-lcspr': 'No practice review',
};

const MS_PER_DAY = 86_400_000;
const dayCount = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export function calendarDaysBetween(a: string, b: string): number {
  return dayCount(b) - dayCount(a);
}

/**
 * `months` calendar months after `date`, clamped to the month's last day: 31 August plus 6
 * months is 28 (or 29) February, not 3 March.
 */
export function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : undefined);
const date = (value: string | null | undefined) => value ?? undefined;

interface ClockInput {
  name: ClockName;
  startsOn: string | undefined;
  doneOn: string | undefined;
  lateReason: string | undefined;
  due: (startsOn: string) => string;
  lateness: (from: string, to: string) => number;
  lateUnit: 'working days' | 'days';
}

function clock(input: ClockInput, today: string): CaseReviewClock {
  const { name, startsOn, doneOn } = input;
  const base = { name, label: clockLabels[name] };
  // A clock whose start is not recorded (or is still to come) has not started.
  if (!startsOn || startsOn > today) {
    return { ...base, ...(startsOn ? { startsOn } : {}), state: 'waiting' };
  }
  const dueOn = input.due(startsOn);
  const timed = { ...base, startsOn, dueOn };
  if (doneOn) {
    if (doneOn <= dueOn) return { ...timed, doneOn, state: 'met' };
    return {
      ...timed,
      doneOn,
      state: 'late',
      late: input.lateness(dueOn, doneOn),
      lateUnit: input.lateUnit,
      ...(input.lateReason ? { lateReason: input.lateReason } : {}),
    };
  }
  if (today <= dueOn) return { ...timed, state: 'running' };
  return {
    ...timed,
    state: 'overdue',
    late: input.lateness(dueOn, today),
    lateUnit: input.lateUnit,
    ...(input.lateReason ? { lateReason: input.lateReason } : {}),
  };
}

/** The three clocks of a case review as they stand on `today` (`YYYY-MM-DD`). */
export function caseReviewClocks(
  review: CaseReview,
  today: string,
  holidays: ReadonlySet<string>,
): CaseReviewClock[] {
  const working = (n: number) => (from: string) => addWorkingDays(from, n, holidays);
  const workingLate = (from: string, to: string) => workingDaysBetween(from, to, holidays);
  const notification = clock(
    {
      name: 'notification',
      startsOn: review.awareOn,
      doneOn: date(review.notifiedOn),
      lateReason: text(review.notificationLateReason),
      due: working(NOTIFICATION_WORKING_DAYS),
      lateness: workingLate,
      lateUnit: 'working days',
    },
    today,
  );
  const rapidReview = clock(
    {
      name: 'rapid-review',
      startsOn: date(review.notifiedOn),
      doneOn: date(review.rapidReviewOn),
      lateReason: text(review.rapidReviewLateReason),
      due: working(RAPID_REVIEW_WORKING_DAYS),
      lateness: workingLate,
      lateUnit: 'working days',
    },
    today,
  );
  const publication: CaseReviewClock =
    review.lcsprDecision === 'no-lcspr'
      ? { name: 'publication', label: clockLabels.publication, state: 'not-applicable' }
      : clock(
          {
            name: 'publication',
            // Only a decision to hold a review starts the clock; 'pending' waits.
            startsOn: review.lcsprDecision === 'lcspr' ? date(review.decisionOn) : undefined,
            doneOn: date(review.publishedOn),
            lateReason: text(review.publicationLateReason),
            due: (from) => addMonthsClamped(from, PUBLICATION_MONTHS),
            lateness: calendarDaysBetween,
            lateUnit: 'days',
          },
          today,
        );
  return [notification, rapidReview, publication];
}

/** The span of dates whose bank holidays the clocks need. */
export function caseReviewHolidaySpan(
  review: CaseReview,
  today: string,
): { from: string; to: string } {
  const dates = [
    review.awareOn,
    review.notifiedOn,
    review.rapidReviewOn,
    review.decisionOn,
    review.publishedOn,
    today,
  ].filter((d): d is string => !!d && isIsoDate(d));
  const sorted = [...dates].sort();
  const first = sorted[0] ?? today;
  const last = sorted[sorted.length - 1] ?? today;
  // The latest date a working-day clock can start is `last`; its due date lies within this span.
  return { from: first, to: workingDaySpan(last, RAPID_REVIEW_WORKING_DAYS).to };
}

/** One clock in words, so a state is never shown by colour alone. */
export function clockText(c: CaseReviewClock): string {
  const by =
    c.late === undefined
      ? ''
      : ` by ${c.late} ${c.late === 1 ? c.lateUnit?.replace(/s$/, '') : c.lateUnit}`;
  switch (c.state) {
    case 'not-applicable':
      return 'Not applicable';
    case 'waiting':
      return c.name === 'publication' ? 'Waiting for the decision' : 'Waiting to start';
    case 'running':
      return 'Running';
    case 'met':
      return 'Met';
    case 'late':
      return `Late${by}; ${c.lateReason ? `reason: ${c.lateReason}` : 'no reason recorded'}`;
    case 'overdue':
      return `Overdue${by}`;
  }
}

export const CASE_CODE_PATTERN = /^[A-Z]{2,8}-C-\d{4}-\d{1,4}$/;

export interface FieldProblem {
  field: string;
  message: string;
}

/** A case code such as HSCP-C-2026-14: a code, never a name. */
export function caseCodeProblem(code: string): FieldProblem | undefined {
  return CASE_CODE_PATTERN.test(code)
    ? undefined
    : {
        field: 'code',
        message: `Write the case code as the partnership's code, such as HSCP-C-2026-14 (2 to 8 capital letters, -C-, the year, a number): "${code.slice(0, 40)}" is not one.`,
      };
}

/** Dates in an order that cannot be: each step comes after the one that starts it. */
export function caseReviewProblems(review: CaseReview): FieldProblem[] {
  const out: FieldProblem[] = [];
  const code = caseCodeProblem(review.code);
  if (code) out.push(code);
  const { awareOn, notifiedOn, rapidReviewOn, decisionOn, publishedOn } = review;
  if (notifiedOn && notifiedOn < awareOn)
    out.push({ field: 'notifiedOn', message: 'The Panel cannot be notified before awareness.' });
  if (rapidReviewOn && !notifiedOn)
    out.push({
      field: 'rapidReviewOn',
      message: 'Record when the Panel was notified before the rapid review.',
    });
  if (rapidReviewOn && notifiedOn && rapidReviewOn < notifiedOn)
    out.push({
      field: 'rapidReviewOn',
      message: 'The rapid review cannot be completed before the notification.',
    });
  if (publishedOn && review.lcsprDecision !== 'lcspr')
    out.push({
      field: 'publishedOn',
      message: 'A publication date needs a decision to hold a practice review.',
    });
  if (publishedOn && !decisionOn)
    out.push({ field: 'publishedOn', message: 'Record when the review was decided on.' });
  if (publishedOn && decisionOn && publishedOn < decisionOn)
    out.push({
      field: 'publishedOn',
      message: 'The review cannot be published before it was decided on.',
    });
  return out;
}
