import type { TrackerAction, TrackerHistoryEntry } from '../../../../src/domain/tracker-view';
import type { ActionEventKind, ActionStatus } from '../../../../src/domain/vocabulary';

export const actionStatusLabels: Record<ActionStatus, string> = {
  open: 'Open',
  done: 'Done, awaiting verification',
  verified: 'Verified',
  reopened: 'Reopened',
  paused: 'Paused',
};

const eventLabels: Record<ActionEventKind, string> = {
  verified: 'Verified by the scrutineer',
  reopened: 'Reopened by the scrutineer',
  paused: 'Paused by the scrutineer',
  resumed: 'Resumed by the scrutineer',
};

const eventNoteLabels: Record<ActionEventKind, string> = {
  verified: 'Evidence seen',
  reopened: 'Reason',
  paused: 'Reason',
  resumed: 'Note',
};

export const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** "Overdue by 12 days; last update 3 days ago", the ageing an executive asks about. */
export function actionAgeing(action: TrackerAction): string {
  const since =
    action.daysSinceUpdate === 0
      ? 'updated today'
      : `last update ${days(action.daysSinceUpdate)} ago`;
  return action.daysOverdue > 0
    ? `Overdue by ${days(action.daysOverdue)}; ${since}`
    : `Not overdue; ${since}`;
}

/** The heading of one history entry, e.g. "Update, 40% done" or "Verified by the scrutineer". */
export function historyTitle(entry: TrackerHistoryEntry): string {
  return entry.kind === 'update' ? `Update: ${entry.progress}% done` : eventLabels[entry.kind];
}

export function historyNoteLabel(entry: TrackerHistoryEntry): string {
  return entry.kind === 'update' ? 'Narrative' : eventNoteLabels[entry.kind];
}

/** Only web links are made clickable; anything else is shown as text. */
export function safeLink(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
