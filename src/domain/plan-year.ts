/**
 * The partnership's reporting year runs 1 April to 31 March. A year is named by the calendar year
 * in which it starts: 2026 is 1 April 2026 to 31 March 2027, written 2026/27.
 * Dates are ISO calendar dates (`YYYY-MM-DD`); arithmetic is on whole UTC days, so no time zone or
 * clock is involved.
 */

const MS_PER_DAY = 86_400_000;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})/;

export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Reads the calendar date at the start of an ISO date or date-time; refuses impossible dates. */
export function dateParts(iso: string): DateParts {
  const m = isoDatePattern.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const back = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 30 February over into March; a round trip catches it.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`Not a real date: ${iso}`);
  }
  return { year, month, day };
}

/** Days since 1970-01-01 for a calendar date. */
export function dayNumber(iso: string): number {
  const { year, month, day } = dateParts(iso);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function dateOfDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The reporting year a date falls in: January to March belong to the year that began last April. */
export function reportingYearOf(iso: string): number {
  const { year, month } = dateParts(iso);
  return month >= 4 ? year : year - 1;
}

export function yearBounds(year: number): { start: string; end: string } {
  return { start: `${pad(year, 4)}-04-01`, end: `${pad(year + 1, 4)}-03-31` };
}

/** 2026 -> '2026/27'. */
export function yearLabel(year: number): string {
  return `${year}/${pad((year + 1) % 100, 2)}`;
}

/** 365, or 366 when the year's February has a 29th. */
export function daysInReportingYear(year: number): number {
  const { start, end } = yearBounds(year);
  return dayNumber(end) - dayNumber(start) + 1;
}

/** The twelve months of a reporting year as `YYYY-MM`, April first. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((3 + i) % 12) + 1;
    return `${pad(i < 9 ? year : year + 1, 4)}-${pad(month, 2)}`;
  });
}

/** '2027-01' or '2027-01-15' -> 'January 2027'. */
export function monthName(iso: string): string {
  const { year, month } = dateParts(iso.length === 7 ? `${iso}-01` : iso);
  return `${monthNames[month - 1] ?? ''} ${year}`;
}

export const isWithinYear = (iso: string, year: number): boolean => {
  const { start, end } = yearBounds(year);
  const date = iso.slice(0, 10);
  return date >= start && date <= end;
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');
