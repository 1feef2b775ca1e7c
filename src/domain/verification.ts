import { actionEvents } from './lists/action-events.js';
import { planActivities } from './lists/plan-activities.js';
import { fail, ok, type Result } from './result.js';
import {
  impactCheckMonths,
  type ActionEventKind,
  type ActionStatus,
  type ScrutinyFunction,
} from './vocabulary.js';

/**
 * The scrutineer's acts on an action (verify, reopen, pause, resume) and the impact checks that
 * follow a verification. Pure: the status an act is judged against is the one `actionAsAt` works
 * out from the records, so the rules here and the tracker never disagree.
 */

/** From which statuses each act may be taken. */
export const actFrom: Record<ActionEventKind, readonly ActionStatus[]> = {
  verified: ['done'],
  reopened: ['verified', 'done'],
  paused: ['open', 'reopened', 'done'],
  resumed: ['paused'],
};

const refusals: Record<ActionEventKind, (status: ActionStatus) => string> = {
  verified: (s) =>
    s === 'verified'
      ? 'This action is already verified.'
      : s === 'paused'
        ? 'This action is paused; resume it, and wait for its owner to report it done, before verifying it.'
        : 'This action is not reported done yet, so it cannot be verified.',
  reopened: (s) =>
    s === 'paused'
      ? 'This action is paused; resume it rather than reopening it.'
      : 'This action is not done or verified, so there is nothing to reopen.',
  paused: () => 'This action is already paused.',
  resumed: () => 'This action is not paused, so it cannot be resumed.',
};

/** Whether the act is legal from the action's status; the refusal says why in plain words. */
export function checkAct(status: ActionStatus, kind: ActionEventKind): Result<void> {
  if (actFrom[kind].includes(status)) return ok(undefined);
  if (kind === 'paused' && status === 'verified')
    return fail(
      'illegal-transition',
      'This action is verified and closed, so it cannot be paused.',
    );
  return fail('illegal-transition', refusals[kind](status));
}

export const ACT_NOTE_MAX = actionEvents.columns.note.maxLength;

/** Verify needs the evidence seen; every other act needs the reason. Trimmed, within the cap. */
export function checkActNote(kind: ActionEventKind, note: string | undefined): Result<string> {
  const text = (note ?? '').trim();
  if (!text)
    return fail(
      'invalid',
      kind === 'verified'
        ? 'Say what evidence you saw that the action is done.'
        : `Give the reason the action is ${kind}.`,
    );
  if (text.length > ACT_NOTE_MAX)
    return fail(
      'invalid',
      `The note is ${text.length.toLocaleString('en-GB')} characters long; it can hold at most ${ACT_NOTE_MAX.toLocaleString('en-GB')}.`,
    );
  return ok(text);
}

/** The key an act is stored under: the client's key, scoped to the action. */
export const actionEventKey = (actionId: string, eventKey: string) => `${actionId}:${eventKey}`;

export type ImpactCheckMonths = (typeof impactCheckMonths)[number];
export const isImpactCheckMonths = (n: number): n is ImpactCheckMonths =>
  (impactCheckMonths as readonly number[]).includes(n);

/**
 * The date `months` calendar months after `date` (YYYY-MM-DD), clamped to the month's end:
 * 31 August + 6 months is 28 (or 29) February.
 */
export function addCalendarMonths(date: string, months: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not an ISO date: ${date}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An impact check is due `monthsAfter` calendar months after the verification date. */
export const impactCheckDueDate = (verifiedOn: string, monthsAfter: number) =>
  addCalendarMonths(verifiedOn, monthsAfter);

/** One check per action and interval: scheduling it twice stores it once. */
export const impactCheckKey = (actionId: string, monthsAfter: number) =>
  `${actionId}:${monthsAfter}`;

const TITLE_MAX = planActivities.columns.title.maxLength;

/** The plan activity an impact check becomes, so its half day counts against the budget. */
export function impactCheckActivity(reference: string, description: string) {
  const head = `Impact check: ${reference} — `;
  const room = TITLE_MAX - head.length;
  const text = description.trim().replace(/\s+/g, ' ');
  const title = text.length <= room ? head + text : `${head}${text.slice(0, room - 1).trimEnd()}…`;
  return {
    theme: 'Impact checks',
    title,
    functions: ['assurance'] as ScrutinyFunction[],
    daysAllocated: 0.5,
    status: 'planned' as const,
  };
}
