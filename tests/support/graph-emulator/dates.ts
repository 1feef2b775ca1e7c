/**
 * SharePoint keeps a date-only column as midnight in the site's regional time zone and returns it
 * through Graph as that instant in UTC, so a date written as 1 June on a London site in summer
 * reads back as "2026-05-31T23:00:00Z" (reported against SharePoint REST and Graph alike, e.g.
 * https://github.com/pnp/pnpjs/issues/1890 and https://github.com/SharePoint/sp-dev-docs/issues/6083;
 * the dateTimeColumn page, https://learn.microsoft.com/graph/api/resources/datetimecolumn, says
 * only that `dateOnly` shows the date). The emulator does the same, so the adapter is tested
 * against the shift rather than a UTC-only site.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a time zone, as if it were UTC (milliseconds). */
function wallClock(at: number, timeZone: string): number {
  const part = (type: string, parts: Intl.DateTimeFormatPart[]) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const parts = formatter(timeZone).formatToParts(new Date(at));
  return Date.UTC(
    part('year', parts),
    part('month', parts) - 1,
    part('day', parts),
    part('hour', parts),
    part('minute', parts),
    part('second', parts),
  );
}

/** The start of the local day an instant falls on in a time zone, as an ISO instant in UTC. */
export function localMidnight(at: number, timeZone: string): string {
  const wall = wallClock(at, timeZone);
  const dayStart = wall - (((wall % 86_400_000) + 86_400_000) % 86_400_000);
  // The offset at that midnight (it may differ from the offset at `at` across a clock change).
  let instant = dayStart - (wallClock(dayStart, timeZone) - dayStart);
  instant = dayStart - (wallClock(instant, timeZone) - instant);
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}
