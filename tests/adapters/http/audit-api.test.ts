import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server.js';
import {
  BUSINESS_UNIT,
  newObservation,
  POLICE_LEAD,
  SCRUTINEER,
  type ErrorBody,
} from './helpers.js';

interface Row {
  seq: number;
  actorId: string;
  actorName?: string;
  channel: string;
  itemList: string;
  itemId: string;
  op: string;
  itemVersion: number;
  changedFields: string[];
}
interface AuditPage {
  entries: Row[];
  nextBefore?: number;
}

let server: TestServer;
let scrutineer: string;
let observationId: string;
let scrutineerId: string;

beforeAll(async () => {
  server = await startTestServer();
  scrutineer = await server.token(SCRUTINEER);
  const obs = await newObservation(server, scrutineer);
  observationId = obs.id;
  const edit = await server.api(`/api/observations/${obs.id}`, {
    method: 'PATCH',
    token: scrutineer,
    body: { text: 'A corrected note of the meeting.' },
    headers: { 'if-match': obs.etag },
  });
  expect(edit.status).toBe(200);
  const [me] = await server.deps.repo.all('people', { field: 'upn', equals: SCRUTINEER });
  scrutineerId = me?.id ?? '';
}, 60_000);
afterAll(async () => server?.close());

const page = async (query = '', token = scrutineer) => {
  const res = await server.api(`/api/audit${query}`, { token });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json as AuditPage;
};

describe('GET /api/audit', () => {
  it('answers the scrutineer and the business unit, newest first, in pages', async () => {
    const first = await page('?top=20');
    expect(first.entries).toHaveLength(20);
    const seqs = first.entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(first.nextBefore).toBe(seqs.at(-1));
    const second = await page(`?top=20&before=${first.nextBefore}`);
    expect(second.entries[0]?.seq).toBe((first.nextBefore ?? 0) - 1);
    const bu = await page('?top=20', await server.token(BUSINESS_UNIT));
    expect(bu.entries.map((e) => e.seq)).toEqual(seqs);
    // The demo seed is recorded too, as the system.
    const all = (await server.deps.repo.all('auditTrail')).length;
    const last = await page(`?top=5&before=6`);
    expect(last.entries.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(last.nextBefore).toBeUndefined();
    expect(last.entries[4]).toMatchObject({ actorId: 'system:seed', channel: 'system' });
    expect(all).toBeGreaterThan(100);
  });

  it('filters by item, showing who by name, channel and the fields changed', async () => {
    const { entries } = await page(`?list=observations&itemId=${observationId}`);
    expect(entries.map((e) => [e.op, e.itemVersion])).toEqual([
      ['update', 2],
      ['create', 1],
    ]);
    expect(entries[0]).toMatchObject({
      actorId: scrutineerId,
      actorName: 'Morgan Ellis',
      channel: 'tab',
      itemList: 'observations',
      changedFields: expect.arrayContaining(['text']) as unknown,
    });
    expect(JSON.stringify(entries)).not.toContain('corrected note');
  });

  it('filters by list and by person', async () => {
    const meetings = await page('?list=meetings&top=200');
    expect(meetings.entries.length).toBeGreaterThan(0);
    expect(meetings.entries.every((e) => e.itemList === 'meetings')).toBe(true);
    const mine = await page(`?actorId=${scrutineerId}&top=200`);
    expect(mine.entries.length).toBeGreaterThanOrEqual(2);
    expect(mine.entries.every((e) => e.actorId === scrutineerId)).toBe(true);
  });

  for (const upn of [POLICE_LEAD, 'chief.executive@harbourside.example'])
    it(`refuses ${upn} with 403`, async () => {
      const token = await server.token(upn);
      for (const path of ['/api/audit', '/api/audit/verify']) {
        const res = await server.api(path, { token });
        expect(res.status, path).toBe(403);
        expect((res.json as ErrorBody).error.code).toBe('forbidden');
      }
    });

  it('refuses anyone not signed in', async () => {
    expect((await server.api('/api/audit')).status).toBe(401);
  });

  it('refuses unknown, over-long and out-of-range query values', async () => {
    for (const q of [
      '?colour=red',
      '?top=201',
      '?top=0',
      '?top=abc',
      '?before=-1',
      `?itemId=${'x'.repeat(101)}`,
      '?list=notAList',
    ]) {
      const res = await server.api(`/api/audit${q}`, { token: scrutineer });
      expect(res.status, q).toBe(400);
    }
  });
});

describe('GET /api/audit/verify', () => {
  it("answers the verifier's result: intact after the app's own writes", async () => {
    const res = await server.api('/api/audit/verify', { token: scrutineer });
    expect(res.status).toBe(200);
    const body = res.json as {
      ok: boolean;
      entries: number;
      breaks: unknown[];
      items: unknown[];
      summary: string;
    };
    expect(body.breaks).toEqual([]);
    expect(body.items).toEqual([]);
    expect(body.ok).toBe(true);
    expect(body.summary).toContain('unbroken');
  });
});
