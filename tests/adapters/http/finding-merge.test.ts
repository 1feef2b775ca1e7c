import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server.js';
import {
  newFinding,
  newObservation,
  partnerIdByName,
  POLICE_LEAD,
  SCRUTINEER,
  withEtag,
  type ErrorBody,
  type Item,
} from './helpers.js';

let server: TestServer;
let scrutineer: string;
let police: string;
let council: string;
beforeAll(async () => {
  server = await startTestServer();
  scrutineer = await server.token(SCRUTINEER);
  police = await partnerIdByName(server, scrutineer, 'Eastshire Constabulary');
  council = await partnerIdByName(server, scrutineer, 'Harbourside Council');
});
afterAll(async () => server.close());

const merge = (findingId: string, observationIds: unknown, etag?: string, token = scrutineer) =>
  withEtag(server, `/api/findings/${findingId}/observations`, {
    method: 'POST',
    token,
    body: { observationIds },
    etag,
  });
const observation = async (id: string) => {
  const res = await server.api('/api/observations', { token: scrutineer });
  return (res.json as { items: Item[] }).items.find((i) => i.id === id);
};
const finding = async (id: string) => {
  const res = await server.api('/api/findings', { token: scrutineer });
  return (res.json as { items: Item[] }).items.find((i) => i.id === id);
};

/** A finding from one meeting observation naming the police. */
async function setUp() {
  const first = await newObservation(server, scrutineer, { partnerIds: [police] });
  const f = await newFinding(server, scrutineer, [first.id]);
  return { first, finding: f };
}

describe('POST /api/findings/:id/observations', () => {
  it('adds open observations: links, partners and sources gathered, observations promoted', async () => {
    const { first, finding: f } = await setUp();
    const audit = await newObservation(server, scrutineer, {
      source: 'audit',
      partnerIds: [council, police],
    });
    const visit = await newObservation(server, scrutineer, { source: 'frontline-visit' });
    const res = await merge(f.id, [audit.id, visit.id, audit.id], f.etag);
    expect(res.status).toBe(200);
    const merged = res.json as Item;
    expect(merged).toMatchObject({
      id: f.id,
      observationIds: [first.id, audit.id, visit.id],
      partnerIds: [police, council],
      sources: ['meeting', 'audit', 'frontline-visit'],
    });
    expect(merged.etag).not.toBe(f.etag);
    for (const id of [audit.id, visit.id])
      expect(await observation(id)).toMatchObject({ status: 'promoted', findingId: f.id });
  });

  it('is idempotent: merging the same observations again changes no list', async () => {
    const { finding: f } = await setUp();
    const extra = await newObservation(server, scrutineer, { source: 'data' });
    const once = (await merge(f.id, [extra.id], f.etag)).json as Item;
    const twice = await merge(f.id, [extra.id], once.etag);
    expect(twice.status).toBe(200);
    const again = twice.json as Item;
    expect(again.observationIds).toEqual(once.observationIds);
    expect(again.sources).toEqual(once.sources);
    expect(again.partnerIds).toEqual(once.partnerIds);
  });

  it('refuses an observation promoted into another finding with 409 naming it, changing nothing', async () => {
    const { finding: f } = await setUp();
    const elsewhere = await newObservation(server, scrutineer);
    await newFinding(server, scrutineer, [elsewhere.id]);
    const open = await newObservation(server, scrutineer, { source: 'audit' });
    const res = await merge(f.id, [open.id, elsewhere.id], f.etag);
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({
      error: { code: 'illegal-transition', message: expect.stringContaining(elsewhere.id) },
    });
    expect((await finding(f.id))?.etag).toBe(f.etag);
    expect((await observation(open.id))?.status).toBe('open');
  });

  it('refuses an observation that does not exist with 409 naming it', async () => {
    const { finding: f } = await setUp();
    const res = await merge(f.id, ['no-such-observation'], f.etag);
    expect(res.status).toBe(409);
    expect((res.json as ErrorBody).error.message).toContain('no-such-observation');
  });

  it('needs If-Match (428) and refuses a stale finding etag (412)', async () => {
    const { finding: f } = await setUp();
    const a = await newObservation(server, scrutineer);
    const missing = await merge(f.id, [a.id]);
    expect(missing.status).toBe(428);
    expect(missing.json).toMatchObject({ error: { code: 'precondition-required' } });
    const stale = await merge(f.id, [a.id], '"stale,1"');
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({ error: { code: 'conflict' } });
    expect((await observation(a.id))?.status).toBe('open');
  });

  it('answers 404 for an unknown finding', async () => {
    const a = await newObservation(server, scrutineer);
    expect((await merge('no-such-finding', [a.id], '"x,1"')).status).toBe(404);
  });

  it('lets only the scrutineer merge', async () => {
    const { finding: f } = await setUp();
    const a = await newObservation(server, scrutineer);
    const res = await merge(f.id, [a.id], f.etag, await server.token(POLICE_LEAD));
    expect(res.status).toBe(403);
    expect((await observation(a.id))?.status).toBe('open');
  });

  it.each([
    [[], /at least one/],
    [Array.from({ length: 101 }, (_, i) => `o${i}`), /at most 100/],
    ['o1', /expected array/],
  ])('refuses observationIds %j with 400 saying why', async (ids, message) => {
    const { finding: f } = await setUp();
    const res = await merge(f.id, ids, f.etag);
    expect(res.status).toBe(400);
    expect((res.json as ErrorBody).error.issues?.[0]?.message).toMatch(message);
  });
});
