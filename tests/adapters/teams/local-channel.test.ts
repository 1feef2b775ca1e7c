import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_CHANNEL_PATH, LOCAL_JWKS_PATH } from '../../../src/adapters/http/dev-routes.js';
import { LocalIssuer } from '../../../src/adapters/identity/local-issuer.js';
import { LOCAL_BOT_APP_ID } from '../../../src/adapters/teams/local-bot-identity.js';
import { DEMO_TENANT_ID } from '../../../src/server/seed/harbourside.js';
import { startFakeConnector, TEAMS_USERS } from './support/bot-harness.js';
import { startTestServer, type TestServer } from '../../support/server.js';

/**
 * Local mode's bot endpoint is not anonymous: /api/messages takes only tokens the local channel
 * signs for the bot (the Bot Connector's stand-in), checked by the Agents SDK's own code with
 * issuer checking on, and the bot's calls back to the connector carry an app-only token from the
 * local issuer. The Agents Playground, which cannot sign, goes through the local channel.
 */
let server: TestServer;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let dir: string;

beforeAll(async () => {
  server = await startTestServer();
  connector = await startFakeConnector();
  dir = mkdtempSync(join(tmpdir(), 'cf-local-channel-'));
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  connector.calls.length = 0;
});

let seq = 0;
const hello = (serviceUrl = connector.url) => ({
  type: 'message',
  channelId: 'msteams',
  serviceUrl,
  id: `local-channel-${++seq}`,
  from: TEAMS_USERS.aisha,
  recipient: { id: `28:${LOCAL_BOT_APP_ID}`, name: 'Critical Friend' },
  conversation: {
    id: `a:local-channel-${seq}`,
    conversationType: 'personal',
    tenantId: DEMO_TENANT_ID,
  },
  channelData: { tenant: { id: DEMO_TENANT_ID } },
  text: 'help',
});

const conversations = () =>
  server.deps.repo.all('conversations', {
    field: 'entraObjectId',
    equals: TEAMS_USERS.aisha.aadObjectId,
  });

async function postWith(authorization: string | undefined, body: unknown = hello()) {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization ? { authorization } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => undefined)) as unknown };
}

describe('/api/messages in local mode', () => {
  it('refuses an activity with no token (401, our error shape) and keeps nothing', async () => {
    const before = await conversations();
    const res = await postWith(undefined);
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ error: { code: 'unauthenticated' } });
    expect(await conversations()).toEqual(before);
    expect(connector.calls).toEqual([]);
  });

  it('refuses a person’s API token: it is not for the bot (401)', async () => {
    const token = await server.token('scrutineer@harbourside.example');
    expect((await postWith(`Bearer ${token}`)).status).toBe(401);
    expect(connector.calls).toEqual([]);
  });

  it('refuses a channel token signed with another key (401)', async () => {
    const other = await LocalIssuer.open(
      join(dir, 'other-key.json'),
      `${server.url}/dev/issuer`,
      'api://critical-friend-local',
    );
    const forged = await other.signChannel(LOCAL_BOT_APP_ID, connector.url);
    expect((await postWith(`Bearer ${forged}`)).status).toBe(401);
    expect(connector.calls).toEqual([]);
  });

  it('refuses a channel token for another bot (401)', async () => {
    const issuer = await LocalIssuer.open(
      join(server.dataDir, 'local-issuer-key.json'),
      `${server.url}/dev/issuer`,
      'api://critical-friend-local',
    );
    const token = await issuer.signChannel('another-bot', connector.url);
    expect((await postWith(`Bearer ${token}`)).status).toBe(401);
  });

  it('refuses a channel token issued for another connector address than the activity’s (401)', async () => {
    const token = await server.channelToken('http://127.0.0.1:9/');
    const res = await postWith(`Bearer ${token}`, hello(connector.url));
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ error: { code: 'service-url-mismatch' } });
  });

  it('takes a channel token for the bot and answers, its reply to the connector carrying an app-only token the local issuer signed', async () => {
    const res = await postWith(`Bearer ${await server.channelToken(connector.url)}`);
    expect(res.status).toBe(200);
    const reply = connector.calls.find((c) => c.method === 'POST');
    expect(reply?.authorization).toMatch(/^Bearer /);
    const token = (reply?.authorization ?? '').slice('Bearer '.length);
    const keys = createRemoteJWKSet(new URL(`${server.url}${LOCAL_JWKS_PATH}`));
    const { payload } = await jwtVerify(token, keys, { audience: 'https://api.botframework.com' });
    expect(payload).toMatchObject({ appid: LOCAL_BOT_APP_ID, idtyp: 'app' });
    expect(payload.scp).toBeUndefined();
  });

  it('the API refuses a channel token: it names no person (401)', async () => {
    const token = await server.channelToken(connector.url);
    expect(decodeJwt(token).aud).toBe(LOCAL_BOT_APP_ID);
    expect((await server.api('/api/me', { token })).status).toBe(401);
  });
});

describe('the local channel (what the Agents Playground posts to)', () => {
  it('signs each activity for the bot and passes it on; the bot’s answer comes back unchanged', async () => {
    const res = await fetch(`${server.url}${LOCAL_CHANNEL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(hello()),
    });
    expect(res.status).toBe(200);
    expect(connector.calls.some((c) => c.method === 'POST')).toBe(true);
  });

  it('passes on the endpoint’s refusals: a connector not on BOT_SERVICE_URLS is 403', async () => {
    const res = await fetch(`${server.url}${LOCAL_CHANNEL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(hello('https://evil.example/')),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'service-url-not-allowed' } });
    expect(connector.calls).toEqual([]);
  });
});
