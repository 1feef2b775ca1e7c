import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../src/domain/retry.js';

describe('exponential backoff with jitter', () => {
  const policy = { baseMs: 2_000, maxMs: 20_000, factor: 2, jitter: 0.2 };
  const middle = () => 0.5;

  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, middle))).toEqual([
      2_000, 4_000, 8_000, 16_000, 20_000, 20_000,
    ]);
  });

  it('spreads each delay by ±20 %, and no further', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(1_600);
    expect(backoffDelay(1, policy, () => 0.999_999)).toBe(2_400);
    expect(backoffDelay(4, policy, () => 0)).toBe(12_800);
    // Out-of-range randomness is clamped, not trusted.
    expect(backoffDelay(1, policy, () => 7)).toBe(2_400);
    expect(backoffDelay(1, policy, () => -1)).toBe(1_600);
  });

  it('treats attempt 0 or a fraction as the first retry', () => {
    expect(backoffDelay(0, policy, middle)).toBe(2_000);
    expect(backoffDelay(1.7, policy, middle)).toBe(2_000);
  });

  it('spreads retries that start together', () => {
    let seed = 42;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3, policy, random)));
    expect(delays.size).toBeGreaterThan(40);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(6_400);
      expect(d).toBeLessThanOrEqual(9_600);
    }
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-20T10:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1_000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP date, never into the past', () => {
    expect(parseRetryAfter('Fri, 20 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read, and caps what is absurd', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('99999999', now)).toBe(MAX_RETRY_AFTER_MS);
  });
});
