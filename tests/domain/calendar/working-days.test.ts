import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  dayOfWeek,
  isIsoDate,
  isWeekend,
  isWorkingDay,
  workingDaysBetween,
  workingDaySpan,
} from '../../../src/domain/calendar/working-days.js';

/**
 * England and Wales bank holidays for 2026 and 2027, written out by hand (GOV.UK's list), so
 * these tests check the arithmetic alone and not any calendar source.
 */
const bankHolidays: ReadonlySet<string> = new Set([
  '2026-01-01',
  '2026-04-03', // Good Friday
  '2026-04-06', // Easter Monday
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25', // Christmas Day, a Friday
  '2026-12-28', // Boxing Day (Saturday 26th) moved to Monday
  '2027-01-01', // New Year's Day, a Friday
  '2027-03-26', // Good Friday
  '2027-03-29', // Easter Monday
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27', // Christmas Day (Saturday) moved to Monday
  '2027-12-28', // Boxing Day (Sunday) moved to Tuesday
]);
const none: ReadonlySet<string> = new Set();
const add = (from: string, n: number) => addWorkingDays(from, n, bankHolidays);

describe('ISO dates and weekdays', () => {
  it('knows the days of the week around Christmas 2026 and Easter 2027', () => {
    expect(dayOfWeek('2026-12-25')).toBe(5); // Friday
    expect(dayOfWeek('2026-12-26')).toBe(6); // Saturday
    expect(dayOfWeek('2026-12-28')).toBe(1); // Monday
    expect(dayOfWeek('2027-01-01')).toBe(5); // Friday
    expect(dayOfWeek('2027-03-26')).toBe(5); // Good Friday
    expect(dayOfWeek('2027-03-29')).toBe(1); // Easter Monday
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(0); // before the epoch, still a Sunday
    expect(isWeekend('2026-12-26') && isWeekend('2026-12-27')).toBe(true);
    expect(isWeekend('2026-12-28')).toBe(false);
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2026-12-23')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true); // a leap year
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-5')).toBe(false);
    expect(isIsoDate('23/12/2026')).toBe(false);
    expect(isIsoDate('2026-12-23T10:00:00Z')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(() => addWorkingDays('2026-02-30', 1, none)).toThrow(RangeError);
  });

  it('adds calendar days across months, leap days and years', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addCalendarDays('2026-03-29', 1)).toBe('2026-03-30'); // clocks change: no effect
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday, except bank holidays', () => {
    expect(isWorkingDay('2026-12-24', bankHolidays)).toBe(true); // Thursday
    expect(isWorkingDay('2026-12-25', bankHolidays)).toBe(false); // Christmas Day
    expect(isWorkingDay('2026-12-26', bankHolidays)).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-28', bankHolidays)).toBe(false); // substitute day
    expect(isWorkingDay('2026-12-29', bankHolidays)).toBe(true);
    expect(isWorkingDay('2026-12-28', none)).toBe(true); // without the holidays, a Monday
  });
});

describe('addWorkingDays', () => {
  it('starts counting on the next working day: 1 after a Friday is the Monday', () => {
    expect(add('2026-06-05', 1)).toBe('2026-06-08');
    expect(add('2026-06-03', 5)).toBe('2026-06-10'); // Wednesday to Wednesday
  });

  it('skips a bank holiday Monday: 1 after Friday 22 May 2026 is Tuesday 26 May', () => {
    expect(add('2026-05-22', 1)).toBe('2026-05-26');
    expect(addWorkingDays('2026-05-22', 1, none)).toBe('2026-05-25');
  });

  it('counts from a weekend: 1 after Saturday is the Monday', () => {
    expect(add('2026-06-06', 1)).toBe('2026-06-08');
    expect(add('2026-06-07', 1)).toBe('2026-06-08');
  });

  it('Christmas 2026: 3 after Wed 23 Dec is Wed 30 Dec (25th Fri, 26–27 weekend, 28th substitute)', () => {
    expect(add('2026-12-23', 1)).toBe('2026-12-24');
    expect(add('2026-12-23', 2)).toBe('2026-12-29');
    expect(add('2026-12-23', 3)).toBe('2026-12-30');
    expect(add('2026-12-24', 1)).toBe('2026-12-29');
  });

  it('New Year 2027 (Friday 1 January): 1 after Thu 31 Dec 2026 is Mon 4 Jan 2027', () => {
    expect(add('2026-12-31', 1)).toBe('2027-01-04');
    expect(add('2026-12-30', 2)).toBe('2027-01-04');
  });

  it('crosses the year boundary on a statutory clock: notified Wed 23 Dec 2026', () => {
    // Serious incident notification within 5 working days: 24, 29, 30, 31 Dec, 4 Jan.
    expect(add('2026-12-23', 5)).toBe('2027-01-04');
    // Rapid review within 15 working days of the notification.
    expect(add('2026-12-23', 15)).toBe('2027-01-18');
  });

  it('Easter 2026 (Good Friday 3 Apr, Easter Monday 6 Apr): 1 after Thu 2 Apr is Tue 7 Apr', () => {
    expect(add('2026-04-02', 1)).toBe('2026-04-07');
    expect(add('2026-04-01', 2)).toBe('2026-04-07');
  });

  it('Easter 2027 (Good Friday 26 Mar, Easter Monday 29 Mar): 1 after Thu 25 Mar is Tue 30 Mar', () => {
    expect(add('2027-03-25', 1)).toBe('2027-03-30');
    expect(add('2027-03-26', 1)).toBe('2027-03-30'); // from the holiday itself
  });

  it('Christmas 2027 (both days at the weekend, substitutes Mon 27 and Tue 28)', () => {
    expect(add('2027-12-24', 1)).toBe('2027-12-29');
  });

  it('counts backwards for negative n, the start not counted', () => {
    expect(add('2026-06-09', -1)).toBe('2026-06-08');
    expect(add('2026-06-08', -1)).toBe('2026-06-05'); // Monday back to Friday
    expect(add('2026-12-29', -1)).toBe('2026-12-24');
    expect(add('2026-12-29', -2)).toBe('2026-12-23');
    expect(add('2027-01-04', -2)).toBe('2026-12-30');
    expect(add('2026-04-07', -1)).toBe('2026-04-02');
    expect(add('2027-03-30', -1)).toBe('2027-03-25');
    expect(add('2026-12-26', -1)).toBe('2026-12-24'); // from a Saturday
  });

  it('n = 0 gives the date itself when it is a working day, else the next working day', () => {
    expect(add('2026-12-23', 0)).toBe('2026-12-23');
    expect(add('2026-12-25', 0)).toBe('2026-12-29');
    expect(add('2026-12-26', 0)).toBe('2026-12-29');
    expect(add('2027-03-26', 0)).toBe('2027-03-30');
  });

  it('refuses a fraction of a working day', () => {
    expect(() => add('2026-12-23', 1.5)).toThrow(/whole number/);
    expect(() => add('2026-12-23', Number.NaN)).toThrow(RangeError);
  });

  it('stops, rather than loops, when the holidays leave no working day', () => {
    const everyDay = new Set(
      Array.from({ length: 800 }, (_, i) => addCalendarDays('2026-01-01', i)),
    );
    expect(() => addWorkingDays('2026-01-01', 1, everyDay)).toThrow(/No working day within 366/);
  });

  it('counts a whole year: 2027 has 253 working days in England and Wales', () => {
    // 261 weekdays (365 days from a Friday) less 8 bank holidays on weekdays.
    expect(add('2026-12-31', 253)).toBe('2027-12-31');
    expect(add('2026-12-31', 254)).toBe('2028-01-03');
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after a, up to and including b', () => {
    expect(workingDaysBetween('2026-12-23', '2026-12-30', bankHolidays)).toBe(3);
    expect(workingDaysBetween('2026-12-24', '2026-12-29', bankHolidays)).toBe(1);
    expect(workingDaysBetween('2026-12-31', '2027-12-31', bankHolidays)).toBe(253);
    expect(workingDaysBetween('2026-06-05', '2026-06-05', bankHolidays)).toBe(0);
    expect(workingDaysBetween('2026-12-25', '2026-12-28', bankHolidays)).toBe(0);
  });

  it('is negative when b is before a', () => {
    expect(workingDaysBetween('2026-12-30', '2026-12-23', bankHolidays)).toBe(-3);
    expect(workingDaysBetween('2027-03-30', '2027-03-25', bankHolidays)).toBe(-1);
  });

  it('undoes addWorkingDays for every n but 0, from working and non-working days alike', () => {
    for (const from of ['2026-12-23', '2026-12-25', '2026-12-26', '2027-03-26', '2027-01-04']) {
      for (const n of [-30, -7, -3, -1, 1, 2, 5, 15, 40]) {
        expect(workingDaysBetween(from, add(from, n), bankHolidays), `${from} ${n}`).toBe(n);
      }
    }
  });
});

describe('workingDaySpan', () => {
  it('reaches forwards or backwards from the date, widening on request', () => {
    expect(workingDaySpan('2026-12-23', 1)).toEqual({ from: '2026-12-23', to: '2027-01-15' });
    expect(workingDaySpan('2026-12-23', -1)).toEqual({ from: '2026-11-30', to: '2026-12-23' });
    expect(workingDaySpan('2026-12-23', 1, 2).to).toBe('2027-02-07'); // 46 days
    // The answer falls inside the span for the longest count the API allows, both ways.
    for (const n of [1000, -1000]) {
      const span = workingDaySpan('2026-12-23', n);
      const date = add('2026-12-23', n);
      expect(date >= span.from && date <= span.to).toBe(true);
    }
  });
});
