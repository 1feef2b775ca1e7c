import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../support/server.js';
import { SCRUTINEER, type ErrorBody } from '../helpers.js';

/** Hostile bodies, queries and paths: each answers a clear 4xx and nothing is written. */

let server: TestServer;
let token: string;
const observation = {
  text: 'Practitioners described the new escalation route as clear and quick.',
  evidenceClass: 'gone-well',
  source: 'meeting',
};

beforeAll(async () => {
  server = await startTestServer();
  token = await server.token(SCRUTINEER);
});
afterAll(async () => server.close());

const count = async () => (await server.deps.repo.all('observations')).length;
const post = (path: string, body: unknown) => server.api(path, { token, body });
const issues = (res: { json: unknown }) => (res.json as ErrorBody).error.issues ?? [];

describe('unknown fields', () => {
  it('are refused at the top level, naming the field, and nothing is stored', async () => {
    const before = await count();
    const res = await post('/api/observations', { ...observation, status: 'promoted' });
    expect(res.status).toBe(400);
    expect((res.json as ErrorBody).error.code).toBe('invalid-request');
    expect(JSON.stringify(issues(res))).toContain('status');
    expect(await count()).toBe(before);
  });

  it('are refused inside nested objects, naming where', async () => {
    const res = await post('/api/respond-links/any-token/response', {
      decision: 'accept',
      rationale: 'We agree.',
      actions: [{ description: 'Publish the protocol.', approvedBy: 'me' }],
    });
    expect(res.status).toBe(400);
    const [issue] = issues(res);
    expect(issue?.path).toBe('actions.0');
    expect(issue?.message).toContain('approvedBy');
  });

  it('are refused by a route that takes no body, and nothing is issued', async () => {
    const [draft] = await server.deps.repo.all('recommendations', {
      field: 'status',
      equals: 'draft',
    });
    const res = await post(`/api/recommendations/${draft?.id}/issue`, { notify: 'everyone' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(issues(res))).toContain('notify');
    expect((await server.deps.repo.get('recommendations', draft?.id ?? ''))?.fields.status).toBe(
      'draft',
    );
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuse the prototype key %s as an unknown field, and pollute nothing',
    async (key) => {
      const before = await count();
      const raw = `{${JSON.stringify(key)}:{"isAdmin":true,"roles":["scrutineer"]},${JSON.stringify(observation).slice(1)}`;
      const res = await post('/api/observations', raw);
      expect(res.status).toBe(400);
      expect(JSON.stringify(issues(res))).toContain(key);
      expect(await count()).toBe(before);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
  );

  it('refuse a nested prototype key in a query too', async () => {
    const res = await server.api('/api/observations?__proto__[status]=open', { token });
    expect(res.status).toBe(400);
    expect((res.json as ErrorBody).error.code).toBe('invalid-query');
  });
});

describe('lengths and sizes', () => {
  it('an over-long field is refused with the field named, and nothing is stored', async () => {
    const before = await count();
    const res = await post('/api/observations', { ...observation, text: 'a'.repeat(4001) });
    expect(res.status).toBe(400);
    expect(issues(res).map((i) => i.path)).toEqual(['text']);
    expect(await count()).toBe(before);
  });

  it('an over-long array is refused', async () => {
    const res = await post('/api/findings/any/observations', {
      observationIds: Array.from({ length: 101 }, (_, i) => `o${i}`),
    });
    expect(res.status).toBe(400);
    expect(issues(res).map((i) => i.path)).toEqual(['observationIds']);
  });

  it('a body over 256 kB is refused with 413 before it is read', async () => {
    const before = await count();
    const res = await post('/api/observations', { ...observation, text: 'a'.repeat(300_000) });
    expect(res.status).toBe(413);
    expect((res.json as ErrorBody).error.code).toBe('too-large');
    expect(await count()).toBe(before);
  });

  it('deep nesting answers 400, never 5xx', async () => {
    const before = await count();
    const depth = 50_000;
    const raw = `{"text":${'['.repeat(depth)}${']'.repeat(depth)},"evidenceClass":"worry","source":"meeting"}`;
    const res = await post('/api/observations', raw);
    expect(res.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('an over-long query value is refused', async () => {
    const res = await server.api(`/api/tracker?asAt=${'2'.repeat(5000)}`, { token });
    expect(res.status).toBe(400);
    expect((res.json as ErrorBody).error.code).toBe('invalid-query');
  });

  it.each([
    '/api/recommendations/{x}/deliveries',
    '/api/respond-links/{x}',
    '/api/evidence/{x}/content',
    '/api/items/observations/{x}/evidence',
  ])('a 10 KB id in %s answers 400, never 5xx', async (template) => {
    const res = await server.api(template.replace('{x}', 'x'.repeat(10_000)), { token });
    expect(res.status).toBe(400);
    expect((res.json as ErrorBody).error.code).toBe('invalid-path');
  });

  it('an id over its cap but under the segment cap is refused by name', async () => {
    const res = await server.api(`/api/recommendations/${'x'.repeat(101)}/deliveries`, { token });
    expect(res.status).toBe(400);
    expect(issues(res)).toEqual([{ path: 'id', message: 'id may be at most 100 characters.' }]);
  });

  it('Node refuses a request line and headers over 16 KB (431) before Express sees them', async () => {
    const res = await server.api(`/api/observations?meetingId=${'m'.repeat(20_000)}`, { token });
    expect(res.status).toBe(431);
    const header = await server.api('/api/me', {
      token,
      headers: { 'x-junk': 'j'.repeat(20_000) },
    });
    expect(header.status).toBe(431);
  });
});

describe('the raw routes', () => {
  it('an evidence upload with an unknown query parameter is refused, naming it, and stores nothing', async () => {
    const [obs] = await server.deps.repo.all('observations');
    const res = await fetch(
      `${server.url}/api/items/observations/${obs?.id}/evidence?overwrite=1`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'text/plain',
          'x-file-name': 'notes.txt',
        },
        body: 'Minutes of the strategic leaders group.',
      },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('invalid-query');
    expect(JSON.stringify(body.error.issues)).toContain('overwrite');
    const files = await server.api(`/api/items/observations/${obs?.id}/evidence`, { token });
    expect((files.json as { files: unknown[] }).files).toEqual([]);
  });

  it('an over-long file name header is refused', async () => {
    const [obs] = await server.deps.repo.all('observations');
    const res = await fetch(`${server.url}/api/items/observations/${obs?.id}/evidence`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'text/plain',
        'x-file-name': `${'n'.repeat(3000)}.txt`,
      },
      body: 'Minutes of the strategic leaders group.',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.code).toBe('invalid-name');
  });

  it('the yearly statement download refuses an unknown query parameter', async () => {
    const res = await server.api('/api/reports/yearly?year=2026&format=pdf', { token });
    expect(res.status).toBe(400);
    expect(JSON.stringify(issues(res))).toContain('format');
  });
});
