import { SignJWT } from 'jose';
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entraValidatorConfig } from '../../src/adapters/identity/entra-config.js';
import {
  createTokenValidator,
  InvalidTokenError,
  MAX_TOKEN_CHARS,
} from '../../src/adapters/identity/token-validator.js';
import { loadConfig } from '../../src/server/config.js';
import {
  DEMO_POLICE_LEAD_OID,
  DEMO_TENANT_ID,
  HEALTH_TENANT_ID,
  oid,
  POLICE_TENANT_ID,
} from '../../src/server/seed/harbourside.js';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  newKey,
  signToken,
  startEntraEmulator,
  type EntraEmulator,
  type SigningKey,
  type TokenShape,
} from './support/entra-emulator.js';

/**
 * The real server in Entra mode (production's validator wiring: authority → the common key set,
 * issuer per tenant) pointed at a local emulator of Entra's key endpoint. Every hostile token is
 * refused with 401 and a reason that names the check, never the token.
 */
const API_CLIENT_ID = '6c1d0f3e-1111-4222-8333-444444444444';
const FOREIGN_TENANT = '11111111-2222-4333-8444-555555555555';
const SCRUTINEER_OID = oid(1);

let entra: EntraEmulator;
let key: SigningKey;
let server: TestServer;
let env: Record<string, string>;

beforeAll(async () => {
  key = await newKey('entra-key-1');
  entra = await startEntraEmulator([key]);
  env = {
    AUTH_MODE: 'entra',
    ENTRA_TENANT_ID: DEMO_TENANT_ID,
    ENTRA_API_CLIENT_ID: API_CLIENT_ID,
    ALLOWED_TENANT_IDS: [DEMO_TENANT_ID, POLICE_TENANT_ID, HEALTH_TENANT_ID].join(','),
    ENTRA_AUTHORITY: entra.authority,
    clientId: 'bot-app-id',
  };
  server = await startTestServer(env);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await entra?.close();
});

/** A delegated token for the scrutineer from the partnership's tenant, with any part changed. */
const token = (shape: Partial<TokenShape> & { tid?: string; oid?: string } = {}) =>
  signToken({
    key,
    tid: DEMO_TENANT_ID,
    oid: SCRUTINEER_OID,
    iss: entra.issuerFor(shape.tid ?? DEMO_TENANT_ID),
    aud: API_CLIENT_ID,
    ...shape,
  });

const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

async function expectRefused(t: string, reason: RegExp) {
  const res = await server.api('/api/me', { token: t });
  expect(res.status).toBe(401);
  const { error } = res.json as { error: { code: string; message: string } };
  expect(error.code).toBe('invalid-token');
  expect(error.message).toMatch(reason);
  // The reason names the check; the token is never echoed.
  expect(error.message).not.toContain(t.slice(0, 20));
}

describe('Entra tokens, through the production validator wiring', () => {
  it('accepts a delegated token from the partnership’s tenant and a guest’s from her home tenant', async () => {
    const me = await server.api('/api/me', { token: await token() });
    expect(me.status).toBe(200);
    expect((me.json as { person: { upn: string } }).person.upn).toBe(
      'scrutineer@harbourside.example',
    );
    const aisha = await token({ oid: DEMO_POLICE_LEAD_OID, tid: POLICE_TENANT_ID });
    expect((await server.api('/api/me', { token: aisha })).status).toBe(200);
  });

  it('serves no local sign-in in Entra mode', async () => {
    const res = await fetch(`${server.url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upn: 'scrutineer@harbourside.example' }),
    });
    expect(res.status).toBe(404);
    expect((await fetch(`${server.url}/dev/issuer/discovery/v2.0/keys`)).status).toBe(404);
    // Nor the local channel that signs activities for the bot.
    const channel = await fetch(`${server.url}/dev/channel/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', serviceUrl: 'http://127.0.0.1:9/' }),
    });
    expect(channel.status).toBe(404);
  });

  it('refuses a forged signature: the published key id, signed with another key', async () => {
    const impostor = await newKey(key.kid);
    await expectRefused(await token({ key: impostor }), /signature/);
  });

  it('refuses a tampered payload under a genuine signature', async () => {
    const [h, , s] = (await token()).split('.');
    const now = Math.floor(Date.now() / 1000);
    const payload = enc({
      oid: DEMO_POLICE_LEAD_OID,
      tid: DEMO_TENANT_ID,
      scp: 'access_as_user',
      iss: entra.issuerFor(DEMO_TENANT_ID),
      aud: API_CLIENT_ID,
      iat: now,
      exp: now + 600,
    });
    await expectRefused(`${h}.${payload}.${s}`, /signature/);
  });

  it('refuses an expired token (beyond the five minutes of clock skew)', async () => {
    await expectRefused(await token({ iat: -7200, nbf: -7200, exp: -600 }), /expired/);
  });

  it('refuses a token not yet valid (nbf ten minutes ahead)', async () => {
    await expectRefused(await token({ nbf: 600 }), /nbf/);
  });

  it('refuses a token for another audience', async () => {
    await expectRefused(await token({ aud: 'api://some-other-app' }), /aud/);
  });

  it('refuses the right tenant’s v1 issuer (sts.windows.net)', async () => {
    await expectRefused(await token({ iss: `https://sts.windows.net/${DEMO_TENANT_ID}/` }), /iss/);
  });

  it('refuses an allowed tenant’s issuer on a token whose tid is another allowed tenant', async () => {
    // Both tenants are allowed: only matching iss to tid refuses this.
    await expectRefused(
      await token({ tid: DEMO_TENANT_ID, iss: entra.issuerFor(POLICE_TENANT_ID) }),
      /iss/,
    );
  });

  it('refuses a tenant not on the allow-list, with its own issuer', async () => {
    await expectRefused(await token({ tid: FOREIGN_TENANT }), /iss|tenant/);
  });

  it('refuses alg none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${enc({ alg: 'none', typ: 'JWT' })}.${enc({
      oid: SCRUTINEER_OID,
      tid: DEMO_TENANT_ID,
      scp: 'access_as_user',
      iss: entra.issuerFor(DEMO_TENANT_ID),
      aud: API_CLIENT_ID,
      iat: now,
      exp: now + 600,
    })}.`;
    await expectRefused(unsigned, /algorithm|invalid/);
  });

  it('refuses HS256 signed with the published public key as the secret (algorithm confusion)', async () => {
    // The key exactly as published, as PEM and as its JWK text: what a confused verifier uses.
    const jwks = (await (await fetch(entra.jwksUrl)).json()) as { keys: JsonWebKey[] };
    const published = jwks.keys[0] as JsonWebKey;
    const pem = createPublicKey({ key: published, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const secrets = [pem, JSON.stringify(published)].map((s) => new TextEncoder().encode(s));
    for (const secret of secrets) {
      const now = Math.floor(Date.now() / 1000);
      const confused = await new SignJWT({
        oid: SCRUTINEER_OID,
        tid: DEMO_TENANT_ID,
        scp: 'access_as_user',
      })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.kid })
        .setIssuer(entra.issuerFor(DEMO_TENANT_ID))
        .setAudience(API_CLIENT_ID)
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(secret);
      await expectRefused(confused, /algorithm/);
    }
  });

  it('refuses a token missing oid or tid, or with an oid that is not a string', async () => {
    await expectRefused(await token({ claims: { oid: undefined } }), /oid/);
    await expectRefused(await token({ claims: { tid: undefined } }), /tid/);
    await expectRefused(await token({ claims: { oid: { id: SCRUTINEER_OID } } }), /oid/);
  });

  it('refuses an app-only token (idtyp app, or no delegated scope) on the user API', async () => {
    await expectRefused(
      await token({ claims: { idtyp: 'app', scp: undefined, roles: ['Tracker.ReadWrite.All'] } }),
      /signed-in person/,
    );
    await expectRefused(
      await token({ claims: { scp: undefined, roles: ['Tracker.ReadWrite.All'] } }),
      /signed-in person/,
    );
  });

  it('refuses an oversized token before any key is looked up', async () => {
    const before = entra.fetches();
    // Base64url makes the padding a third longer: just over the cap, under Node's header limit.
    const big = await token({ claims: { padding: 'x'.repeat((MAX_TOKEN_CHARS * 3) / 4) } });
    expect(big.length).toBeGreaterThan(MAX_TOKEN_CHARS);
    await expectRefused(big, /too large/);
    expect(entra.fetches()).toBe(before);
    // Past Node's 16 KB of headers the request never reaches the API: 431, never a 5xx.
    const huge = await token({ claims: { padding: 'x'.repeat(2 * MAX_TOKEN_CHARS) } });
    expect((await server.api('/api/me', { token: huge })).status).toBe(431);
  });
});

describe('the scope the tab asks for', () => {
  const validatorFor = () => {
    const config = loadConfig({ ...env, NODE_ENV: 'test', PUBLIC_URL: 'https://cf.example' });
    if (config.auth.mode !== 'entra') throw new Error('not entra');
    return createTokenValidator(entraValidatorConfig(config.auth));
  };

  it('accepts access_as_user and refuses a token for another scope of the same app', async () => {
    const validate = validatorFor();
    await expect(validate(await token())).resolves.toEqual({
      objectId: SCRUTINEER_OID,
      tenantId: DEMO_TENANT_ID,
    });
    await expect(validate(await token({ claims: { scp: 'Files.Read' } }))).rejects.toThrow(
      InvalidTokenError,
    );
    await expect(
      validate(await token({ claims: { scp: 'Files.Read access_as_user' } })),
    ).resolves.toMatchObject({ tenantId: DEMO_TENANT_ID });
  });
});
