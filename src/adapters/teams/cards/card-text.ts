/** Shared pieces of the Adaptive Cards the bot sends: escaping, dates, the JSON types. */

export type Json = Record<string, unknown>;
export type CardJson = { type: 'AdaptiveCard'; [key: string]: unknown };

/** Teams supports Universal Actions (Action.Execute) and refresh from 1.5, and no later. */
export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/**
 * Text from users goes into TextBlocks and facts; make it inert. Escapes the characters Adaptive
 * Card markdown acts on (`<` too: `<scheme:…>` is a link), a number-and-dot at the start of a line
 * (a numbered list), and puts a zero-width space inside every `{{`, which Teams reads as the start
 * of a date function (also inside `{{{`). Drops control characters other than line breaks and
 * tabs, and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that could
 * make the text around a name read backwards.
 */
export const plain = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/([\\*_[\]()#>`~|+<-])/g, '\\$1')
    .replace(/^(\s*\d+)\./gm, '$1\\.')
    .replace(/\{(?=\{)/g, '{\u200b');

/** Cuts text to `max` characters (whole code points), ending with an ellipsis when cut. */
export function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max
    ? s
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** A link from a user, for Action.OpenUrl: only an https address, else nothing. */
export function safeLink(s: string | undefined): string | undefined {
  if (!s) return undefined;
  try {
    const url = new URL(s);
    return url.protocol === 'https:' && url.hostname && !url.username && !url.password
      ? url.href
      : undefined;
  } catch {
    return undefined;
  }
}

const LONDON = 'Europe/London';

// Built once: `toLocaleDateString` with options builds a formatter on every call, which was a
// tenth of a card invoke's CPU in the invoke-latency bench.
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: LONDON,
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: LONDON,
});

/** A calendar date (`YYYY-MM-DD`) or an instant, as a date in words: 18 December 2026. */
export const date = (iso: string) =>
  format(dayFormat, iso.length === 10 ? `${iso}T12:00:00Z` : iso);

/** An instant as a date and a time in England: 22 November 2026 at 14:05. */
export const dateTime = (iso: string) => `${date(iso)} at ${format(timeFormat, iso)}`;

/** As toLocaleDateString does, a bad date reads "Invalid Date" rather than throwing. */
function format(formatter: Intl.DateTimeFormat, iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'Invalid Date' : formatter.format(d);
}

/** A notice as TextBlocks, one per line: problems to fix in a form, or information. */
export function noticeBlock(notice: string, tone: 'problem' | 'info' | 'done'): Json {
  return {
    type: 'Container',
    style: tone === 'problem' ? 'attention' : tone === 'done' ? 'good' : 'emphasis',
    items: notice
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => ({
        type: 'TextBlock',
        text: plain(line),
        wrap: true,
        ...(tone === 'problem' ? { color: 'Attention', weight: 'Bolder' } : {}),
      })),
  };
}
