/**
 * "As at" a calendar date means as at the end of that day in England, where the partnership
 * keeps its clock: an update typed at 23:30 on 31 October (BST) still counts for 31 October.
 */

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far London's wall clock is ahead of UTC at an instant, in milliseconds (0 or 1 hour). */
function londonOffsetMs(instant: number): number {
  const parts = Object.fromEntries(
    LONDON_PARTS.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The last millisecond of a calendar date (`YYYY-MM-DD`) in Europe/London, as an ISO instant.
 * UK clocks change at 01:00 UTC, never at midnight, so the offset at noon holds at midnight.
 */
export function endOfLondonDay(date: string): string {
  const noon = Date.parse(`${date}T12:00:00Z`);
  const nextMidnightWall = Date.parse(`${date}T00:00:00Z`) + 86_400_000;
  return new Date(nextMidnightWall - londonOffsetMs(noon) - 1).toISOString();
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
