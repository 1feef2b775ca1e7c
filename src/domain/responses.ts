import { actions } from './lists/actions.js';
import { responses } from './lists/responses.js';
import type { SlgItemKind } from './lists/slg-items.js';
import type { Meeting, WithId } from './lists/schema.js';
import { fail, ok, type Result } from './result.js';
import { decisions, type Decision } from './vocabulary.js';

/** The most actions one response can propose on a card (the card has this many slots). */
export const MAX_PROPOSED_ACTIONS = 5;

/** One action slot as submitted: raw text, checked here before anything is stored. */
export interface ProposedActionDraft {
  description?: string | undefined;
  ownerId?: string | undefined;
  targetDate?: string | undefined;
  evidenceExpected?: string | undefined;
}

/** What a partner lead submitted, as typed. */
export interface ResponseDraft {
  decision?: string | undefined;
  rationale?: string | undefined;
  actions: readonly ProposedActionDraft[];
}

export interface ProposedAction {
  /** 1-based position on the card; part of the action's idempotency key. */
  slot: number;
  description: string;
  ownerId: string;
  targetDate: string;
  evidenceExpected: string;
}

export interface CheckedResponse {
  decision: Decision;
  rationale: string;
  actions: ProposedAction[];
}

export interface SubmissionContext {
  /** The people who may own an action: the responding partner's own people. */
  ownerIds: ReadonlySet<string>;
  partnerName: string;
  /** Today, `YYYY-MM-DD`, in the partnership's time zone. */
  today: string;
}

const RATIONALE_MAX = responses.columns.rationale.maxLength;
const DESCRIPTION_MAX = actions.columns.description.maxLength;
const EVIDENCE_MAX = actions.columns.evidenceExpected.maxLength;

const isDecision = (v: string | undefined): v is Decision =>
  (decisions as readonly string[]).includes(v ?? '');

const blank = (v: string | undefined) => (v ?? '').trim().length === 0;

/** A real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const tooLong = (what: string, length: number, max: number) =>
  `${what} is ${length.toLocaleString('en-GB')} characters long; it can hold at most ${max.toLocaleString('en-GB')}. Please shorten it.`;

/**
 * Checks a response as submitted, on the server, whatever the card enforced: a decision, a
 * rationale that is not just spaces and fits its column, and for an acceptance (full or partial)
 * at least one complete action owned by one of the partner's own people. Every problem is
 * reported at once so a person on a phone fixes them in one pass. A decline proposes no actions:
 * anything typed in the action slots is left out.
 */
export function checkSubmission(
  draft: ResponseDraft,
  context: SubmissionContext,
): Result<CheckedResponse> {
  const problems: string[] = [];
  const decision = draft.decision;
  if (!isDecision(decision)) problems.push('Choose accept, partially accept or decline.');
  const rationale = (draft.rationale ?? '').trim();
  if (!rationale) {
    problems.push('Give a rationale: every response needs one, whatever the decision.');
  } else if (rationale.length > RATIONALE_MAX) {
    problems.push(tooLong('The rationale', rationale.length, RATIONALE_MAX));
  }
  if (draft.actions.length > MAX_PROPOSED_ACTIONS) {
    problems.push(`Propose at most ${MAX_PROPOSED_ACTIONS} actions on the card.`);
  }

  const proposed: ProposedAction[] = [];
  if (decision !== 'decline') {
    draft.actions.slice(0, MAX_PROPOSED_ACTIONS).forEach((a, i) => {
      const slot = i + 1;
      const filled = [a.description, a.ownerId, a.targetDate, a.evidenceExpected].some(
        (v) => !blank(v),
      );
      if (!filled) return;
      const label = `Action ${slot}`;
      const missing: string[] = [];
      if (blank(a.description)) missing.push('what will be done');
      if (blank(a.ownerId)) missing.push('who owns it');
      if (blank(a.targetDate)) missing.push('the target date');
      if (blank(a.evidenceExpected)) missing.push('the evidence expected');
      if (missing.length) {
        problems.push(`${label}: add ${joinWords(missing)}.`);
        return;
      }
      const description = (a.description ?? '').trim();
      const ownerId = (a.ownerId ?? '').trim();
      const targetDate = (a.targetDate ?? '').trim();
      const evidenceExpected = (a.evidenceExpected ?? '').trim();
      const before = problems.length;
      if (description.length > DESCRIPTION_MAX)
        problems.push(
          `${label}: ${tooLong('the description', description.length, DESCRIPTION_MAX)}`,
        );
      if (evidenceExpected.length > EVIDENCE_MAX)
        problems.push(
          `${label}: ${tooLong('the evidence expected', evidenceExpected.length, EVIDENCE_MAX)}`,
        );
      if (!context.ownerIds.has(ownerId))
        problems.push(`${label}: choose an owner from ${context.partnerName}'s people.`);
      if (!isCalendarDate(targetDate)) {
        problems.push(`${label}: the target date must be a date such as 2027-03-31.`);
      } else if (targetDate < context.today) {
        problems.push(`${label}: the target date is in the past; choose today or later.`);
      }
      if (problems.length === before)
        proposed.push({ slot, description, ownerId, targetDate, evidenceExpected });
    });
    if (isDecision(decision) && proposed.length === 0 && !problems.some((p) => /^Action /.test(p)))
      problems.push(
        `To ${decision === 'accept' ? 'accept' : 'partially accept'}, propose at least one action: what will be done, who owns it, the target date and the evidence expected.`,
      );
  }

  if (problems.length || !isDecision(decision)) return fail('invalid', problems.join('\n'));
  return ok({ decision, rationale, actions: proposed });
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** A recorded response and a new submission are the same act (a retry or a double click). */
export function sameSubmission(
  recorded: { responderId: string; decision: Decision; rationale: string },
  responderId: string,
  submitted: { decision: Decision; rationale: string },
): boolean {
  return (
    recorded.responderId === responderId &&
    recorded.decision === submitted.decision &&
    recorded.rationale === submitted.rationale.trim()
  );
}

/** Each proposed action's idempotency key: the response's key and its slot on the card. */
export const actionKey = (responseKey: string, slot: number) => `${responseKey}:${slot}`;

/** Whether a decision goes to the Strategic Leadership Group for a ruling, and as what. */
export function slgKindFor(decision: Decision): SlgItemKind | undefined {
  if (decision === 'decline') return 'decline';
  if (decision === 'partially-accept') return 'partial';
  return undefined;
}

/** The first Strategic Leadership Group meeting on a day after `today` (`YYYY-MM-DD`), if any. */
export function nextSlgMeeting(
  meetings: readonly WithId<Meeting>[],
  today: string,
): WithId<Meeting> | undefined {
  return meetings
    .filter((m) => m.kind === 'strategic-leadership-group' && londonDate(m.startsAt) > today)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
}

/**
 * en-CA formats as YYYY-MM-DD. Made once: `toLocaleDateString` with options builds a new
 * formatter on every call, which costs far more than the formatting itself.
 */
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** The calendar date of an instant in England (the partnership's clock). */
export function londonDate(instant: string | Date): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  // As toLocaleDateString says it (format() throws on an invalid date instead).
  return Number.isNaN(d.getTime()) ? 'Invalid Date' : LONDON_DATE.format(d);
}
