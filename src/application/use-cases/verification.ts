import { actionAsAt, type ActionState } from '../../domain/rag.js';
import { actionEventKey, checkAct, checkActNote } from '../../domain/verification.js';
import type { ActionEventKind, Channel } from '../../domain/vocabulary.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { fromDomain, invalid, notFound } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import { ConflictError, type ChangeContext, type StoredItem } from '../ports/repository.js';
import { requireRole } from './authorise.js';
import { createOnce } from './create-once.js';

/** Later than any record: the state "now", whatever the clock says about the last write. */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/** An action as its records say it stands: the updates and the scrutineer's acts are the truth. */
export async function actionState(
  deps: Deps,
  action: StoredItem<'actions'>,
  asAt: string = END_OF_TIME,
): Promise<ActionState> {
  const [updates, events] = await Promise.all([
    deps.repo.all('actionUpdates', { field: 'actionId', equals: action.id }),
    deps.repo.all('actionEvents', { field: 'actionId', equals: action.id }),
  ]);
  return (
    actionAsAt(
      { createdAt: action.createdAt, targetDate: action.fields.targetDate },
      updates.map((u) => ({
        at: u.fields.at,
        progress: u.fields.progress,
        revisedDate: u.fields.revisedDate ?? undefined,
      })),
      events.map((e) => e.fields),
      asAt,
    ) ?? { status: 'open', dueDate: action.fields.targetDate, progress: 0, lastActivityAt: '' }
  );
}

/**
 * Brings the action's status column into line with its records (the column serves SharePoint
 * views and reminders). Written with the item's etag; a concurrent change is re-read and tried
 * once more, since the records, not the column, decide the answer.
 */
export async function syncActionStatus(
  deps: Deps,
  actionId: string,
  ctx: ChangeContext,
): Promise<StoredItem<'actions'>> {
  for (let attempt = 0; ; attempt++) {
    const action = await deps.repo.get('actions', actionId);
    if (!action) throw notFound(`There is no action ${actionId}.`);
    const { status } = await actionState(deps, action);
    if (action.fields.status === status) return action;
    try {
      return await deps.repo.update('actions', action.id, { status }, action.etag, ctx);
    } catch (e) {
      if (!(e instanceof ConflictError) || attempt > 0) throw e;
    }
  }
}

export interface ActionEventInput {
  actionId: string;
  kind: ActionEventKind;
  note: string;
  /** From the client, one per submitted act: a retry with the same key is stored once. */
  eventKey: string;
}

export interface ActionEventResult {
  action: StoredItem<'actions'>;
  event: StoredItem<'actionEvents'>;
  created: boolean;
}

/**
 * The scrutineer verifies (with the evidence seen), reopens, pauses or resumes an action (with
 * the reason). The act is stored once per event key as a never-overwritten event; then the
 * action's status column follows. An act that is not legal from where the action stands is a
 * 409 with the reason; a retry of an act already stored answers with it (`created: false`).
 */
export async function recordActionEvent(
  deps: Deps,
  actor: Actor,
  input: ActionEventInput,
  channel: Channel = 'tab',
): Promise<ActionEventResult> {
  requireRole(actor, ['scrutineer'], 'verify, reopen, pause or resume actions');
  const key = input.eventKey.trim();
  if (!/^[A-Za-z0-9-]{8,64}$/.test(key))
    throw invalid(
      'invalid-event-key',
      'Send an event key of 8 to 64 letters, digits or hyphens (a fresh one per act), so a retry is stored once.',
    );
  const action = await deps.repo.get('actions', input.actionId);
  if (!action) throw notFound(`There is no action ${input.actionId}.`);
  const ctx = changeContext(deps, actor, channel);
  const eventKey = actionEventKey(action.id, key);

  // A retry: the act is already stored, whatever has happened since.
  const [stored] = await deps.repo.all('actionEvents', { field: 'eventKey', equals: eventKey });
  if (stored) {
    return { action: await syncActionStatus(deps, action.id, ctx), event: stored, created: false };
  }

  const note = checkActNote(input.kind, input.note);
  if (!note.ok) throw fromDomain(note.error);
  assertNoIdentifiableData('actionEvents', { note: note.value });
  const state = await actionState(deps, action);
  const legal = checkAct(state.status, input.kind);
  if (!legal.ok) throw fromDomain(legal.error);

  const { item: event, created } = await createOnce(
    deps.repo,
    'actionEvents',
    {
      actionId: action.id,
      kind: input.kind,
      note: note.value,
      byId: actor.id,
      at: ctx.at,
      eventKey,
    },
    ctx,
  );
  return { action: await syncActionStatus(deps, action.id, ctx), event, created };
}
