/**
 * Rate limits for sending to Teams, as pure state machines: every function takes the time (ms since
 * the epoch) instead of reading a clock, so tests drive them with any clock they like.
 *
 * Teams documents two kinds of limit (Microsoft's "Rate limiting for bots" page):
 * - per app per tenant, all bot API calls: 50 a second (30 in older versions of the page). The
 *   sender keeps one token bucket below it (40 a second by default, 80 %);
 * - per bot per thread (1:1 chat, group chat or channel), sending or creating conversations:
 *   7 in 1 s, 8 in 2 s, 60 in 30 s and 1,800 in an hour. These are windows, so they are kept as a
 *   log of recent sends per thread rather than as a bucket.
 */

export interface TokenBucket {
  /** Tokens added per second. */
  readonly rate: number;
  /** The most tokens the bucket holds: the largest burst. */
  readonly capacity: number;
  readonly tokens: number;
  /** When `tokens` was last brought up to date. */
  readonly at: number;
}

/** A full bucket. */
export function tokenBucket(rate: number, capacity: number, now: number): TokenBucket {
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError('rate must be above 0');
  if (!(capacity >= 1) || !Number.isFinite(capacity)) {
    throw new RangeError('capacity must be at least 1');
  }
  return { rate, capacity, tokens: capacity, at: now };
}

/** The bucket at `now`: topped up for the time passed, never above capacity. */
export function refill(bucket: TokenBucket, now: number): TokenBucket {
  if (now <= bucket.at) return bucket;
  const tokens = Math.min(
    bucket.capacity,
    bucket.tokens + ((now - bucket.at) / 1000) * bucket.rate,
  );
  return { ...bucket, tokens, at: now };
}

/** How long until `n` tokens are there, in ms, exactly (0 when they are there now). */
export function bucketWait(bucket: TokenBucket, now: number, n = 1): number {
  const current = refill(bucket, now);
  if (current.tokens >= n) return 0;
  return ((n - current.tokens) / current.rate) * 1000;
}

export type Take =
  { ok: true; bucket: TokenBucket } | { ok: false; bucket: TokenBucket; waitMs: number };

/** Takes `n` tokens if they are there; otherwise says how long to wait and takes nothing. */
export function take(bucket: TokenBucket, now: number, n = 1): Take {
  const current = refill(bucket, now);
  if (current.tokens >= n) return { ok: true, bucket: { ...current, tokens: current.tokens - n } };
  return { ok: false, bucket: current, waitMs: bucketWait(current, now, n) };
}

/** At most `max` sends in any `windowMs`. */
export interface WindowRule {
  readonly windowMs: number;
  readonly max: number;
}

/** Per bot per thread, sending: Microsoft's published figures. */
export const TEAMS_THREAD_SEND_LIMITS: readonly WindowRule[] = [
  { windowMs: 1_000, max: 7 },
  { windowMs: 2_000, max: 8 },
  { windowMs: 30_000, max: 60 },
  { windowMs: 3_600_000, max: 1_800 },
];

/** Per app per tenant, every bot API call (the current page; older ones say 30). */
export const TEAMS_APP_RATE_PER_SECOND = 50;

/** How long until one more send fits every rule, given the times of recent sends (ascending). */
export function windowWait(sends: readonly number[], rules: readonly WindowRule[], now: number) {
  let wait = 0;
  for (const { windowMs, max } of rules) {
    if (max < 1) throw new RangeError('a window must allow at least one send');
    // Sends in (now - windowMs, now]; the one that must leave the window is the max-th newest.
    let inWindow = 0;
    for (let i = sends.length - 1; i >= 0 && (sends[i] as number) > now - windowMs; i--) {
      inWindow++;
    }
    if (inWindow >= max) {
      const oldestThatMustLeave = sends[sends.length - max] as number;
      wait = Math.max(wait, oldestThatMustLeave + windowMs - now);
    }
  }
  return wait;
}

/** The log with a send at `now`, dropping sends older than the longest window. */
export function logSend(sends: readonly number[], rules: readonly WindowRule[], now: number) {
  const longest = Math.max(0, ...rules.map((r) => r.windowMs));
  const kept = sends.filter((t) => t > now - longest);
  kept.push(now);
  return kept;
}

export interface SendLimiterOptions {
  /** Sends a second for the whole app in this tenant (the token bucket's rate). */
  ratePerSecond: number;
  /** The largest burst; keep `ratePerSecond + burst` within the service's per-second limit. */
  burst: number;
  /** Per-thread windows; Teams' published per-bot-per-thread figures by default. */
  threadRules?: readonly WindowRule[];
  /**
   * Windows over every send the app makes, checked with the bucket: a hard ceiling that a burst
   * (the bucket catching up after a stall) can never push past. Default: Teams' 50 in any second.
   */
  appRules?: readonly WindowRule[];
  /**
   * Added to every per-thread window. Sends are counted when they are dispatched, but Teams
   * counts them when they arrive, a little later and not always equally later; without a margin
   * a send at the very edge of a window can arrive inside it. Default 100 ms.
   */
  windowMarginMs?: number;
}

/**
 * One sender's view of every limit at once: the app-wide token bucket, each thread's windows, and
 * any pause Teams asked for (Retry-After) on one thread or on the whole app. Deterministic: time
 * is always passed in. It is not shared between processes, so a second sending process needs its
 * own share of the rate.
 */
export class SendLimiter {
  private bucket: TokenBucket;
  private readonly rate: number;
  private recoveredAt: number;
  private readonly appRules: readonly WindowRule[];
  private appSends: number[] = [];
  private readonly threadRules: readonly WindowRule[];
  private readonly threads = new Map<string, number[]>();
  private readonly threadPauses = new Map<string, number>();
  private appPausedUntil = 0;
  private sweptAt: number;

  constructor(options: SendLimiterOptions, now: number) {
    // One token, not a full bucket: a worker that has just started may follow one that stopped
    // a moment ago (a restart, a crash), whose last second of sends Teams is still counting.
    this.bucket = { ...tokenBucket(options.ratePerSecond, options.burst, now), tokens: 1 };
    this.rate = options.ratePerSecond;
    this.recoveredAt = now;
    this.appRules = options.appRules ?? [{ windowMs: 1_000, max: TEAMS_APP_RATE_PER_SECOND }];
    const margin = options.windowMarginMs ?? 100;
    this.threadRules = (options.threadRules ?? TEAMS_THREAD_SEND_LIMITS).map((r) => ({
      windowMs: r.windowMs + margin,
      max: r.max,
    }));
    this.sweptAt = now;
  }

  /** The app-wide rate now: lower for a while after Teams throttled the app. */
  currentRate(now: number): number {
    this.recover(now);
    return this.bucket.rate;
  }

  /**
   * Teams throttled the app as a whole: its figures are "for estimation only", so the rate it
   * really allows is lower than ours. Cut the rate by a fifth (never below half the configured
   * rate); it climbs back by 5 % of the configured rate a second.
   */
  slowDown(now: number): void {
    this.recover(now);
    const current = refill(this.bucket, now);
    this.bucket = { ...current, rate: Math.max(this.rate / 2, current.rate * 0.8) };
  }

  private recover(now: number): void {
    if (now <= this.recoveredAt) return;
    const current = refill(this.bucket, now);
    const rate = Math.min(
      this.rate,
      current.rate + (this.rate * 0.05 * (now - this.recoveredAt)) / 1000,
    );
    this.bucket = { ...current, rate };
    this.recoveredAt = now;
  }

  /** How long the app as a whole must wait before its next send. */
  appWait(now: number): number {
    this.recover(now);
    // Timers count whole milliseconds: a token due within the next one counts as here (the small
    // debt is paid back by the refill), and a longer wait is rounded down, not up. Rounding up
    // would lose up to a millisecond a send: 5 % of the rate at 50 a second.
    const bucket = bucketWait(this.bucket, now);
    return Math.max(
      0,
      this.appPausedUntil - now,
      bucket <= 1 ? 0 : Math.floor(bucket),
      windowWait(this.appSends, this.appRules, now),
    );
  }

  /** How long this thread must wait, not counting the app-wide limits. */
  threadWait(thread: string, now: number): number {
    const paused = (this.threadPauses.get(thread) ?? 0) - now;
    return Math.max(0, paused, windowWait(this.threads.get(thread) ?? [], this.threadRules, now));
  }

  /** How long before a send to this thread may go. */
  wait(thread: string, now: number): number {
    return Math.max(this.appWait(now), this.threadWait(thread, now));
  }

  /** Counts a send now. Call it only when `wait` says 0. */
  record(thread: string, now: number): void {
    // Below zero only if called too early: the debt is paid back by refill before the next send.
    const current = refill(this.bucket, now);
    this.bucket = { ...current, tokens: current.tokens - 1 };
    this.appSends = logSend(this.appSends, this.appRules, now);
    this.threads.set(thread, logSend(this.threads.get(thread) ?? [], this.threadRules, now));
    this.sweep(now);
  }

  /**
   * Whether the thread was quiet before its latest send: under half of every window's allowance.
   * Teams' 429 does not say which limit it enforces; one on a quiet thread cannot be that
   * thread's limit, so it must be the app's.
   */
  threadWasQuiet(thread: string, now: number): boolean {
    const sends = this.threads.get(thread) ?? [];
    return this.threadRules.every(({ windowMs, max }) => {
      const inWindow = sends.filter((t) => t > now - windowMs && t <= now).length;
      return Math.max(0, inWindow - 1) < max / 2;
    });
  }

  /** Gives back a send that never went (another worker had the row). */
  refund(thread: string, at: number): void {
    const current = this.bucket;
    this.bucket = { ...current, tokens: Math.min(current.capacity, current.tokens + 1) };
    const app = this.appSends.lastIndexOf(at);
    if (app >= 0) this.appSends.splice(app, 1);
    const sends = this.threads.get(thread);
    const i = sends?.lastIndexOf(at) ?? -1;
    if (sends && i >= 0) sends.splice(i, 1);
  }

  /** Teams said wait (429 Retry-After): on this thread only, or on everything the app sends. */
  pause(scope: 'thread' | 'app', thread: string, until: number): void {
    if (scope === 'app') this.appPausedUntil = Math.max(this.appPausedUntil, until);
    else this.threadPauses.set(thread, Math.max(this.threadPauses.get(thread) ?? 0, until));
  }

  /** Forgets threads with nothing left in any window, so memory follows recent activity only. */
  private sweep(now: number): void {
    const longest = Math.max(0, ...this.threadRules.map((r) => r.windowMs));
    if (now - this.sweptAt < Math.max(longest, 60_000)) return;
    this.sweptAt = now;
    for (const [thread, sends] of this.threads) {
      if ((sends.at(-1) ?? 0) <= now - longest) this.threads.delete(thread);
    }
    for (const [thread, until] of this.threadPauses) {
      if (until <= now) this.threadPauses.delete(thread);
    }
  }
}
