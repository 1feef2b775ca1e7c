import type { HolidayCalendar } from '../../application/ports/holidays.js';
import { DateHolidaysCalendar } from './date-holidays-calendar.js';
import { GovUkCalendar, type GovUkCalendarOptions } from './gov-uk-calendar.js';

export { DateHolidaysCalendar } from './date-holidays-calendar.js';
export { GOV_UK_BANK_HOLIDAYS_URL, GovUkCalendar, type FetchLike } from './gov-uk-calendar.js';

export type HolidaySourceName = 'date-holidays' | 'gov-uk';

/** The bank-holiday calendar for `HOLIDAY_SOURCE`: the rules, or GOV.UK backed by the rules. */
export function createHolidayCalendar(
  source: HolidaySourceName,
  options: Omit<GovUkCalendarOptions, 'fallback'> = {},
): HolidayCalendar {
  const rules = new DateHolidaysCalendar();
  return source === 'gov-uk' ? new GovUkCalendar({ ...options, fallback: rules }) : rules;
}
