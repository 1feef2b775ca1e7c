import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIdentifiableData } from '../../../src/domain/guard/index.js';
import { sample } from '../../domain/guard/samples.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import {
  BUSINESS_UNIT,
  POLICE_LEAD,
  SCRUTINEER,
  partnerIdByName,
  withEtag,
  type ErrorBody,
} from './helpers.js';

/** Case-review clocks and disagreements through the real server, on the demo partnership. */
let server: TestServer;
let scrutineer: string;
let businessUnit: string;
let executive: string;
let policeLead: string;
let ids: { police: string; council: string; icb: string; college: string };

type Clock = { name: string; state: string; dueOn?: string; late?: number; lateReason?: string };
type Review = { id: string; etag: string; code: string; clocks: Clock[] } & Record<string, unknown>;
type Disagreement = { id: string; etag: string; reference: string; partnerIds: string[] } & Record<
  string,
  unknown
>;

beforeAll(async () => {
  server = await startTestServer();
  [scrutineer, businessUnit, executive, policeLead] = await Promise.all([
    server.token(SCRUTINEER),
    server.token(BUSINESS_UNIT),
    server.token('chief.executive@harbourside.example'),
    server.token(POLICE_LEAD),
  ]);
  const [police, council, icb, college] = await Promise.all(
    [
      'Eastshire Constabulary',
      'Harbourside Council',
      'Coast & Vale ICB',
      'Harbourside College',
    ].map((name) => partnerIdByName(server, scrutineer, name)),
  );
  ids = { police: police!, council: council!, icb: icb!, college: college! };
});
afterAll(async () => server?.close());

const reviews = async (token: string) => server.api('/api/case-reviews', { token });
const disagreements = async (token: string) => server.api('/api/disagreements', { token });
const error = (json: unknown) => (json as ErrorBody).error;

describe('case reviews', () => {
  it('lists the demo reviews with their clocks, a late notification with its reason', async () => {
    const res = await reviews(executive);
    expect(res.status).toBe(200);
    const items = (res.json as { items: Review[] }).items;
    const late = items.find((r) => r.code === 'HSCP-C-2026-07');
    expect(late?.clocks.find((c) => c.name === 'notification')).toMatchObject({
      state: 'late',
      dueOn: '2026-06-26',
      late: 2,
      lateReason: expect.stringMatching(/single-agency route/) as unknown,
    });
    const lcspr = items.find((r) => r.code === 'HSCP-C-2026-11');
    expect(lcspr?.clocks.find((c) => c.name === 'publication')?.dueOn).toBe('2027-04-06');
    const onTime = items.find((r) => r.code === 'HSCP-C-2026-03');
    expect(onTime?.clocks.map((c) => c.state)).toEqual(['met', 'met', 'not-applicable']);
  });

  it('creates a review by code (bank holidays from the server calendar), refuses a duplicate with 409 naming it', async () => {
    const body = { code: 'HSCP-C-2026-31', awareOn: '2026-04-02', lcsprDecision: 'pending' };
    const res = await server.api('/api/case-reviews', { token: businessUnit, body });
    expect(res.status).toBe(201);
    const created = res.json as Review;
    // Thursday before Easter: Good Friday and Easter Monday are bank holidays.
    expect(created.clocks[0]).toMatchObject({ name: 'notification', dueOn: '2026-04-13' });
    const again = await server.api('/api/case-reviews', { token: scrutineer, body });
    expect(again.status).toBe(409);
    expect(error(again.json).code).toBe('duplicate-code');
    expect(error(again.json).message).toContain('HSCP-C-2026-31');
  });

  it('records dates with If-Match, and refuses dates out of order with a 400 that says so', async () => {
    const created = (
      await server.api('/api/case-reviews', {
        token: scrutineer,
        body: { code: 'HSCP-C-2026-32', awareOn: '2026-06-19', lcsprDecision: 'pending' },
      })
    ).json as Review;
    const path = `/api/case-reviews/${created.id}`;
    const noEtag = await withEtag(server, path, {
      method: 'PATCH',
      token: scrutineer,
      body: { notifiedOn: '2026-06-26' },
    });
    expect(noEtag.status).toBe(428);
    const backwards = await withEtag(server, path, {
      method: 'PATCH',
      token: scrutineer,
      body: { notifiedOn: '2026-06-18' },
      etag: created.etag,
    });
    expect(backwards.status).toBe(400);
    expect(error(backwards.json).message).toMatch(/notified before awareness/);
    const ok = await withEtag(server, path, {
      method: 'PATCH',
      token: scrutineer,
      body: { notifiedOn: '2026-06-26', assuranceNote: 'Notified on the last day allowed.' },
      etag: created.etag,
    });
    expect(ok.status).toBe(200);
    expect((ok.json as Review).clocks[0]?.state).toBe('met');
  });

  it('refuses a code that is not the partnership pattern, and says the pattern', async () => {
    const res = await server.api('/api/case-reviews', {
      token: scrutineer,
      body: { code: 'Review 14', awareOn: '2026-06-19', lcsprDecision: 'pending' },
    });
    expect(res.status).toBe(400);
    expect(error(res.json).message).toMatch(/such as HSCP-C-2026-14/);
  });

  it('refuses identifying text by its kinds, never echoing it, and stores nothing', async () => {
    const res = await server.api('/api/case-reviews', {
      token: scrutineer,
      body: {
        code: 'HSCP-C-2026-33',
        awareOn: '2026-06-19',
        lcsprDecision: 'pending',
        assuranceNote: `Spoke to the family on ${sample.phone}.`,
      },
    });
    expect(res.status).toBe(422);
    expect(error(res.json).code).toBe('identifiable-data');
    expect(JSON.stringify(res.json)).not.toContain(sample.phone);
    const codes = ((await reviews(scrutineer)).json as { items: Review[] }).items.map(
      (r) => r.code,
    );
    expect(codes).not.toContain('HSCP-C-2026-33');
  });

  it('is refused to a partner lead (403) and not writable by an executive', async () => {
    expect((await reviews(policeLead)).status).toBe(403);
    const res = await server.api('/api/case-reviews', {
      token: executive,
      body: { code: 'HSCP-C-2026-34', awareOn: '2026-06-19', lcsprDecision: 'pending' },
    });
    expect(res.status).toBe(403);
  });
});

describe('disagreements', () => {
  it('gives days to resolution for a resolved one', async () => {
    const items = ((await disagreements(scrutineer)).json as { items: Disagreement[] }).items;
    expect(items.find((d) => d.reference === 'HSCP-D-2026-1')?.daysToResolution).toBe(36);
    expect(items.find((d) => d.reference === 'HSCP-D-2026-2')?.daysToResolution).toBeUndefined();
  });

  it('shows a partner lead only the disagreements naming their partner', async () => {
    await server.api('/api/disagreements', {
      token: scrutineer,
      body: {
        reference: 'HSCP-D-2026-9',
        partnerIds: [ids.college, ids.icb],
        matter: 'Who chairs the education safeguarding forum.',
        status: 'open',
        raisedOn: '2026-11-02',
      },
    });
    const all = ((await disagreements(executive)).json as { items: Disagreement[] }).items;
    expect(all.map((d) => d.reference)).toContain('HSCP-D-2026-9');
    const res = await disagreements(policeLead);
    expect(res.status).toBe(200);
    const mine = (res.json as { items: Disagreement[] }).items;
    expect(mine.map((d) => d.reference)).toEqual(['HSCP-D-2026-1']);
    expect(mine.every((d) => d.partnerIds.includes(ids.police))).toBe(true);
  });

  it('needs two parties, and a resolution date when resolved; duplicates are 409', async () => {
    const one = await server.api('/api/disagreements', {
      token: scrutineer,
      body: {
        reference: 'HSCP-D-2026-10',
        partnerIds: [ids.police],
        matter: 'Information sharing at the Front Door.',
        status: 'resolved',
        raisedOn: '2026-11-02',
      },
    });
    expect(one.status).toBe(400);
    const issues = error(one.json).issues?.map((i) => i.path);
    expect(issues).toEqual(['partnerIds', 'resolvedOn']);
    const body = {
      reference: 'HSCP-D-2026-1',
      partnerIds: [ids.police, ids.council],
      matter: 'Again.',
      status: 'open',
      raisedOn: '2026-11-02',
    };
    const dup = await server.api('/api/disagreements', { token: scrutineer, body });
    expect(dup.status).toBe(409);
    expect(error(dup.json).message).toContain('HSCP-D-2026-1');
  });

  it('records the outcome with If-Match; an executive and a partner lead cannot write', async () => {
    const open = ((await disagreements(scrutineer)).json as { items: Disagreement[] }).items.find(
      (d) => d.reference === 'HSCP-D-2026-2',
    )!;
    const path = `/api/disagreements/${open.id}`;
    const change = { status: 'resolved', resolvedOn: '2026-11-20', outcome: 'Funding shared.' };
    for (const token of [executive, policeLead]) {
      const refused = await withEtag(server, path, {
        method: 'PATCH',
        token,
        body: change,
        etag: open.etag,
      });
      expect(refused.status).toBe(403);
    }
    const res = await withEtag(server, path, {
      method: 'PATCH',
      token: businessUnit,
      body: change,
      etag: open.etag,
    });
    expect(res.status).toBe(200);
    expect((res.json as Disagreement).daysToResolution).toBe(39);
  });
});

describe('the demo data', () => {
  it('holds no text the identifiable-data guard would refuse', async () => {
    const items = [
      ...((await reviews(scrutineer)).json as { items: Review[] }).items,
      ...((await disagreements(scrutineer)).json as { items: Disagreement[] }).items,
    ];
    const texts = items.flatMap((i) =>
      Object.values(i).filter((v): v is string => typeof v === 'string'),
    );
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(findIdentifiableData(text)).toEqual([]);
  });
});

describe("the plan's coverage", () => {
  it('counts the year’s disagreements under function 6 and case reviews under function 3', async () => {
    const res = await server.api('/api/plans/2026/summary', { token: scrutineer });
    expect(res.status).toBe(200);
    type Row = { key: string; gap: boolean; records?: { count: number; label: string } };
    const rows = (res.json as { summary: { coverage: { functions: Row[] } } }).summary.coverage
      .functions;
    const advice = rows.find((r) => r.key === 'advice-on-disagreements');
    const count = ((await disagreements(scrutineer)).json as { items: Disagreement[] }).items
      .length;
    expect(advice?.records).toEqual({ count, label: 'disagreements raised' });
    // Still a gap in the plan: no activity has days for it.
    expect(advice?.gap).toBe(true);
    const reviewsCount = ((await reviews(scrutineer)).json as { items: Review[] }).items.length;
    expect(rows.find((r) => r.key === 'statutory-duties-and-case-reviews')?.records?.count).toBe(
      reviewsCount,
    );
  });
});
