import { describe, expect, it } from 'vitest';
import { localMidnight } from './dates.js';

describe('date-only values in the site time zone', () => {
  it('gives a London summer date as the previous evening in UTC', () => {
    expect(localMidnight(Date.parse('2026-06-01T12:00:00Z'), 'Europe/London')).toBe(
      '2026-05-31T23:00:00Z',
    );
  });

  it('gives a London winter date as UTC midnight', () => {
    expect(localMidnight(Date.parse('2026-01-15T12:00:00Z'), 'Europe/London')).toBe(
      '2026-01-15T00:00:00Z',
    );
  });

  it('takes the offset in force at midnight, not at the instant, across the clock change', () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026: that day's midnight is still GMT.
    expect(localMidnight(Date.parse('2026-03-29T12:00:00Z'), 'Europe/London')).toBe(
      '2026-03-29T00:00:00Z',
    );
    expect(localMidnight(Date.parse('2026-03-30T12:00:00Z'), 'Europe/London')).toBe(
      '2026-03-29T23:00:00Z',
    );
  });

  it('keeps the local day of the instant, west of UTC too', () => {
    expect(localMidnight(Date.parse('2026-06-01T12:00:00Z'), 'America/Chicago')).toBe(
      '2026-06-01T05:00:00Z',
    );
    // 03:00 UTC on 2 June is still 1 June in Chicago.
    expect(localMidnight(Date.parse('2026-06-02T03:00:00Z'), 'America/Chicago')).toBe(
      '2026-06-01T05:00:00Z',
    );
    expect(localMidnight(Date.parse('2026-06-01T00:00:00Z'), 'UTC')).toBe('2026-06-01T00:00:00Z');
  });
});
