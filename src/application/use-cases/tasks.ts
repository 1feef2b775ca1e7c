import { londonDate } from '../../domain/responses.js';
import type { ScrutineerTask } from '../../domain/tracker-view.js';
import type { Actor, Deps } from '../deps.js';
import type { StoredItem } from '../ports/repository.js';
import { requireRole } from './authorise.js';
import { actionState } from './verification.js';

/**
 * When the owner's claim that an action is done was made: the first of the run of 100% updates
 * since the last act or lower update (or the last act itself, such as resuming a done action).
 */
function doneSince(
  updates: readonly StoredItem<'actionUpdates'>[],
  events: readonly StoredItem<'actionEvents'>[],
  fallback: string,
): string {
  const steps = [
    ...updates.map((u) => ({ at: u.fields.at, order: 0, full: u.fields.progress >= 100 })),
    ...events.map((e) => ({ at: e.fields.at, order: 1, full: false, act: true })),
  ].sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1));
  let since: string | undefined;
  let lastAct: string | undefined;
  for (const s of steps) {
    if ('act' in s) {
      since = undefined;
      lastAct = s.at;
    } else if (s.full) since ??= s.at;
    else since = undefined;
  }
  return since ?? lastAct ?? fallback;
}

/**
 * What comes back to the scrutineer: actions reported done and awaiting verification, and the
 * impact checks scheduled (`due` once their date has come, England). Due ones first, each group
 * oldest first. The scrutineer and the business unit (who keeps the diary) may see it.
 */
export async function listTasks(deps: Deps, actor: Actor): Promise<ScrutineerTask[]> {
  requireRole(actor, ['scrutineer', 'business-unit'], 'see the scrutineer’s tasks');
  const today = londonDate(deps.now());
  const [doneActions, checks, recommendations, partners] = await Promise.all([
    deps.repo.all('actions', { field: 'status', equals: 'done' }),
    deps.repo.all('impactChecks', { field: 'status', equals: 'scheduled' }),
    deps.repo.all('recommendations'),
    deps.repo.all('partners'),
  ]);
  const reference = new Map(recommendations.map((r) => [r.id, r.fields.reference]));
  const partnerName = new Map(partners.map((p) => [p.id, p.fields.name]));
  const tasks: { task: ScrutineerTask; due: boolean; date: string }[] = [];

  for (const action of doneActions) {
    // The column says done; the records confirm it (they are the truth).
    if ((await actionState(deps, action)).status !== 'done') continue;
    const [updates, events] = await Promise.all([
      deps.repo.all('actionUpdates', { field: 'actionId', equals: action.id }),
      deps.repo.all('actionEvents', { field: 'actionId', equals: action.id }),
    ]);
    const since = doneSince(updates, events, action.modifiedAt);
    tasks.push({
      due: true,
      date: since,
      task: {
        kind: 'verify',
        actionId: action.id,
        recommendationReference: reference.get(action.fields.recommendationId) ?? '',
        partnerName: partnerName.get(action.fields.partnerId) ?? 'Unknown partner',
        description: action.fields.description,
        since,
      },
    });
  }

  const actionsById = new Map<string, StoredItem<'actions'> | undefined>();
  for (const check of checks) {
    const id = check.fields.actionId;
    if (!actionsById.has(id)) actionsById.set(id, await deps.repo.get('actions', id));
    const action = actionsById.get(id);
    const due = check.fields.dueDate <= today;
    tasks.push({
      due,
      date: check.fields.dueDate,
      task: {
        kind: 'impact-check',
        impactCheckId: check.id,
        actionId: id,
        recommendationReference: reference.get(check.fields.recommendationId) ?? '',
        partnerName: action
          ? (partnerName.get(action.fields.partnerId) ?? 'Unknown partner')
          : 'Unknown partner',
        description: action?.fields.description ?? '',
        monthsAfter: check.fields.monthsAfter,
        dueDate: check.fields.dueDate,
        due,
      },
    });
  }

  return tasks
    .sort((a, b) => Number(b.due) - Number(a.due) || a.date.localeCompare(b.date))
    .map((t) => t.task);
}
