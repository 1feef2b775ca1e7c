import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyedLimiter } from '../../../../src/adapters/http/rate-limit.js';
import { startTestServer, type TestServer } from '../../../support/server.js';
import { BUSINESS_UNIT, SCRUTINEER, type ErrorBody } from '../helpers.js';

describe('KeyedLimiter', () => {
  it('allows a full minute at once, then refills at the rate', () => {
    const limiter = new KeyedLimiter(60);
    for (let i = 0; i < 60; i++) expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('a', 0)).toBe(1000);
    expect(limiter.take('b', 0)).toBe(0);
    expect(limiter.take('a', 999)).toBeGreaterThan(0);
    expect(limiter.take('a', 1000)).toBe(0);
  });

  it('keeps at most maxKeys keys, dropping the least recently used', () => {
    const limiter = new KeyedLimiter(2, 3);
    for (const key of ['a', 'b', 'c']) limiter.take(key, 0);
    limiter.take('a', 1); // a is now the most recent
    limiter.take('d', 2);
    expect(limiter.size).toBe(3);
    limiter.take('b', 3); // b was dropped: it starts full again
    expect(limiter.take('b', 3)).toBe(0);
    expect(limiter.take('b', 3)).toBeGreaterThan(0);
  });

  it('forgets keys idle long enough to have refilled', () => {
    const limiter = new KeyedLimiter(60);
    for (let i = 0; i < 1000; i++) limiter.take(`address-${i}`, 0);
    expect(limiter.size).toBe(1000);
    limiter.take('late', 120_000);
    expect(limiter.size).toBe(1);
  });
});

describe('per person', () => {
  let server: TestServer;
  let scrutineer: string;
  let businessUnit: string;
  // Low rates, so that the little refill while a burst is sent cannot change the counts.
  beforeAll(async () => {
    server = await startTestServer({
      RATE_LIMIT_READS_PER_MINUTE: '12',
      RATE_LIMIT_WRITES_PER_MINUTE: '30',
    });
    scrutineer = await server.token(SCRUTINEER);
    businessUnit = await server.token(BUSINESS_UNIT);
  });
  afterAll(async () => server.close());

  const write = (token: string) => server.api('/api/observations', { token, body: { text: '' } });

  it('refuses writes past the limit with 429, Retry-After and a plain message, then recovers', async () => {
    const before = (await server.deps.repo.all('observations')).length;
    const burst = await Promise.all(Array.from({ length: 35 }, () => write(scrutineer)));
    const statuses = burst.map((a) => a.status);
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThanOrEqual(30);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 400 || s === 429)).toBe(true);

    const refused = await fetch(`${server.url}/api/observations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${scrutineer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: '' }),
    });
    expect(refused.status).toBe(429);
    const seconds = Number(refused.headers.get('retry-after'));
    expect([1, 2]).toContain(seconds);
    expect(await refused.json()).toEqual({
      error: {
        code: 'rate-limited',
        message: `Too many requests. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`,
      },
    });
    expect((await server.deps.repo.all('observations')).length).toBe(before);

    // Reads have their own budget; another person has their own.
    expect((await server.api('/api/me', { token: scrutineer })).status).toBe(200);
    expect((await write(businessUnit)).status).toBe(400);

    await new Promise((r) => setTimeout(r, seconds * 1000 + 100));
    expect((await write(scrutineer)).status).toBe(400);
  });

  it('limits reads too, raw downloads included', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => server.api('/api/partners', { token: businessUnit })),
    );
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(12);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(7);
    const download = await server.api('/api/export/tracker.xlsx', { token: businessUnit });
    expect(download.status).toBe(429);
  });
});

describe('per address, for requests nobody is signed in for', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '3' });
    token = await server.token(SCRUTINEER); // the demo token endpoint: one of the three
  });
  afterAll(async () => server.close());

  it('answers 429 once failed sign-ins use the budget, yet lets a good token through', async () => {
    const bad = () => server.api('/api/me', { token: 'not-a-token' });
    expect((await bad()).status).toBe(401);
    expect((await bad()).status).toBe(401);
    const refused = await bad();
    expect(refused.status).toBe(429);
    expect((refused.json as ErrorBody).error.code).toBe('rate-limited');
    expect((await server.api('/api/me')).status).toBe(429);

    expect((await server.api('/api/me', { token })).status).toBe(200);
    // Response links are what would be guessed: they wait whoever asks.
    expect((await server.api('/api/respond-links/guess', { token })).status).toBe(429);
    const demo = await fetch(`${server.url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upn: SCRUTINEER }),
    });
    expect(demo.status).toBe(429);
    expect(Number(demo.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
