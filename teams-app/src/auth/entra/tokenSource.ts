/** A bearer token and when it stops being accepted (ms since the epoch). */
export interface AcquiredToken {
  token: string;
  expiresAt: number;
}

/** One way of getting an Entra token in this host: nested app auth, Teams SSO or a browser. */
export interface TokenSource {
  readonly kind: 'naa' | 'teams-sso' | 'browser';
  /** A token without user action where the host allows it; `forceRefresh` skips caches. */
  acquire(options: { forceRefresh: boolean }): Promise<AcquiredToken>;
  /** Interactive sign-in after a user gesture (the browser source opens a pop-up). */
  signIn?(): Promise<AcquiredToken>;
}

/** `exp` from a JWT's payload, without verifying it (the server does that). */
export function jwtExpiry(token: string, now: number): number {
  try {
    const part = token.split('.')[1] ?? '';
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const payload: unknown = JSON.parse(json);
    if (typeof payload === 'object' && payload !== null && 'exp' in payload) {
      const exp = payload.exp;
      if (typeof exp === 'number' && Number.isFinite(exp)) return exp * 1000;
    }
  } catch {
    // Not a JWT we can read: treat it as short-lived, below.
  }
  return now + 5 * 60_000;
}
