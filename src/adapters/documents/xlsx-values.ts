/** Values turned into what SpreadsheetML stores: date serials, and links Excel may follow. */

const DAY_MS = 86_400_000;
/** Serial 0 of the 1900 date system as Excel counts from March 1900 (its 1900 leap-day bug). */
const EPOCH = Date.UTC(1899, 11, 30);
const FIRST_SAFE = Date.UTC(1900, 2, 1);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/**
 * A wall-clock date (`YYYY-MM-DD`) or date-time (`YYYY-MM-DDTHH:mm[:ss]`, no offset) as an Excel
 * date serial; undefined when it is not a real date in Excel's range (then it is written as text).
 */
export function dateSerial(value: string, withTime: boolean): number | undefined {
  const m = (withTime ? DATETIME : DATE).exec(value) ?? (withTime ? DATE.exec(value) : null);
  if (!m) return undefined;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((p) => Number(p ?? 0));
  const day = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1);
  const check = new Date(day);
  // Date.UTC rolls 30 February into March; a date that rolled was not a date.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() + 1 !== mo || check.getUTCDate() !== d)
    return undefined;
  if (h > 23 || mi > 59 || s > 59) return undefined;
  if (day < FIRST_SAFE || y > 9999) return undefined;
  const days = (day - EPOCH) / DAY_MS;
  const fraction = (h * 3600 + mi * 60 + s) / 86_400;
  // Full precision: a serial rounded short can fall a hair before the minute, and a reader that
  // truncates (LibreOffice) then shows 10:14 for 10:15.
  return days + fraction;
}

/** Excel's limit on a hyperlink's address. */
const MAX_URL = 2079;

/**
 * The address for a hyperlink, or undefined when the value must stay plain text: only absolute
 * http(s) URLs, so a workbook never carries a `javascript:`, `file:` or relative link.
 */
export function safeUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.length <= MAX_URL ? url.href : undefined;
}
