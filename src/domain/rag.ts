import { londonDate } from './responses.js';
import type { ActionEventKind, ActionStatus, Decision } from './vocabulary.js';

/**
 * RAG status by rules, so that executives, the tracker, the export and the yearly report all say
 * the same thing. Everything here is worked out "as at" an instant from records that are never
 * overwritten (updates, the scrutineer's acts, responses), which is what makes the as-at view
 * exact: the tracker on any past date is these same functions with an earlier instant.
 */
export const rags = ['red', 'amber', 'paused', 'green'] as const;
export type Rag = (typeof rags)[number];

export const ragLabels: Record<Rag, string> = {
  red: 'Red',
  amber: 'Amber',
  paused: 'Paused',
  green: 'Green',
};

export interface RagRules {
  /** An open action with no update for this many weeks is red. */
  staleAfterWeeks: number;
}

export const defaultRagRules: RagRules = { staleAfterWeeks: 6 };

/** What an action's history holds, from the lists (instants are ISO 8601). */
export interface ActionRecord {
  createdAt: string;
  targetDate: string;
}
export interface UpdateRecord {
  at: string;
  progress: number;
  revisedDate?: string | undefined;
}
export interface EventRecord {
  at: string;
  kind: ActionEventKind;
  note: string;
}

/** An action as it stood at one instant. */
export interface ActionState {
  status: ActionStatus;
  /** The target date in force: the latest revised date, or the original target. */
  dueDate: string;
  progress: number;
  /** The last sign of life: the latest update, or creation, reopening or resumption. */
  lastActivityAt: string;
  /** Paused or reopened: the scrutineer's reason. Verified: the evidence seen. */
  note?: string;
  verifiedAt?: string;
}

/**
 * The action as it stood at `asAt`, or undefined if it did not exist yet. An update at 100% is
 * the owner's claim that it is done; an update below 100% withdraws the claim. Only the
 * scrutineer's acts verify, reopen, pause and resume. Records with the same instant apply updates
 * before acts, so a verification recorded in the same millisecond as the claim still stands.
 */
export function actionAsAt(
  action: ActionRecord,
  updates: readonly UpdateRecord[],
  events: readonly EventRecord[],
  asAt: string,
): ActionState | undefined {
  if (action.createdAt > asAt) return undefined;
  const timeline = [
    ...updates.filter((u) => u.at <= asAt).map((u) => ({ at: u.at, order: 0, update: u })),
    ...events.filter((e) => e.at <= asAt).map((e) => ({ at: e.at, order: 1, event: e })),
  ].sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1));

  const state: ActionState = {
    status: 'open',
    dueDate: action.targetDate,
    progress: 0,
    lastActivityAt: action.createdAt,
  };
  let beforePause: ActionStatus = 'open';
  // The owner's latest progress while paused: its claim (or withdrawal) takes effect on resuming.
  let progressWhilePaused: number | undefined;
  for (const step of timeline) {
    if ('update' in step && step.update) {
      const u = step.update;
      state.progress = u.progress;
      if (u.revisedDate) state.dueDate = u.revisedDate;
      state.lastActivityAt = u.at;
      if (state.status === 'paused') progressWhilePaused = u.progress;
      else state.status = afterProgress(state.status, u.progress);
    } else if ('event' in step && step.event) {
      const e = step.event;
      if (e.kind === 'verified') {
        state.status = 'verified';
        state.verifiedAt = e.at;
        state.note = e.note;
      } else if (e.kind === 'reopened') {
        state.status = 'reopened';
        state.lastActivityAt = e.at;
        state.note = e.note;
        delete state.verifiedAt;
      } else if (e.kind === 'paused') {
        if (state.status !== 'paused') {
          beforePause = state.status;
          progressWhilePaused = undefined;
        }
        state.status = 'paused';
        state.note = e.note;
      } else {
        if (state.status === 'paused')
          state.status =
            progressWhilePaused === undefined
              ? beforePause
              : afterProgress(beforePause, progressWhilePaused);
        state.lastActivityAt = e.at;
        state.note = e.note;
      }
    }
  }
  return state;
}

/** An owner's update at 100% claims done; below 100% withdraws the claim. Verified stays closed. */
function afterProgress(status: ActionStatus, progress: number): ActionStatus {
  if (status === 'verified' || status === 'paused') return status;
  if (progress >= 100) return 'done';
  return status === 'done' ? 'open' : status;
}

export interface RagVerdict {
  rag: Rag;
  /** Why, in words an executive reads: "Overdue by 12 days", "No update for 7 weeks". */
  reason: string;
}

const DAY_MS = 86_400_000;
const daysBetween = (fromDate: string, toDate: string) =>
  Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / DAY_MS);
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Green: done and verified. Amber: on track (or done and awaiting verification). Red: overdue,
 * or no update for `staleAfterWeeks`. Paused: paused by the scrutineer, with the reason.
 * `today` is the calendar date (England) of the as-at instant.
 */
export function actionRag(state: ActionState, today: string, rules: RagRules): RagVerdict {
  if (state.status === 'verified') return { rag: 'green', reason: 'Done and verified' };
  if (state.status === 'paused')
    return { rag: 'paused', reason: state.note ? `Paused: ${state.note}` : 'Paused' };
  if (state.status === 'done')
    return { rag: 'amber', reason: "Done; awaiting the scrutineer's verification" };
  const overdue = daysBetween(state.dueDate, today);
  if (overdue > 0) return { rag: 'red', reason: `Overdue by ${plural(overdue, 'day')}` };
  const quietDays = daysBetween(londonDate(state.lastActivityAt), today);
  if (quietDays >= rules.staleAfterWeeks * 7)
    return { rag: 'red', reason: `No update for ${plural(Math.floor(quietDays / 7), 'week')}` };
  return {
    rag: 'amber',
    reason: state.status === 'reopened' ? 'Reopened; on track' : 'On track',
  };
}

/** A named partner's part in a recommendation, as at a date. */
export interface PartnerPart {
  responseDueDate: string;
  /** Undefined while no response had been recorded by the as-at instant. */
  decision?: Decision | undefined;
  /** The RAG of each of the partner's actions that existed then. */
  actions: readonly RagVerdict[];
}

/**
 * A partner's RAG for one recommendation: no response yet is amber until the due date and red
 * after it; a decline is red (it goes to the SLG for a ruling, never silently dropped); an
 * acceptance with no actions yet is amber; otherwise the worst of its actions.
 */
export function partnerRag(part: PartnerPart, today: string): RagVerdict {
  if (!part.decision) {
    const late = daysBetween(part.responseDueDate, today);
    return late > 0
      ? { rag: 'red', reason: `Response overdue by ${plural(late, 'day')}` }
      : { rag: 'amber', reason: 'Awaiting response' };
  }
  if (part.decision === 'decline')
    return { rag: 'red', reason: 'Declined; referred to the SLG for a ruling' };
  if (part.actions.length === 0)
    return { rag: 'amber', reason: 'Accepted; no actions recorded yet' };
  return worst(part.actions);
}

const severity: Record<Rag, number> = { red: 3, amber: 2, paused: 1, green: 0 };

/** The worst verdict of several (red over amber over paused over green); the first on a tie. */
export function worst(verdicts: readonly RagVerdict[]): RagVerdict {
  let result: RagVerdict | undefined;
  for (const v of verdicts) if (!result || severity[v.rag] > severity[result.rag]) result = v;
  return result ?? { rag: 'amber', reason: 'Nothing recorded yet' };
}
