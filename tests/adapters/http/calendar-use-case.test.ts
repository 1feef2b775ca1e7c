import { describe, expect, it } from 'vitest';
import { RequestError } from '../../../src/application/errors.js';
import type { HolidayCalendar } from '../../../src/application/ports/holidays.js';
import {
  addWorkingDaysUsing,
  isWorkingDayUsing,
  workingDaysBetweenUsing,
  workingDaysFrom,
} from '../../../src/application/use-cases/calendar.js';
import { addCalendarDays } from '../../../src/domain/calendar/working-days.js';

/** A calendar over a fixed list of dates that records the spans it was asked for. */
function listCalendar(dates: string[]) {
  const asked: { from: string; to: string }[] = [];
  const calendar: HolidayCalendar = {
    holidaysBetween: async (from, to) => {
      asked.push({ from, to });
      return new Set(dates.filter((d) => d >= from && d <= to));
    },
    source: () => ({ name: 'a test list', coversUntil: null }),
  };
  return { calendar, asked };
}

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof RequestError)) throw new Error('expected a RequestError');
  return { status: e.status, code: e.code, message: e.message };
};

describe('the working-day use cases', () => {
  it('asks for a wider span when the holidays run past the first one', async () => {
    // Sixty days of holidays from 24 December 2026: the first span (23 days) is not enough.
    const closed = Array.from({ length: 60 }, (_, i) => addCalendarDays('2026-12-24', i));
    const { calendar, asked } = listCalendar(closed);
    expect(await addWorkingDaysUsing(calendar, '2026-12-23', 1)).toBe('2027-02-22');
    expect(asked.length).toBeGreaterThan(1);
    expect(asked[0]).toEqual({ from: '2026-12-23', to: '2027-01-15' });
  });

  it('asks backwards for a negative count', async () => {
    const { calendar, asked } = listCalendar(['2027-03-26', '2027-03-29']);
    expect(await addWorkingDaysUsing(calendar, '2027-03-30', -1)).toBe('2027-03-25');
    expect(asked).toEqual([{ from: '2027-03-07', to: '2027-03-30' }]);
  });

  it('answers isWorkingDay and workingDaysBetween from the calendar', async () => {
    const { calendar } = listCalendar(['2026-12-25', '2026-12-28']);
    expect(await isWorkingDayUsing(calendar, '2026-12-28')).toBe(false);
    expect(await isWorkingDayUsing(calendar, '2026-12-29')).toBe(true);
    expect(await workingDaysBetweenUsing(calendar, '2026-12-23', '2026-12-30')).toBe(3);
    expect(await workingDaysBetweenUsing(calendar, '2026-12-30', '2026-12-23')).toBe(-3);
  });

  it('checks the query as typed, each mistake with its own message', async () => {
    const { calendar } = listCalendar([]);
    expect(await workingDaysFrom(calendar, { from: '2026-06-05', add: '+1' })).toEqual({
      date: '2026-06-08',
      source: { name: 'a test list', coversUntil: null },
    });
    expect(await refusal(workingDaysFrom(calendar, { add: '1' }))).toMatchObject({
      status: 400,
      code: 'invalid-date',
    });
    expect(
      (await refusal(workingDaysFrom(calendar, { from: '1899-12-31', add: '1' }))).message,
    ).toContain('between 1900-01-01 and 2199-12-31');
    expect(
      await refusal(workingDaysFrom(calendar, { from: '2026-06-05', add: ['1', '2'] })),
    ).toMatchObject({ status: 400, code: 'invalid-working-days' });
    expect(
      await refusal(workingDaysFrom(calendar, { from: '2026-06-05', add: '1e3' })),
    ).toMatchObject({ code: 'invalid-working-days' });
  });
});
