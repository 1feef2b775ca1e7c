import {
  createStandardPublicClientApplication,
  type AuthenticationResult,
} from '@azure/msal-browser';
import { SignInProblemError, type EntraSettings } from '../authProvider';
import { expiryOf, msalConfiguration } from './msalConfig';
import type { TokenSource } from './tokenSource';

/**
 * SharePoint and plain browsers, where no host brokers a token: standard MSAL with a pop-up that
 * the user opens from the "Sign in" button (browsers block pop-ups not started by a click).
 * Silent attempts first: the signed-in account's refresh token in memory, else, with a login
 * hint from the host, Entra's session cookie in a hidden frame.
 */
export async function createBrowserSource(
  settings: EntraSettings,
  loginHint: string | undefined,
): Promise<TokenSource> {
  const pca = await createStandardPublicClientApplication(
    msalConfiguration(settings, window.location.origin),
  );
  const scopes = [settings.scope];
  const toToken = (result: AuthenticationResult) => {
    if (result.account) pca.setActiveAccount(result.account);
    return { token: result.accessToken, expiresAt: expiryOf(result, Date.now()) };
  };
  return {
    kind: 'browser',
    async acquire({ forceRefresh }) {
      const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
      try {
        if (account)
          return toToken(await pca.acquireTokenSilent({ scopes, account, forceRefresh }));
        if (loginHint) return toToken(await pca.ssoSilent({ scopes, loginHint }));
      } catch {
        // Any silent failure (expired session, third-party cookies blocked) means: sign in.
      }
      throw new SignInProblemError('sign-in-needed');
    },
    async signIn() {
      return toToken(await pca.acquireTokenPopup({ scopes, loginHint, prompt: 'select_account' }));
    },
  };
}
