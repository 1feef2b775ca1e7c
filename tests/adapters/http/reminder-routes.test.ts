import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server.js';

/** The reminder preview and the chair's terms, through the real server and sign-in. */
let server: TestServer;
let scrutineer: string;
let businessUnit: string;
let policeLead: string;
let executive: string;

beforeAll(async () => {
  server = await startTestServer();
  scrutineer = await server.token('scrutineer@harbourside.example');
  businessUnit = await server.token('business.unit@harbourside.example');
  policeLead = await server.token('aisha.noor@eastshire-police.example');
  executive = await server.token('chief.constable@eastshire-police.example');
});
afterAll(async () => server?.close());

type Preview = {
  date: string;
  notices: { personName: string; role: string; stage: string; reference: string; given: boolean }[];
};
type Term = { id: string; personId: string; startsOn: string; endsOn?: string };

describe('GET /api/reminders/preview', () => {
  it('shows who the run on a date would chase, and at which stage', async () => {
    const res = await server.api('/api/reminders/preview?date=2027-01-06', { token: scrutineer });
    expect(res.status).toBe(200);
    const body = res.json as Preview;
    expect(body.date).toBe('2027-01-06');
    // The seed's first recommendation (the tracker's demo actions, dated from today, vary).
    const response = body.notices.filter(
      (n) => n.stage === 'escalation-chair' && n.reference === 'HSCP-R-2026-01',
    );
    expect(response.map((n) => [n.personName, n.role, n.reference, n.given])).toEqual([
      ['Aisha Noor', 'owner', 'HSCP-R-2026-01', false],
      ['Tom Bradley', 'dsp', 'HSCP-R-2026-01', false],
    ]);
  });

  it('is for the scrutineer and the business unit only, and says what is wrong with a date', async () => {
    expect((await server.api('/api/reminders/preview', { token: policeLead })).status).toBe(403);
    const bad = await server.api('/api/reminders/preview?date=2026-02-30', { token: businessUnit });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toMatch(/YYYY-MM-DD/);
    expect((await server.api('/api/reminders/preview')).status).toBe(401);
  });
});

describe('GET /api/reminder-notices', () => {
  it('gives an item’s reminder and escalation history, and needs a subject', async () => {
    const actions = await server.deps.repo.all('actions');
    const action = actions[0];
    if (!action) throw new Error('the seed has an action');
    // Whole-view readers only: another partner's lead is refused.
    const other = await server.api(`/api/reminder-notices?subjectId=${action.id}`, {
      token: policeLead,
    });
    expect(other.status).toBe(403);
    const empty = await server.api(`/api/reminder-notices?subjectId=${action.id}`, {
      token: executive,
    });
    expect(empty).toEqual({ status: 200, json: { items: [] } });
    const owner = action.fields.ownerId ?? '';
    await server.deps.repo.create(
      'reminderNotices',
      {
        noticeKey: `k-${action.id}`,
        subjectKind: 'action',
        subjectId: action.id,
        partnerId: action.fields.partnerId,
        dueDate: action.fields.targetDate,
        stage: 'overdue',
        stageKey: 'overdue',
        personId: owner,
        role: 'owner',
        workingDaysToDue: -1,
        deliveryKey: `digest:${owner}:2026-11-16`,
        date: '2026-11-16',
      },
      { actorId: 'system:test', homeTenantId: '', channel: 'system', at: '' },
    );
    const res = await server.api(`/api/reminder-notices?subjectId=${action.id}`, {
      token: executive,
    });
    expect((res.json as { items: unknown[] }).items).toEqual([
      {
        date: '2026-11-16',
        personName: 'Sam Carter',
        role: 'owner',
        stage: 'overdue',
        dueDate: '2026-11-13',
      },
    ]);
    expect((await server.api('/api/reminder-notices', { token: executive })).status).toBe(400);
  });
});

describe('/api/chair-terms', () => {
  it('lists the terms, latest first (whole-view readers only)', async () => {
    expect((await server.api('/api/chair-terms', { token: policeLead })).status).toBe(403);
    const res = await server.api('/api/chair-terms', { token: executive });
    expect(res.status).toBe(200);
    expect((res.json as { items: Term[] }).items.map((t) => [t.startsOn, t.endsOn])).toEqual([
      ['2027-01-01', undefined],
      ['2026-04-01', '2026-12-31'],
    ]);
  });

  it('the business unit records a handover; the open term closes the day before', async () => {
    const people = (await server.api('/api/people', { token: businessUnit })).json as {
      items: { id: string; displayName: string }[];
    };
    const fiona = people.items.find((p) => p.displayName === 'Fiona Grant')?.id ?? '';
    const made = await server.api('/api/chair-terms', {
      token: businessUnit,
      body: { personId: fiona, startsOn: '2027-06-01' },
    });
    expect(made.status).toBe(201);
    const terms = (
      (await server.api('/api/chair-terms', { token: businessUnit })).json as {
        items: Term[];
      }
    ).items;
    expect(terms.map((t) => [t.startsOn, t.endsOn])).toEqual([
      ['2027-06-01', undefined],
      ['2027-01-01', '2027-05-31'],
      ['2026-04-01', '2026-12-31'],
    ]);
  });

  it('a handover inside a running term cuts it; an open new term ends before a later one', async () => {
    const people = (await server.api('/api/people', { token: businessUnit })).json as {
      items: { id: string; displayName: string }[];
    };
    const beth = people.items.find((p) => p.displayName === 'Beth Morris')?.id ?? '';
    // 1 December 2026 falls inside the seeded term that runs to 31 December 2026.
    const made = await server.api('/api/chair-terms', {
      token: businessUnit,
      body: { personId: beth, startsOn: '2026-12-01' },
    });
    expect(made.status).toBe(201);
    const terms = (
      (await server.api('/api/chair-terms', { token: businessUnit })).json as {
        items: Term[];
      }
    ).items;
    expect(terms.map((t) => [t.startsOn, t.endsOn])).toEqual([
      ['2027-06-01', undefined],
      ['2027-01-01', '2027-05-31'],
      ['2026-12-01', '2026-12-31'],
      ['2026-04-01', '2026-11-30'],
    ]);
  });

  it('refuses others, unknown people and a term that ends before it starts', async () => {
    const someone = { personId: 'nobody', startsOn: '2027-09-01' };
    expect(
      (await server.api('/api/chair-terms', { token: scrutineer, body: someone })).status,
    ).toBe(403);
    const unknown = await server.api('/api/chair-terms', { token: businessUnit, body: someone });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.json)).toMatch(/no person/);
    const people = (await server.api('/api/people', { token: businessUnit })).json as {
      items: { id: string }[];
    };
    const backwards = await server.api('/api/chair-terms', {
      token: businessUnit,
      body: { personId: people.items[0]?.id, startsOn: '2027-09-01', endsOn: '2027-08-01' },
    });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.json)).toMatch(/end on or after/);
    const notADate = await server.api('/api/chair-terms', {
      token: businessUnit,
      body: { personId: people.items[0]?.id, startsOn: 'soon' },
    });
    expect(notADate.status).toBe(400);
  });
});
