import { authentication } from '@microsoft/teams-js';
import { jwtExpiry, type TokenSource } from './tokenSource';

function withTimeout<T>(promise: Promise<T>, ms: number | undefined): Promise<T> {
  if (ms === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Timed out waiting for the host')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Classic Teams SSO: `authentication.getAuthToken()` returns a token for the app's own API
 * (webApplicationInfo.resource), with Teams showing consent when needed. `timeoutMs` bounds the
 * wait where the call is known to hang (SharePoint hosting).
 */
export function teamsSsoSource(timeoutMs?: number): TokenSource {
  return {
    kind: 'teams-sso',
    async acquire() {
      const token = await withTimeout(authentication.getAuthToken(), timeoutMs);
      return { token, expiresAt: jwtExpiry(token, Date.now()) };
    },
  };
}
