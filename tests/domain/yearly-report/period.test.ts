import { describe, expect, it } from 'vitest';
import {
  instantWithin,
  longDate,
  parseReportYear,
  reportAsAt,
  reportPeriod,
} from '../../../src/domain/yearly-report/period.js';

describe('the reporting period', () => {
  it('runs from 1 April of the year to 31 March of the next', () => {
    expect(reportPeriod(2026)).toEqual({
      year: 2026,
      from: '2026-04-01',
      to: '2027-03-31',
      label: '2026/27',
      words: '1 April 2026 to 31 March 2027',
    });
    expect(reportPeriod(2099).label).toBe('2099/00');
  });

  it('reads only a four-digit year in range', () => {
    expect(parseReportYear('2026')).toBe(2026);
    for (const bad of [
      undefined,
      '',
      '26',
      '20266',
      '2026.0',
      ' 2026',
      'abcd',
      '1999',
      '2101',
      2026,
    ])
      expect(parseReportYear(bad)).toBeUndefined();
  });

  it('is taken as at today while it runs, and as at its last day once over', () => {
    const p = reportPeriod(2026);
    expect(reportAsAt(p, '2026-11-22')).toBe('2026-11-22');
    expect(reportAsAt(p, '2027-03-31')).toBe('2027-03-31');
    expect(reportAsAt(p, '2027-06-01')).toBe('2027-03-31');
  });

  it('places instants by the day in England, not in UTC', () => {
    // 00:30 BST on 1 April 2026 is 23:30 UTC on 31 March.
    expect(instantWithin('2026-03-31T23:30:00Z', '2026-04-01', '2027-03-31')).toBe(true);
    expect(instantWithin('2026-03-31T22:59:59Z', '2026-04-01', '2027-03-31')).toBe(false);
    // BST has begun by 31 March 2027, so that day ends at 23:00 UTC.
    expect(instantWithin('2027-03-31T22:30:00Z', '2026-04-01', '2027-03-31')).toBe(true);
    expect(instantWithin('2027-03-31T23:00:00Z', '2026-04-01', '2027-03-31')).toBe(false);
  });

  it('writes dates in words', () => {
    expect(longDate('2027-03-31')).toBe('31 March 2027');
    expect(longDate('2026-04-01T09:00:00+01:00')).toBe('1 April 2026');
  });
});
