import { addCalendarDays, isWorkingDay } from './calendar/working-days.js';
import { londonClock, londonInstant } from './london-time.js';

export { londonClock, londonInstant };

/**
 * When scheduled cards (reminders, escalations) may go: working hours in England on working days.
 * Nobody's phone buzzes with a reminder at night, at a weekend or on a bank holiday.
 */
export interface SendHours {
  /** Minutes after midnight, England time: from (inclusive) and until (exclusive). */
  from: number;
  until: number;
}

export const DEFAULT_SEND_HOURS: SendHours = { from: 8 * 60, until: 18 * 60 };

/** `HH:MM-HH:MM` (24-hour), such as `08:00-18:00`; undefined when it is not one. */
export function parseSendHours(text: string): SendHours | undefined {
  const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [fh, fm, uh, um] = m.slice(1).map(Number) as [number, number, number, number];
  if (fh > 23 || uh > 24 || fm > 59 || um > 59 || (uh === 24 && um > 0)) return undefined;
  const hours = { from: fh * 60 + fm, until: uh * 60 + um };
  return hours.from < hours.until ? hours : undefined;
}

/**
 * Whether scheduled cards may go at `now`, and if not, when they next may. `holidays` must cover
 * the next few weeks of bank holidays.
 */
export function sendWindowAt(
  now: number,
  holidays: ReadonlySet<string>,
  hours: SendHours = DEFAULT_SEND_HOURS,
): { open: boolean; opensAt: number } {
  const { date, minutes } = londonClock(now);
  const workingToday = isWorkingDay(date, holidays);
  if (workingToday && minutes >= hours.from && minutes < hours.until) {
    return { open: true, opensAt: now };
  }
  let day = workingToday && minutes < hours.from ? date : addCalendarDays(date, 1);
  for (let i = 0; i < 366 && !isWorkingDay(day, holidays); i++) day = addCalendarDays(day, 1);
  return { open: false, opensAt: londonInstant(day, hours.from) };
}
