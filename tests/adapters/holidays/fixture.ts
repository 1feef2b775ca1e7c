import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FetchLike } from '../../../src/adapters/holidays/index.js';

export interface GovUkEvent {
  title: string;
  date: string;
  notes: string;
  bunting: boolean;
}
export type GovUkBankHolidays = Record<string, { division: string; events: GovUkEvent[] }>;

/** A GOV.UK-shaped bank-holidays.json (see fixtures/README.md), parsed afresh on each call. */
export function govUkFixture(): GovUkBankHolidays {
  const path = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/gov-uk-bank-holidays.json');
  return JSON.parse(readFileSync(path, 'utf8')) as GovUkBankHolidays;
}

/** England and Wales events from the fixture, by year. */
export const englandAndWales = (year?: number) =>
  (govUkFixture()['england-and-wales']?.events ?? []).filter(
    (e) => year === undefined || e.date.startsWith(`${year}-`),
  );

/** A fetch that answers with `body` (or fails as told) and counts its calls. */
export function fakeFetch(
  answer: () => { status?: number; body?: unknown; error?: Error } = () => ({
    body: govUkFixture(),
  }),
) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    const { status = 200, body, error } = answer();
    if (error) throw error;
    return { ok: status >= 200 && status < 300, status, json: async () => body };
  };
  return { fetch, calls };
}
