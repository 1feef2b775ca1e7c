import { describe, expect, it } from 'vitest';
import { daysFromTo, endOfLondonDay } from '../../src/domain/as-at.js';

describe('endOfLondonDay', () => {
  it('is 23:59:59.999 in England: an hour earlier in UTC in summer time, the same in winter', () => {
    expect(endOfLondonDay('2026-07-15')).toBe('2026-07-15T22:59:59.999Z');
    expect(endOfLondonDay('2026-12-01')).toBe('2026-12-01T23:59:59.999Z');
  });

  it('holds on the days the clocks change (01:00 UTC, never at midnight)', () => {
    expect(endOfLondonDay('2026-03-29')).toBe('2026-03-29T22:59:59.999Z'); // clocks go forward
    expect(endOfLondonDay('2026-10-25')).toBe('2026-10-25T23:59:59.999Z'); // clocks go back
    expect(endOfLondonDay('2026-03-28')).toBe('2026-03-28T23:59:59.999Z');
    expect(endOfLondonDay('2026-10-24')).toBe('2026-10-24T22:59:59.999Z');
  });
});

describe('daysFromTo', () => {
  it('counts calendar days, across month ends and clock changes', () => {
    expect(daysFromTo('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysFromTo('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysFromTo('2026-11-02', '2026-11-01')).toBe(-1);
  });
});
