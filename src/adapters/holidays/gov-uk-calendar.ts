import { z } from 'zod';
import { addCalendarDays, isIsoDate } from '../../domain/calendar/working-days.js';
import type { HolidayCalendar, HolidaySource } from '../../application/ports/holidays.js';

export const GOV_UK_BANK_HOLIDAYS_URL = 'https://www.gov.uk/bank-holidays.json';

/** As much of `fetch` as this adapter uses, so a test can hand in its own. */
export type FetchLike = (
  url: string,
  init?: { signal?: AbortSignal; headers?: Record<string, string> },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface GovUkCalendarOptions {
  /** Answers for dates outside GOV.UK's years, and for everything when GOV.UK cannot be read. */
  fallback: HolidayCalendar;
  fetch?: FetchLike;
  url?: string;
  /** Milliseconds since the epoch; a test moves it to expire the cache. */
  now?: () => number;
  /** How long a good answer is kept; a day by default. */
  cacheMs?: number;
  /** How long to wait after a failed read before trying again (15 minutes). */
  retryMs?: number;
  /** How long one read may take (5 seconds). */
  timeoutMs?: number;
  /** Told when a read fails (never with user data: the adapter sends none). */
  log?: (message: string) => void;
}

/** The documented shape of https://www.gov.uk/bank-holidays.json; the other divisions are ignored. */
const bankHolidaysJson = z.object({
  'england-and-wales': z.object({
    division: z.literal('england-and-wales'),
    events: z
      .array(
        z.object({
          title: z.string(),
          date: z.string().refine(isIsoDate, 'not a YYYY-MM-DD date'),
          notes: z.string(),
          bunting: z.boolean(),
        }),
      )
      .min(1),
  }),
});

interface Published {
  dates: ReadonlySet<string>;
  coversFrom: string;
  coversUntil: string;
  readAt: number;
}

const DAY_MS = 86_400_000;

/**
 * England and Wales bank holidays as GOV.UK publishes them, for production: read once, kept in
 * memory for a day, and shared by concurrent requests. GOV.UK lists whole calendar years (from
 * 2018 or so to next year); dates outside those years come from the fallback (the date-holidays
 * rules), and so does everything while GOV.UK has never been read successfully. A failed refresh
 * keeps the last good answer (past bank holidays do not change) and tries again later.
 */
export class GovUkCalendar implements HolidayCalendar {
  private readonly fallback: HolidayCalendar;
  private readonly fetch: FetchLike;
  private readonly url: string;
  private readonly now: () => number;
  private readonly cacheMs: number;
  private readonly retryMs: number;
  private readonly timeoutMs: number;
  private readonly log: (message: string) => void;
  private published: Published | undefined;
  private failure: { at: number; reason: string } | undefined;
  private reading: Promise<Published | undefined> | undefined;

  constructor(options: GovUkCalendarOptions) {
    this.fallback = options.fallback;
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
    this.url = options.url ?? GOV_UK_BANK_HOLIDAYS_URL;
    this.now = options.now ?? Date.now;
    this.cacheMs = options.cacheMs ?? DAY_MS;
    this.retryMs = options.retryMs ?? 15 * 60_000;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.log = options.log ?? ((m) => console.warn(m));
  }

  async holidaysBetween(from: string, to: string): Promise<ReadonlySet<string>> {
    const published = await this.load();
    if (!published) return this.fallback.holidaysBetween(from, to);
    const out = new Set<string>();
    for (const d of published.dates) if (d >= from && d <= to) out.add(d);
    if (from < published.coversFrom) {
      const before = minDate(to, addCalendarDays(published.coversFrom, -1));
      for (const d of await this.fallback.holidaysBetween(from, before)) out.add(d);
    }
    if (to > published.coversUntil) {
      const after = maxDate(from, addCalendarDays(published.coversUntil, 1));
      for (const d of await this.fallback.holidaysBetween(after, to)) out.add(d);
    }
    return out;
  }

  source(): HolidaySource {
    const fallback = this.fallback.source();
    if (!this.published) {
      return {
        ...fallback,
        note: this.failure
          ? `GOV.UK (${this.url}) could not be read (${this.failure.reason}), so these dates come from the fallback.`
          : `GOV.UK (${this.url}) has not been read yet, so these dates come from the fallback.`,
      };
    }
    return {
      name: 'GOV.UK bank holidays (England and Wales)',
      url: this.url,
      coversFrom: this.published.coversFrom,
      coversUntil: this.published.coversUntil,
      ...(this.failure
        ? {
            note: `Read ${new Date(this.published.readAt).toISOString()}; the last refresh failed (${this.failure.reason}).`,
          }
        : {}),
      fallback,
    };
  }

  /** The published dates: cached, refreshed after a day, or undefined if never read. */
  private async load(): Promise<Published | undefined> {
    const now = this.now();
    if (this.published && now - this.published.readAt < this.cacheMs) return this.published;
    if (this.failure && now - this.failure.at < this.retryMs) return this.published;
    this.reading ??= this.read().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async read(): Promise<Published | undefined> {
    try {
      const res = await this.fetch(this.url, {
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: { accept: 'application/json' },
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const parsed = bankHolidaysJson.safeParse(await res.json());
      if (!parsed.success) throw new Error('the answer is not in the documented shape');
      const dates = parsed.data['england-and-wales'].events.map((e) => e.date).sort();
      const first = dates[0] as string; // min(1) above
      const last = dates[dates.length - 1] as string;
      this.published = {
        dates: new Set(dates),
        // GOV.UK publishes whole calendar years.
        coversFrom: `${first.slice(0, 4)}-01-01`,
        coversUntil: `${last.slice(0, 4)}-12-31`,
        readAt: this.now(),
      };
      this.failure = undefined;
    } catch (e) {
      const reason =
        e instanceof Error ? (e.name === 'TimeoutError' ? 'timed out' : e.message) : 'failed';
      this.failure = { at: this.now(), reason };
      this.log(
        `GOV.UK bank holidays could not be read (${reason}); ${this.published ? 'keeping the last good copy' : 'using the date-holidays rules'}.`,
      );
    }
    return this.published;
  }
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
