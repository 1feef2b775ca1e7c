import { BrowserCacheLocation, type Configuration } from '@azure/msal-browser';
import type { EntraSettings } from '../authProvider';
import { AUTH_REDIRECT_PATH } from '../redirectPath';

/**
 * The partnership's own tenant as authority: partners from other organisations sign in as its
 * guests, so their tokens are issued by (and for) the partnership's tenant. Memory-only cache.
 */
export function msalConfiguration(settings: EntraSettings, origin: string): Configuration {
  return {
    auth: {
      clientId: settings.clientId,
      authority: `${settings.authority}/${settings.tenantId}`,
      redirectUri: `${origin}${AUTH_REDIRECT_PATH}`,
    },
    cache: { cacheLocation: BrowserCacheLocation.MemoryStorage },
  };
}

export function expiryOf(result: { accessToken: string; expiresOn: Date | null }, now: number) {
  return result.expiresOn ? result.expiresOn.getTime() : now + 5 * 60_000;
}
