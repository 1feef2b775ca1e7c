import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
} from '@azure/msal-browser';
import type { EntraSettings } from '../authProvider';
import { expiryOf, msalConfiguration } from './msalConfig';
import type { TokenSource } from './tokenSource';

/**
 * Nested app authentication: the host (Teams, Outlook, Microsoft 365) brokers the token for the
 * account it is signed in with. Silent first; the host's own consent or MFA prompt when Entra
 * says interaction is required. TeamsJS must be initialised first (detectHost did it).
 */
export async function createNaaSource(settings: EntraSettings): Promise<TokenSource> {
  const pca = await createNestablePublicClientApplication(
    msalConfiguration(settings, window.location.origin),
  );
  const scopes = [settings.scope];
  return {
    kind: 'naa',
    async acquire({ forceRefresh }) {
      try {
        const result = await pca.acquireTokenSilent({ scopes, forceRefresh });
        return { token: result.accessToken, expiresAt: expiryOf(result, Date.now()) };
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
        const result = await pca.acquireTokenPopup({ scopes });
        return { token: result.accessToken, expiresAt: expiryOf(result, Date.now()) };
      }
    },
  };
}
