/**
 * Working days in England and Wales, for statutory clocks (a serious incident notified within 5
 * working days, a rapid review within 15), reminders and escalation.
 *
 * A working day is Monday to Friday and not a bank holiday. The bank holidays are passed in as a
 * set of ISO dates (`YYYY-MM-DD`): this module knows no calendar of its own, so it stays pure and
 * the source of the dates (GOV.UK, or rules) is chosen at the edge.
 *
 * Dates are ISO calendar dates; arithmetic is on whole UTC days, so no time zone or clock is
 * involved.
 */

const MS_PER_DAY = 86_400_000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** No run of non-working days is this long; a longer one means the holiday set is wrong. */
const MAX_NON_WORKING_RUN = 366;

/** Days since 1970-01-01 of a real calendar date `YYYY-MM-DD`; RangeError for anything else. */
function dayNumber(date: string): number {
  const m = isoDate.exec(date);
  if (!m) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${date}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0 to 99 as 1900 to 1999.
  t.setUTCFullYear(year, month - 1, day);
  // 30 February rolls over into March; the round trip catches it.
  if (t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) {
    throw new RangeError(`Not a real date: ${date}`);
  }
  return Math.round(t.getTime() / MS_PER_DAY);
}

function fromDayNumber(n: number): string {
  const t = new Date(n * MS_PER_DAY);
  const year = String(t.getUTCFullYear()).padStart(4, '0');
  const month = String(t.getUTCMonth() + 1).padStart(2, '0');
  const day = String(t.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** True for a real calendar date written `YYYY-MM-DD` (so not 2026-02-30, nor 2026-2-3). */
export function isIsoDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** The date `n` calendar days after `date` (before it when `n` is negative). */
export function addCalendarDays(date: string, n: number): string {
  return fromDayNumber(dayNumber(date) + n);
}

/** 0 for Sunday to 6 for Saturday, as `Date.getUTCDay`. */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/** Monday to Friday and not one of `holidays`. */
export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/** Steps one day at a time in `direction` until a working day, `date` itself not counted. */
function step(day: number, direction: 1 | -1, holidays: ReadonlySet<string>): number {
  for (let i = 1; i <= MAX_NON_WORKING_RUN; i++) {
    const next = day + direction * i;
    if (isWorkingDay(fromDayNumber(next), holidays)) return next;
  }
  throw new RangeError(
    `No working day within ${MAX_NON_WORKING_RUN} days of ${fromDayNumber(day)}: the holiday dates are wrong.`,
  );
}

/**
 * The date `n` working days after `from`. Counting starts on the next working day, as a
 * statutory clock does: 1 working day after Friday is Monday, or Tuesday when Monday is a bank
 * holiday; 5 working days after a Wednesday notification is the next Wednesday.
 *
 * - `n` = 0: `from` itself when it is a working day, otherwise the next working day (a clock
 *   started on a Sunday or a bank holiday is "due" on the first day anyone is at work).
 * - `n` < 0: counts backwards, `from` not counted: -1 from Tuesday is Monday, or the Friday
 *   before when Monday is a bank holiday ("remind 2 working days before it is due").
 *
 * `from` need not be a working day: 1 working day after Saturday is Monday.
 */
export function addWorkingDays(from: string, n: number, holidays: ReadonlySet<string>): string {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, not ${n}.`);
  let day = dayNumber(from);
  if (n === 0) return isWorkingDay(from, holidays) ? from : fromDayNumber(step(day, 1, holidays));
  const direction = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0; left--) day = step(day, direction, holidays);
  return fromDayNumber(day);
}

/**
 * Working days from `a` to `b`, counted as `addWorkingDays` counts them, so that
 * `workingDaysBetween(a, addWorkingDays(a, n)) === n` for every n other than 0:
 * when `b` is after `a`, the working days after `a` up to and including `b`; when `b` is before
 * `a`, minus the working days from `b` up to but not including `a`; 0 when they are the same day.
 */
export function workingDaysBetween(a: string, b: string, holidays: ReadonlySet<string>): number {
  const [start, end] = [dayNumber(a), dayNumber(b)];
  let count = 0;
  if (end >= start) {
    for (let d = start + 1; d <= end; d++) if (isWorkingDay(fromDayNumber(d), holidays)) count++;
    return count;
  }
  for (let d = end; d < start; d++) if (isWorkingDay(fromDayNumber(d), holidays)) count++;
  return -count;
}

/**
 * The calendar dates within which `addWorkingDays(from, n)` will almost always fall, so a caller
 * can fetch the bank holidays for just that span: 1.5 calendar days per working day (England and
 * Wales have about 252 working days in 365) and three weeks to spare, all times `widen`. The
 * caller must still check that the answer lies inside the span, and ask again with a larger
 * `widen` when it does not.
 */
export function workingDaySpan(from: string, n: number, widen = 1): { from: string; to: string } {
  const reach = (Math.ceil(Math.abs(n) * 1.5) + 21) * widen;
  return n >= 0
    ? { from, to: addCalendarDays(from, reach) }
    : { from: addCalendarDays(from, -reach), to: from };
}
