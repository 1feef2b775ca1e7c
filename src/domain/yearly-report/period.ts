import { endOfLondonDay } from '../as-at.js';
import { dateOfDayNumber, dayNumber, monthNames, yearBounds, yearLabel } from '../plan-year.js';

/**
 * The reporting period of a yearly statement: 1 April of the named year to 31 March of the next,
 * the partnership's reporting year (so 2026 is 1 April 2026 to 31 March 2027).
 */
export interface ReportPeriod {
  year: number;
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
  /** '2026/27'. */
  label: string;
  /** '1 April 2026 to 31 March 2027'. */
  words: string;
}

export const MIN_REPORT_YEAR = 2000;
export const MAX_REPORT_YEAR = 2100;

/** What a bad year is told, wherever it arrives (query string or path). */
export const YEAR_MESSAGE = 'year must be a year such as 2026';

export function reportPeriod(year: number): ReportPeriod {
  const { start, end } = yearBounds(year);
  return {
    year,
    from: start,
    to: end,
    label: yearLabel(year),
    words: `${longDate(start)} to ${longDate(end)}`,
  };
}

/** A four-digit year within the lists' range, or undefined for anything else. */
export function parseReportYear(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}$/.test(value)) return undefined;
  const year = Number(value);
  return year >= MIN_REPORT_YEAR && year <= MAX_REPORT_YEAR ? year : undefined;
}

/** Whether a calendar date (`YYYY-MM-DD`) falls within the period. */
export const inPeriod = (date: string, period: ReportPeriod): boolean =>
  date.slice(0, 10) >= period.from && date.slice(0, 10) <= period.to;

/**
 * Whether an instant falls on a day from `from` to `to` inclusive, in England: an observation
 * typed at 00:30 BST on 1 April belongs to April, though it is 31 March in UTC.
 */
export function instantWithin(iso: string, from: string, to: string): boolean {
  const t = Date.parse(iso);
  const dayBefore = dateOfDayNumber(dayNumber(from) - 1);
  return t > Date.parse(endOfLondonDay(dayBefore)) && t <= Date.parse(endOfLondonDay(to));
}

/**
 * The date the statement's figures are taken as at: the end of the period, or today while the
 * period is still running (a draft written in January speaks of January, not of 31 March).
 */
export const reportAsAt = (period: ReportPeriod, today: string): string =>
  today < period.to ? today : period.to;

/** '2026-04-01' -> '1 April 2026'. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d ?? ''} ${monthNames[(m ?? 1) - 1] ?? ''} ${y ?? ''}`;
}
