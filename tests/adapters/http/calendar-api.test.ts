import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateHolidaysCalendar } from '../../../src/adapters/holidays/index.js';
import { workingDaysBetween } from '../../../src/domain/calendar/working-days.js';
import { startTestServer, type TestServer } from '../../support/server.js';

type Err = { error: { code: string; message: string } };
type Answer = { date: string; source: { name: string; coversUntil: string | null } };

let server: TestServer;
let scrutineer: string;
let partnerLead: string;

beforeAll(async () => {
  server = await startTestServer();
  [scrutineer, partnerLead] = await Promise.all([
    server.token('scrutineer@harbourside.example'),
    server.token('aisha.noor@eastshire-police.example'),
  ]);
});
afterAll(async () => server.close());

const workingDays = (query: string, token = scrutineer) =>
  server.api(`/api/calendar/working-days?${query}`, { token });

const dateFor = async (from: string, add: number | string) => {
  const res = await workingDays(`from=${from}&add=${add}`);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return (res.json as Answer).date;
};

const refused = async (query: string) => {
  const res = await workingDays(query);
  expect(res.status).toBe(400);
  return (res.json as Err).error;
};

describe('GET /api/calendar/working-days, right across the bank holidays', () => {
  it('Wed 23 Dec 2026 + 3 = Wed 30 Dec (Fri 25 Christmas, Sat–Sun, Mon 28 Boxing Day substitute)', async () => {
    expect(await dateFor('2026-12-23', 3)).toBe('2026-12-30');
  });

  it('Thu 24 Dec 2026 + 1 = Tue 29 Dec', async () => {
    expect(await dateFor('2026-12-24', 1)).toBe('2026-12-29');
  });

  it('Thu 31 Dec 2026 + 1 = Mon 4 Jan 2027 (New Year’s Day on the Friday)', async () => {
    expect(await dateFor('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('Wed 23 Dec 2026 + 5 = Mon 4 Jan 2027 (a serious incident notification clock)', async () => {
    expect(await dateFor('2026-12-23', 5)).toBe('2027-01-04');
  });

  it('Thu 25 Mar 2027 + 1 = Tue 30 Mar (Good Friday 26, Easter Monday 29)', async () => {
    expect(await dateFor('2027-03-25', 1)).toBe('2027-03-30');
  });

  it('Thu 2 Apr 2026 + 1 = Tue 7 Apr (Good Friday 3, Easter Monday 6)', async () => {
    expect(await dateFor('2026-04-02', 1)).toBe('2026-04-07');
  });

  it('Fri 5 Jun 2026 + 1 = Mon 8 Jun; Fri 22 May + 1 = Tue 26 May (spring bank holiday)', async () => {
    expect(await dateFor('2026-06-05', 1)).toBe('2026-06-08');
    expect(await dateFor('2026-05-22', 1)).toBe('2026-05-26');
  });

  it('counts back: Tue 29 Dec 2026 − 1 = Thu 24 Dec; Mon 4 Jan 2027 − 2 = Wed 30 Dec', async () => {
    expect(await dateFor('2026-12-29', -1)).toBe('2026-12-24');
    expect(await dateFor('2027-01-04', -2)).toBe('2026-12-30');
  });

  it('add 0: the date itself on a working day, else the next (Christmas Day 2026 → Tue 29)', async () => {
    expect(await dateFor('2026-12-23', 0)).toBe('2026-12-23');
    expect(await dateFor('2026-12-25', 0)).toBe('2026-12-29');
  });

  it('the 2022 State Funeral and the 2023 coronation were not working days', async () => {
    expect(await dateFor('2022-09-16', 1)).toBe('2022-09-20');
    expect(await dateFor('2023-05-05', 1)).toBe('2023-05-09');
  });

  it('says where the bank holidays came from', async () => {
    const res = await workingDays('from=2026-12-23&add=3');
    expect(res.json).toMatchObject({
      date: '2026-12-30',
      source: { name: expect.stringContaining('date-holidays'), coversUntil: null },
    });
  });

  it('counts up to 1000 working days either way, exactly', async () => {
    const rules = new DateHolidaysCalendar();
    for (const n of [1000, -1000]) {
      const date = await dateFor('2026-12-23', n);
      const [a, b] = n > 0 ? ['2026-12-23', date] : [date, '2026-12-23'];
      const holidays = await rules.holidaysBetween(a, b);
      expect(workingDaysBetween('2026-12-23', date, holidays)).toBe(n);
    }
  });
});

describe('GET /api/calendar/working-days: who and what it refuses', () => {
  it('answers any signed-in member, a partner lead included', async () => {
    const res = await workingDays('from=2026-12-24&add=1', partnerLead);
    expect(res.status).toBe(200);
    expect((res.json as Answer).date).toBe('2026-12-29');
  });

  it('needs sign-in', async () => {
    const res = await server.api('/api/calendar/working-days?from=2026-12-24&add=1');
    expect(res.status).toBe(401);
  });

  it('refuses a date that is missing, mistyped or impossible, saying how to write it', async () => {
    for (const q of ['add=1', 'from=&add=1', 'from=23/12/2026&add=1', 'from=2026-02-30&add=1']) {
      const error = await refused(q);
      expect(error.code, q).toBe('invalid-date');
      expect(error.message, q).toContain('YYYY-MM-DD');
    }
  });

  it('refuses an add that is missing or not a whole number', async () => {
    for (const q of ['from=2026-12-23', 'from=2026-12-23&add=1.5', 'from=2026-12-23&add=three']) {
      const error = await refused(q);
      expect(error.code, q).toBe('invalid-working-days');
      expect(error.message, q).toContain('whole number of working days');
    }
  });

  it('refuses more than 1000 working days either way, naming the limit', async () => {
    for (const q of ['from=2026-12-23&add=1001', 'from=2026-12-23&add=-1001']) {
      const error = await refused(q);
      expect(error.code).toBe('too-many-working-days');
      expect(error.message).toContain('at most 1000 working days');
    }
  });

  it('is described in the OpenAPI document with its two query parameters', async () => {
    const doc = (await server.api('/api/openapi.json')).json as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    };
    const op = doc.paths['/api/calendar/working-days']?.get;
    expect(op?.parameters?.map((p) => p.name)).toEqual(['from', 'add']);
  });
});
