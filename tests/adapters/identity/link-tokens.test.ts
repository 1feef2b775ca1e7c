import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { HmacLinkTokens } from '../../../src/adapters/identity/link-tokens.js';

const SECRET = 'link-token-test-key-at-least-32-bytes!';
const tokens = HmacLinkTokens.fromSecret(SECRET);
const now = new Date('2026-05-14T09:00:00Z');
const inADay = new Date('2026-05-15T09:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'cf-link-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as unknown;

describe('response-link tokens', () => {
  it('are a compact HS256 JWS of the link id and expiry, and verify until they expire', async () => {
    const token = await tokens.sign({ linkId: 'link-1', expiresAt: inADay });
    const parts = token.split('.');
    expect(parts).toHaveLength(3);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'cf-response-link+jwt' });
    expect(decode(parts[1]!)).toEqual({ linkId: 'link-1', exp: inADay.getTime() / 1000 });
    expect(await tokens.verify(token, now)).toEqual({ ok: true, linkId: 'link-1' });
    expect(await tokens.verify(token, new Date(inADay.getTime() - 1000))).toMatchObject({
      ok: true,
    });
    expect(await tokens.verify(token, inADay)).toEqual({ ok: false, reason: 'expired' });
    // The same link signs to the same token, so a repeated offer repeats the same link.
    expect(await tokens.sign({ linkId: 'link-1', expiresAt: inADay })).toBe(token);
  });

  it('refuses a tampered, foreign or unsigned token as invalid, even once expired', async () => {
    const token = await tokens.sign({ linkId: 'link-1', expiresAt: inADay });
    const [h, , s] = token.split('.') as [string, string, string];
    const forged = `${h}.${Buffer.from(JSON.stringify({ linkId: 'link-2', exp: inADay.getTime() / 1000 })).toString('base64url')}.${s}`;
    const other = await HmacLinkTokens.fromSecret('a-different-secret-of-32-bytes-or-more').sign({
      linkId: 'link-1',
      expiresAt: inADay,
    });
    const unsigned = new UnsecuredJWT({ linkId: 'link-1' }).setExpirationTime(inADay).encode();
    const otherType = await new SignJWT({ linkId: 'link-1' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setExpirationTime(inADay)
      .sign(new TextEncoder().encode(SECRET));
    const noExpiry = await new SignJWT({ linkId: 'link-1' })
      .setProtectedHeader({ alg: 'HS256', typ: 'cf-response-link+jwt' })
      .sign(new TextEncoder().encode(SECRET));
    const later = new Date('2027-01-01T00:00:00Z');
    for (const bad of [
      forged,
      other,
      unsigned,
      otherType,
      noExpiry,
      `${token}x`,
      '',
      'a.b.c',
      'x'.repeat(5000),
    ]) {
      expect(await tokens.verify(bad, now), bad.slice(0, 40)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    // Signature first: a forged token never reads as merely expired.
    expect(await tokens.verify(forged, later)).toEqual({ ok: false, reason: 'invalid' });
    expect(await tokens.verify(other, later)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('needs a key of at least 32 bytes', () => {
    expect(() => HmacLinkTokens.fromSecret('too short')).toThrow(/at least 32 bytes/);
  });

  it('in local mode, makes a private key in the data directory once and keeps it', async () => {
    const file = join(dir, 'link-signing-key');
    const first = HmacLinkTokens.openLocal(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const token = await first.sign({ linkId: 'kept', expiresAt: inADay });
    const reopened = HmacLinkTokens.openLocal(file);
    expect(await reopened.verify(token, now)).toEqual({ ok: true, linkId: 'kept' });
    expect(await tokens.verify(token, now)).toEqual({ ok: false, reason: 'invalid' });
  });
});
