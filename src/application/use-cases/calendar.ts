import {
  addWorkingDays,
  isIsoDate,
  isWorkingDay,
  workingDaysBetween,
  workingDaySpan,
} from '../../domain/calendar/working-days.js';
import { invalid } from '../errors.js';
import type { HolidayCalendar, HolidaySource } from '../ports/holidays.js';

/** The most working days one request may add or take away (about four years). */
export const MAX_WORKING_DAYS = 1000;
/** Dates the calendar answers for; outside them a date is almost certainly a typing mistake. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

/**
 * `n` working days after `from` (before it when negative) in England and Wales, with the bank
 * holidays from `calendar`. The rules are the domain's `addWorkingDays`: counting starts on the
 * next working day; 0 gives `from` when it is a working day, else the next one.
 */
export async function addWorkingDaysUsing(
  calendar: HolidayCalendar,
  from: string,
  n: number,
): Promise<string> {
  // Fetch the holidays for a span the answer should fall in; when it lands outside (holidays
  // past the span's end were not known), fetch a wider span and count again.
  for (let widen = 1; ; widen *= 2) {
    const span = workingDaySpan(from, n, widen);
    const holidays = await calendar.holidaysBetween(span.from, span.to);
    const date = addWorkingDays(from, n, holidays);
    if (date >= span.from && date <= span.to) return date;
  }
}

export async function isWorkingDayUsing(calendar: HolidayCalendar, date: string): Promise<boolean> {
  return isWorkingDay(date, await calendar.holidaysBetween(date, date));
}

/** Working days from `a` to `b`, counted as `addWorkingDays` counts them (see the domain). */
export async function workingDaysBetweenUsing(
  calendar: HolidayCalendar,
  a: string,
  b: string,
): Promise<number> {
  const [from, to] = a <= b ? [a, b] : [b, a];
  return workingDaysBetween(a, b, await calendar.holidaysBetween(from, to));
}

function checkDate(name: string, raw: unknown): string {
  if (typeof raw !== 'string' || raw === '') {
    throw invalid('invalid-date', `Send ${name} as a date written YYYY-MM-DD, such as 2026-12-23.`);
  }
  if (!isIsoDate(raw)) {
    throw invalid(
      'invalid-date',
      `${name} must be a real date written YYYY-MM-DD, such as 2026-12-23; "${raw.slice(0, 40)}" is not.`,
    );
  }
  if (raw < EARLIEST_DATE || raw > LATEST_DATE) {
    throw invalid(
      'invalid-date',
      `${name} must be between ${EARLIEST_DATE} and ${LATEST_DATE}; ${raw} is not.`,
    );
  }
  return raw;
}

function checkCount(name: string, raw: unknown): number {
  if (typeof raw !== 'string' || !/^[+-]?\d{1,9}$/.test(raw.trim())) {
    throw invalid(
      'invalid-working-days',
      `${name} must be a whole number of working days, such as 5 or -2${typeof raw === 'string' ? `; "${raw.slice(0, 40)}" is not` : ''}.`,
    );
  }
  const n = Number(raw.trim());
  if (Math.abs(n) > MAX_WORKING_DAYS) {
    throw invalid(
      'too-many-working-days',
      `${name} may be at most ${MAX_WORKING_DAYS} working days either way (-${MAX_WORKING_DAYS} to ${MAX_WORKING_DAYS}); ${n} is too many.`,
    );
  }
  return n === 0 ? 0 : n; // never -0
}

export interface WorkingDaysAnswer {
  date: string;
  source: HolidaySource;
}

/**
 * The working-day calculator any signed-in person may use (statutory clocks, due dates): checks
 * the query as typed, then counts. Errors name the field and the limit.
 */
export async function workingDaysFrom(
  calendar: HolidayCalendar,
  query: { from?: unknown; add?: unknown },
): Promise<WorkingDaysAnswer> {
  const from = checkDate('from', query.from);
  const n = checkCount('add', query.add);
  const date = await addWorkingDaysUsing(calendar, from, n);
  return { date, source: calendar.source() };
}
