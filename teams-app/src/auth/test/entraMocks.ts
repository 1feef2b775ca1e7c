import { vi } from 'vitest';

/** A fake MSAL result: a token that expires `inSeconds` from now. */
export function msalResult(token: string, inSeconds = 3600, username = 'someone@example.test') {
  return {
    accessToken: token,
    expiresOn: new Date(Date.now() + inSeconds * 1000),
    account: { homeAccountId: 'home', username },
  };
}

/** Stands in for @azure/msal-browser: one fake client, shared by both factories. */
export function createMsalMock() {
  class InteractionRequiredAuthError extends Error {
    readonly errorCode: string;
    constructor(errorCode = 'interaction_required') {
      super(errorCode);
      this.errorCode = errorCode;
    }
  }
  const pca = {
    acquireTokenSilent: vi.fn(),
    acquireTokenPopup: vi.fn(),
    ssoSilent: vi.fn(),
    getActiveAccount: vi.fn((): unknown => null),
    getAllAccounts: vi.fn((): unknown[] => []),
    setActiveAccount: vi.fn(),
  };
  return {
    InteractionRequiredAuthError,
    BrowserCacheLocation: { MemoryStorage: 'memoryStorage' },
    pca,
    createNestablePublicClientApplication: vi.fn((_config: unknown) => Promise.resolve(pca)),
    createStandardPublicClientApplication: vi.fn((_config: unknown) => Promise.resolve(pca)),
  };
}

/** TeamsJS's sign-in parts, added to the shared TeamsJS mock. */
export function createTeamsAuthMock() {
  return {
    authentication: {
      getAuthToken: vi.fn((): Promise<string> => Promise.reject(new Error('unset'))),
    },
    nestedAppAuth: { isNAAChannelRecommended: vi.fn(() => false) },
  };
}

/** An unsigned JWT-shaped token whose `exp` is `inSeconds` from now. */
export function fakeJwt(inSeconds: number): string {
  const payload = btoa(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + inSeconds }));
  return `e30.${payload.replace(/=+$/, '')}.sig`;
}
