import { endOfLondonDay } from '../../domain/as-at.js';
import { isCalendarDate, londonDate } from '../../domain/responses.js';
import { invalid } from '../errors.js';

/** The instant a view is as at, the calendar date overdue days count to, and whether it is past. */
export interface AsAt {
  instant: string;
  today: string;
  isPast: boolean;
}

export const AS_AT_HINT = 'asAt must be a date such as 2026-11-01';

/**
 * Now, or the end of the asked-for day in England. Today itself is "now": the rest of today has
 * not happened, and a view stamped 23:59 would claim it had. A future date is refused.
 */
export function resolveAsAt(now: Date, asAt?: string): AsAt {
  const today = londonDate(now);
  if (asAt === undefined || asAt === today)
    return { instant: now.toISOString(), today, isPast: false };
  if (!isCalendarDate(asAt)) throw invalid('invalid-date', `${AS_AT_HINT}, not "${asAt}".`);
  if (asAt > today)
    throw invalid(
      'future-date',
      `asAt cannot be in the future: today is ${today}, and ${asAt} has not happened yet.`,
    );
  return { instant: endOfLondonDay(asAt), today: asAt, isPast: true };
}

/** One format for every instant, so instants compare as strings (stores write them differently). */
export function normaliseInstant(value: string): string {
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t).toISOString();
}
