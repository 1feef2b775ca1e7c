import { generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server.js';
import { DEMO_TENANT_ID, oid } from '../../../src/server/seed/harbourside.js';
import { sample } from '../../domain/guard/samples.js';

let server: TestServer;
let scrutineer: string;
beforeAll(async () => {
  server = await startTestServer();
  scrutineer = await server.token('scrutineer@harbourside.example');
});
afterAll(async () => server.close());

type Items = { items: Record<string, unknown>[] };

describe('the server', () => {
  it('answers /healthz', async () => {
    const res = await server.api('/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'ok' });
  });

  it('publishes an OpenAPI 3.1 document generated from the routes', async () => {
    const res = await server.api('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.json as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/observations']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/api/recommendations/{id}/issue']?.post).toBeDefined();
  });
});

describe('authentication', () => {
  it('refuses /api without a token', async () => {
    const res = await server.api('/api/partners');
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('accepts a demo token and lists at least five partners', async () => {
    const res = await server.api('/api/partners', { token: scrutineer });
    expect(res.status).toBe(200);
    expect((res.json as Items).items.length).toBeGreaterThanOrEqual(5);
  });

  const forge = async (
    claims: Record<string, unknown>,
    opts: { exp?: string; iss?: string; aud?: string } = {},
  ) => {
    const { privateKey } = await generateKeyPair('RS256');
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'attacker' })
      .setIssuer(opts.iss ?? `${server.url}/dev/issuer/${DEMO_TENANT_ID}/v2.0`)
      .setAudience(opts.aud ?? 'api://critical-friend-local')
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? '1h')
      .sign(privateKey);
  };

  it('refuses a token signed with a key the issuer never published', async () => {
    const token = await forge({ oid: oid(1), tid: DEMO_TENANT_ID });
    const res = await server.api('/api/partners', { token });
    expect(res.status).toBe(401);
  });

  it('refuses a tampered token', async () => {
    const [h, p, s] = scrutineer.split('.');
    const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const tampered = Buffer.from(JSON.stringify({ ...payload, oid: oid(21) })).toString(
      'base64url',
    );
    const res = await server.api('/api/partners', { token: `${h}.${tampered}.${s}` });
    expect(res.status).toBe(401);
  });

  it('refuses an unsigned (alg: none) token', async () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const token = `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ oid: oid(1), tid: DEMO_TENANT_ID, iss: `${server.url}/dev/issuer/${DEMO_TENANT_ID}/v2.0`, aud: 'api://critical-friend-local', iat: now, exp: now + 600 })}.`;
    expect((await server.api('/api/partners', { token })).status).toBe(401);
  });

  it('refuses an expired token', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 9 * 3600 * 1000);
    try {
      expect((await server.api('/api/partners', { token: scrutineer })).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  const signWithIssuerKey = async (
    claims: Record<string, unknown>,
    aud = 'api://critical-friend-local',
  ) => {
    const jwk = JSON.parse(
      readFileSync(join(server.dataDir, 'local-issuer-key.json'), 'utf8'),
    ) as JWK;
    // A delegated (user) token, as Entra issues: without `scp` it would be refused as app-only.
    return new SignJWT({ scp: 'access_as_user', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid ?? '' })
      .setIssuer(`${server.url}/dev/issuer/${DEMO_TENANT_ID}/v2.0`)
      .setAudience(aud)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(await importJWK(jwk, 'RS256'));
  };

  it('refuses a genuine token minted for another audience', async () => {
    const token = await signWithIssuerKey(
      { oid: oid(1), tid: DEMO_TENANT_ID },
      'api://some-other-app',
    );
    const res = await server.api('/api/partners', { token });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ error: { message: expect.stringContaining('aud') } });
  });

  it('refuses a genuine token from a tenant not on the allow-list', async () => {
    const token = await signWithIssuerKey({
      oid: oid(1),
      tid: '11111111-2222-4333-8444-555555555555',
    });
    expect((await server.api('/api/partners', { token })).status).toBe(401);
  });

  it('answers 403 to a valid identity the partnership does not know', async () => {
    const token = await signWithIssuerKey({
      oid: '99999999-0000-4000-8000-000000000999',
      tid: DEMO_TENANT_ID,
    });
    const res = await server.api('/api/partners', { token });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ error: { code: 'not-a-member' } });
  });
});

describe('meetings', () => {
  it('creates the record for a Teams meeting once, however often the panel asks', async () => {
    const body = {
      title: 'Teams meeting',
      kind: 'other',
      startsAt: '2026-11-24T10:00:00+00:00',
      teamsMeetingId: `mtg-${crypto.randomUUID()}`,
    };
    const [a, b] = await Promise.all([
      server.api('/api/meetings', { token: scrutineer, body }),
      server.api('/api/meetings', { token: scrutineer, body }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect((a.json as { id: string }).id).toBe((b.json as { id: string }).id);
  });
});

describe('observations', () => {
  const body = (extra: Record<string, unknown> = {}) => ({
    text: 'The SLG discussed the neglect strategy; partners agreed a date to review it.',
    evidenceClass: 'gone-well',
    source: 'meeting',
    ...extra,
  });

  it('files an observation and finds it in the inbox', async () => {
    const res = await server.api('/api/observations', { token: scrutineer, body: body() });
    expect(res.status).toBe(201);
    const created = res.json as { id: string; etag: string; status: string };
    expect(created.status).toBe('open');
    const inbox = await server.api('/api/observations?status=open', { token: scrutineer });
    expect((inbox.json as Items).items.map((i) => i.id)).toContain(created.id);
  });

  it('stores a resend with the same idempotency key once', async () => {
    const key = crypto.randomUUID();
    const first = await server.api('/api/observations', {
      token: scrutineer,
      body: body({ idempotencyKey: key }),
    });
    const second = await server.api('/api/observations', {
      token: scrutineer,
      body: body({ idempotencyKey: key }),
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect((second.json as { id: string }).id).toBe((first.json as { id: string }).id);
  });

  it('says what is wrong with an invalid body', async () => {
    const res = await server.api('/api/observations', {
      token: scrutineer,
      body: { text: '', evidenceClass: 'maybe', source: 'meeting', colour: 'red' },
    });
    expect(res.status).toBe(400);
    const issues = (res.json as { error: { issues: { path: string }[] } }).error.issues.map(
      (i) => i.path,
    );
    expect(issues).toEqual(expect.arrayContaining(['text', 'evidenceClass']));
    expect(JSON.stringify(res.json)).toContain('colour');
  });

  it('answers malformed JSON with 400', async () => {
    const res = await server.api('/api/observations', { token: scrutineer, body: '{"text": ' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: { code: 'invalid-json' } });
  });

  it('refuses text that identifies a child with 422 and stores nothing', async () => {
    const before = ((await server.api('/api/observations', { token: scrutineer })).json as Items)
      .items.length;
    const res = await server.api('/api/observations', {
      token: scrutineer,
      body: body({ text: `Mother of the child was contacted on ${sample.phone} about the plan.` }),
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.json)).not.toContain(sample.phone);
    expect(res.json).toMatchObject({ error: { code: 'identifiable-data' } });
    const after = ((await server.api('/api/observations', { token: scrutineer })).json as Items)
      .items.length;
    expect(after).toBe(before);
  });

  it('lets only the scrutineer file observations', async () => {
    const lead = await server.token('aisha.noor@eastshire-police.example');
    const res = await server.api('/api/observations', { token: lead, body: body() });
    expect(res.status).toBe(403);
  });
});

describe('findings and recommendations', () => {
  it('promotes observations, drafts a recommendation with the next reference, and refuses a second issue', async () => {
    const obs = (
      await server.api('/api/observations', {
        token: scrutineer,
        body: {
          text: 'Practitioners could not say how the audit findings were fed back to them.',
          evidenceClass: 'worry',
          source: 'practitioners',
        },
      })
    ).json as { id: string };
    const partners = ((await server.api('/api/partners', { token: scrutineer })).json as Items)
      .items;
    const police = partners.find((p) => p.name === 'Eastshire Constabulary') as { id: string };
    const finding = await server.api('/api/findings', {
      token: scrutineer,
      body: {
        title: 'Audit learning does not reach practitioners',
        summary: 'Seen at the Front Door visit.',
        evidenceClass: 'worry',
        observationIds: [obs.id],
        partnerIds: [police.id],
      },
    });
    expect(finding.status).toBe(201);
    const again = await server.api('/api/findings', {
      token: scrutineer,
      body: { title: 'Again', summary: 'Again', evidenceClass: 'worry', observationIds: [obs.id] },
    });
    expect(again.status).toBe(409);

    const rec = await server.api('/api/recommendations', {
      token: scrutineer,
      body: {
        title: 'Feed audit learning back to practitioners',
        text: 'Each audit should end with a briefing for the practitioners involved.',
        priority: 'medium',
        partnerIds: [police.id],
        findingIds: [(finding.json as { id: string }).id],
        responseDueDate: '2099-01-31',
      },
    });
    expect(rec.status).toBe(201);
    expect(rec.json).toMatchObject({
      status: 'draft',
      reference: expect.stringMatching(/^HSCP-R-\d{4}-\d{2}$/),
    });
    const id = (rec.json as { id: string }).id;
    const issued = await server.api(`/api/recommendations/${id}/issue`, {
      token: scrutineer,
      method: 'POST',
    });
    expect(issued.status).toBe(200);
    // Nobody at the police has installed the bot in this test, so the delivery says so.
    expect((issued.json as { deliveries: { status: string }[] }).deliveries).toEqual([
      expect.objectContaining({ status: 'unreachable', displayName: 'Aisha Noor' }),
    ]);
    const twice = await server.api(`/api/recommendations/${id}/issue`, {
      token: scrutineer,
      method: 'POST',
    });
    expect(twice.status).toBe(409);
  });

  it('shows the tracker to an executive, read-only', async () => {
    const ceo = await server.token('chief.executive@harbourside.example');
    const res = await server.api('/api/tracker', { token: ceo });
    expect(res.status).toBe(200);
    const rows = (
      res.json as {
        rows: {
          recommendation: { reference: string };
          partners: { response?: { decision: string } }[];
        }[];
      }
    ).rows;
    const first = rows.find((r) => r.recommendation.reference === 'HSCP-R-2026-01');
    expect(first?.partners.map((p) => p.response?.decision)).toEqual(['accept', undefined]);
    const write = await server.api('/api/recommendations', {
      token: ceo,
      body: {
        title: 'x',
        text: 'y',
        priority: 'low',
        partnerIds: ['p'],
        responseDueDate: '2099-01-01',
      },
    });
    expect(write.status).toBe(403);
  });
});
