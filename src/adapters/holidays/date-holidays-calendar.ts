import Holidays from 'date-holidays';
import { createRequire } from 'node:module';
import { isWeekend } from '../../domain/calendar/working-days.js';
import type { HolidayCalendar, HolidaySource } from '../../application/ports/holidays.js';

const packageVersion = (
  createRequire(import.meta.url)('date-holidays/package.json') as { version: string }
).version;

/**
 * England and Wales bank holidays computed by the `date-holidays` package's rules (maintained,
 * with the one-off days such as the 2022 state funeral and the 2023 coronation). Works offline
 * for any year, so it is the default and the fallback for the GOV.UK calendar.
 *
 * England and Wales share their bank holidays; the package's state `ENG` is used (its `WLS` gives
 * the same days). Only type `public` is taken, which includes the substitute days; the days that
 * fall at a weekend in name (Christmas Day on a Sunday) are left out, as GOV.UK leaves them out,
 * because the substitute day is the day off.
 */
export class DateHolidaysCalendar implements HolidayCalendar {
  private readonly rules = new Holidays('GB', 'ENG', { types: ['public'] });
  private readonly years = new Map<number, readonly string[]>();

  /** The bank holidays (weekdays only) of one calendar year, sorted. */
  holidaysIn(year: number): readonly string[] {
    let days = this.years.get(year);
    if (!days) {
      days = this.rules
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        // "2026-12-28 00:00:00": the calendar date, whatever the process's time zone.
        .map((h) => h.date.slice(0, 10))
        .filter((d) => d.startsWith(`${year}-`) && !isWeekend(d))
        .sort();
      days = [...new Set(days)];
      this.years.set(year, days);
    }
    return days;
  }

  holidaysBetween(from: string, to: string): Promise<ReadonlySet<string>> {
    const out = new Set<string>();
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
      for (const d of this.holidaysIn(year)) if (d >= from && d <= to) out.add(d);
    }
    return Promise.resolve(out);
  }

  source(): HolidaySource {
    return {
      name: `date-holidays ${packageVersion} rules for England and Wales`,
      url: 'https://github.com/commenthol/date-holidays',
      coversUntil: null,
    };
  }
}
