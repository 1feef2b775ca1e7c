import { authorizeJWT, loadAuthConfigFromEnv } from '@microsoft/agents-hosting';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/server/config.js';
import { DEMO_TENANT_ID } from '../../../src/server/seed/harbourside.js';
import { freePort, startTestServer, type TestServer } from '../../support/server.js';

/**
 * The bot endpoint with a bot app id configured, as in production: the real server, the Agents
 * SDK's authorizeJWT with issuer checking on, and our service URL check. The SDK takes the signing
 * keys for an Entra-style issuer from `{authorityEndpoint}/discovery/v2.0/keys`, so a local JWKS
 * stands in for Entra here. Tokens from the Bot Connector's own issuer
 * (https://api.botframework.com) take their keys from login.botframework.com, which the SDK does
 * not let us point elsewhere: that fetch is not exercised offline (the same verify code runs).
 */
const BOT_APP_ID = '5a0c1d2e-0000-4000-8000-00000000b07a';
const TENANT = '7f3e4d2c-1b0a-4c9d-8e7f-6a5b4c3d2e1f';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
const TEAMS = 'https://smba.trafficmanager.net/emea/';

let jwks: Server;
let jwksUrl: string;
let issuer: string;
let key: CryptoKey;
let publicJwk: Record<string, unknown>;
let forger: CryptoKey;
let server: TestServer;
const saved: Record<string, string | undefined> = {};

/** Sets the SDK's environment (it reads clientId & co. from process.env; TEST_MODE re-reads it). */
function setEnv(values: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(values)) {
    if (!(k in saved)) saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  key = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
  forger = (await generateKeyPair('RS256')).privateKey;
  const port = await freePort();
  jwksUrl = `http://127.0.0.1:${port}/${TENANT}`;
  issuer = `${jwksUrl}/v2.0`;
  jwks = createServer((req, res) => {
    if (req.url === `/${TENANT}/discovery/v2.0/keys`) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [publicJwk] }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => jwks.listen(port, '127.0.0.1', ok));
  setEnv({
    TEST_MODE: 'true',
    clientId: BOT_APP_ID,
    tenantId: TENANT,
    authorityEndpoint: jwksUrl,
  });
  server = await startTestServer({ clientId: BOT_APP_ID });
});

afterAll(async () => {
  await server?.close();
  await new Promise<void>((done) => (jwks ? jwks.close(() => done()) : done()));
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const now = () => Math.floor(Date.now() / 1000);

/** A token as the connector would send it, with any claim or header overridden. */
async function token(
  claims: JWTPayload = {},
  options: { signWith?: CryptoKey; kid?: string; exp?: number } = {},
): Promise<string> {
  return new SignJWT({ serviceurl: TEAMS, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'key-1', typ: 'JWT' })
    .setIssuer(typeof claims.iss === 'string' ? claims.iss : issuer)
    .setAudience((claims.aud as string | undefined) ?? BOT_APP_ID)
    .setIssuedAt(now() - 60)
    .setNotBefore(now() - 60)
    .setExpirationTime(options.exp ?? now() + 3600)
    .sign(options.signWith ?? key);
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/**
 * An activity whose conversation id is empty: one that passes every check reaches the adapter,
 * whose own parsing refuses it (400 `invalid-activity`), never a turn (which would need an
 * outbound token from Entra, not available offline). 401/403 mean a check refused it first.
 */
const activity = (serviceUrl = TEAMS) => ({
  type: 'message',
  channelId: 'msteams',
  serviceUrl,
  id: 'activity-1',
  from: { id: '29:someone', aadObjectId: '0a1b2c3d-0000-4000-8000-999999999999' },
  recipient: { id: `28:${BOT_APP_ID}` },
  conversation: { id: '', tenantId: DEMO_TENANT_ID },
  text: 'HSCP-R-2026-01',
});

async function post(authorization: string | undefined, body: unknown = activity()) {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization !== undefined ? { authorization } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

describe('/api/messages with the bot’s app id configured', () => {
  it('a token signed by the issuer’s key, for this bot, in date, for this connector, gets through every check', async () => {
    const res = await post(`Bearer ${await token()}`);
    // Only the adapter's own parsing of the activity answers this (after every check passed).
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ error: { code: 'invalid-activity' } });
  });

  it.each([
    ['no Authorization header (anonymous)', async () => undefined],
    [
      'a header that is not a bearer token',
      async () => `Basic ${Buffer.from('a:b').toString('base64')}`,
    ],
    ['a token that is not a JWT', async () => 'Bearer not-a-token'],
    [
      'a forged token: same kid, another key',
      async () => `Bearer ${await token({}, { signWith: forger })}`,
    ],
    [
      'a token signed with a key the JWKS does not list',
      async () => `Bearer ${await token({}, { signWith: forger, kid: 'key-2' })}`,
    ],
    [
      'an expired token (beyond the 5 minutes’ skew)',
      async () => `Bearer ${await token({}, { exp: now() - 600 })}`,
    ],
    [
      'a token for another app (wrong audience)',
      async () => `Bearer ${await token({ aud: 'another-app' })}`,
    ],
    [
      'a token for the Bot Framework but not this bot',
      async () => `Bearer ${await token({ aud: 'https://api.botframework.com' })}`,
    ],
    [
      'a token from another issuer, signed with the same key (wrong issuer)',
      async () => `Bearer ${await token({ iss: 'https://evil.example/v2.0' })}`,
    ],
    [
      'a token from another tenant’s issuer (wrong tenant)',
      async () =>
        `Bearer ${await token({ iss: `${jwksUrl.replace(TENANT, OTHER_TENANT)}/v2.0`, tid: OTHER_TENANT })}`,
    ],
    [
      'alg: none',
      async () => {
        const valid = (await token()).split('.');
        const payload = JSON.parse(Buffer.from(valid[1] ?? '', 'base64url').toString()) as object;
        return `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
      },
    ],
    [
      'HS256 keyed with the public key (algorithm confusion)',
      async () => {
        const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
        const t = await new SignJWT({ serviceurl: TEAMS })
          .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
          .setIssuer(issuer)
          .setAudience(BOT_APP_ID)
          .setExpirationTime(now() + 3600)
          .sign(secret);
        return `Bearer ${t}`;
      },
    ],
    [
      'a valid token issued for another connector (serviceurl claim)',
      async () => `Bearer ${await token({ serviceurl: 'https://smba.trafficmanager.net/amer/' })}`,
    ],
  ])('%s: 401, nothing processed', async (_what, header) => {
    const res = await post(await header());
    expect(res.status).toBe(401);
  });

  it('a valid token for an activity on a connector that is not allowed: 403', async () => {
    const evil = 'https://evil.example/';
    const res = await post(`Bearer ${await token({ serviceurl: evil })}`, activity(evil));
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text)).toMatchObject({ error: { code: 'service-url-not-allowed' } });
  });

  it('a refusal writes nothing: no conversation is kept for a forged sender', async () => {
    const before = await server.deps.repo.all('conversations');
    const full = {
      ...activity(),
      conversation: { id: 'a:forged', conversationType: 'personal', tenantId: DEMO_TENANT_ID },
    };
    expect((await post(`Bearer ${await token({}, { signWith: forger })}`, full)).status).toBe(401);
    expect((await post(undefined, full)).status).toBe(401);
    expect(await server.deps.repo.all('conversations')).toEqual(before);
  });
});

describe('never anonymous in production', () => {
  it('the configuration refuses to start in production without the bot’s app id', () => {
    const env = {
      NODE_ENV: 'production',
      ENTRA_TENANT_ID: TENANT,
      ENTRA_API_CLIENT_ID: '6b1d2e3f-0000-4000-8000-0000000000a1',
      ALLOWED_TENANT_IDS: TENANT,
      PUBLIC_URL: 'https://critical-friend.example',
      LINK_SIGNING_KEY: 'k'.repeat(40),
      STORE: 'sqlite',
    };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/clientId/);
  });

  it('the SDK refuses a request with no token when an app id is set, and in production even without one', async () => {
    const run = async (config: Parameters<typeof authorizeJWT>[0]) => {
      let status = 0;
      let passed = false;
      const res = {
        status(s: number) {
          status = s;
          return this;
        },
        send() {
          return this;
        },
      };
      await authorizeJWT(config)({ method: 'POST', headers: {} } as never, res as never, () => {
        passed = true;
      });
      return passed ? 'passed' : status;
    };
    expect(await run(loadAuthConfigFromEnv())).toBe(401);
    setEnv({ clientId: undefined });
    const anonymous = loadAuthConfigFromEnv();
    expect(await run(anonymous)).toBe('passed'); // outside production only: the local Playground
    setEnv({ NODE_ENV: 'production' });
    try {
      expect(await run(anonymous)).toBe(401);
      // And the SDK itself will not load a bot configuration without an app id in production.
      expect(() => loadAuthConfigFromEnv()).toThrow();
    } finally {
      setEnv({ NODE_ENV: saved.NODE_ENV ?? 'test', clientId: BOT_APP_ID });
    }
  });
});
