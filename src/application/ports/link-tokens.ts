export type LinkTokenCheck =
  | { ok: true; linkId: string }
  /** `invalid`: not a token we signed (tampered, truncated, another key); `expired`: ours, too old. */
  | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Signs and checks the token in an emailed response link: a compact JWS of `{ linkId, exp }`
 * under a key only the server holds. The token says which link; the link's record says the rest.
 */
export interface LinkTokens {
  sign(claims: { linkId: string; expiresAt: Date }): Promise<string>;
  /** The signature is checked before the expiry, so a forged token never reads as expired. */
  verify(token: string, now: Date): Promise<LinkTokenCheck>;
}
