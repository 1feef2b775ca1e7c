import { describe, expect, it } from 'vitest';
import {
  DateHolidaysCalendar,
  GOV_UK_BANK_HOLIDAYS_URL,
  GovUkCalendar,
  type FetchLike,
} from '../../../src/adapters/holidays/index.js';
import { createHolidayCalendar } from '../../../src/adapters/holidays/index.js';
import { englandAndWales, fakeFetch, govUkFixture } from './fixture.js';

const DAY = 86_400_000;

/** A GOV.UK calendar on a fake clock and fetch, logging to an array. */
function setUp(fetch: FetchLike, start = Date.parse('2026-12-01T09:00:00Z')) {
  let now = start;
  const log: string[] = [];
  const calendar = new GovUkCalendar({
    fallback: new DateHolidaysCalendar(),
    fetch,
    now: () => now,
    log: (m) => log.push(m),
  });
  return {
    calendar,
    log,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('the GOV.UK bank-holidays calendar', () => {
  it('reads bank-holidays.json and answers England and Wales only', async () => {
    const { fetch, calls } = fakeFetch();
    const { calendar } = setUp(fetch);
    expect(sorted(await calendar.holidaysBetween('2026-01-01', '2026-12-31'))).toEqual(
      englandAndWales(2026).map((e) => e.date),
    );
    expect(calls).toEqual([GOV_UK_BANK_HOLIDAYS_URL]);
    // Scotland's 2 January and St Andrew's Day, Northern Ireland's St Patrick's Day: not here.
    const all = await calendar.holidaysBetween('2026-01-01', '2026-12-31');
    for (const d of ['2026-01-02', '2026-11-30', '2026-03-17', '2026-07-13'])
      expect(all.has(d)).toBe(false);
  });

  it('says it is GOV.UK, for the whole years it lists, with the rules beyond them', async () => {
    const { calendar } = setUp(fakeFetch().fetch);
    expect(calendar.source()).toMatchObject({
      name: expect.stringContaining('date-holidays'),
      note: expect.stringContaining('has not been read yet'),
    });
    await calendar.holidaysBetween('2026-12-01', '2026-12-31');
    expect(calendar.source()).toMatchObject({
      name: 'GOV.UK bank holidays (England and Wales)',
      url: GOV_UK_BANK_HOLIDAYS_URL,
      coversFrom: '2022-01-01',
      coversUntil: '2027-12-31',
      fallback: { name: expect.stringContaining('date-holidays'), coversUntil: null },
    });
    expect(calendar.source().note).toBeUndefined();
  });

  it('answers with the published dates inside its years, even where the rules would not', async () => {
    // GOV.UK is the authority: a day it lists (here an invented one) is taken as published.
    const doc = govUkFixture();
    doc['england-and-wales']?.events.push({
      title: 'An invented extra bank holiday',
      date: '2027-06-14',
      notes: '',
      bunting: true,
    });
    const { calendar } = setUp(fakeFetch(() => ({ body: doc })).fetch);
    expect(sorted(await calendar.holidaysBetween('2027-06-01', '2027-06-30'))).toEqual([
      '2027-06-14',
    ]);
  });

  it('falls back to the rules for dates after (and before) the years GOV.UK lists', async () => {
    const { calendar } = setUp(fakeFetch().fetch);
    // 2028 is not in the fixture: Good Friday 14 April and Easter Monday 17 April 2028.
    expect(sorted(await calendar.holidaysBetween('2027-12-20', '2028-04-30'))).toEqual([
      '2027-12-27',
      '2027-12-28',
      '2028-01-03', // New Year's Day (Saturday) moved to Monday
      '2028-04-14',
      '2028-04-17',
    ]);
    expect(sorted(await calendar.holidaysBetween('2021-12-20', '2022-01-10'))).toEqual([
      '2021-12-27',
      '2021-12-28',
      '2022-01-03',
    ]);
    expect(sorted(await calendar.holidaysBetween('2030-05-01', '2030-05-31'))).toEqual([
      '2030-05-06',
      '2030-05-27',
    ]);
  });

  it('keeps the answer for a day, then reads it again', async () => {
    const { fetch, calls } = fakeFetch();
    const { calendar, advance } = setUp(fetch);
    await calendar.holidaysBetween('2026-12-01', '2026-12-31');
    advance(DAY - 1);
    await calendar.holidaysBetween('2027-03-01', '2027-03-31');
    expect(calls).toHaveLength(1);
    advance(1);
    await calendar.holidaysBetween('2027-03-01', '2027-03-31');
    expect(calls).toHaveLength(2);
  });

  it('reads once for requests that arrive together', async () => {
    const { fetch, calls } = fakeFetch();
    const { calendar } = setUp(fetch);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => calendar.holidaysBetween('2026-12-01', '2026-12-31')),
    );
    expect(calls).toHaveLength(1);
    for (const a of answers) expect(sorted(a)).toEqual(['2026-12-25', '2026-12-28']);
  });

  for (const [what, answer] of [
    ['the network fails', () => ({ error: new TypeError('fetch failed') })],
    ['GOV.UK answers 503', () => ({ status: 503, body: 'busy' })],
    ['the answer has no England and Wales division', () => ({ body: { scotland: {} } })],
    [
      'an event has a date that is not YYYY-MM-DD',
      () => ({
        body: {
          'england-and-wales': {
            division: 'england-and-wales',
            events: [{ title: 'x', date: '25/12/2026', notes: '', bunting: true }],
          },
        },
      }),
    ],
  ] as const) {
    it(`uses the rules when ${what}, says so, and does not ask again at once`, async () => {
      const { fetch, calls } = fakeFetch(answer);
      const { calendar, log, advance } = setUp(fetch);
      expect(sorted(await calendar.holidaysBetween('2026-12-01', '2026-12-31'))).toEqual([
        '2026-12-25',
        '2026-12-28',
      ]);
      expect(log).toHaveLength(1);
      expect(log[0]).toContain('using the date-holidays rules');
      expect(calendar.source()).toMatchObject({
        name: expect.stringContaining('date-holidays'),
        note: expect.stringContaining('could not be read'),
      });
      await calendar.holidaysBetween('2027-03-01', '2027-03-31');
      expect(calls).toHaveLength(1);
      advance(15 * 60_000);
      await calendar.holidaysBetween('2027-03-01', '2027-03-31');
      expect(calls).toHaveLength(2);
    });
  }

  it('keeps the last good copy when a refresh fails, and says when it was read', async () => {
    let fail = false;
    const { fetch, calls } = fakeFetch(() =>
      fail ? { error: new TypeError('fetch failed') } : { body: govUkFixture() },
    );
    const { calendar, advance, log } = setUp(fetch);
    await calendar.holidaysBetween('2026-12-01', '2026-12-31');
    fail = true;
    advance(DAY);
    // 2023's coronation is in the copy already read.
    expect(sorted(await calendar.holidaysBetween('2023-05-01', '2023-05-31'))).toEqual([
      '2023-05-01',
      '2023-05-08',
      '2023-05-29',
    ]);
    expect(calls).toHaveLength(2);
    expect(log[0]).toContain('keeping the last good copy');
    expect(calendar.source()).toMatchObject({
      name: 'GOV.UK bank holidays (England and Wales)',
      note: expect.stringMatching(/^Read 2026-12-01T09:00:00\.000Z; the last refresh failed/),
    });
  });

  it('gives up on a read that takes too long', async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_ok, fail) => {
        init?.signal?.addEventListener('abort', () => fail(init.signal?.reason));
      });
    const log: string[] = [];
    const calendar = new GovUkCalendar({
      fallback: new DateHolidaysCalendar(),
      fetch: hanging,
      timeoutMs: 20,
      log: (m) => log.push(m),
    });
    expect(sorted(await calendar.holidaysBetween('2027-03-20', '2027-04-05'))).toEqual([
      '2027-03-26',
      '2027-03-29',
    ]);
    expect(log[0]).toContain('timed out');
  });
});

describe('createHolidayCalendar (HOLIDAY_SOURCE)', () => {
  it('gives the rules for date-holidays and GOV.UK (backed by the rules) for gov-uk', async () => {
    expect(createHolidayCalendar('date-holidays')).toBeInstanceOf(DateHolidaysCalendar);
    const { fetch, calls } = fakeFetch();
    const gov = createHolidayCalendar('gov-uk', { fetch });
    expect(gov).toBeInstanceOf(GovUkCalendar);
    await gov.holidaysBetween('2026-01-01', '2026-01-31');
    expect(calls).toEqual([GOV_UK_BANK_HOLIDAYS_URL]);
  });
});
