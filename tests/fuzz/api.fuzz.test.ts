import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { listNames } from '../../src/domain/lists/schema.js';
import { startTestServer } from '../support/server.js';
import { POLICE_LEAD, SCRUTINEER } from '../adapters/http/helpers.js';
import { actorArbitrary } from './support/actors.js';
import { describeFuzz, sendAndJudge } from './support/api-oracle.js';
import { requestArbitrary, transportArbitrary, type FuzzRequest } from './support/api-requests.js';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TIMEOUT_MS, fuzzParams } from './support/fuzz-config.js';
import { hostilePathSegment, malformedJsonText } from './support/hostile.js';
import { operationsOf, type Operation, type Pools } from './support/openapi-arbitraries.js';
import { sendRaw } from './support/raw-http.js';
import { watchStore } from './support/store-watch.js';

/**
 * Property-based fuzzing of every API operation the server describes (issue #7, item 6): for
 * hostile bodies, path parameters, query strings and headers, sent as the scrutineer, the police
 * partner lead, an executive, no one and a forger, the server never answers 5xx, keeps
 * answering, refuses with `{error:{code,message}}`, and a refused request writes nothing (any
 * commit to the SQLite file counts, audit rows included). Executives and strangers write nothing
 * whatever the answer.
 */

const EXECUTIVE = 'chief.executive@harbourside.example';
const started = Date.now();

// One real server for the file, started before the tests are listed: the operations come from it.
const server = await startTestServer();
const store = watchStore(server.dataDir);
const tokens = {
  scrutineer: await server.token(SCRUTINEER),
  policeLead: await server.token(POLICE_LEAD),
  executive: await server.token(EXECUTIVE),
};
const operations = operationsOf((await server.api('/api/openapi.json')).json);

const pools: Pools = { ids: [], etags: [], listNames: [...listNames] };
for (const list of listNames)
  for (const item of (await server.deps.repo.all(list)).slice(0, 4)) {
    pools.ids.push(item.id);
    pools.etags.push(item.etag);
  }
// An evidence file on an action, so file ids and evidence routes have something real to aim at.
const [action] = await server.deps.repo.all('actions');
const upload = await server.api(`/api/items/actions/${action?.id}/evidence`, {
  method: 'POST',
  token: tokens.scrutineer,
  body: 'Minutes of the panel meeting.',
  headers: { 'x-file-name': 'minutes.txt', 'content-type': 'text/plain' },
});
if (upload.status === 201) pools.ids.push((upload.json as { id: string }).id);

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
let requests = 0;

afterAll(async () => {
  console.log(
    `fuzz api: ${requests} requests over ${operations.length} operations, ${FUZZ_RUNS} runs per property, seed ${FUZZ_SEED}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  store.close();
  await server.close();
});

/** Sends a batch in order; fails with every problem, the request named, and what was written. */
async function runBatch(batch: FuzzRequest[]) {
  const countsBefore = store.counts();
  const problems: string[] = [];
  for (const req of batch) {
    requests++;
    const { problems: found } = await sendAndJudge(server.url, store, req);
    for (const p of found) problems.push(`${p}\n    ${describeFuzz(req)}`);
  }
  // Prototype pollution would show in this very process: the server runs in it.
  const keys = Object.getOwnPropertyNames(Object.prototype).sort();
  if (keys.join() !== prototypeKeys.join())
    problems.push(
      `Object.prototype changed: ${keys.filter((k) => !prototypeKeys.includes(k)).join(', ')}`,
    );
  if (problems.length) {
    const changed = store.diff(countsBefore, store.counts());
    throw new Error(
      `${problems.join('\n')}${changed.length ? `\n  tables changed in the batch: ${changed.join(', ')}` : ''}`,
    );
  }
}

const healthy = async () => {
  const res = await sendRaw(server.url, { method: 'GET', path: '/healthz', headers: {} });
  expect(res.status, 'the server still answers /healthz').toBe(200);
};

describe('the write detection itself', () => {
  it('sees a write the scrutineer may make (so "nothing written" below can fail)', async () => {
    const before = store.version();
    const counts = store.counts();
    const res = await server.api('/api/meetings', {
      token: tokens.scrutineer,
      body: { title: 'Learning event', kind: 'learning-event', startsAt: '2026-11-20T10:00:00Z' },
    });
    requests++;
    expect(res.status).toBe(201);
    expect(store.version()).not.toBe(before);
    expect(store.diff(counts, store.counts())).toEqual(
      expect.arrayContaining(['items_meetings +1']),
    );
    await store.settle();
  });
});

describe('the API description', () => {
  it('lists the operations fuzzed below (so a new route is fuzzed too)', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.map((o) => o.key)).toContain('POST /api/observations');
  });
});

describe('every described operation, fuzzed', () => {
  for (const op of operations)
    it(
      op.key,
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(requestArbitrary(op, pools, tokens), { minLength: 1, maxLength: 3 }),
            runBatch,
          ),
          fuzzParams(),
        );
        await healthy();
      },
      FUZZ_TIMEOUT_MS,
    );
});

/** Routes and methods the document does not describe, and the public endpoints around the API. */
const undescribedOps: fc.Arbitrary<Operation> = fc
  .tuple(
    fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND'),
    fc.oneof(
      fc.constantFrom(
        '/api',
        '/api/',
        '/api//me',
        '/api/./me',
        '/api/../api/me',
        '/API/me',
        '/api/me/',
        '/api/me;x',
        '/api/messages',
        '/api/openapi.json',
        '/dev/token',
        '/dev/jwks',
        '/auth/config',
        '/healthz',
        '/api/items',
        '/api/items/partners/x',
        '/api/evidence',
        '/api/reports/yearly/2026',
        '/api/export',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/api/%2e%2e/healthz',
      ),
      fc
        .array(hostilePathSegment, { minLength: 1, maxLength: 3 })
        .map((s) => `/api/${s.join('/')}`),
    ),
  )
  .map(([method, path]) => ({
    key: `${method} ${path}`,
    method,
    path,
    pathParams: [],
    query: {},
    ifMatch: false,
    body: { contentType: 'application/json', schema: {} },
    // Unknown routes must write nothing for anyone; treat them as writes for the executive check.
    write: method !== 'GET' && method !== 'OPTIONS',
  }));

describe('routes and methods the document does not describe', () => {
  it(
    'answer with a clear 4xx (or their public answer) and write nothing',
    async () => {
      // chain: the operation is made up per run, so its request arbitrary is too.
      const arb = undescribedOps.chain((op) => requestArbitrary(op, pools, tokens));
      await fc.assert(
        fc.asyncProperty(fc.array(arb, { minLength: 1, maxLength: 3 }), async (batch) => {
          // The public and sign-in endpoints may answer 2xx; what matters there is no 5xx and no write.
          const judged = batch.map((r) =>
            /^\/(healthz|auth\/config|dev\/|api\/openapi\.json)/.test(r.raw.path) ||
            r.op.path === '/api/messages'
              ? { ...r, actor: { ...r.actor, kind: 'police-lead' as const } }
              : r,
          );
          await runBatch(judged);
        }),
        fuzzParams(2),
      );
      await healthy();
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('requests unreadable below the route', () => {
  it(
    'a content encoding or charset the server cannot read, or a path that does not decode, gets a clear 4xx and writes nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(transportArbitrary(operations, pools, tokens), { minLength: 1, maxLength: 3 }),
          runBatch,
        ),
        fuzzParams(2),
      );
      await healthy();
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('malformed JSON on every JSON route', () => {
  const jsonOps = operations.filter((o) => o.body?.contentType === 'application/json');
  it(
    'is refused with 400 invalid-json or another clear 4xx, for anyone, and writes nothing',
    async () => {
      const arb = fc
        .record({
          op: fc.constantFrom(...jsonOps),
          text: malformedJsonText,
          actor: actorArbitrary(tokens),
          ids: fc.constantFrom(...pools.ids),
        })
        .map(({ op, text, actor, ids }): FuzzRequest => ({
          op,
          actor,
          bodyKind: 'malformed (raw)',
          raw: {
            method: op.method,
            path: op.path.replace(/\{[^}]+\}/g, ids),
            headers: { 'content-type': 'application/json', ...actor.headers },
            body: text,
          },
        }));
      await fc.assert(
        fc.asyncProperty(fc.array(arb, { minLength: 1, maxLength: 4 }), runBatch),
        fuzzParams(2),
      );
      await healthy();
    },
    FUZZ_TIMEOUT_MS,
  );

  it('a body over the size cap is refused with 413 too-large', async () => {
    const op = operations.find((o) => o.key === 'POST /api/observations');
    expect(op).toBeDefined();
    const res = await sendRaw(server.url, {
      method: 'POST',
      path: '/api/observations',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.scrutineer}` },
      body: JSON.stringify({ text: 'a'.repeat(300_000) }),
    });
    requests++;
    expect(res.status).toBe(413);
    expect((res.json as { error: { code: string } }).error.code).toBe('too-large');
  });
});
