/** Shared pieces of the Adaptive Cards the bot sends: escaping, dates, the JSON types. */

export type Json = Record<string, unknown>;
export type CardJson = { type: 'AdaptiveCard'; [key: string]: unknown };

/** Teams supports Universal Actions (Action.Execute) and refresh from 1.5, and no later. */
export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/**
 * Text from users goes into TextBlocks; escape the characters Adaptive Card markdown acts on, and
 * break up `{{`, which Teams would read as a date function.
 */
export const plain = (s: string) =>
  s.replace(/([\\*_[\]()#>`~|-])/g, '\\$1').replace(/\{\{/g, '{\u200b{');

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
