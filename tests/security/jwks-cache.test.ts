import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { entraValidatorConfig } from '../../src/adapters/identity/entra-config.js';
import {
  createTokenValidator,
  IdentityUnavailableError,
  InvalidTokenError,
  type TokenValidator,
} from '../../src/adapters/identity/token-validator.js';
import { DEMO_TENANT_ID, oid } from '../../src/server/seed/harbourside.js';
import { freePort, startTestServer } from '../support/server.js';
import {
  newKey,
  signToken,
  startEntraEmulator,
  type EntraEmulator,
  type SigningKey,
} from './support/entra-emulator.js';

/**
 * The signing keys are fetched once and cached (10 minutes), refetched when a token names a key
 * id the cache does not hold (Entra's rotation), at most once every 30 seconds however many
 * made-up key ids arrive; a key Entra stops publishing is refused once the cache is refreshed;
 * and an unreachable key endpoint is a 503 that says so, never a 500 or a sign-in accepted.
 */
const AUDIENCE = 'api-client-id';
const SCRUTINEER = oid(1);

let entra: EntraEmulator;
let first: SigningKey;

beforeAll(async () => {
  first = await newKey('key-1');
  entra = await startEntraEmulator([first]);
});
afterAll(async () => entra?.close());
afterEach(() => {
  vi.useRealTimers();
  entra.fail('none');
  entra.publish([first]);
});

const validator = (timeoutMs?: number): TokenValidator =>
  createTokenValidator({
    ...entraValidatorConfig({
      authority: entra.authority,
      audience: AUDIENCE,
      allowedTenantIds: [DEMO_TENANT_ID],
    }),
    ...(timeoutMs ? { jwksCache: { timeoutMs } } : {}),
  });

const tokenBy = (key: SigningKey) =>
  signToken({
    key,
    tid: DEMO_TENANT_ID,
    oid: SCRUTINEER,
    iss: entra.issuerFor(DEMO_TENANT_ID),
    aud: AUDIENCE,
  });

/** Moves the clock jose reads for its cache ages (tokens are signed relative to it). */
const advance = (ms: number) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + ms);
};

describe('the key cache', () => {
  it('fetches the key set once for many requests, not per request', async () => {
    const validate = validator();
    const before = entra.fetches();
    const t = await tokenBy(first);
    for (let i = 0; i < 50; i++) await validate(t);
    await Promise.all(Array.from({ length: 20 }, () => validate(t)));
    expect(entra.fetches() - before).toBe(1);
  });

  it('accepts a key published after the cache was filled (rotation: refetch on an unknown kid)', async () => {
    const validate = validator();
    const before = entra.fetches();
    await validate(await tokenBy(first));
    const second = await newKey('key-2');
    entra.publish([first, second]);
    advance(31_000); // past the cooldown between refetches
    await expect(validate(await tokenBy(second))).resolves.toMatchObject({ objectId: SCRUTINEER });
    expect(entra.fetches() - before).toBe(2);
    // Both keys now come from the cache.
    await validate(await tokenBy(first));
    await validate(await tokenBy(second));
    expect(entra.fetches() - before).toBe(2);
  });

  it('refetches at most once per cooldown however many made-up key ids arrive', async () => {
    const validate = validator();
    await validate(await tokenBy(first));
    const before = entra.fetches();
    advance(31_000);
    const made = await newKey('made-up');
    const refused: unknown[] = [];
    for (let i = 0; i < 25; i++) {
      const t = await signToken({
        key: made,
        header: { kid: `made-up-${i}` },
        tid: DEMO_TENANT_ID,
        oid: SCRUTINEER,
        iss: entra.issuerFor(DEMO_TENANT_ID),
        aud: AUDIENCE,
      });
      refused.push(await validate(t).catch((e: unknown) => e));
    }
    expect(refused.every((e) => e instanceof InvalidTokenError)).toBe(true);
    expect((refused[0] as Error).message).toMatch(/signing key unknown/);
    expect(entra.fetches() - before).toBe(1);
  });

  it('refuses a removed key’s tokens once the cache is refreshed', async () => {
    const validate = validator();
    const old = await tokenBy(first);
    await validate(old);
    const second = await newKey('key-2');
    entra.publish([second]);
    // Still cached: Entra's guidance tolerates this window; the refresh is what removes it.
    await expect(validate(old)).resolves.toMatchObject({ objectId: SCRUTINEER });
    const before = entra.fetches();
    advance(11 * 60_000); // past the 10-minute cache
    const fresh = await tokenBy(first); // signed now, so only the key is wrong
    await expect(validate(fresh)).rejects.toThrow(/signing key unknown/);
    expect(entra.fetches() - before).toBe(1);
    await expect(validate(await tokenBy(second))).resolves.toMatchObject({
      tenantId: DEMO_TENANT_ID,
    });
  });
});

describe('an unreachable key endpoint', () => {
  it('is IdentityUnavailable (not a bad token) when it answers 500, not JSON, or nothing in time', async () => {
    for (const outage of ['500', 'not-json', 'hang'] as const) {
      entra.fail(outage);
      const validate = validator(300);
      await expect(validate(await tokenBy(first)), outage).rejects.toBeInstanceOf(
        IdentityUnavailableError,
      );
    }
  });

  it('is IdentityUnavailable when nothing listens there', async () => {
    const port = await freePort();
    const validate = createTokenValidator(
      entraValidatorConfig({
        authority: `http://127.0.0.1:${port}`,
        audience: AUDIENCE,
        allowedTenantIds: [DEMO_TENANT_ID],
      }),
    );
    await expect(validate(await tokenBy(first))).rejects.toBeInstanceOf(IdentityUnavailableError);
  });

  it('answers 503 identity-unavailable with Retry-After through the API, then works when it is back', async () => {
    entra.fail('500');
    const server = await startTestServer({
      AUTH_MODE: 'entra',
      ENTRA_TENANT_ID: DEMO_TENANT_ID,
      ENTRA_API_CLIENT_ID: AUDIENCE,
      ALLOWED_TENANT_IDS: DEMO_TENANT_ID,
      ENTRA_AUTHORITY: entra.authority,
      clientId: 'bot-app-id',
    });
    try {
      const t = await tokenBy(first);
      const res = await fetch(`${server.url}/api/me`, {
        headers: { authorization: `Bearer ${t}` },
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      expect(await res.json()).toMatchObject({
        error: { code: 'identity-unavailable', message: expect.stringMatching(/signing keys/) },
      });
      // The raw evidence route shares the check.
      const file = await fetch(`${server.url}/api/evidence/x/content`, {
        headers: { authorization: `Bearer ${t}` },
      });
      expect(file.status).toBe(503);
      entra.fail('none');
      expect((await server.api('/api/me', { token: t })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
