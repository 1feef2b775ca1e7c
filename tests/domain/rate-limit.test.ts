import { describe, expect, it } from 'vitest';
import {
  bucketWait,
  logSend,
  refill,
  SendLimiter,
  take,
  TEAMS_THREAD_SEND_LIMITS,
  tokenBucket,
  windowWait,
} from '../../src/domain/rate-limit.js';

describe('the token bucket', () => {
  it('starts full and refills at its rate, never above capacity', () => {
    const b = tokenBucket(10, 3, 0);
    expect(b.tokens).toBe(3);
    const drained = { ...b, tokens: 0 };
    expect(refill(drained, 100).tokens).toBeCloseTo(1);
    expect(refill(drained, 250).tokens).toBeCloseTo(2.5);
    expect(refill(drained, 10_000).tokens).toBe(3);
    // Time going backwards changes nothing.
    expect(refill(drained, -50)).toBe(drained);
  });

  it('takes while there are tokens, then says how long to wait', () => {
    let b = tokenBucket(10, 2, 0);
    for (let i = 0; i < 2; i++) {
      const t = take(b, 0);
      expect(t.ok).toBe(true);
      b = t.bucket;
    }
    const refused = take(b, 0);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? 0 : refused.waitMs).toBeCloseTo(100);
    expect(bucketWait(b, 40)).toBeCloseTo(60);
    expect(take(b, 100).ok).toBe(true);
  });

  it('sustains exactly its rate over a long run', () => {
    let b = tokenBucket(40, 4, 0);
    let now = 0;
    let sent = 0;
    while (now <= 10_000 + 1e-6) {
      const t = take(b, now);
      b = t.bucket;
      if (t.ok) sent++;
      else now += t.waitMs;
    }
    // 4 at once, then one every 25 ms up to and including t = 10 s.
    expect(sent).toBe(4 + 400);
  });

  it('keeps its rate when timers wake a millisecond early or late (whole-ms sleeps)', () => {
    // 48 a second is a token every 20.83 ms: the limiter sleeps 20 ms and counts a token due
    // within the next millisecond as there, so nothing is lost to rounding.
    const limiter = new SendLimiter({ ratePerSecond: 48, burst: 1, threadRules: [] }, 0);
    let now = 0;
    let sent = 0;
    while (now < 10_000) {
      const wait = limiter.appWait(now);
      if (wait === 0) {
        limiter.record(`t${sent}`, now);
        sent++;
      } else now += wait;
    }
    expect(sent).toBeGreaterThanOrEqual(480);
    expect(sent).toBeLessThanOrEqual(481);
  });

  it('refuses a rate or capacity that makes no sense', () => {
    expect(() => tokenBucket(0, 1, 0)).toThrow(RangeError);
    expect(() => tokenBucket(10, 0.5, 0)).toThrow(RangeError);
  });
});

describe('the per-thread windows (Teams: 7/1 s, 8/2 s, 60/30 s, 1,800/h)', () => {
  it('lets 7 through in a second, then waits for the oldest to leave the window', () => {
    let sends: number[] = [];
    for (let i = 0; i < 7; i++) {
      expect(windowWait(sends, TEAMS_THREAD_SEND_LIMITS, i * 10)).toBe(0);
      sends = logSend(sends, TEAMS_THREAD_SEND_LIMITS, i * 10);
    }
    // The 8th in the same second waits until the first (t=0) leaves the 1 s window.
    expect(windowWait(sends, TEAMS_THREAD_SEND_LIMITS, 70)).toBe(930);
    sends = logSend(sends, TEAMS_THREAD_SEND_LIMITS, 1_000);
    // Now 8 in 2 s: the 9th waits for the 2 s window too.
    expect(windowWait(sends, TEAMS_THREAD_SEND_LIMITS, 1_010)).toBe(990);
  });

  it('applies the 30 s window on a steady trickle', () => {
    const rules = TEAMS_THREAD_SEND_LIMITS;
    let sends: number[] = [];
    let now = 0;
    for (let i = 0; i < 60; i++) {
      now += windowWait(sends, rules, now);
      sends = logSend(sends, rules, now);
    }
    const wait = windowWait(sends, rules, now);
    // 60 sent since t=0: the 61st may go only 30 s after the first.
    expect(now + wait).toBe(30_000);
  });

  it('forgets sends older than the longest window', () => {
    const rules = [{ windowMs: 1_000, max: 2 }];
    expect(logSend([1, 2, 3], rules, 5_000)).toEqual([5_000]);
  });
});

describe('the send limiter', () => {
  const options = {
    ratePerSecond: 10,
    burst: 2,
    threadRules: [{ windowMs: 1_000, max: 2 }],
    windowMarginMs: 0,
  };

  it('spaces sends by the app-wide bucket and each thread’s window', () => {
    const limiter = new SendLimiter(options, 0);
    limiter.record('a', 0);
    limiter.record('a', 100);
    expect(limiter.threadWait('a', 100)).toBe(900);
    expect(limiter.threadWait('b', 100)).toBe(0);
    expect(limiter.appWait(100)).toBe(100);
    expect(limiter.wait('b', 100)).toBe(100);
    expect(limiter.wait('a', 100)).toBe(900);
  });

  it('starts with one token, not a full burst (a stopped worker’s sends may still count)', () => {
    const limiter = new SendLimiter(options, 0);
    expect(limiter.appWait(0)).toBe(0);
    limiter.record('a', 0);
    expect(limiter.appWait(0)).toBe(100);
    // After a quiet while the full burst is there.
    limiter.record('b', 1_000);
    limiter.record('c', 1_000);
    expect(limiter.appWait(1_000)).toBe(100);
  });

  it('widens each thread window by a margin for the time a send takes to arrive', () => {
    const limiter = new SendLimiter({ ...options, windowMarginMs: 100 }, 0);
    limiter.record('a', 0);
    limiter.record('a', 0);
    expect(limiter.threadWait('a', 0)).toBe(1_100);
  });

  it('never lets a burst past the app-wide window', () => {
    const limiter = new SendLimiter(
      { ratePerSecond: 10, burst: 5, threadRules: [], appRules: [{ windowMs: 1_000, max: 6 }] },
      0,
    );
    let now = 0;
    const sent: number[] = [];
    while (sent.length < 12) {
      const wait = limiter.appWait(now);
      if (wait === 0) {
        limiter.record(`t${sent.length}`, now);
        sent.push(now);
      } else now += wait;
    }
    for (const t of sent) {
      expect(sent.filter((u) => u > t - 1_000 && u <= t).length).toBeLessThanOrEqual(6);
    }
  });

  it('slows down after Teams throttles the app, then climbs back to the configured rate', () => {
    const limiter = new SendLimiter({ ratePerSecond: 40, burst: 1, threadRules: [] }, 0);
    limiter.slowDown(0);
    expect(limiter.currentRate(0)).toBe(32);
    limiter.slowDown(0);
    limiter.slowDown(0);
    limiter.slowDown(0);
    // Never below half the configured rate.
    expect(limiter.currentRate(0)).toBe(20);
    // 5 % of 40 (2 a second) back each second.
    expect(limiter.currentRate(2_000)).toBe(24);
    expect(limiter.currentRate(60_000)).toBe(40);
  });

  it('honours a pause on one thread, or on the whole app', () => {
    const limiter = new SendLimiter(options, 0);
    limiter.pause('thread', 'a', 3_000);
    expect(limiter.wait('a', 1_000)).toBe(2_000);
    expect(limiter.wait('b', 1_000)).toBe(0);
    limiter.pause('app', 'a', 5_000);
    expect(limiter.wait('b', 1_000)).toBe(4_000);
    expect(limiter.wait('b', 5_000)).toBe(0);
  });

  it('says whether a thread was quiet before its latest send (to place a 429)', () => {
    const limiter = new SendLimiter({ ...options, threadRules: [{ windowMs: 1_000, max: 4 }] }, 0);
    limiter.record('a', 0);
    expect(limiter.threadWasQuiet('a', 0)).toBe(true);
    limiter.record('a', 10);
    limiter.record('a', 20);
    // Two earlier sends in the window: half of the allowance of 4.
    expect(limiter.threadWasQuiet('a', 20)).toBe(false);
    expect(limiter.threadWasQuiet('a', 5_000)).toBe(true);
  });

  it('gives back a send that never went', () => {
    const limiter = new SendLimiter(options, 0);
    limiter.record('a', 0);
    limiter.record('a', 100);
    limiter.refund('a', 100);
    expect(limiter.threadWait('a', 100)).toBe(0);
    expect(limiter.appWait(100)).toBe(0);
  });
});
