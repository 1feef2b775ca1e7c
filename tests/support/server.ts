import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_ISSUER_PATH } from '../../src/adapters/http/dev-routes.js';
import { LocalIssuer } from '../../src/adapters/identity/local-issuer.js';
import { LOCAL_BOT_APP_ID } from '../../src/adapters/teams/local-bot-identity.js';
import { loadConfig } from '../../src/server/config.js';
import { startServer, type RunningServer } from '../../src/server/start.js';

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

export interface TestServer extends RunningServer {
  token(upn: string): Promise<string>;
  api(
    path: string,
    init?: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; json: unknown }>;
  dataDir: string;
  /**
   * POSTs an activity (any body) to /api/messages as the Bot Connector would: with a token the
   * local channel signs for the bot, naming the body's serviceUrl (local mode only).
   */
  botPost(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** A local channel token for the bot, as the Bot Connector sends with an activity. */
  channelToken(serviceUrl?: string): Promise<string>;
}

/** The serviceUrl an activity names (given as an object or as JSON text), if any. */
export function serviceUrlOf(body: unknown): string | undefined {
  let activity = body;
  if (typeof body === 'string') {
    try {
      activity = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const claimed = (activity as { serviceUrl?: unknown } | null | undefined)?.serviceUrl;
  return typeof claimed === 'string' ? claimed : undefined;
}

/** The real server, in process, on loopback, with the demo partnership in a fresh data directory. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-test-'));
  const port = await freePort();
  // Reminders run on the wall clock; tests that want them turn them on (or drive them directly).
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    DATA_DIR: dataDir,
    REMINDERS: 'off',
    // Suites fire thousands of requests as a few people from one address; the rate limits'
    // own tests (tests/adapters/http/hardening) set low ones.
    RATE_LIMIT_READS_PER_MINUTE: '1000000',
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
    RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '1000000',
    ...env,
  });
  const server = await startServer(config);
  const token = async (upn: string) => {
    const res = await fetch(`${server.url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upn }),
    });
    if (res.status !== 200) throw new Error(`no token for ${upn}: ${res.status}`);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const api: TestServer['api'] = async (path, init = {}) => {
    const res = await fetch(`${server.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
      ...(init.body === undefined
        ? {}
        : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });
    const text = await res.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, json };
  };
  // The server's own local issuer key (in DATA_DIR), opened as the Bot Connector's stand-in.
  // Tokens live 5 minutes; one is reused for a minute per address, as the connector caches them.
  let issuer: Promise<LocalIssuer> | undefined;
  const signed = new Map<string, { token: string; at: number }>();
  const channelToken = async (serviceUrl?: string) => {
    const key = serviceUrl ?? '';
    const cached = signed.get(key);
    if (cached && Date.now() - cached.at < 60_000) return cached.token;
    issuer ??= LocalIssuer.open(
      join(dataDir, 'local-issuer-key.json'),
      `${config.publicUrl}${LOCAL_ISSUER_PATH}`,
      'api://critical-friend-local',
    );
    const token = await (await issuer).signChannel(LOCAL_BOT_APP_ID, serviceUrl);
    signed.set(key, { token, at: Date.now() });
    return token;
  };
  const botPost: TestServer['botPost'] = async (body, headers = {}) => {
    const serviceUrl = serviceUrlOf(body);
    return fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await channelToken(serviceUrl)}`,
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  };
  return {
    ...server,
    dataDir,
    botPost,
    channelToken,
    token,
    api,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
