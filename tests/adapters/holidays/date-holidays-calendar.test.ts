import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { DateHolidaysCalendar } from '../../../src/adapters/holidays/index.js';
import { englandAndWales } from './fixture.js';

const calendar = new DateHolidaysCalendar();
const year = async (y: number) => [...(await calendar.holidaysBetween(`${y}-01-01`, `${y}-12-31`))];

describe('the date-holidays calendar (England and Wales)', () => {
  it('has the one-off days: 2022 Platinum Jubilee and State Funeral, 2023 coronation', async () => {
    const y2022 = await year(2022);
    expect(y2022).toContain('2022-06-02'); // Spring bank holiday, moved for the jubilee
    expect(y2022).toContain('2022-06-03'); // Platinum Jubilee
    expect(y2022).toContain('2022-09-19'); // State Funeral of Queen Elizabeth II
    expect(y2022).not.toContain('2022-05-30'); // the usual last Monday in May was not one
    expect(await year(2023)).toContain('2023-05-08'); // coronation of King Charles III
  });

  it('has the substitute days and leaves out the weekend days they replace', async () => {
    expect(await year(2026)).toEqual(expect.arrayContaining(['2026-12-25', '2026-12-28']));
    expect(await year(2026)).not.toContain('2026-12-26'); // Saturday
    expect(await year(2027)).toEqual(expect.arrayContaining(['2027-12-27', '2027-12-28']));
    expect(await year(2027)).not.toContain('2027-12-25');
    expect(await year(2022)).toEqual(expect.arrayContaining(['2022-01-03', '2022-12-27']));
    expect(await year(2022)).not.toContain('2022-01-01');
    expect(await year(2023)).toContain('2023-01-02');
    expect(await year(2023)).not.toContain('2023-01-01');
  });

  it('has Easter: Good Friday and Easter Monday, not Easter Sunday', async () => {
    expect(await year(2026)).toEqual(expect.arrayContaining(['2026-04-03', '2026-04-06']));
    expect(await year(2027)).toEqual(expect.arrayContaining(['2027-03-26', '2027-03-29']));
    expect(await year(2027)).not.toContain('2027-03-28');
  });

  it('has only bank holidays: no observances such as Mother’s Day, nor other nations’ days', async () => {
    const y2026 = await year(2026);
    expect(y2026).not.toContain('2026-03-15'); // Mother's Day (a Sunday in any case)
    expect(y2026).not.toContain('2026-01-02'); // Scotland
    expect(y2026).not.toContain('2026-03-17'); // St Patrick's Day (Northern Ireland)
    expect(y2026).not.toContain('2026-11-30'); // St Andrew's Day (Scotland)
    expect(y2026).toHaveLength(8);
  });

  it('agrees with the GOV.UK list, year by year, 2022 to 2027', async () => {
    for (let y = 2022; y <= 2027; y++) {
      const gov = englandAndWales(y)
        .map((e) => e.date)
        .sort();
      expect(gov.length, `fixture has ${y}`).toBeGreaterThanOrEqual(8);
      expect(await year(y), String(y)).toEqual(gov);
    }
  });

  it('gives Wales the same days as England (the adapter asks for England)', () => {
    const days = (state: string) =>
      [2022, 2023, 2024, 2025, 2026, 2027].flatMap((y) =>
        new Holidays('GB', state, { types: ['public'] }).getHolidays(y).map((h) => h.date),
      );
    expect(days('WLS')).toEqual(days('ENG'));
  });

  it('answers for a range that spans years, within its ends only', async () => {
    expect([...(await calendar.holidaysBetween('2026-12-25', '2027-01-01'))].sort()).toEqual([
      '2026-12-25',
      '2026-12-28',
      '2027-01-01',
    ]);
    expect([...(await calendar.holidaysBetween('2026-12-26', '2026-12-31'))]).toEqual([
      '2026-12-28',
    ]);
    expect((await calendar.holidaysBetween('2026-06-01', '2026-06-30')).size).toBe(0);
  });

  it('says where its dates come from: rules, for any year', () => {
    expect(calendar.source()).toMatchObject({
      name: expect.stringMatching(/^date-holidays 3\.\d+\.\d+ rules for England and Wales$/),
      coversUntil: null,
    });
  });
});
