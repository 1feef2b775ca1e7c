import { MsalTokenProvider, type AuthConfiguration } from '@microsoft/agents-hosting';
import type { SharePointAccess } from './store-config.js';

/** App-only bearer tokens for the store: one audience for Graph, another for SharePoint REST. */
export interface StoreTokens {
  graph(): Promise<string>;
  sharePoint(): Promise<string>;
}

/** The one method of the Agents SDK's MsalTokenProvider we use (it caches tokens itself). */
export interface TokenSource {
  getAccessToken(settings: AuthConfiguration, resource: string): Promise<string>;
}

/**
 * Tokens through the Agents SDK's MsalTokenProvider, for the identity in `access`.
 *
 * The provider takes a resource, not a scope: it appends `/.default` for client credentials
 * (certificate, federated credential, workload identity) and passes it as the managed identity's
 * resource. Graph's resource is GRAPH_URL; SharePoint REST wants the tenant's SharePoint origin
 * (`https://contoso.sharepoint.com`), because a Graph token is refused there.
 */
export function storeTokens(
  access: SharePointAccess,
  source: TokenSource = new MsalTokenProvider(),
): StoreTokens {
  const { identity } = access;
  if (identity.kind === 'static-token') {
    const fixed = async () => identity.token;
    return { graph: fixed, sharePoint: fixed };
  }
  const tokenFor = (resource: string) => async () => {
    const token = await source.getAccessToken(identity.settings, resource);
    // Outside production the SDK answers '' when it has no client id: never send that.
    if (!token) throw new Error(`No token for ${resource} (${identity.authType}).`);
    return token;
  };
  return {
    graph: tokenFor(new URL(access.graphUrl).origin),
    sharePoint: tokenFor(new URL(access.siteUrl).origin),
  };
}
