import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { LinkTokenCheck, LinkTokens } from '../../application/ports/link-tokens.js';

const ALG = 'HS256';
/** The header's type: a token signed for anything else never passes as a link. */
const TYP = 'cf-response-link+jwt';
/** HS256 wants a key at least as long as its hash. */
export const MIN_LINK_KEY_BYTES = 32;
const MAX_TOKEN_CHARS = 1_000;

/**
 * The response-link tokens: compact JWS (HS256) of `{ linkId, exp }` under a server secret, from
 * LINK_SIGNING_KEY in production or, in local mode, a random key kept in the data directory
 * (like the local issuer's) so links survive a restart.
 */
export class HmacLinkTokens implements LinkTokens {
  private constructor(private readonly key: Uint8Array) {}

  static fromSecret(secret: string): HmacLinkTokens {
    const key = new TextEncoder().encode(secret);
    if (key.length < MIN_LINK_KEY_BYTES)
      throw new Error(`The link signing key must be at least ${MIN_LINK_KEY_BYTES} bytes long.`);
    return new HmacLinkTokens(key);
  }

  /** The local key, made on first use (mode 600). */
  static openLocal(keyFile: string): HmacLinkTokens {
    if (!existsSync(keyFile))
      writeFileSync(keyFile, randomBytes(48).toString('base64url'), { mode: 0o600 });
    return HmacLinkTokens.fromSecret(readFileSync(keyFile, 'utf8').trim());
  }

  sign(claims: { linkId: string; expiresAt: Date }): Promise<string> {
    return new SignJWT({ linkId: claims.linkId })
      .setProtectedHeader({ alg: ALG, typ: TYP })
      .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
      .sign(this.key);
  }

  async verify(token: string, now: Date): Promise<LinkTokenCheck> {
    if (!token || token.length > MAX_TOKEN_CHARS) return { ok: false, reason: 'invalid' };
    try {
      // The signature is checked first: a forged or altered token is `invalid`, never `expired`.
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALG],
        typ: TYP,
        currentDate: now,
        requiredClaims: ['exp'],
      });
      const linkId = payload.linkId;
      if (typeof linkId !== 'string' || !linkId) return { ok: false, reason: 'invalid' };
      return { ok: true, linkId };
    } catch (e) {
      if (e instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
      return { ok: false, reason: 'invalid' };
    }
  }
}
