/**
 * The card outbox: one row per recipient of a recommendation, moved from `pending` to `sent`,
 * `unreachable` or `failed` by what Teams answers. Pure: every decision takes the time, the policy
 * and the randomness it needs.
 *
 * Sending a message to Teams (POST /v3/conversations/{id}/activities) is not idempotent and takes
 * no idempotency key, so an answer that does not say what happened (a 5xx, a timeout, a dropped
 * connection, or the sender stopping between sending and recording) is *unconfirmed*: the card
 * may be in the recipient's chat. Such a row is never sent again blindly. It is reconciled first:
 * it is resent only once a search of the recipient's chat, made after the settle time, says the
 * card is not there; a card action from the recipient (refresh or respond) proves it arrived; and
 * if neither answer comes within the reconcile window, it is held as `failed` with a plain
 * explanation for the scrutineer rather than risk a second card.
 */
import type { DeliveryError } from './lists/card-deliveries.js';
import type { Fields } from './lists/schema.js';
import { backoffDelay, type BackoffPolicy } from './retry.js';

export type DeliveryFields = Fields<'cardDeliveries'>;
export type DeliveryStatus = DeliveryFields['status'];

/** The ledger's unique key: one card per recommendation per person, however often it is issued. */
export const deliveryKeyOf = (recommendationId: string, personId: string) =>
  `${recommendationId}:${personId}`;

/** What Teams answered to one send, as the gateway classifies it. */
export type SendOutcome =
  /** Teams took the card (2xx). */
  | { kind: 'sent'; activityId?: string }
  /** 429: Teams refused before doing anything; wait as long as it says. */
  | { kind: 'throttled'; retryAfterMs?: number }
  /** Certainly not delivered, but worth trying again: nothing reached Teams (connection refused,
   *  no token) or Teams said so (412). */
  | {
      kind: 'not-sent';
      cause: 'connection' | 'server-error';
      status?: number;
      retryAfterMs?: number;
    }
  /** The card may or may not be in the chat: 5xx, timeout, or the connection dropped mid-request. */
  | {
      kind: 'ambiguous';
      cause: 'server-error' | 'timeout' | 'connection';
      status?: number;
      retryAfterMs?: number;
    }
  /** No card can reach this person (403 MessageWritesBlocked, app not installed, chat gone). */
  | { kind: 'unreachable'; reason: 'blocked' | 'not-installed'; detail: string }
  /** Teams refused the card itself (400, 413 …): sending it again would fail the same way. */
  | { kind: 'rejected'; status?: number; detail: string };

/** Whether the recipient's chat holds the card, as far as the gateway can tell. */
export type CardSearch =
  | { kind: 'found'; activityId?: string }
  | { kind: 'absent' }
  /** The gateway has no way to look, or looking failed. */
  | { kind: 'unknown' };

export interface DeliveryPolicy {
  /** Sends tried before giving up (429s do not count). */
  maxAttempts: number;
  backoff: BackoffPolicy;
  /** After an unconfirmed send, an empty search is trusted only once this long has passed since
   *  the send started: Teams may still be processing it, and search results lag. */
  settleMs: number;
  /** How long an unconfirmed send is checked before it is held as failed. */
  reconcileWindowMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 5,
  backoff: { baseMs: 2_000, maxMs: 60_000, factor: 2, jitter: 0.2 },
  settleMs: 60_000,
  reconcileWindowMs: 15 * 60_000,
};

export const details = {
  queued: 'Waiting to send.',
  sending: 'Sending.',
  throttled: 'Teams asked the app to slow down; it will try again shortly.',
  notSent: 'Could not reach Teams; it will try again shortly.',
  unconfirmed:
    'Teams did not confirm the card; checking it is not already there before trying again.',
  interrupted:
    'The app stopped while sending; checking whether the card arrived before trying again.',
  confirmed: 'Sent (Teams did not answer at first; the card was found in their chat).',
  confirmedByCard: 'Sent (confirmed when they opened the card).',
  notFoundResending: 'Not in their chat; sending again.',
  gaveUp: (attempts: number, status?: number) =>
    `Teams kept failing${status ? ` (HTTP ${status})` : ''}; gave up after ${attempts} tries.`,
  notConfirmed:
    'Teams did not confirm the card and the app cannot check their chat. Ask them whether it arrived before sending it again.',
  resend: 'Sending again at the scrutineer’s request.',
  waitingForIssue: 'Waiting for the recommendation to be issued.',
  quietHours:
    'Held until working hours: reminders are not sent at night, at weekends or on bank holidays.',
  digestGone: 'Nothing left to remind them of.',
} as const;

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (value: string | null | undefined) =>
  value === null || value === undefined ? undefined : Date.parse(value);

/** Clears the lease and the in-flight mark: the row is free for the next pass. */
const released = { leaseOwner: null, leaseUntil: null, inFlightSince: null } as const;

/** A row anyone may pick up at `now`: pending, due, and not leased by a live worker. */
export function isDue(row: DeliveryFields, now: number): boolean {
  if (row.status !== 'pending') return false;
  const next = ms(row.nextAttemptAt);
  if (next !== undefined && next > now) return false;
  return isLeaseFree(row, now);
}

export const isLeaseFree = (row: DeliveryFields, now: number) => {
  const until = ms(row.leaseUntil);
  return until === undefined || until <= now;
};

/** When the row next wants attention (due time or lease expiry), for the worker's sleep. */
export function wakeAt(row: DeliveryFields): number | undefined {
  if (row.status !== 'pending') return undefined;
  const times = [ms(row.nextAttemptAt), ms(row.leaseUntil)].filter(
    (t): t is number => t !== undefined,
  );
  return times.length ? Math.max(...times) : undefined;
}

/** The patch that claims a row for `owner` until `until`. */
export const claimPatch = (owner: string, until: number): Partial<DeliveryFields> => ({
  leaseOwner: owner,
  leaseUntil: iso(until),
});

/** Whether a claimed row's last send has no recorded outcome (its sender stopped mid-send). */
export const wasInterrupted = (row: DeliveryFields) => !!row.inFlightSince;

/** Whether the row must be reconciled before anything is sent. */
export const isUnconfirmed = (row: DeliveryFields) => !!row.uncertainSince || !!row.inFlightSince;

/** A row whose previous sender stopped between sending and recording: treat as unconfirmed. */
export function afterInterruption(
  row: DeliveryFields,
  policy: DeliveryPolicy,
): Partial<DeliveryFields> {
  const started = ms(row.inFlightSince) ?? 0;
  return {
    inFlightSince: null,
    uncertainSince: row.inFlightSince ?? null,
    lastError: 'interrupted',
    detail: details.interrupted,
    nextAttemptAt: iso(started + policy.settleMs),
  };
}

/** The write-ahead mark made just before a send (with the lease's etag, so only its holder can). */
export const inFlightPatch = (row: DeliveryFields, now: number): Partial<DeliveryFields> => ({
  inFlightSince: iso(now),
  attempts: (row.attempts ?? 0) + 1,
  detail: details.sending,
});

export interface Decision {
  patch: Partial<DeliveryFields>;
  /** Teams asked for quiet: on this thread, or for the whole app. */
  pause?: { scope: 'thread' | 'app'; until: number };
}

export interface DecisionContext {
  now: number;
  policy: DeliveryPolicy;
  random: () => number;
  /**
   * Whether this thread was within Teams' per-thread limits when the send went. A 429 on a thread
   * within its limits must come from a wider limit (per app per tenant), so everything pauses.
   */
  threadWithinLimits: boolean;
}

const errorOf = (cause: 'server-error' | 'timeout' | 'connection'): DeliveryError => cause;

/**
 * What to record after a send. `row` is the row as written by the in-flight mark (attempts
 * already counts this send).
 */
export function afterSend(
  row: DeliveryFields,
  outcome: SendOutcome,
  ctx: DecisionContext,
): Decision {
  const { now, policy, random } = ctx;
  const attempts = row.attempts ?? 1;
  const retryIn = (floor = 0) => Math.max(floor, backoffDelay(attempts, policy.backoff, random));
  switch (outcome.kind) {
    case 'sent':
      return {
        patch: {
          ...released,
          status: 'sent',
          activityId: outcome.activityId ?? null,
          sentAt: iso(now),
          detail: null,
          lastError: null,
          uncertainSince: null,
          nextAttemptAt: null,
        },
      };
    case 'throttled': {
      const wait = outcome.retryAfterMs ?? retryIn();
      return {
        patch: {
          ...released,
          // Teams refused before doing anything: this try does not count against the limit.
          attempts: Math.max(0, attempts - 1),
          lastError: 'throttled',
          detail: details.throttled,
          nextAttemptAt: iso(now + wait),
        },
        pause: { scope: ctx.threadWithinLimits ? 'app' : 'thread', until: now + wait },
      };
    }
    case 'not-sent': {
      const lastError: DeliveryError = outcome.cause;
      if (attempts >= policy.maxAttempts) {
        return {
          patch: {
            ...released,
            status: 'failed',
            lastError,
            detail: details.gaveUp(attempts, outcome.status),
            nextAttemptAt: null,
          },
        };
      }
      return {
        patch: {
          ...released,
          lastError,
          detail: details.notSent,
          nextAttemptAt: iso(now + retryIn(outcome.retryAfterMs)),
        },
        ...(outcome.retryAfterMs !== undefined
          ? { pause: { scope: 'app' as const, until: now + outcome.retryAfterMs } }
          : {}),
      };
    }
    case 'ambiguous': {
      const started = ms(row.inFlightSince) ?? now;
      return {
        patch: {
          ...released,
          uncertainSince: iso(started),
          lastError: errorOf(outcome.cause),
          detail: details.unconfirmed,
          // Look no sooner than the settle time, and back off as a 5xx deserves.
          nextAttemptAt: iso(
            Math.max(started + policy.settleMs, now + retryIn(outcome.retryAfterMs)),
          ),
        },
        ...(outcome.retryAfterMs !== undefined
          ? { pause: { scope: 'app' as const, until: now + outcome.retryAfterMs } }
          : {}),
      };
    }
    case 'unreachable':
      return {
        patch: {
          ...released,
          status: 'unreachable',
          lastError: outcome.reason === 'blocked' ? 'blocked' : 'not-installed',
          detail: outcome.detail,
          uncertainSince: null,
          nextAttemptAt: null,
        },
      };
    case 'rejected':
      return {
        patch: {
          ...released,
          status: 'failed',
          lastError: 'rejected',
          detail: outcome.detail,
          uncertainSince: null,
          nextAttemptAt: null,
        },
      };
    default:
      return outcome satisfies never;
  }
}

/** What a reconciliation decided: record the patch, and send again now if `resend`. */
export interface SearchDecision {
  patch: Partial<DeliveryFields>;
  resend: boolean;
}

/** What to do with an unconfirmed row once its chat has been searched. */
export function afterSearch(
  row: DeliveryFields,
  search: CardSearch,
  ctx: { now: number; policy: DeliveryPolicy; random: () => number },
): SearchDecision {
  const { now, policy } = ctx;
  const since = ms(row.uncertainSince) ?? now;
  const attempts = row.attempts ?? 0;
  if (search.kind === 'found') {
    return {
      resend: false,
      patch: {
        ...released,
        status: 'sent',
        activityId: search.activityId ?? row.activityId ?? null,
        sentAt: iso(now),
        uncertainSince: null,
        nextAttemptAt: null,
        lastError: null,
        detail: details.confirmed,
      },
    };
  }
  if (search.kind === 'absent' && now >= since + policy.settleMs) {
    if (attempts >= policy.maxAttempts) {
      return {
        resend: false,
        patch: {
          ...released,
          status: 'failed',
          uncertainSince: null,
          nextAttemptAt: null,
          detail: details.gaveUp(attempts),
        },
      };
    }
    // Settled and not there: it never arrived, so sending again cannot make a second card.
    return { resend: true, patch: { uncertainSince: null, detail: details.notFoundResending } };
  }
  if (search.kind === 'unknown' && now >= since + policy.reconcileWindowMs) {
    return {
      resend: false,
      patch: {
        ...released,
        status: 'failed',
        lastError: 'not-confirmed',
        nextAttemptAt: null,
        detail: details.notConfirmed,
      },
    };
  }
  // Too early to trust an empty search, or no answer yet: look again later, ever less often
  // (each wait as long as the time already spent, from the backoff's base up to its cap).
  const spent = Math.max(0, now - since);
  const again =
    search.kind === 'absent'
      ? since + policy.settleMs
      : Math.min(
          since + policy.reconcileWindowMs,
          now + Math.min(policy.backoff.maxMs, Math.max(policy.backoff.baseMs, spent)),
        );
  return { resend: false, patch: { ...released, nextAttemptAt: iso(Math.max(again, now)) } };
}

/** The recipient acted on the card (refresh or respond), so it is in their chat. */
export function confirmedByCard(
  row: DeliveryFields,
  activityId: string | undefined,
  now: number,
): Partial<DeliveryFields> | undefined {
  if (row.status === 'sent') return undefined;
  return {
    ...released,
    status: 'sent',
    activityId: activityId ?? row.activityId ?? null,
    sentAt: iso(now),
    uncertainSince: null,
    nextAttemptAt: null,
    lastError: null,
    detail: details.confirmedByCard,
  };
}

/** A scrutineer's explicit resend of a failed or unreachable card. */
export function resendPatch(now: number): Partial<DeliveryFields> {
  return {
    ...released,
    status: 'pending',
    attempts: 0,
    uncertainSince: null,
    lastError: null,
    nextAttemptAt: iso(now),
    detail: details.resend,
  };
}
