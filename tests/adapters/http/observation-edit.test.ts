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
import { sample } from '../../domain/guard/samples.js';

let server: TestServer;
let scrutineer: string;
beforeAll(async () => {
  server = await startTestServer();
  scrutineer = await server.token(SCRUTINEER);
});
afterAll(async () => server.close());

const patch = (id: string, body: unknown, etag?: string, token = scrutineer) =>
  withEtag(server, `/api/observations/${id}`, { method: 'PATCH', token, body, etag });
const current = async (id: string) => {
  const res = await server.api('/api/observations', { token: scrutineer });
  return (res.json as { items: Item[] }).items.find((i) => i.id === id);
};

describe('PATCH /api/observations/:id', () => {
  it('corrects an open observation and returns it with a new etag', async () => {
    const obs = await newObservation(server, scrutineer, { lineOfEnquiry: 'leadership' });
    const police = await partnerIdByName(server, scrutineer, 'Eastshire Constabulary');
    const res = await patch(
      obs.id,
      {
        text: 'Practitioners said the escalation route is clear but slow at weekends.',
        evidenceClass: 'worry',
        partnerIds: [police],
        source: 'practitioners',
      },
      obs.etag,
    );
    expect(res.status).toBe(200);
    const item = res.json as Item;
    expect(item).toMatchObject({
      id: obs.id,
      text: 'Practitioners said the escalation route is clear but slow at weekends.',
      evidenceClass: 'worry',
      partnerIds: [police],
      source: 'practitioners',
      lineOfEnquiry: 'leadership',
      status: 'open',
      version: (obs.version as number) + 1,
    });
    expect(item.etag).not.toBe(obs.etag);
    expect(await current(obs.id)).toMatchObject({ etag: item.etag, evidenceClass: 'worry' });
  });

  it('clears an optional field with null', async () => {
    const obs = await newObservation(server, scrutineer, { lineOfEnquiry: 'leadership' });
    const res = await patch(obs.id, { lineOfEnquiry: null }, obs.etag);
    expect(res.status).toBe(200);
    expect((res.json as Item).lineOfEnquiry).toBeUndefined();
  });

  it('answers 428 without If-Match and changes nothing', async () => {
    const obs = await newObservation(server, scrutineer);
    const res = await patch(obs.id, { evidenceClass: 'worry' });
    expect(res.status).toBe(428);
    expect(res.json).toMatchObject({ error: { code: 'precondition-required' } });
    expect((await current(obs.id))?.etag).toBe(obs.etag);
  });

  it('answers 412 to a stale etag, so a second editor cannot overwrite the first', async () => {
    const obs = await newObservation(server, scrutineer);
    const first = await patch(obs.id, { evidenceClass: 'worry' }, obs.etag);
    expect(first.status).toBe(200);
    const second = await patch(obs.id, { evidenceClass: 'too-early' }, obs.etag);
    expect(second.status).toBe(412);
    expect(second.json).toMatchObject({ error: { code: 'conflict' } });
    expect((await current(obs.id))?.evidenceClass).toBe('worry');
  });

  it('answers 409 once the observation has been promoted', async () => {
    const obs = await newObservation(server, scrutineer);
    await newFinding(server, scrutineer, [obs.id]);
    const promoted = await current(obs.id);
    const res = await patch(obs.id, { evidenceClass: 'worry' }, promoted?.etag);
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({
      error: { code: 'illegal-transition', message: expect.stringContaining('promoted') },
    });
  });

  it('answers 404 for an unknown observation', async () => {
    const res = await patch('no-such-observation', { evidenceClass: 'worry' }, '"x,1"');
    expect(res.status).toBe(404);
  });

  it('lets only the scrutineer edit', async () => {
    const obs = await newObservation(server, scrutineer);
    const lead = await server.token(POLICE_LEAD);
    const res = await patch(obs.id, { evidenceClass: 'worry' }, obs.etag, lead);
    expect(res.status).toBe(403);
    expect((await current(obs.id))?.etag).toBe(obs.etag);
  });

  it.each([
    [{}, '', /at least one of: text/],
    [{ status: 'promoted' }, '', /status/],
    [{ findingId: 'f' }, '', /findingId/],
    [{ text: '' }, 'text', /required/],
    [{ evidenceClass: 'maybe' }, 'evidenceClass', /gone-well/],
    [{ source: null }, 'source', /./],
  ])('refuses %j with 400 saying what is wrong', async (body, path, message) => {
    const obs = await newObservation(server, scrutineer);
    const res = await patch(obs.id, body, obs.etag);
    expect(res.status).toBe(400);
    const issues = (res.json as ErrorBody).error.issues ?? [];
    expect(issues.some((i) => i.path === path && message.test(i.message))).toBe(true);
  });

  it('refuses an unknown partner with 400', async () => {
    const obs = await newObservation(server, scrutineer);
    const res = await patch(obs.id, { partnerIds: ['no-such-partner'] }, obs.etag);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error: { code: 'unknown-partner', message: expect.stringContaining('no-such-partner') },
    });
  });

  it('refuses identifiable text with 422 and keeps the old text', async () => {
    const obs = await newObservation(server, scrutineer);
    const res = await patch(
      obs.id,
      { text: `Her mother ${sample.parentName} rang the Front Door.` },
      obs.etag,
    );
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({
      error: { code: 'identifiable-data', fields: [{ field: 'text' }] },
    });
    expect(await current(obs.id)).toMatchObject({ etag: obs.etag, text: obs.text });
  });
});
