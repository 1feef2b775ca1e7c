import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../../../src/adapters/http/app.js';
import { DEFAULT_RATE_LIMITS } from '../../../../src/adapters/http/rate-limit.js';
import type { Deps } from '../../../../src/application/deps.js';
import { startTestServer, type TestServer } from '../../../support/server.js';
import { SCRUTINEER } from '../helpers.js';

const frameAncestors = (res: Response) =>
  res.headers
    .get('content-security-policy')
    ?.split('; ')
    .find((d) => d.startsWith('frame-ancestors '))
    ?.split(' ')
    .slice(1);

function expectHardened(res: Response, { hsts }: { hsts: boolean }) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self';");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain('frame-ancestors ');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('permissions-policy')).toContain('camera=()');
  expect(res.headers.get('x-frame-options')).toBeNull();
  expect(res.headers.get('x-powered-by')).toBeNull();
  if (hsts) expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=31536000/);
  else expect(res.headers.get('strict-transport-security')).toBeNull();
}

describe('on the running server', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer({ FRAME_ANCESTORS: 'https://intranet.harbourside.example' });
    token = await server.token(SCRUTINEER);
  });
  afterAll(async () => server.close());

  it.each([
    ['an API answer', '/api/me', true],
    ['an API refusal', '/api/me', false],
    ['an unknown API route', '/api/no-such-route', true],
    ['the API description', '/api/openapi.json', false],
    ['the health check', '/healthz', false],
    ['the sign-in settings', '/auth/config', false],
    ['a path outside everything', '/dev/no-such-page', false],
  ])('%s carries every header', async (_what, path, signedIn) => {
    const res = await fetch(`${server.url}${path}`, {
      headers: signedIn ? { authorization: `Bearer ${token}` } : {},
    });
    expectHardened(res, { hsts: false });
  });

  it('a refused request (429, 413) carries them too', async () => {
    const res = await fetch(`${server.url}/api/observations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'a'.repeat(300_000) }),
    });
    expect(res.status).toBe(413);
    expectHardened(res, { hsts: false });
  });

  it('frame-ancestors: self, Microsoft 365, FRAME_ANCESTORS and (outside production) this machine', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(frameAncestors(res)).toEqual([
      "'self'",
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://teams.cloud.microsoft',
      'https://*.cloud.microsoft',
      'https://outlook.office.com',
      'https://outlook.office365.com',
      'https://*.office.com',
      'https://*.microsoft365.com',
      'https://intranet.harbourside.example',
      'http://localhost:*',
      'http://127.0.0.1:*',
    ]);
  });
});

describe('the tab and its files', () => {
  let root: string;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cf-headers-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tab</title>');
    writeFileSync(join(root, 'assets/app-abc123.js'), 'export {};\n');
    writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});\n');
    const app = createHttpApp({
      deps: {} as Deps,
      routes: [],
      validateToken: () => Promise.reject(new Error('no tokens in this test')),
      authConfig: { mode: 'entra', authority: 'https://login.microsoftonline.com' },
      tabDir: root,
      version: 'test',
      security: {
        production: true,
        frameAncestors: ['https://harbourside.sharepoint.example'],
        rateLimits: DEFAULT_RATE_LIMITS,
      },
    });
    server = await new Promise<Server>((ok) => {
      const s = app.listen(0, '127.0.0.1', () => ok(s));
    });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    rmSync(root, { recursive: true, force: true });
  });

  it.each(['/', '/workbench', '/respond/some-link', '/assets/app-abc123.js', '/sw.js'])(
    '%s carries every header, HSTS included in production',
    async (path) => {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      expectHardened(res, { hsts: true });
    },
  );

  it('lets the authority in for MSAL, and frames only for Microsoft 365 and the tenant SharePoint', async () => {
    const res = await fetch(`${base}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(
      "connect-src 'self' https://res.cdn.office.net https://login.microsoftonline.com",
    );
    expect(csp).toContain('frame-src https://login.microsoftonline.com');
    const ancestors = frameAncestors(res) ?? [];
    expect(ancestors).toContain('https://harbourside.sharepoint.example');
    expect(ancestors.filter((a) => a.startsWith('http:'))).toEqual([]);
  });
});
