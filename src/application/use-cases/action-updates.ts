import {
  acceptsUpdates,
  actionUpdateKey,
  checkActionUpdate,
  mayUpdateAction,
  type ActionUpdateDraft,
} from '../../domain/actions.js';
import { londonDate } from '../../domain/responses.js';
import type { ActionStatus, Channel } from '../../domain/vocabulary.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { forbidden, fromDomain, invalid, notFound } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import type { StoredItem } from '../ports/repository.js';
import { createOnce } from './create-once.js';
import { syncActionStatus } from './verification.js';
import { readerReach, reaches } from './visibility.js';

/** What an action update card shows; the card is a pure function of this. */
export interface ActionUpdateCardView {
  actionId: string;
  reference: string;
  recommendationTitle: string;
  partnerName: string;
  description: string;
  ownerName: string;
  /** The target date in force: the latest revised date, or the one first agreed. */
  targetDate: string;
  evidenceExpected: string;
  status: ActionStatus;
  latest?: {
    progress: number;
    narrative: string;
    evidenceLink?: string;
    revisedDate?: string;
    authorName: string;
    at: string;
  };
  /** The viewer may give an update, or may only see where the action stands. */
  mode: 'update' | 'status';
  /** Update mode: the key this card's submit is stored under, so a retried submit counts once. */
  submitKey?: string;
  /** Update mode: what was typed, when the card comes back with a problem to fix. */
  form?: { progress?: string; narrative?: string; evidenceLink?: string; revisedDate?: string };
  /** A message for this viewer: a problem to fix, or a confirmation. */
  notice?: string;
  /** The notice confirms a recorded update (rather than asking for a fix). */
  recorded?: boolean;
}

export interface ActionUpdateViewOptions {
  notice?: string;
  recorded?: boolean;
  form?: ActionUpdateCardView['form'];
  /** Show the form even right after an update (the viewer asked to give another). */
  again?: boolean;
  /** The key for the card's next submit; a fresh random one by default. */
  submitKey?: string;
}

const newSubmitKey = () => globalThis.crypto.randomUUID();

/**
 * The card for one action as this viewer should see it, from server state: its owner (or the
 * partner's lead) gets the update form with a fresh submit key, anyone else where it stands.
 * After an update is recorded the card confirms it and offers another rather than a blank form.
 */
export async function actionUpdateCardView(
  deps: Deps,
  actionId: string,
  viewer: Actor,
  options: ActionUpdateViewOptions = {},
): Promise<ActionUpdateCardView> {
  const action = await deps.repo.get('actions', actionId);
  if (!action) throw notFound(`There is no action ${actionId}.`);
  // A forged action id shows nothing of another partner's work.
  if (action.fields.ownerId !== viewer.id && !reaches(readerReach(viewer), action.fields.partnerId))
    throw forbidden("This action is another organisation's.");
  const [rec, partner, owner, updates] = await Promise.all([
    deps.repo.get('recommendations', action.fields.recommendationId),
    deps.repo.get('partners', action.fields.partnerId),
    action.fields.ownerId ? deps.repo.get('people', action.fields.ownerId) : undefined,
    deps.repo.all('actionUpdates', { field: 'actionId', equals: actionId }),
  ]);
  const latest = [...updates].sort((a, b) => a.fields.at.localeCompare(b.fields.at)).at(-1);
  const revised = [...updates]
    .filter((u) => u.fields.revisedDate)
    .sort((a, b) => a.fields.at.localeCompare(b.fields.at))
    .at(-1)?.fields.revisedDate;
  const author = latest ? await deps.repo.get('people', latest.fields.authorId) : undefined;
  const may = mayUpdateAction(action.fields, viewer) && acceptsUpdates(action.fields);
  const showForm = may && (!options.recorded || options.again === true);
  return {
    actionId,
    reference: rec?.fields.reference ?? '',
    recommendationTitle: rec?.fields.title ?? '',
    partnerName: partner?.fields.name ?? 'Unknown partner',
    description: action.fields.description,
    ownerName: owner?.fields.displayName ?? 'No owner recorded',
    targetDate: revised ?? action.fields.targetDate,
    evidenceExpected: action.fields.evidenceExpected ?? '',
    status: action.fields.status,
    ...(latest
      ? {
          latest: {
            progress: latest.fields.progress,
            narrative: latest.fields.narrative,
            ...(latest.fields.evidenceLink ? { evidenceLink: latest.fields.evidenceLink } : {}),
            ...(latest.fields.revisedDate ? { revisedDate: latest.fields.revisedDate } : {}),
            authorName: author?.fields.displayName ?? 'Unknown',
            at: latest.fields.at,
          },
        }
      : {}),
    mode: showForm ? 'update' : 'status',
    ...(showForm
      ? {
          submitKey: options.submitKey ?? newSubmitKey(),
          ...(options.form ? { form: options.form } : {}),
        }
      : {}),
    ...(options.notice ? { notice: options.notice } : {}),
    ...(options.recorded ? { recorded: true } : {}),
  };
}

export interface ActionUpdateInput extends ActionUpdateDraft {
  actionId: string;
  /** From the card: identifies one submit, so the same submit delivered again is stored once. */
  submitKey: string;
}

/**
 * Records one progress update as a new, never-overwritten item. Only the action's owner or the
 * partner's lead may; the text passes the identifiable-data guard; the submit key makes a retried
 * invoke or a double click a no-op (`created: false`). The action's status column then follows.
 */
export async function recordActionUpdate(
  deps: Deps,
  author: Actor,
  input: ActionUpdateInput,
  channel: Channel,
): Promise<{ item: StoredItem<'actionUpdates'>; created: boolean }> {
  const action = await deps.repo.get('actions', input.actionId);
  if (!action) throw notFound(`There is no action ${input.actionId}.`);
  if (!mayUpdateAction(action.fields, author))
    throw forbidden("Only the action's owner or the partner's lead may update it.");
  const submitKey = input.submitKey.trim();
  if (!/^[A-Za-z0-9-]{8,64}$/.test(submitKey))
    throw invalid('invalid', 'This card is out of date; open the latest one to give an update.');
  const checked = checkActionUpdate(action.fields, input, londonDate(deps.now()));
  if (!checked.ok) throw fromDomain(checked.error);
  assertNoIdentifiableData('actionUpdates', { narrative: checked.value.narrative });
  const ctx = changeContext(deps, author, channel);
  const recorded = await createOnce(
    deps.repo,
    'actionUpdates',
    {
      actionId: action.id,
      ...checked.value,
      authorId: author.id,
      at: ctx.at,
      updateKey: actionUpdateKey(action.id, author.id, submitKey),
    },
    ctx,
  );
  // The status column follows the records: 100% claims done (awaiting verification), less
  // withdraws the claim; a paused action stays paused until the scrutineer resumes it.
  await syncActionStatus(deps, action.id, ctx);
  return recorded;
}
