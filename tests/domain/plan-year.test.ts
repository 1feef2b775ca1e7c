import { describe, expect, it } from 'vitest';
import {
  dateParts,
  daysInReportingYear,
  isWithinYear,
  monthName,
  monthsOf,
  reportingYearOf,
  yearBounds,
  yearLabel,
} from '../../src/domain/plan-year.js';

describe('reportingYearOf', () => {
  it('puts 31 March in the year that began the April before', () => {
    expect(reportingYearOf('2027-03-31')).toBe(2026);
  });

  it('starts a new year on 1 April', () => {
    expect(reportingYearOf('2026-04-01')).toBe(2026);
    expect(reportingYearOf('2026-03-31')).toBe(2025);
  });

  it('puts January to March with the previous calendar year', () => {
    expect(reportingYearOf('2027-01-01')).toBe(2026);
    expect(reportingYearOf('2026-12-31')).toBe(2026);
  });

  it('reads the date part of a date-time', () => {
    expect(reportingYearOf('2026-04-01T00:30:00+01:00')).toBe(2026);
  });

  it('handles 29 February in a leap year', () => {
    expect(reportingYearOf('2028-02-29')).toBe(2027);
  });

  it('refuses impossible and malformed dates', () => {
    expect(() => reportingYearOf('2027-02-29')).toThrow(RangeError);
    expect(() => reportingYearOf('2026-13-01')).toThrow(RangeError);
    expect(() => reportingYearOf('1 April 2026')).toThrow(RangeError);
  });
});

describe('yearBounds and friends', () => {
  it('runs from 1 April to 31 March the next year', () => {
    expect(yearBounds(2026)).toEqual({ start: '2026-04-01', end: '2027-03-31' });
    expect(yearBounds(1999)).toEqual({ start: '1999-04-01', end: '2000-03-31' });
  });

  it('names the year as 2026/27, including across a century', () => {
    expect(yearLabel(2026)).toBe('2026/27');
    expect(yearLabel(2099)).toBe('2099/00');
    expect(yearLabel(2009)).toBe('2009/10');
  });

  it('has 366 days only when the following February has a 29th', () => {
    expect(daysInReportingYear(2026)).toBe(365);
    expect(daysInReportingYear(2027)).toBe(366); // includes 29 February 2028
    expect(daysInReportingYear(2028)).toBe(365); // 29 February 2028 falls in 2027/28
    expect(daysInReportingYear(2099)).toBe(365); // 2100 is not a leap year
    expect(daysInReportingYear(2099 - 100)).toBe(366); // 2000 is
  });

  it('lists twelve months, April to March', () => {
    const months = monthsOf(2026);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-04');
    expect(months[8]).toBe('2026-12');
    expect(months[9]).toBe('2027-01');
    expect(months[11]).toBe('2027-03');
  });

  it('knows which dates are inside a year, edges included', () => {
    expect(isWithinYear('2026-04-01', 2026)).toBe(true);
    expect(isWithinYear('2027-03-31', 2026)).toBe(true);
    expect(isWithinYear('2026-03-31', 2026)).toBe(false);
    expect(isWithinYear('2027-04-01', 2026)).toBe(false);
  });

  it('names months in words', () => {
    expect(monthName('2027-01')).toBe('January 2027');
    expect(monthName('2026-12-31')).toBe('December 2026');
  });

  it('parses the parts of a date', () => {
    expect(dateParts('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });
});
