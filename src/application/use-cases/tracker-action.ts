import { daysFromTo } from '../../domain/as-at.js';
import { londonDate } from '../../domain/responses.js';
import { actionAsAt, actionRag, type RagRules } from '../../domain/rag.js';
import type {
  TrackerAction,
  TrackerHistoryEntry,
  TrackerImpactCheck,
} from '../../domain/tracker-view.js';
import type { StoredItem } from '../ports/repository.js';
import type { TrackerData } from './tracker-data.js';

/** Where the view stands: the instant (ISO) and its calendar date in England. */
export interface ViewPoint {
  instant: string;
  today: string;
  rules: RagRules;
}

/** Updates and the scrutineer's acts up to the instant, oldest first; updates first on a tie. */
function historyOf(
  updates: readonly StoredItem<'actionUpdates'>[],
  events: readonly StoredItem<'actionEvents'>[],
  data: TrackerData,
): TrackerHistoryEntry[] {
  const entries: { order: number; entry: TrackerHistoryEntry }[] = [
    ...updates.map(({ fields: u }) => ({
      order: 0,
      entry: {
        kind: 'update' as const,
        at: u.at,
        byName: data.nameOf(u.authorId),
        progress: u.progress,
        narrative: u.narrative,
        ...(u.revisedDate ? { revisedDate: u.revisedDate } : {}),
        ...(u.evidenceLink ? { evidenceLink: u.evidenceLink } : {}),
      },
    })),
    ...events.map(({ fields: e }) => ({
      order: 1,
      entry: { kind: e.kind, at: e.at, byName: data.nameOf(e.byId), note: e.note },
    })),
  ];
  return entries
    .sort((a, b) =>
      a.entry.at === b.entry.at ? a.order - b.order : a.entry.at < b.entry.at ? -1 : 1,
    )
    .map((e) => e.entry);
}

/**
 * Impact checks scheduled by the instant. One finished later is shown as it stood then:
 * still scheduled, with no outcome yet.
 */
function checksOf(
  checks: readonly StoredItem<'impactChecks'>[],
  instant: string,
): TrackerImpactCheck[] {
  return checks
    .filter((c) => c.createdAt <= instant)
    .sort((a, b) => a.fields.dueDate.localeCompare(b.fields.dueDate))
    .map(({ id, etag, fields: c, modifiedAt }) => {
      const finishedAt = c.completedAt ?? modifiedAt;
      const finished = c.status !== 'scheduled' && finishedAt <= instant;
      return {
        id,
        etag,
        monthsAfter: c.monthsAfter,
        dueDate: c.dueDate,
        status: finished ? c.status : 'scheduled',
        ...(finished && c.outcomeClass ? { outcomeClass: c.outcomeClass } : {}),
        ...(finished && c.outcome ? { outcome: c.outcome } : {}),
      };
    });
}

/** The action as it stood at the view's instant, or undefined if it did not exist yet. */
export function trackerAction(
  action: StoredItem<'actions'>,
  data: TrackerData,
  at: ViewPoint,
): TrackerAction | undefined {
  const updates = (data.updatesByAction.get(action.id) ?? []).filter(
    (u) => u.fields.at <= at.instant,
  );
  const events = (data.eventsByAction.get(action.id) ?? []).filter(
    (e) => e.fields.at <= at.instant,
  );
  const state = actionAsAt(
    { createdAt: action.createdAt, targetDate: action.fields.targetDate },
    updates.map(({ fields: u }) => ({
      at: u.at,
      progress: u.progress,
      revisedDate: u.revisedDate ?? undefined,
    })),
    events.map(({ fields: e }) => ({ at: e.at, kind: e.kind, note: e.note })),
    at.instant,
  );
  if (!state) return undefined;
  const rag = actionRag(state, at.today, at.rules);
  const stillToDo = state.status === 'open' || state.status === 'reopened';
  const f = action.fields;
  return {
    id: action.id,
    description: f.description,
    ...(f.ownerId ? { ownerName: data.nameOf(f.ownerId) } : {}),
    targetDate: f.targetDate,
    dueDate: state.dueDate,
    status: state.status,
    progress: state.progress,
    rag,
    daysOverdue: stillToDo ? Math.max(0, daysFromTo(state.dueDate, at.today)) : 0,
    // Counted as the RAG rule counts it, so "No update for 6 weeks" and this number agree.
    daysSinceUpdate: Math.max(0, daysFromTo(londonDate(state.lastActivityAt), at.today)),
    ...(state.verifiedAt ? { verifiedAt: state.verifiedAt } : {}),
    ...(state.note ? { note: state.note } : {}),
    history: historyOf(updates, events, data),
    impactChecks: checksOf(data.checksByAction.get(action.id) ?? [], at.instant),
  };
}
