/**
 * When to try again. Pure: randomness and time are passed in.
 *
 * Microsoft's guidance for Teams bots: wait for Retry-After when a 429 gives one; otherwise use
 * exponential backoff with random jitter and a bounded number of retries (its sample: 2 s to 20 s,
 * ±20 % jitter).
 */

export interface BackoffPolicy {
  /** The delay before the first retry, before jitter. */
  baseMs: number;
  /** No delay exceeds this, before jitter. */
  maxMs: number;
  /** Growth per attempt (2 doubles). */
  factor?: number;
  /** Spread either side of the delay, as a fraction (0.2 is ±20 %). */
  jitter?: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 2_000,
  maxMs: 60_000,
  factor: 2,
  jitter: 0.2,
};

/**
 * The delay before retry number `attempt` (1 for the first retry): `base · factor^(attempt-1)`,
 * capped at `max`, then spread by ±jitter so that many senders failing together do not retry in
 * step. `random` returns a number in [0, 1).
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const factor = policy.factor ?? 2;
  const jitter = policy.jitter ?? 0.2;
  const n = Math.max(1, Math.floor(attempt));
  const exact = Math.min(policy.maxMs, policy.baseMs * factor ** (n - 1));
  const spread = 1 - jitter + 2 * jitter * Math.min(Math.max(random(), 0), 1);
  return Math.max(0, Math.round(exact * spread));
}

/** Retry-After is honoured up to a day; anything longer is taken as a day. */
export const MAX_RETRY_AFTER_MS = 86_400_000;

/**
 * A Retry-After header as a delay in ms from `now`: either delta-seconds ("120") or an HTTP date
 * ("Wed, 21 Oct 2015 07:28:00 GMT"), per RFC 9110. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text))
    return Math.min(MAX_RETRY_AFTER_MS, Math.ceil(Number(text) * 1000));
  // An HTTP date names a weekday and "GMT"; a bare number or word is not one.
  if (!/GMT$/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - now));
}
