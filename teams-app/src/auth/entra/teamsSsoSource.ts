import { authentication } from '@microsoft/teams-js';
import { withTimeout } from '../../host/withTimeout';
import { jwtExpiry, type TokenSource } from './tokenSource';

/**
 * Classic Teams SSO: `authentication.getAuthToken()` returns a token for the app's own API
 * (webApplicationInfo.resource), with Teams showing consent when needed. `timeoutMs` bounds the
 * wait where the call is known to hang (SharePoint hosting).
 */
export function teamsSsoSource(timeoutMs?: number): TokenSource {
  return {
    kind: 'teams-sso',
    async acquire() {
      const token =
        timeoutMs === undefined
          ? await authentication.getAuthToken()
          : await withTimeout(
              authentication.getAuthToken(),
              timeoutMs,
              'Timed out waiting for the host',
            );
      return { token, expiresAt: jwtExpiry(token, Date.now()) };
    },
  };
}
