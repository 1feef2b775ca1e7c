import { actionUpdates } from './lists/action-updates.js';
import type { Action, Person, WithId } from './lists/schema.js';
import { isCalendarDate } from './responses.js';
import { fail, ok, type Result } from './result.js';

/** An action update as typed on the card. */
export interface ActionUpdateDraft {
  progress?: string | number | undefined;
  narrative?: string | undefined;
  evidenceLink?: string | undefined;
  revisedDate?: string | undefined;
}

export interface CheckedActionUpdate {
  progress: number;
  narrative: string;
  evidenceLink?: string;
  revisedDate?: string;
}

const NARRATIVE_MAX = actionUpdates.columns.narrative.maxLength;
const LINK_MAX = actionUpdates.columns.evidenceLink.maxLength;

/** Who may update an action's progress: its owner, or the lead of the partner it belongs to. */
export function mayUpdateAction(action: Action, person: WithId<Person> | undefined): boolean {
  if (!person) return false;
  if (action.ownerId && action.ownerId === person.id) return true;
  return person.roles.includes('partner-lead') && person.partnerId === action.partnerId;
}

/** Verified actions are closed: the scrutineer, not the owner, reopens them. */
export const acceptsUpdates = (action: Action) => action.status !== 'verified';

/**
 * Checks an update on the server: progress a whole number from 0 to 100, a narrative, an
 * evidence link that is a web address (http or https, nothing else), and a revised date that is
 * a real date from today on. All problems are reported together.
 */
export function checkActionUpdate(
  action: Action,
  draft: ActionUpdateDraft,
  today: string,
): Result<CheckedActionUpdate> {
  if (!acceptsUpdates(action))
    return fail('illegal-transition', 'This action has been verified, so it is closed to updates.');
  const problems: string[] = [];
  const rawProgress =
    typeof draft.progress === 'number' ? String(draft.progress) : (draft.progress ?? '').trim();
  const progress = Number(rawProgress);
  if (!rawProgress || !/^\d{1,3}$/.test(rawProgress) || progress > 100)
    problems.push('Give progress as a whole number from 0 to 100.');
  const narrative = (draft.narrative ?? '').trim();
  if (!narrative) problems.push('Say what has happened since the last update.');
  else if (narrative.length > NARRATIVE_MAX)
    problems.push(
      `The update is ${narrative.length.toLocaleString('en-GB')} characters long; it can hold at most ${NARRATIVE_MAX.toLocaleString('en-GB')}.`,
    );
  const evidenceLink = (draft.evidenceLink ?? '').trim();
  if (evidenceLink) {
    if (evidenceLink.length > LINK_MAX)
      problems.push(`The evidence link can be at most ${LINK_MAX} characters.`);
    else if (!isWebAddress(evidenceLink))
      problems.push('The evidence link must be a web address beginning https:// (or http://).');
  }
  const revisedDate = (draft.revisedDate ?? '').trim();
  if (revisedDate) {
    if (!isCalendarDate(revisedDate))
      problems.push('The revised date must be a date such as 2027-03-31.');
    else if (revisedDate < today)
      problems.push('The revised date is in the past; choose today or later.');
  }
  if (problems.length) return fail('invalid', problems.join('\n'));
  return ok({
    progress,
    narrative,
    ...(evidenceLink ? { evidenceLink } : {}),
    ...(revisedDate ? { revisedDate } : {}),
  });
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The idempotency key of one submitted update card, scoped to the action and its author. */
export const actionUpdateKey = (actionId: string, authorId: string, submitKey: string) =>
  `${actionId}:${authorId}:${submitKey}`;
