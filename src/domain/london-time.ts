/**
 * England's wall clock, where the partnership keeps its dates: one formatter for every module
 * that turns an instant into a London date or time, or a London time into an instant.
 */
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface WallClock {
  /** Zero-padded, as written: `2026`, `07`, `02`, `00`, `30`, `00`. */
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

/** The wall clock in England at an instant. */
export function londonParts(ms: number): WallClock {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return {
    year: p.year ?? '',
    month: p.month ?? '',
    day: p.day ?? '',
    hour: p.hour ?? '',
    minute: p.minute ?? '',
    second: p.second ?? '',
  };
}

/** The date and the minute of the day in England at an instant. */
export function londonClock(ms: number): { date: string; minutes: number } {
  const p = londonParts(ms);
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    minutes: Number(p.hour) * 60 + Number(p.minute),
  };
}

/** England's offset from UTC at an instant, in milliseconds (0 in winter, an hour in summer). */
export function londonOffset(ms: number): number {
  const p = londonParts(ms);
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant a wall-clock time in England happens on a date (for times outside the hour the
 *  clocks skip or repeat, which is 01:00–02:00; midnight never is). */
export function londonInstant(date: string, minutes: number): number {
  const guess = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const first = guess - londonOffset(guess);
  return guess - londonOffset(first);
}
