import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server.js';
import { POLICE_LEAD, SCRUTINEER, type ErrorBody } from './helpers.js';
import { sample } from '../../domain/guard/samples.js';

let server: TestServer;
let scrutineer: string;
beforeAll(async () => {
  server = await startTestServer();
  scrutineer = await server.token(SCRUTINEER);
});
afterAll(async () => server.close());

type Check = { identifiable: boolean; matches: { kind: string; start: number; end: number }[] };
const check = (text: unknown, token = scrutineer) =>
  server.api('/api/checks/identifiable-data', { token, body: { text } });

describe('POST /api/checks/identifiable-data', () => {
  it('finds nothing in text about the system', async () => {
    const res = await check('The SLG agreed to review the neglect strategy for HSCP-C-2026-14.');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ identifiable: false, matches: [] });
  });

  it('returns kinds and spans that index the text exactly as sent, without echoing it', async () => {
    // Leading spaces kept: the tab highlights these offsets in what the person typed.
    const text = `   Referral quoted NHS number ${sample.nhsNumber}; her mother ${sample.parentName} called.`;
    const res = await check(text);
    expect(res.status).toBe(200);
    const body = res.json as Check;
    expect(body.identifiable).toBe(true);
    expect(body.matches.map((m) => [m.kind, text.slice(m.start, m.end)])).toEqual([
      ['nhs-number', sample.nhsNumber],
      ['person-name', sample.parentName],
    ]);
    for (const m of body.matches) expect(Object.keys(m).sort()).toEqual(['end', 'kind', 'start']);
    const raw = JSON.stringify(res.json);
    expect(raw).not.toContain(sample.nhsNumber);
    expect(raw).not.toContain('Zephyrine');
  });

  it('may be used by anyone signed in, such as a partner lead', async () => {
    const res = await check(`Contact on ${sample.phone}.`, await server.token(POLICE_LEAD));
    expect(res.status).toBe(200);
    expect((res.json as Check).matches.map((m) => m.kind)).toEqual(['phone-number']);
  });

  it('needs a bearer token', async () => {
    const res = await server.api('/api/checks/identifiable-data', { body: { text: 'x' } });
    expect(res.status).toBe(401);
  });

  it('refuses more than 20000 characters, saying so', async () => {
    const res = await check('a'.repeat(20001));
    expect(res.status).toBe(400);
    const issue = (res.json as ErrorBody).error.issues?.[0];
    expect(issue).toMatchObject({ path: 'text', message: expect.stringContaining('20000') });
    expect((await check('a'.repeat(20000))).status).toBe(200);
  });

  it('refuses a missing text, a number, or extra fields', async () => {
    const missing = await server.api('/api/checks/identifiable-data', {
      token: scrutineer,
      body: {},
    });
    expect(missing.status).toBe(400);
    expect((missing.json as ErrorBody).error.issues?.map((i) => i.path)).toEqual(['text']);
    expect((await check(42)).status).toBe(400);
    const extra = await server.api('/api/checks/identifiable-data', {
      token: scrutineer,
      body: { text: 'fine', save: true },
    });
    expect(extra.status).toBe(400);
    expect(JSON.stringify(extra.json)).toContain('save');
  });
});
