import express from 'express';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceUrlCheck } from '../../../src/adapters/teams/messages-endpoint.js';
import { isAllowedServiceUrl, sameServiceUrl } from '../../../src/adapters/teams/service-urls.js';

/** BOT_SERVICE_URLS as production and local mode set them (see src/server/config.ts). */
const production = ['https://smba.trafficmanager.net/'];
const local = [...production, 'http://127.0.0.1:', 'http://localhost:'];
const government = ['https://smba.infra.gcc.teams.microsoft.com/gcc/'];

describe('which Bot Connector addresses the bot answers to and sends to', () => {
  it.each([
    ['Teams in the public cloud, any region', production, 'https://smba.trafficmanager.net/emea/'],
    ['the same, host in capitals', production, 'https://SMBA.trafficmanager.net/amer/'],
    ['the same, explicit default port', production, 'https://smba.trafficmanager.net:443/uk/'],
    ['the local Playground, any port', local, 'http://127.0.0.1:56150/'],
    ['localhost, any port', local, 'http://localhost:3979/_connector'],
    [
      'under a prefix with a path, at its boundary',
      government,
      'https://smba.infra.gcc.teams.microsoft.com/gcc/',
    ],
    ['deeper under that prefix', government, 'https://smba.infra.gcc.teams.microsoft.com/gcc/x/'],
  ])('allows %s', (_what, allowed, url) => {
    expect(isAllowedServiceUrl(url, allowed)).toBe(true);
  });

  it.each([
    ['another host', production, 'https://evil.example/'],
    [
      'a look-alike host with the allowed one as its prefix',
      production,
      'https://smba.trafficmanager.net.evil.example/',
    ],
    ['a subdomain of the allowed host', production, 'https://x.smba.trafficmanager.net/'],
    ['http instead of https', production, 'http://smba.trafficmanager.net/emea/'],
    ['another port', production, 'https://smba.trafficmanager.net:8443/emea/'],
    ['credentials that hide another host', local, 'http://127.0.0.1:1@evil.example/'],
    ['credentials on an allowed host', production, 'https://user:pw@smba.trafficmanager.net/'],
    [
      'a path that only starts like the prefix',
      government,
      'https://smba.infra.gcc.teams.microsoft.com/gccx/',
    ],
    [
      'a path that climbs out of the prefix',
      government,
      'https://smba.infra.gcc.teams.microsoft.com/gcc/../evil/',
    ],
    [
      'an encoded climb out of the prefix',
      government,
      'https://smba.infra.gcc.teams.microsoft.com/gcc/%2e%2e/evil/',
    ],
    ['the local Playground in production', production, 'http://127.0.0.1:56150/'],
    ['another loopback address', local, 'http://127.0.0.2:56150/'],
    ['not an address', local, 'smba.trafficmanager.net'],
    ['javascript:', local, 'javascript:alert(1)'],
    ['empty', local, ''],
    ['not a string', local, 42],
    ['missing', local, undefined],
    ['absurdly long', production, `https://smba.trafficmanager.net/${'a'.repeat(3000)}/`],
  ])('refuses %s', (_what, allowed, url) => {
    expect(isAllowedServiceUrl(url, allowed)).toBe(false);
  });

  it('compares a token’s serviceurl claim with the activity’s once parsed', () => {
    expect(
      sameServiceUrl(
        'https://smba.trafficmanager.net/emea/',
        'https://SMBA.trafficmanager.net/emea',
      ),
    ).toBe(true);
    expect(
      sameServiceUrl(
        'https://smba.trafficmanager.net/emea/',
        'https://smba.trafficmanager.net/amer/',
      ),
    ).toBe(false);
    expect(sameServiceUrl('https://smba.trafficmanager.net/emea/', 'not a url')).toBe(false);
  });
});

describe('the check after the SDK’s JWT middleware', () => {
  let server: Server;
  let url: string;
  let reached = 0;
  /** Stands in for the SDK: sets the verified token's claims as authorizeJWT does. */
  const app = express();
  app.post(
    '/api/messages',
    express.json(),
    (req, _res, next) => {
      const claim = req.headers['x-test-serviceurl-claim'];
      (req as { user?: unknown }).user =
        typeof claim === 'string' ? { aud: 'bot', serviceurl: claim } : { name: 'anonymous' };
      next();
    },
    serviceUrlCheck(local),
    (_req, res) => {
      reached++;
      res.status(200).end();
    },
  );
  beforeAll(async () => {
    server = await new Promise<Server>((ok) => {
      const s = app.listen(0, '127.0.0.1', () => ok(s));
    });
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/messages`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const post = async (body: unknown, claim?: string, raw = false) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(claim !== undefined ? { 'x-test-serviceurl-claim': claim } : {}),
      },
      body: raw ? String(body) : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? (JSON.parse(text) as { error?: { code: string } }) : undefined,
    };
  };

  it('passes an activity on an allowed connector whose token names the same one', async () => {
    const before = reached;
    const teams = 'https://smba.trafficmanager.net/emea/';
    expect((await post({ type: 'message', serviceUrl: teams }, teams)).status).toBe(200);
    expect((await post({ type: 'message', serviceUrl: 'http://127.0.0.1:9/' })).status).toBe(200);
    expect(reached).toBe(before + 2);
  });

  it('refuses, before the bot sees it, a connector not on the list (403), a claim for another (401), and a body that is no activity (400)', async () => {
    const before = reached;
    const cases: [unknown, string | undefined, number, string][] = [
      [
        { type: 'message', serviceUrl: 'https://evil.example/' },
        undefined,
        403,
        'service-url-not-allowed',
      ],
      [{ type: 'message' }, undefined, 403, 'service-url-not-allowed'],
      [
        { type: 'message', serviceUrl: ['https://smba.trafficmanager.net/'] },
        undefined,
        403,
        'service-url-not-allowed',
      ],
      [
        { type: 'message', serviceUrl: 'https://smba.trafficmanager.net/emea/' },
        'https://smba.trafficmanager.net/amer/',
        401,
        'service-url-mismatch',
      ],
      [
        { type: 'message', serviceUrl: 'https://evil.example/' },
        'https://evil.example/',
        403,
        'service-url-not-allowed',
      ],
      [[{ serviceUrl: 'https://smba.trafficmanager.net/' }], undefined, 400, 'invalid-request'],
    ];
    for (const [body, claim, status, code] of cases) {
      const res = await post(body, claim);
      expect([res.status, res.body?.error?.code]).toEqual([status, code]);
    }
    expect(reached).toBe(before);
  });
});
