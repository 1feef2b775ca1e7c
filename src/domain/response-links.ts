/**
 * The email-and-web route to a response, for a partner lead whom Teams cannot reach (their card's
 * delivery is `unreachable`). Pure: the rules for a link's life, its email and whether a repeated
 * submission through a used link is the same act.
 */
import type { Decision } from './vocabulary.js';
import type { ProposedActionDraft } from './responses.js';

const DAY_MS = 24 * 3_600_000;

/** A link lasts at least this long, so a person back from leave still has time to respond. */
export const LINK_MIN_DAYS = 14;
/** ...and until a week after the response is due... */
export const LINK_DAYS_AFTER_DUE = 7;
/** ...but never longer than this: a link in an old mailbox should not open a form for ever. */
export const LINK_MAX_DAYS = 90;

/** Where the web response page is, under the app's public address. */
export const RESPOND_PATH = '/respond';

/**
 * When a link offered at `now` expires: the later of 14 days from now and the end of the seventh
 * day after the response is due (UTC), at most 90 days from now. Whole seconds (a JWT's `exp`).
 */
export function linkExpiry(now: Date, responseDueDate: string): Date {
  const floor = now.getTime() + LINK_MIN_DAYS * DAY_MS;
  const due = Date.parse(`${responseDueDate}T23:59:59Z`);
  const afterDue = Number.isNaN(due) ? floor : due + LINK_DAYS_AFTER_DUE * DAY_MS;
  const ceiling = now.getTime() + LINK_MAX_DAYS * DAY_MS;
  const ms = Math.min(Math.max(floor, afterDue), ceiling);
  return new Date(Math.floor(ms / 1000) * 1000);
}

/** One key per offer: recommendation, person and how many links they have had before. */
export const offerKeyOf = (recommendationId: string, personId: string, generation: number) =>
  `${recommendationId}:${personId}:${generation}`;

/** The message key of a link's email in the outbox. */
export const linkMessageKey = (linkId: string) => `response-link:${linkId}`;

export type LinkState = 'usable' | 'used' | 'expired';

export interface LinkLife {
  expiresAt: string;
  usedAt?: string | null | undefined;
}

/** Used wins over expired: a used link always answers with the response it recorded. */
export function linkState(link: LinkLife, now: Date): LinkState {
  if (link.usedAt) return 'used';
  return Date.parse(link.expiresAt) <= now.getTime() ? 'expired' : 'usable';
}

/** The link still open for this person, if any: a new offer reuses it instead of adding one. */
export function usableLink<T>(
  links: readonly T[],
  life: (link: T) => LinkLife,
  now: Date,
): T | undefined {
  return links
    .filter((l) => linkState(life(l), now) === 'usable')
    .sort((a, b) => Date.parse(life(b).expiresAt) - Date.parse(life(a).expiresAt))[0];
}

/** The link on the app's public address; the token is base64url, so it needs no escaping. */
export function respondUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${RESPOND_PATH}?t=${encodeURIComponent(token)}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Where to email a person, from their sign-in name. A B2B guest's UPN in the host tenant is their
 * home address with `@` written `_`, then `#EXT#@host` (e.g.
 * `aisha.noor_eastshire-police.example#EXT#@harbourside.onmicrosoft.com`): that address is
 * restored. Undefined when the result is not an email address.
 */
export function mailAddressOf(upn: string): string | undefined {
  const trimmed = upn.trim();
  const ext = trimmed.toUpperCase().indexOf('#EXT#@');
  let address = trimmed;
  if (ext >= 0) {
    const local = trimmed.slice(0, ext);
    const at = local.lastIndexOf('_');
    if (at <= 0) return undefined;
    address = `${local.slice(0, at)}@${local.slice(at + 1)}`;
  }
  return EMAIL.test(address) ? address : undefined;
}

/** A date as people write it in England: 31 March 2027. */
export function longDate(value: string | Date): string {
  const d =
    typeof value === 'string' ? new Date(/T/.test(value) ? value : `${value}T12:00:00Z`) : value;
  return d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
}

export interface LinkEmailInput {
  recipientName: string;
  partnershipName: string;
  partnerName: string;
  reference: string;
  /** Already through the identifiable-data guard when it was stored. */
  title: string;
  responseDueDate: string;
  url: string;
  expiresAt: string;
}

/**
 * The email with the link, in plain words. It holds only what a Teams card's first lines hold
 * (reference, title, partner, due date) and the link; never a finding, a rationale or an action.
 */
export function linkEmail(input: LinkEmailInput): { subject: string; body: string } {
  const subject = `Recommendation ${input.reference}: your response is needed by ${longDate(input.responseDueDate)}`;
  const body = [
    `Dear ${input.recipientName},`,
    '',
    `The independent scrutineer of ${input.partnershipName} has made a recommendation to ${input.partnerName}. We could not reach you in Microsoft Teams to ask for your response there, so we are sending this link instead.`,
    '',
    `Recommendation: ${input.reference}, ${input.title}`,
    `Response due: ${longDate(input.responseDueDate)}`,
    '',
    'To read the recommendation and respond (accept, partially accept or decline, with your reasons and any actions), open this link:',
    '',
    input.url,
    '',
    `You will be asked to sign in with your work account. The link works only for you, only once, and until ${longDate(input.expiresAt)}. If it has run out, ask the partnership's business unit for a new one.`,
    '',
    'Critical Friend',
    `${input.partnershipName}`,
  ].join('\n');
  return { subject, body };
}

/** A recorded action as the comparison needs it: its slot on the form and what was typed. */
export interface RecordedAction {
  slot: number;
  description: string;
  ownerId: string;
  targetDate: string;
  evidenceExpected: string;
}

const clean = (v: string | undefined) => (v ?? '').trim();

/** The filled action slots of a submission as stored (a decline keeps none). */
export function filledActions(
  decision: Decision,
  actions: readonly ProposedActionDraft[],
): RecordedAction[] {
  if (decision === 'decline') return [];
  return actions.flatMap((a, i) => {
    const action = {
      slot: i + 1,
      description: clean(a.description),
      ownerId: clean(a.ownerId),
      targetDate: clean(a.targetDate),
      evidenceExpected: clean(a.evidenceExpected),
    };
    return action.description || action.ownerId || action.targetDate || action.evidenceExpected
      ? [action]
      : [];
  });
}

/**
 * Whether a submission through a used link repeats the one it recorded (a retry after a lost
 * answer, a double click): the same decision, rationale and actions, slot by slot.
 */
export function repeatsRecorded(
  recorded: { decision: Decision; rationale: string; actions: readonly RecordedAction[] },
  submitted: {
    decision?: string | undefined;
    rationale?: string | undefined;
    actions: readonly ProposedActionDraft[];
  },
): boolean {
  if (submitted.decision !== recorded.decision) return false;
  if (clean(submitted.rationale) !== recorded.rationale.trim()) return false;
  const mine = filledActions(recorded.decision, submitted.actions);
  const theirs = [...recorded.actions].sort((a, b) => a.slot - b.slot);
  return (
    mine.length === theirs.length &&
    mine.every((a, i) => {
      const b = theirs[i];
      return (
        b !== undefined &&
        a.slot === b.slot &&
        a.description === b.description.trim() &&
        a.ownerId === b.ownerId &&
        a.targetDate === b.targetDate &&
        a.evidenceExpected === b.evidenceExpected.trim()
      );
    })
  );
}
