import { AuthType, resolveAuthType, type AuthConfiguration } from '@microsoft/agents-hosting';
import { existsSync } from 'node:fs';

/** STORE: the system of record. */
export type StoreConfig = { kind: 'sqlite' } | SharePointAccess;

/** How to reach one SharePoint site: Graph for lists and items, SharePoint REST for views. */
export interface SharePointAccess {
  kind: 'sharepoint';
  /** SHAREPOINT_SITE_URL (or the provision command's --site), without a trailing slash. */
  siteUrl: string;
  /** GRAPH_URL: Graph's root; national clouds have their own. */
  graphUrl: string;
  /** Where SharePoint REST answers: the site itself (SHAREPOINT_REST_URL only for the emulator). */
  restUrl: string;
  identity: StoreIdentity;
}

export type StoreIdentity =
  /** SHAREPOINT_TEST_TOKEN: a fixed bearer token, for the Graph emulator only. */
  | { kind: 'static-token'; token: string }
  /** An app-only Entra identity, as the Agents SDK's MsalTokenProvider takes it. */
  | { kind: 'entra'; authType: string; settings: AuthConfiguration };

/**
 * The Agents SDK connection whose settings hold the store's identity. The SDK's own loader reads
 * `<connection>_<setting>` case-insensitively (`loadAuthConfigFromEnv('sharepoint')`); we read the
 * same names from the given environment, so configuration stays testable and one convention.
 */
export const STORE_CONNECTION = 'sharepoint';

/** The settings we read, under their SDK names. */
const SETTINGS = [
  'clientId',
  'tenantId',
  'authType',
  'certPemFile',
  'certKeyFile',
  'sendX5C',
  'FICClientId',
  'federatedTokenFile',
  'WIDAssertionFile',
  'authorityEndpoint',
  'azureRegion',
  'clientSecret',
] as const;

const SUPPORTED: readonly string[] = [
  AuthType.Certificate,
  AuthType.CertificateSubjectName,
  AuthType.UserManagedIdentity,
  AuthType.SystemManagedIdentity,
  AuthType.FederatedCredentials,
  AuthType.WorkloadIdentity,
  AuthType.ClientSecret,
];

type Fail = (message: string) => Error;

const name = (setting: string) => `${STORE_CONNECTION}_${setting}`;

/** The store's connection settings, matched case-insensitively as the SDK does; blanks ignored. */
function connectionSettings(env: NodeJS.ProcessEnv): Partial<Record<string, string>> {
  const wanted = new Map(SETTINGS.map((s) => [name(s).toUpperCase(), s]));
  const found: Partial<Record<string, string>> = {};
  for (const [key, value] of Object.entries(env)) {
    const setting = wanted.get(key.toUpperCase());
    if (setting && value?.trim()) found[setting] = value;
  }
  return found;
}

function httpsUrl(value: string, setting: string, fail: Fail, allowHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fail(`${setting} must be a URL, not "${value}".`);
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:'))
    throw fail(`${setting} must be an https:// address, not "${value}".`);
  if (url.search || url.hash) throw fail(`${setting} must not carry a query or fragment.`);
  return url;
}

const trimmed = (url: URL) => url.href.replace(/\/+$/, '');

/** The store's app-only identity: certificate, managed identity or federated credential. */
export function loadStoreIdentity(
  env: NodeJS.ProcessEnv,
  production: boolean,
  fail: Fail,
): StoreIdentity {
  const testToken = env.SHAREPOINT_TEST_TOKEN?.trim();
  if (testToken) {
    if (production)
      throw fail('SHAREPOINT_TEST_TOKEN is for the Graph emulator only: remove it in production.');
    return { kind: 'static-token', token: testToken };
  }
  const s = connectionSettings(env);
  // infra/azure.bicep names the app's user-assigned managed identity for Graph and SharePoint so.
  const managedIdentity = env.MANAGED_IDENTITY_CLIENT_ID?.trim();
  if (!s.clientId && managedIdentity && !s.authType) {
    s.clientId = managedIdentity;
    s.authType = AuthType.UserManagedIdentity;
  }
  if (!s.clientId) {
    throw fail(
      `STORE=sharepoint needs an app-only identity: set ${name('clientId')} (the app registration's or managed identity's client id) ` +
        `and one of: ${name('certPemFile')} + ${name('certKeyFile')} (certificate), ${name('authType')}=UserManagedIdentity or SystemManagedIdentity, ` +
        `${name('FICClientId')} (federated credential from a managed identity), or ${name('authType')}=WorkloadIdentity with ${name('federatedTokenFile')}; ` +
        'or MANAGED_IDENTITY_CLIENT_ID alone for a user-assigned managed identity. See docs/sharepoint.md.',
    );
  }
  if (production && s.clientSecret) {
    throw fail(
      `${name('clientSecret')} is refused in production: a client secret can leak and expires. ` +
        'Use a certificate, a managed identity or a federated credential (docs/sharepoint.md).',
    );
  }
  const authority = s.authorityEndpoint ?? 'https://login.microsoftonline.com';
  // The same shape the SDK's loader gives (authority and FICClientId mirrored for older readers).
  const settings: AuthConfiguration = {
    clientId: s.clientId,
    authorityEndpoint: authority,
    authority,
    ...(s.tenantId ? { tenantId: s.tenantId } : {}),
    ...(s.authType ? { authType: s.authType } : {}),
    ...(s.certPemFile ? { certPemFile: s.certPemFile } : {}),
    ...(s.certKeyFile ? { certKeyFile: s.certKeyFile } : {}),
    ...(s.sendX5C ? { sendX5C: s.sendX5C === 'true' } : {}),
    ...(s.FICClientId ? { FICClientId: s.FICClientId, federatedClientId: s.FICClientId } : {}),
    ...(s.federatedTokenFile ? { federatedTokenFile: s.federatedTokenFile } : {}),
    ...(s.WIDAssertionFile ? { WIDAssertionFile: s.WIDAssertionFile } : {}),
    ...(s.azureRegion ? { azureRegion: s.azureRegion } : {}),
    ...(s.clientSecret ? { clientSecret: s.clientSecret } : {}),
  };
  const authType = resolveAuthType(settings);
  if (!SUPPORTED.includes(authType))
    throw fail(
      `${name('authType')} "${authType}" is not supported for the store: use one of ${SUPPORTED.join(', ')}.`,
    );
  if (production && authType === AuthType.ClientSecret)
    throw fail(`${name('authType')}=ClientSecret is refused in production (docs/sharepoint.md).`);
  const missing: string[] = [];
  const needsTenant = ![AuthType.UserManagedIdentity, AuthType.SystemManagedIdentity].includes(
    authType as AuthType,
  );
  if (needsTenant && !s.tenantId) missing.push(name('tenantId'));
  if (authType === AuthType.Certificate || authType === AuthType.CertificateSubjectName) {
    for (const file of ['certPemFile', 'certKeyFile'] as const) {
      const path = s[file];
      if (!path) missing.push(name(file));
      else if (!existsSync(path)) throw fail(`${name(file)}: no file at ${path}.`);
    }
  }
  if (authType === AuthType.FederatedCredentials && !s.FICClientId)
    missing.push(name('FICClientId'));
  if (authType === AuthType.WorkloadIdentity && !s.federatedTokenFile && !s.WIDAssertionFile)
    missing.push(name('federatedTokenFile'));
  if (authType === AuthType.ClientSecret && !s.clientSecret) missing.push(name('clientSecret'));
  if (missing.length)
    throw fail(`The store's identity (${authType}) is incomplete: set ${missing.join(', ')}.`);
  return { kind: 'entra', authType, settings };
}

/** Graph, SharePoint REST and the identity for one site (the server's, or the provision command's). */
export function loadSharePointAccess(
  env: NodeJS.ProcessEnv,
  production: boolean,
  fail: Fail,
  site: string,
): SharePointAccess {
  const siteUrl = trimmed(httpsUrl(site, 'SHAREPOINT_SITE_URL', fail, false));
  const graphUrl = trimmed(
    httpsUrl(env.GRAPH_URL || 'https://graph.microsoft.com', 'GRAPH_URL', fail, !production),
  );
  const restOverride = env.SHAREPOINT_REST_URL?.trim();
  if (restOverride && production)
    throw fail('SHAREPOINT_REST_URL is for the Graph emulator only: remove it in production.');
  const restUrl = restOverride
    ? trimmed(httpsUrl(restOverride, 'SHAREPOINT_REST_URL', fail, true))
    : siteUrl;
  return {
    kind: 'sharepoint',
    siteUrl,
    graphUrl,
    restUrl,
    identity: loadStoreIdentity(env, production, fail),
  };
}

/** STORE=sqlite (default) or sharepoint, with SHAREPOINT_SITE_URL. */
export function loadStoreConfig(
  env: NodeJS.ProcessEnv,
  production: boolean,
  fail: Fail,
): StoreConfig {
  const store = env.STORE ?? 'sqlite';
  if (store === 'sqlite') return { kind: 'sqlite' };
  if (store !== 'sharepoint') throw fail('STORE must be "sqlite" or "sharepoint".');
  const site = env.SHAREPOINT_SITE_URL?.trim();
  if (!site)
    throw fail(
      'STORE=sharepoint needs SHAREPOINT_SITE_URL (the partnership site, e.g. https://contoso.sharepoint.com/sites/scrutiny).',
    );
  return loadSharePointAccess(env, production, fail, site);
}
