import { app, nestedAppAuth } from '@microsoft/teams-js';
import type { HostInfo } from '../../host/teamsHost';
import type { EntraSettings } from '../authProvider';
import { EntraAuthProvider } from './EntraAuthProvider';
import { teamsSsoSource } from './teamsSsoSource';
import type { AcquiredToken, TokenSource } from './tokenSource';

// getAuthToken is not documented for SharePoint-hosted Teams apps and is reported to hang there.
const SHAREPOINT_SSO_TIMEOUT_MS = 6000;

function naaRecommended(host: HostInfo): boolean {
  if (!host.inTeams) return false;
  try {
    return nestedAppAuth.isNAAChannelRecommended();
  } catch {
    // Throws when TeamsJS did not initialise: no NAA.
    return false;
  }
}

/** The host's hint for who is signed in (a UPN), to pre-fill Entra's sign-in; never identity. */
async function loginHint(host: HostInfo): Promise<string | undefined> {
  if (!host.inTeams) return undefined;
  try {
    const context = await app.getContext();
    return context.user?.loginHint || context.user?.userPrincipalName || undefined;
  } catch {
    return undefined;
  }
}

async function browserSource(settings: EntraSettings, host: HostInfo): Promise<TokenSource> {
  const { createBrowserSource } = await import('./browserSource');
  return createBrowserSource(settings, await loginHint(host));
}

/** Teams SSO first; once it fails, the browser pop-up for the rest of the session. */
function ssoThenBrowser(settings: EntraSettings, host: HostInfo): TokenSource {
  const sso = teamsSsoSource(SHAREPOINT_SSO_TIMEOUT_MS);
  let browser: Promise<TokenSource> | null = null;
  const fallback = () => (browser ??= browserSource(settings, host));
  return {
    kind: 'teams-sso',
    async acquire(options): Promise<AcquiredToken> {
      if (!browser) {
        try {
          return await sso.acquire(options);
        } catch {
          // Fall through to the browser path: never a dead end.
        }
      }
      return (await fallback()).acquire(options);
    },
    async signIn() {
      const source = await fallback();
      return source.signIn ? source.signIn() : source.acquire({ forceRefresh: true });
    },
  };
}

/**
 * The sign-in chain, chosen from the host at run time:
 * 1. nested app authentication where the host recommends it (new Teams, Outlook, Microsoft 365);
 * 2. classic Teams SSO (getAuthToken) in Teams clients without NAA;
 * 3. SharePoint: Teams SSO if it answers, else standard MSAL with a "Sign in" pop-up;
 * 4. a plain browser: standard MSAL with a "Sign in" pop-up.
 */
export async function chooseSource(settings: EntraSettings, host: HostInfo): Promise<TokenSource> {
  if (naaRecommended(host)) {
    const { createNaaSource } = await import('./naaSource');
    return createNaaSource(settings);
  }
  if (host.inTeams && !host.inSharePoint) return teamsSsoSource();
  if (host.inTeams) return ssoThenBrowser(settings, host);
  return browserSource(settings, host);
}

export async function createEntraProvider(
  settings: EntraSettings,
  host: HostInfo,
): Promise<EntraAuthProvider> {
  return new EntraAuthProvider(await chooseSource(settings, host));
}
