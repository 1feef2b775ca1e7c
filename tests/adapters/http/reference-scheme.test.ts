import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server.js';
import {
  BUSINESS_UNIT,
  newDraft,
  partnerIdByName,
  POLICE_LEAD,
  SCRUTINEER,
  withEtag,
  type ErrorBody,
  type Item,
} from './helpers.js';

// One server, and these tests run in order: the scheme is partnership-wide state.
let server: TestServer;
let scrutineer: string;
let police: string;
beforeAll(async () => {
  server = await startTestServer();
  scrutineer = await server.token(SCRUTINEER);
  police = await partnerIdByName(server, scrutineer, 'Eastshire Constabulary');
});
afterAll(async () => server.close());

const partnership = async () =>
  ((await server.api('/api/me', { token: scrutineer })).json as { partnership: Item }).partnership;
const preview = async (token = scrutineer) => {
  const res = await server.api('/api/recommendations/next-reference', { token });
  expect(res.status).toBe(200);
  return res.json as { reference: string; scheme: string };
};
const setScheme = (recommendationScheme: unknown, etag?: string, token = scrutineer) =>
  withEtag(server, '/api/partnership', {
    method: 'PATCH',
    token,
    body: { recommendationScheme },
    etag,
  });
const references = async () =>
  (
    (await server.api('/api/recommendations', { token: scrutineer })).json as {
      items: { reference: string }[];
    }
  ).items.map((r) => r.reference);

describe('GET /api/recommendations/next-reference', () => {
  it('previews the default scheme without reserving, and the draft gets that reference', async () => {
    const first = await preview();
    expect(first.scheme).toBe('{prefix}-R-{year}-{seq:2}');
    expect(first.reference).toMatch(new RegExp(`^HSCP-R-${new Date().getUTCFullYear()}-\\d{2}$`));
    expect(await preview()).toEqual(first);
    const draft = await newDraft(server, scrutineer, [police]);
    expect(draft.reference).toBe(first.reference);
    const after = await preview();
    const n = (ref: string) => Number(ref.split('-').at(-1));
    expect(n(after.reference)).toBe(n(first.reference) + 1);
  });

  it('is open to whole-view readers, not to a partner lead', async () => {
    const executive = await server.token('chief.executive@harbourside.example');
    expect((await preview(executive)).reference).toMatch(/^HSCP-R-/);
    const lead = await server.api('/api/recommendations/next-reference', {
      token: await server.token(POLICE_LEAD),
    });
    expect(lead.status).toBe(403);
  });
});

describe('PATCH /api/partnership', () => {
  it('needs If-Match (428)', async () => {
    const res = await setScheme('{prefix}/{yy}/{seq:3}');
    expect(res.status).toBe(428);
    expect(res.json).toMatchObject({ error: { code: 'precondition-required' } });
  });

  it('is refused to a partner lead (403)', async () => {
    const p = await partnership();
    const res = await setScheme('{prefix}/{yy}/{seq:3}', p.etag, await server.token(POLICE_LEAD));
    expect(res.status).toBe(403);
    expect((await partnership()).etag).toBe(p.etag);
  });

  it.each([
    ['{prefix}-{month}-{seq}', /Unknown token \{month\}/],
    ['{prefix}-{year}', /needs a \{seq\}/],
    ['{prefix} {seq}', /not allowed/],
    ['{prefix}-{seq:9}', /from 1 to 6/],
  ])('refuses %j with 400 and the reason', async (scheme, message) => {
    const p = await partnership();
    const res = await setScheme(scheme, p.etag);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: { code: 'invalid-scheme' } });
    expect((res.json as ErrorBody).error.message).toMatch(message);
    expect((await partnership()).etag).toBe(p.etag);
  });

  it('refuses a body that is not just a scheme of at most 60 characters', async () => {
    const p = await partnership();
    const long = await setScheme(`{seq}${'A'.repeat(60)}`, p.etag);
    expect(long.status).toBe(400);
    expect((long.json as ErrorBody).error.issues?.[0]?.message).toMatch(/60 characters/);
    const extra = await withEtag(server, '/api/partnership', {
      method: 'PATCH',
      token: scrutineer,
      body: { recommendationScheme: '{seq}', recommendationPrefix: 'X' },
      etag: p.etag,
    });
    expect(extra.status).toBe(400);
    expect(JSON.stringify(extra.json)).toContain('recommendationPrefix');
  });

  it('lets the business unit change the scheme; new drafts follow it, old ones keep theirs', async () => {
    const before = await references();
    const p = await partnership();
    const res = await setScheme('{prefix}/{yy}/{seq:3}', p.etag, await server.token(BUSINESS_UNIT));
    expect(res.status).toBe(200);
    const updated = res.json as Item;
    expect(updated.recommendationScheme).toBe('{prefix}/{yy}/{seq:3}');
    expect(updated.etag).not.toBe(p.etag);

    const yy = String(new Date().getUTCFullYear() % 100).padStart(2, '0');
    expect(await preview()).toEqual({
      reference: `HSCP/${yy}/001`,
      scheme: '{prefix}/{yy}/{seq:3}',
    });
    const draft = await newDraft(server, scrutineer, [police]);
    expect(draft.reference).toBe(`HSCP/${yy}/001`);
    expect((await newDraft(server, scrutineer, [police])).reference).toBe(`HSCP/${yy}/002`);
    const after = await references();
    expect(after.slice(0, before.length)).toEqual(before);
  });

  it('answers 412 to a stale etag', async () => {
    const p = await partnership();
    const ok = await setScheme('{prefix}-{year}-{seq:4}', p.etag);
    expect(ok.status).toBe(200);
    const stale = await setScheme('{prefix}-{seq}', p.etag);
    expect(stale.status).toBe(412);
    expect((await partnership()).recommendationScheme).toBe('{prefix}-{year}-{seq:4}');
  });

  it('an empty scheme restores the default, continuing its own sequence', async () => {
    const year = new Date().getUTCFullYear();
    const defaultRefs = (await references()).filter((r) =>
      new RegExp(`^HSCP-R-${year}-\\d{2,}$`).test(r),
    );
    const highest = Math.max(0, ...defaultRefs.map((r) => Number(r.split('-').at(-1))));
    const p = await partnership();
    const res = await setScheme('', p.etag);
    expect(res.status).toBe(200);
    expect((res.json as Item).recommendationScheme).toBeUndefined();
    expect(await preview()).toEqual({
      reference: `HSCP-R-${year}-${String(highest + 1).padStart(2, '0')}`,
      scheme: '{prefix}-R-{year}-{seq:2}',
    });
  });
});
