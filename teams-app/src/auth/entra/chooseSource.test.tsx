import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from '@microsoft/teams-js';
import type { HostInfo } from '../../host/teamsHost';
import { SignInProblemError, type EntraSettings } from '../authProvider';
import { createMsalMock, createTeamsAuthMock, fakeJwt, msalResult } from '../test/entraMocks';
import { createEntraProvider } from './createEntraProvider';

const msal = vi.hoisted(() => ({ mock: null as unknown }));
const teams = vi.hoisted(() => ({ mock: null as unknown }));
vi.mock('@azure/msal-browser', async () => {
  const { createMsalMock: create } = await import('../test/entraMocks');
  msal.mock = create();
  return msal.mock;
});
vi.mock('@microsoft/teams-js', async () => {
  const base = await import('../../test/teamsJsMock');
  const { createTeamsAuthMock: create } = await import('../test/entraMocks');
  teams.mock = create();
  return { ...base, ...(teams.mock as object) };
});

// The factories run when a module is first imported; MSAL is imported lazily by the code.
async function fakes() {
  await import('@azure/msal-browser');
  return {
    msal: msal.mock as ReturnType<typeof createMsalMock>,
    teams: teams.mock as ReturnType<typeof createTeamsAuthMock>,
  };
}

const settings: EntraSettings = {
  clientId: '00000000-0000-0000-0000-000000000001',
  tenantId: '00000000-0000-0000-0000-0000000000aa',
  authority: 'https://login.microsoftonline.com',
  scope: 'api://tab.example/00000000-0000-0000-0000-000000000001/access_as_user',
};
const teamsHost: HostInfo = { inTeams: true, frameContext: 'content', inSharePoint: false };
const sharePoint: HostInfo = { inTeams: true, frameContext: 'content', inSharePoint: true };
const browser: HostInfo = { inTeams: false, inSharePoint: false };

describe('Entra sign-in chain', () => {
  beforeEach(async () => {
    const { msal: m, teams: t } = await fakes();
    vi.clearAllMocks();
    m.pca.getActiveAccount.mockReturnValue(null);
    m.pca.getAllAccounts.mockReturnValue([]);
    t.nestedAppAuth.isNAAChannelRecommended.mockReturnValue(false);
    t.authentication.getAuthToken.mockRejectedValue(new Error('unset'));
    vi.mocked(app.getContext).mockRejectedValue(new Error('Not in Teams'));
  });

  it('uses nested app authentication when the host recommends it, with the API scope', async () => {
    const { msal: m, teams: t } = await fakes();
    t.nestedAppAuth.isNAAChannelRecommended.mockReturnValue(true);
    m.pca.acquireTokenSilent.mockResolvedValue(msalResult('naa-token'));

    const provider = await createEntraProvider(settings, teamsHost);
    await expect(provider.getToken()).resolves.toBe('naa-token');

    expect(provider.source.kind).toBe('naa');
    expect(m.createNestablePublicClientApplication).toHaveBeenCalledTimes(1);
    const config = m.createNestablePublicClientApplication.mock.calls[0]?.[0] as {
      auth: { clientId: string; authority: string };
      cache: { cacheLocation: string };
    };
    expect(config.auth).toMatchObject({
      clientId: settings.clientId,
      authority: `https://login.microsoftonline.com/${settings.tenantId}`,
    });
    // Tokens live in memory only.
    expect(config.cache.cacheLocation).toBe('memoryStorage');
    expect(m.pca.acquireTokenSilent).toHaveBeenCalledWith(
      expect.objectContaining({ scopes: [settings.scope] }),
    );
    expect(t.authentication.getAuthToken).not.toHaveBeenCalled();
  });

  it('falls back from silent to the host pop-up when Entra needs interaction (NAA)', async () => {
    const { msal: m, teams: t } = await fakes();
    t.nestedAppAuth.isNAAChannelRecommended.mockReturnValue(true);
    m.pca.acquireTokenSilent.mockRejectedValue(new m.InteractionRequiredAuthError());
    m.pca.acquireTokenPopup.mockResolvedValue(msalResult('after-consent'));

    const provider = await createEntraProvider(settings, teamsHost);
    await expect(provider.getToken()).resolves.toBe('after-consent');
    expect(m.pca.acquireTokenPopup).toHaveBeenCalledWith({ scopes: [settings.scope] });
  });

  it('does not open a pop-up for errors other than interaction-required', async () => {
    const { msal: m, teams: t } = await fakes();
    t.nestedAppAuth.isNAAChannelRecommended.mockReturnValue(true);
    m.pca.acquireTokenSilent.mockRejectedValue(
      Object.assign(new Error('AADSTS50105: not assigned'), { errorCode: 'invalid_grant' }),
    );
    const provider = await createEntraProvider(settings, teamsHost);
    const error = await provider.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInProblemError);
    expect((error as SignInProblemError).kind).toBe('blocked');
    expect(m.pca.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('uses classic Teams SSO (getAuthToken) in Teams without NAA, and no MSAL', async () => {
    const { msal: m, teams: t } = await fakes();
    const token = fakeJwt(3600);
    t.authentication.getAuthToken.mockResolvedValue(token);

    const provider = await createEntraProvider(settings, teamsHost);
    await expect(provider.getToken()).resolves.toBe(token);
    expect(provider.source.kind).toBe('teams-sso');
    expect(m.createNestablePublicClientApplication).not.toHaveBeenCalled();
    expect(m.createStandardPublicClientApplication).not.toHaveBeenCalled();
  });

  it('asks for the Sign in button in a plain browser, then signs in with a pop-up', async () => {
    const { msal: m } = await fakes();
    m.pca.acquireTokenPopup.mockResolvedValue(msalResult('popup-token'));

    const provider = await createEntraProvider(settings, browser);
    expect(provider.source.kind).toBe('browser');
    const error = await provider.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInProblemError);
    expect((error as SignInProblemError).kind).toBe('sign-in-needed');
    // Nothing interactive happens without the user's click.
    expect(m.pca.acquireTokenPopup).not.toHaveBeenCalled();

    await provider.signIn();
    expect(m.pca.acquireTokenPopup).toHaveBeenCalledWith(
      expect.objectContaining({ scopes: [settings.scope] }),
    );
    await expect(provider.getToken()).resolves.toBe('popup-token');
    const config = m.createStandardPublicClientApplication.mock.calls[0]?.[0] as {
      auth: { redirectUri: string };
      cache: { cacheLocation: string };
    };
    expect(config.auth.redirectUri).toBe(`${window.location.origin}/auth-redirect`);
    expect(config.cache.cacheLocation).toBe('memoryStorage');
  });

  it('in SharePoint, tries Teams SSO, then the pop-up with the host’s login hint', async () => {
    const { msal: m, teams: t } = await fakes();
    t.authentication.getAuthToken.mockRejectedValue(new Error('not supported here'));
    vi.mocked(app.getContext).mockResolvedValue({
      user: { loginHint: 'exec@partnership.example' },
    } as unknown as app.Context);
    m.pca.ssoSilent.mockRejectedValue(new m.InteractionRequiredAuthError('login_required'));
    m.pca.acquireTokenPopup.mockResolvedValue(msalResult('sp-token'));

    const provider = await createEntraProvider(settings, sharePoint);
    const error = await provider.getToken().catch((e: unknown) => e);
    expect((error as SignInProblemError).kind).toBe('sign-in-needed');
    expect(t.authentication.getAuthToken).toHaveBeenCalledTimes(1);
    expect(m.pca.ssoSilent).toHaveBeenCalledWith({
      scopes: [settings.scope],
      loginHint: 'exec@partnership.example',
    });

    await provider.signIn();
    expect(m.pca.acquireTokenPopup).toHaveBeenCalledWith(
      expect.objectContaining({ loginHint: 'exec@partnership.example' }),
    );
    await expect(provider.getToken()).resolves.toBe('sp-token');
    // Once Teams SSO has failed, it is not asked again in this session.
    provider.clear();
    m.pca.getActiveAccount.mockReturnValue({ homeAccountId: 'home' });
    m.pca.acquireTokenSilent.mockResolvedValue(msalResult('sp-token-2'));
    await expect(provider.getToken()).resolves.toBe('sp-token-2');
    expect(t.authentication.getAuthToken).toHaveBeenCalledTimes(1);
    expect(m.pca.acquireTokenSilent).toHaveBeenCalledWith(
      expect.objectContaining({ forceRefresh: true }),
    );
  });

  it('in SharePoint, uses Teams SSO when it answers', async () => {
    const { msal: m, teams: t } = await fakes();
    const token = fakeJwt(3600);
    t.authentication.getAuthToken.mockResolvedValue(token);
    const provider = await createEntraProvider(settings, sharePoint);
    await expect(provider.getToken()).resolves.toBe(token);
    expect(m.createStandardPublicClientApplication).not.toHaveBeenCalled();
  });
});
