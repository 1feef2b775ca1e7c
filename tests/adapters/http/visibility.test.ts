import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listNames } from '../../../src/domain/lists/schema.js';
import { linesOfEnquiry } from '../../../src/domain/vocabulary.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { newObservation, POLICE_LEAD, SCRUTINEER, type Item } from './helpers.js';

/**
 * Role trimming across the whole API, table-driven over the routes the server describes in
 * /api/openapi.json, so a new route cannot escape: every route must be classified below.
 * Executives (LSP, DSP, chair) read everything and write nothing; a partner's people see only
 * their own partner's items.
 */

const EXECUTIVES = [
  'chief.executive@harbourside.example', // lead safeguarding partner (council)
  'dcs@harbourside.example', // delegated safeguarding partner and partnership chair (council)
  'tom.bradley@eastshire-police.example', // delegated safeguarding partner (police)
];

let server: TestServer;
let scrutineer: string;
let aisha: string;
const ids: Record<string, string> = {};
const etags: Record<string, string> = {};

async function upnId(upn: string) {
  const [p] = await server.deps.repo.all('people', { field: 'upn', equals: upn });
  if (!p) throw new Error(`no ${upn}`);
  return p.id;
}

beforeAll(async () => {
  server = await startTestServer();
  scrutineer = await server.token(SCRUTINEER);
  aisha = await server.token(POLICE_LEAD);
  const repo = server.deps.repo;
  const partners = await repo.all('partners');
  const partnerId = (name: string) => partners.find((p) => p.fields.name === name)?.id ?? '';
  ids.police = partnerId('Eastshire Constabulary');
  ids.council = partners.find((p) => p.fields.kind === 'local-authority')?.id ?? '';
  ids.icb = partners.find((p) => p.fields.kind === 'health')?.id ?? '';
  ids.aisha = await upnId(POLICE_LEAD);
  ids.dcs = await upnId('dcs@harbourside.example');
  const recs = await repo.all('recommendations');
  ids.issued = recs.find((r) => r.fields.status === 'issued')?.id ?? '';
  const draft = recs.find((r) => r.fields.status === 'draft');
  ids.draft = draft?.id ?? '';
  etags.draft = draft?.etag ?? '';
  const [action] = await repo.all('actions');
  ids.action = action?.id ?? '';
  const obs = await newObservation(server, scrutineer);
  ids.observation = obs.id;
  etags.observation = obs.etag;
  const [finding] = await repo.all('findings');
  ids.finding = finding?.id ?? '';
  etags.finding = finding?.etag ?? '';
  const [plan] = await repo.all('plans');
  ids.plan = plan?.id ?? '';
  etags.plan = plan?.etag ?? '';
  const [activity] = await repo.all('planActivities');
  ids.activity = activity?.id ?? '';
  etags.activity = activity?.etag ?? '';
  const [partnership] = await repo.all('partnerships');
  etags.partnership = partnership?.etag ?? '';

  // Items of other partners only, so that a leak would show.
  const ctx = {
    actorId: 'test',
    homeTenantId: 'test',
    channel: 'system' as const,
    at: '2026-11-02T10:00:00Z',
  };
  await repo.create(
    'recommendations',
    {
      reference: 'HSCP-R-2026-90',
      title: 'Health only',
      text: 'For the ICB alone.',
      priority: 'low',
      partnerIds: [ids.icb],
      responseDueDate: '2099-01-31',
      status: 'issued',
      issuedAt: '2026-11-01T09:00:00Z',
    },
    ctx,
  );
  const dis = await server.api('/api/disagreements', {
    token: scrutineer,
    body: {
      reference: 'HSCP-D-2026-90',
      partnerIds: [ids.council, ids.icb],
      matter: 'Who leads strategy discussions.',
      status: 'open',
      raisedOn: '2026-11-02',
    },
  });
  expect(dis.status).toBe(201);
  ids.disagreement = (dis.json as Item).id;
  etags.disagreement = (dis.json as Item).etag;
  const review = await server.api('/api/case-reviews', {
    token: scrutineer,
    body: { code: 'HSCP-C-2026-90', awareOn: '2026-11-02', lcsprDecision: 'pending' },
  });
  expect(review.status).toBe(201);
  ids.caseReview = (review.json as Item).id;
  etags.caseReview = (review.json as Item).etag;
  // Evidence on the council's action, which the police must not be able to read.
  const upload = await server.api(`/api/items/actions/${ids.action}/evidence`, {
    method: 'POST',
    token: scrutineer,
    body: 'The panel agreed the format on 4 November.',
    headers: { 'x-file-name': 'panel-notes.txt', 'content-type': 'text/plain' },
  });
  expect(upload.status).toBe(201);
  ids.file = (upload.json as { id: string }).id;
}, 60_000);
afterAll(async () => server?.close());

/** Every route the server describes, as "METHOD /api/path/{param}". */
async function describedRoutes(): Promise<string[]> {
  const doc = (await server.api('/api/openapi.json')).json as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

interface Write {
  path: () => string;
  body?: () => unknown;
  etag?: () => string;
  headers?: Record<string, string>;
}

/** Every write, with a body the route accepts, so the answer is about the role, not the input. */
const writes: Record<string, Write> = {
  'PATCH /api/observations/{id}': {
    path: () => `/api/observations/${ids.observation}`,
    body: () => ({ text: 'A corrected note of the meeting.' }),
    etag: () => etags.observation ?? '',
  },
  'PATCH /api/recommendations/{id}': {
    path: () => `/api/recommendations/${ids.draft}`,
    body: () => ({ title: 'A better title' }),
    etag: () => etags.draft ?? '',
  },
  'POST /api/findings/{id}/observations': {
    path: () => `/api/findings/${ids.finding}/observations`,
    body: () => ({ observationIds: [ids.observation] }),
    etag: () => etags.finding ?? '',
  },
  'PATCH /api/partnership': {
    path: () => '/api/partnership',
    body: () => ({ recommendationScheme: '{prefix}-{year}-{seq:3}' }),
    etag: () => etags.partnership ?? '',
  },
  'POST /api/actions/{id}/events': {
    path: () => `/api/actions/${ids.action}/events`,
    body: () => ({ kind: 'paused', note: 'Waiting for the panel.', eventKey: 'exec-key-0001' }),
  },
  'POST /api/actions/{id}/impact-checks': {
    path: () => `/api/actions/${ids.action}/impact-checks`,
    body: () => ({ monthsAfter: 3 }),
  },
  'PATCH /api/impact-checks/{id}': {
    path: () => '/api/impact-checks/no-such-check',
    body: () => ({ status: 'cancelled' }),
  },
  'POST /api/disagreements': {
    path: () => '/api/disagreements',
    body: () => ({
      reference: 'HSCP-D-2026-91',
      partnerIds: [ids.council, ids.police],
      matter: 'Thresholds for referral.',
      status: 'open',
      raisedOn: '2026-11-03',
    }),
  },
  'PATCH /api/disagreements/{id}': {
    path: () => `/api/disagreements/${ids.disagreement}`,
    body: () => ({ status: 'resolved', resolvedOn: '2026-11-10' }),
    etag: () => etags.disagreement ?? '',
  },
  'POST /api/meetings': {
    path: () => '/api/meetings',
    body: () => ({
      title: 'Learning event',
      kind: 'learning-event',
      startsAt: '2026-11-20T10:00:00Z',
    }),
  },
  'POST /api/observations': {
    path: () => '/api/observations',
    body: () => ({
      text: 'Practitioners found the route clear.',
      evidenceClass: 'gone-well',
      source: 'meeting',
    }),
  },
  'POST /api/findings': {
    path: () => '/api/findings',
    body: () => ({
      title: 'Escalation works well',
      summary: 'Practitioners and audit agree.',
      evidenceClass: 'gone-well',
      observationIds: [ids.observation],
    }),
  },
  'POST /api/recommendations': {
    path: () => '/api/recommendations',
    body: () => ({
      title: 'Agree a protocol',
      text: 'Partners should agree one protocol.',
      priority: 'medium',
      partnerIds: [ids.police],
      responseDueDate: '2099-03-31',
    }),
  },
  'POST /api/recommendations/{id}/issue': { path: () => `/api/recommendations/${ids.draft}/issue` },
  'POST /api/recommendations/{id}/deliveries/{personId}/resend': {
    path: () => `/api/recommendations/${ids.issued}/deliveries/${ids.aisha}/resend`,
  },
  'POST /api/recommendations/{id}/deliveries/{personId}/web-link': {
    path: () => `/api/recommendations/${ids.issued}/deliveries/${ids.aisha}/web-link`,
  },
  'POST /api/plans': {
    path: () => '/api/plans',
    body: () => ({ reportingYear: 2031, daysContracted: 10, dayRate: 500 }),
  },
  'PATCH /api/plans/{id}': {
    path: () => `/api/plans/${ids.plan}`,
    body: () => ({ daysContracted: 31 }),
    etag: () => etags.plan ?? '',
  },
  'POST /api/plan-activities': {
    path: () => '/api/plan-activities',
    body: () => ({
      planId: ids.plan,
      theme: 'Assurance',
      title: 'Audit of strategy discussions',
      functions: ['assurance'],
      linesOfEnquiry: [],
      daysAllocated: 1,
    }),
  },
  'PATCH /api/plan-activities/{id}': {
    path: () => `/api/plan-activities/${ids.activity}`,
    body: () => ({ title: 'Renamed activity' }),
    etag: () => etags.activity ?? '',
  },
  'POST /api/day-logs': {
    path: () => '/api/day-logs',
    body: () => ({
      activityId: ids.activity,
      date: '2026-11-02',
      days: 0.5,
      idempotencyKey: 'exec-day-1',
    }),
  },
  'POST /api/chair-terms': {
    path: () => '/api/chair-terms',
    body: () => ({ personId: ids.dcs, startsOn: '2027-06-01' }),
  },
  'POST /api/slg-items/{id}/ruling': {
    path: () => '/api/slg-items/no-such-item/ruling',
    body: () => ({ outcome: 'decline-upheld', note: 'Upheld.' }),
    etag: () => '"stale"',
  },
  'POST /api/case-reviews': {
    path: () => '/api/case-reviews',
    body: () => ({ code: 'HSCP-C-2026-91', awareOn: '2026-11-03', lcsprDecision: 'pending' }),
  },
  'PATCH /api/case-reviews/{id}': {
    path: () => `/api/case-reviews/${ids.caseReview}`,
    body: () => ({ notifiedOn: '2026-11-04' }),
    etag: () => etags.caseReview ?? '',
  },
  'POST /api/items/{list}/{id}/evidence': {
    path: () => `/api/items/actions/${ids.action}/evidence`,
    body: () => 'Minutes of the panel meeting.',
    headers: { 'x-file-name': 'minutes.txt', 'content-type': 'text/plain' },
  },
  'PUT /api/reports/yearly/{year}/summary': {
    path: () => '/api/reports/yearly/2026/summary',
    body: () => ({ summaryJudgement: 'The partnership is improving.' }),
  },
  'POST /api/reports/yearly/{year}/sign-off': {
    path: () => '/api/reports/yearly/2026/sign-off',
    etag: () => '"stale"',
  },
  'POST /api/reports/yearly/{year}/distributions': {
    path: () => '/api/reports/yearly/2026/distributions',
    body: () => ({
      recipient: 'national-panel',
      sentOn: '2026-11-02',
      distributionKey: 'exec-dist-1',
    }),
  },
};

/** Writes anyone may make, with the reason; each is still shown to store nothing for executives. */
const writeExemptions: Record<string, { reason: string; write: Write }> = {
  'POST /api/checks/identifiable-data': {
    reason: 'Checks text as a person types and stores nothing; any signed-in person may use it.',
    write: { path: () => '/api/checks/identifiable-data', body: () => ({ text: 'Hello.' }) },
  },
  'POST /api/respond-links/{token}/response': {
    reason:
      "A partner's own response path: the signed link names its one recipient (a partner lead); anyone else is refused (tests/adapters/http/response-links.test.ts).",
    write: {
      path: () => '/api/respond-links/not-a-real-token/response',
      body: () => ({ decision: 'accept', rationale: 'Agreed.' }),
    },
  },
};

type Check = 'forbidden' | 'trimmed' | ((res: { status: number; json: unknown }) => void);
interface Read {
  path: () => string;
  check: Check;
}

const reads: Record<string, Read> = {
  'GET /api/me': { path: () => '/api/me', check: 'trimmed' },
  'GET /api/partners': {
    path: () => '/api/partners',
    check: (res) => {
      expect(res.status).toBe(200);
      expect((res.json as { items: Item[] }).items.map((p) => p.id)).toEqual([ids.police]);
    },
  },
  'GET /api/people': { path: () => '/api/people', check: 'trimmed' },
  'GET /api/meetings': { path: () => '/api/meetings', check: 'forbidden' },
  'GET /api/observations': { path: () => '/api/observations', check: 'forbidden' },
  'GET /api/findings': { path: () => '/api/findings', check: 'forbidden' },
  'GET /api/findings/triangulation': {
    path: () => '/api/findings/triangulation',
    check: 'forbidden',
  },
  'GET /api/recommendations': {
    path: () => '/api/recommendations',
    check: (res) => {
      expect(res.status).toBe(200);
      const items = (res.json as { items: (Item & { status: string; reference: string })[] }).items;
      expect(items.map((r) => r.id)).toContain(ids.issued);
      expect(items.map((r) => r.id)).not.toContain(ids.draft);
      expect(items.map((r) => r.reference)).not.toContain('HSCP-R-2026-90');
      expect(items.every((r) => r.status !== 'draft')).toBe(true);
      onlyOwn(res.json);
    },
  },
  'GET /api/recommendations/next-reference': {
    path: () => '/api/recommendations/next-reference',
    check: 'forbidden',
  },
  'GET /api/recommendations/{id}/deliveries': {
    path: () => `/api/recommendations/${ids.issued}/deliveries`,
    check: 'forbidden',
  },
  'GET /api/tasks': { path: () => '/api/tasks', check: 'forbidden' },
  'GET /api/disagreements': {
    path: () => '/api/disagreements',
    check: (res) => {
      expect(res.status).toBe(200);
      expect((res.json as { items: Item[] }).items.map((d) => d.id)).not.toContain(
        ids.disagreement,
      );
      onlyOwn(res.json);
    },
  },
  'GET /api/tracker': {
    path: () => '/api/tracker',
    check: (res) => {
      expect(res.status).toBe(200);
      const view = res.json as { rows: { partners: { partner: { id: string } }[] }[] };
      expect(view.rows.length).toBeGreaterThan(0);
      onlyOwn(res.json);
    },
  },
  'GET /api/dashboard': { path: () => '/api/dashboard', check: 'forbidden' },
  'GET /api/plans': { path: () => '/api/plans', check: 'forbidden' },
  'GET /api/plans/current/summary': {
    path: () => '/api/plans/current/summary',
    check: 'forbidden',
  },
  'GET /api/plans/{year}/summary': { path: () => '/api/plans/2026/summary', check: 'forbidden' },
  'GET /api/day-logs': { path: () => '/api/day-logs', check: 'forbidden' },
  'GET /api/calendar/working-days': {
    path: () => '/api/calendar/working-days?from=2026-11-20&add=1',
    check: 'trimmed',
  },
  'GET /api/reminders/preview': { path: () => '/api/reminders/preview', check: 'forbidden' },
  'GET /api/reminder-notices': {
    path: () => `/api/reminder-notices?subjectId=${ids.action}`,
    check: 'forbidden',
  },
  'GET /api/chair-terms': { path: () => '/api/chair-terms', check: 'forbidden' },
  'GET /api/slg-items': { path: () => '/api/slg-items', check: 'forbidden' },
  'GET /api/case-reviews': { path: () => '/api/case-reviews', check: 'forbidden' },
  'GET /api/email-outbox': { path: () => '/api/email-outbox', check: 'forbidden' },
  'GET /api/items/{list}/{id}/evidence': {
    path: () => `/api/items/actions/${ids.action}/evidence`,
    check: 'forbidden',
  },
  'GET /api/evidence/{fileId}/content': {
    path: () => `/api/evidence/${ids.file}/content`,
    check: 'forbidden',
  },
  'GET /api/reports/yearly': { path: () => '/api/reports/yearly?year=2026', check: 'forbidden' },
  'GET /api/reports/yearly/checklist': {
    path: () => '/api/reports/yearly/checklist?year=2026',
    check: 'forbidden',
  },
  'GET /api/export/inspection-pack.xlsx': {
    path: () => `/api/export/inspection-pack.xlsx?theme=${linesOfEnquiry[0]}`,
    check: 'forbidden',
  },
  // The audit trail: the scrutineer and the business unit only (tests/adapters/http/audit-api.test.ts).
  'GET /api/audit': { path: () => '/api/audit', check: 'forbidden' },
  'GET /api/audit/verify': { path: () => '/api/audit/verify', check: 'forbidden' },
};

/** Reads checked another way, with the reason. */
const readExemptions: Record<string, string> = {
  'GET /api/respond-links/{token}':
    'The signed link names its one recipient and partner; anyone else gets 403 link-wrong-person (tests/adapters/http/response-links.test.ts). Checked below only that a made-up token opens nothing.',
  'GET /api/export/tracker.xlsx':
    "A workbook, not JSON: checked in its own test below for other partners' names.",
};

/** Every object in the answer that names a partner names the reader's own. */
function onlyOwn(json: unknown, where = '$'): void {
  if (Array.isArray(json)) {
    json.forEach((x, i) => onlyOwn(x, `${where}[${i}]`));
    return;
  }
  if (!json || typeof json !== 'object') return;
  const o = json as Record<string, unknown>;
  if (typeof o.partnerId === 'string') expect(o.partnerId, `${where}.partnerId`).toBe(ids.police);
  if (Array.isArray(o.partnerIds))
    expect(o.partnerIds, `${where}.partnerIds`).toContain(ids.police);
  const partner = o.partner as { id?: unknown } | undefined;
  if (partner && typeof partner === 'object' && typeof partner.id === 'string')
    expect(partner.id, `${where}.partner.id`).toBe(ids.police);
  for (const [k, v] of Object.entries(o)) onlyOwn(v, `${where}.${k}`);
}

/** Every item of every list, by id and etag: a write of any kind changes it. */
async function snapshot(): Promise<string> {
  const parts: string[] = [];
  for (const list of listNames) {
    const items = await server.deps.repo.all(list);
    parts.push(
      `${list}:${items
        .map((i) => `${i.id}=${i.etag}`)
        .sort()
        .join(',')}`,
    );
  }
  const files = await server.api(`/api/items/actions/${ids.action}/evidence`, {
    token: scrutineer,
  });
  parts.push(JSON.stringify(files.json));
  return parts.join('\n');
}

const send = (w: Write, token: string) => {
  const body = w.body?.();
  return server.api(w.path(), {
    method: 'POST',
    token,
    ...(body === undefined ? {} : { body }),
    headers: { ...(w.etag ? { 'if-match': w.etag() } : {}), ...w.headers },
  });
};

describe('every route is classified', () => {
  it('each described route is in the tables, and the tables name no route that is gone', async () => {
    const routes = await describedRoutes();
    const known = new Set([
      ...Object.keys(writes),
      ...Object.keys(writeExemptions),
      ...Object.keys(reads),
      ...Object.keys(readExemptions),
    ]);
    expect(
      routes.filter((r) => !known.has(r)),
      'routes with no visibility rule',
    ).toEqual([]);
    expect(
      [...known].filter((r) => !routes.includes(r)),
      'rules for routes that are gone',
    ).toEqual([]);
    for (const r of routes)
      if (r.startsWith('GET ')) expect(r in writes || r in writeExemptions).toBe(false);
      else expect(r in reads || r in readExemptions).toBe(false);
  });
});

describe('executives write nothing', () => {
  for (const upn of EXECUTIVES)
    it(`${upn} gets 403 on every write, and nothing is stored`, async () => {
      const token = await server.token(upn);
      const before = await snapshot();
      const wrong: string[] = [];
      for (const [key, w] of Object.entries(writes)) {
        const method = key.split(' ')[0] ?? 'POST';
        const body = w.body?.();
        const res = await server.api(w.path(), {
          method,
          token,
          ...(body === undefined ? {} : { body }),
          headers: { ...(w.etag ? { 'if-match': w.etag() } : {}), ...w.headers },
        });
        if (res.status !== 403) wrong.push(`${key}: ${res.status} ${JSON.stringify(res.json)}`);
      }
      expect(wrong).toEqual([]);
      for (const [key, { write }] of Object.entries(writeExemptions)) {
        const res = await send(write, token);
        expect(res.status, key).toBeLessThan(500);
      }
      expect(await snapshot()).toBe(before);
    }, 60_000);

  it('the scrutineer is not refused by the same requests (the bodies are accepted)', async () => {
    // Only routes whose success would not disturb the other checks: a sample of each kind.
    const res = await send(writes['POST /api/meetings'] as Write, scrutineer);
    expect(res.status).toBe(201);
  });
});

describe("a partner's people see only their own partner's items", () => {
  it('on every read route', async () => {
    const wrong: string[] = [];
    for (const [key, read] of Object.entries(reads)) {
      const res = await server.api(read.path(), { token: aisha });
      try {
        if (read.check === 'forbidden') expect(res.status).toBe(403);
        else if (read.check === 'trimmed') {
          expect(res.status).toBe(200);
          onlyOwn(res.json);
        } else read.check(res);
      } catch (e) {
        wrong.push(`${key}: ${res.status} ${(e as Error).message}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('see only their own partner in the people list, with the partnership’s staff', async () => {
    const res = await server.api('/api/people', { token: aisha });
    const people = (res.json as { items: (Item & { partnerId?: string; upn: string })[] }).items;
    expect(people.some((p) => p.upn === SCRUTINEER)).toBe(true);
    expect(people.some((p) => p.upn === 'sam.carter@harbourside.example')).toBe(false);
    expect(people.every((p) => !p.partnerId || p.partnerId === ids.police)).toBe(true);
  });

  it('open nothing with a made-up response link', async () => {
    const res = await server.api('/api/respond-links/not-a-real-token', { token: aisha });
    expect(res.status).toBe(400);
  });

  it("find no other partner's names in the tracker workbook", async () => {
    const res = await fetch(`${server.url}/api/export/tracker.xlsx`, {
      headers: { authorization: `Bearer ${aisha}` },
    });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const text = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    const others = (await server.deps.repo.all('partners')).filter((p) => p.id !== ids.police);
    for (const p of others) expect(text, p.fields.name).not.toContain(p.fields.name);
    expect(text).toContain('Eastshire Constabulary');
  });

  it('but executives read the whole: the recommendations and the partners', async () => {
    const token = await server.token('chief.constable@eastshire-police.example');
    const recs = await server.api('/api/recommendations', { token });
    expect((recs.json as { items: Item[] }).items.length).toBeGreaterThanOrEqual(3);
    const partners = await server.api('/api/partners', { token });
    expect((partners.json as { items: Item[] }).items.length).toBeGreaterThan(1);
    expect((await server.api('/api/observations', { token })).status).toBe(200);
  });
});
