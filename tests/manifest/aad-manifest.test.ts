// The Entra app registration (aad.manifest.json) against the Teams manifest and the tab: the
// values that must agree for nested app auth, Teams SSO and the browser pop-up to work.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTH_REDIRECT_PATH } from '../../teams-app/src/auth/redirectPath.js';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  > & {
    api: {
      oauth2PermissionScopes: { id: string; value: string }[];
      preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
    };
    spa: { redirectUris: string[] };
    identifierUris: string[];
    signInAudience: string;
    webApplicationInfo: {
      id: string;
      resource: string;
      nestedAppAuthInfo: { redirectUri: string; scopes: string[] }[];
    };
  };

const aad = read('aad.manifest.json');
const teams = read('manifest/manifest.template.json');

// Microsoft's Teams SSO table (tab-sso-register-aad): Teams, Microsoft 365 and Outlook clients.
const MICROSOFT_365_CLIENTS = {
  'Teams desktop and mobile': '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  'Teams web': '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
  'Microsoft 365 web': '4765445b-32c6-49b0-83e6-1d93765276ca',
  'Microsoft 365 desktop': '0ec893e0-5785-4de6-99da-4ed124e5296c',
  'Microsoft 365 mobile and Outlook desktop': 'd3590ed6-52b3-4102-aeff-aad2292ab01c',
  'Outlook web': 'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
  'Outlook mobile': '27922004-5251-4030-b22d-91ecd9a37ea4',
};

describe('Entra app registration', () => {
  it('exposes access_as_user on the api://<domain>/<client id> URI the Teams manifest names', () => {
    expect(aad.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(teams.webApplicationInfo.id).toBe('${{AAD_APP_CLIENT_ID}}');
    expect(teams.webApplicationInfo.resource).toBe(aad.identifierUris[0]);
    expect(aad.api.oauth2PermissionScopes.map((s) => s.value)).toEqual(['access_as_user']);
  });

  it('pre-authorises every Teams, Microsoft 365 and Outlook client for that scope', () => {
    const scopeId = aad.api.oauth2PermissionScopes[0]?.id;
    const byId = new Map(aad.api.preAuthorizedApplications.map((a) => [a.appId, a]));
    for (const [client, id] of Object.entries(MICROSOFT_365_CLIENTS)) {
      expect(byId.get(id)?.delegatedPermissionIds, client).toEqual([scopeId]);
    }
    expect(byId.size).toBe(Object.keys(MICROSOFT_365_CLIENTS).length);
  });

  it('has the NAA broker redirect and the tab’s pop-up redirect as SPA redirects', () => {
    expect(aad.spa.redirectUris).toEqual([
      'brk-multihub://${{TAB_DOMAIN}}',
      `https://\${{TAB_DOMAIN}}${AUTH_REDIRECT_PATH}`,
    ]);
  });

  it('prefetches the NAA token for the same redirect and scope the tab asks for', () => {
    expect(teams.webApplicationInfo.nestedAppAuthInfo).toEqual([
      {
        redirectUri: aad.spa.redirectUris[0],
        scopes: [`${aad.identifierUris[0]}/access_as_user`],
      },
    ]);
  });

  it('stays single-tenant: partners sign in as guests of the partnership tenant', () => {
    expect(aad.signInAudience).toBe('AzureADMyOrg');
  });
});
