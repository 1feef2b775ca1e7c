import { loadAuthConfigFromEnv } from '@microsoft/agents-hosting';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

const SITE = 'https://harbourside.sharepoint.example/sites/scrutiny';
// Fictional ids.
const TENANT = '0e5f6a7b-0000-4000-8000-00000000a001';
const APP = '0e5f6a7b-0000-4000-8000-0000000c0de1';

const production = {
  NODE_ENV: 'production',
  ENTRA_TENANT_ID: TENANT,
  ENTRA_API_CLIENT_ID: 'c1',
  ALLOWED_TENANT_IDS: TENANT,
  clientId: 'bot1',
  LINK_SIGNING_KEY: 'a-production-link-signing-key-of-32-plus-chars',
};

const sharePoint = (extra: Record<string, string> = {}) => ({
  STORE: 'sharepoint',
  SHAREPOINT_SITE_URL: SITE,
  ...extra,
});

const dir = mkdtempSync(join(tmpdir(), 'cf-cert-'));
const certPem = join(dir, 'cert.pem');
const certKey = join(dir, 'key.pem');
writeFileSync(certPem, 'not read at configuration time');
writeFileSync(certKey, 'not read at configuration time');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refusal = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
};

describe('STORE', () => {
  it('defaults to the embedded store, with the demo seed', () => {
    const config = loadConfig({});
    expect(config.store).toEqual({ kind: 'sqlite' });
    expect(config.seed).toBe('demo');
  });

  it('refuses an unknown store', () => {
    expect(refusal({ STORE: 'postgres' })).toContain('STORE must be "sqlite" or "sharepoint"');
  });

  it('STORE=sharepoint needs the site address', () => {
    expect(refusal({ STORE: 'sharepoint' })).toContain('needs SHAREPOINT_SITE_URL');
    expect(refusal(sharePoint({ SHAREPOINT_SITE_URL: 'contoso' }))).toContain(
      'SHAREPOINT_SITE_URL must be a URL',
    );
    expect(
      refusal(sharePoint({ SHAREPOINT_SITE_URL: 'http://harbourside.sharepoint.example/sites/x' })),
    ).toContain('SHAREPOINT_SITE_URL must be an https:// address');
  });

  it('STORE=sharepoint needs an identity, and names the settings', () => {
    const message = refusal(sharePoint());
    expect(message).toContain('set sharepoint_clientId');
    expect(message).toContain('sharepoint_certPemFile');
    expect(message).toContain('UserManagedIdentity');
    expect(message).toContain('sharepoint_FICClientId');
  });

  it('takes a user-assigned managed identity from its client id alone', () => {
    const config = loadConfig(
      sharePoint({ sharepoint_clientId: APP, SHAREPOINT_SITE_URL: `${SITE}/` }),
    );
    expect(config.store).toMatchObject({
      kind: 'sharepoint',
      siteUrl: SITE,
      restUrl: SITE,
      graphUrl: 'https://graph.microsoft.com',
      identity: { kind: 'entra', authType: 'UserManagedIdentity', settings: { clientId: APP } },
    });
  });

  it('falls back to MANAGED_IDENTITY_CLIENT_ID (the app service identity infra/ creates)', () => {
    const config = loadConfig(sharePoint({ MANAGED_IDENTITY_CLIENT_ID: APP }));
    expect(config.store).toMatchObject({
      identity: { authType: 'UserManagedIdentity', settings: { clientId: APP } },
    });
    // A connection of its own wins.
    const own = loadConfig(
      sharePoint({ MANAGED_IDENTITY_CLIENT_ID: APP, sharepoint_clientId: 'other' }),
    );
    expect(own.store).toMatchObject({ identity: { settings: { clientId: 'other' } } });
  });

  it('does not seed the fictional demo into a SharePoint site unless asked', () => {
    expect(loadConfig(sharePoint({ sharepoint_clientId: APP })).seed).toBe('none');
    expect(loadConfig(sharePoint({ sharepoint_clientId: APP, SEED: 'demo' })).seed).toBe('demo');
  });

  it('takes a certificate, with its tenant, and checks the files exist', () => {
    const cert = {
      sharepoint_clientId: APP,
      sharepoint_certPemFile: certPem,
      sharepoint_certKeyFile: certKey,
    };
    expect(refusal(sharePoint(cert))).toContain(
      '(Certificate) is incomplete: set sharepoint_tenantId',
    );
    const config = loadConfig(sharePoint({ ...cert, sharepoint_tenantId: TENANT }));
    expect(config.store).toMatchObject({
      identity: {
        authType: 'Certificate',
        settings: { clientId: APP, tenantId: TENANT, certPemFile: certPem, certKeyFile: certKey },
      },
    });
    expect(
      refusal(
        sharePoint({
          ...cert,
          sharepoint_tenantId: TENANT,
          sharepoint_certKeyFile: join(dir, 'gone.pem'),
        }),
      ),
    ).toContain(`sharepoint_certKeyFile: no file at ${join(dir, 'gone.pem')}`);
  });

  it('takes a federated credential from a managed identity, and workload identity', () => {
    const fic = loadConfig(
      sharePoint({
        sharepoint_clientId: APP,
        sharepoint_tenantId: TENANT,
        sharepoint_FICClientId: 'mi-1',
      }),
    );
    expect(fic.store).toMatchObject({
      identity: { authType: 'FederatedCredentials', settings: { FICClientId: 'mi-1' } },
    });
    expect(
      refusal(
        sharePoint({
          sharepoint_clientId: APP,
          sharepoint_tenantId: TENANT,
          sharepoint_authType: 'WorkloadIdentity',
        }),
      ),
    ).toContain('set sharepoint_federatedTokenFile');
  });

  it('refuses an authentication type the store cannot use', () => {
    expect(
      refusal(sharePoint({ sharepoint_clientId: APP, sharepoint_authType: 'EntraAuthSideCar' })),
    ).toContain('"EntraAuthSideCar" is not supported');
  });

  it('reads the settings case-insensitively, as the Agents SDK does', () => {
    const config = loadConfig(
      sharePoint({ SHAREPOINT_CLIENTID: APP, SHAREPOINT_AUTHTYPE: 'SystemManagedIdentity' }),
    );
    expect(config.store).toMatchObject({
      identity: { authType: 'SystemManagedIdentity', settings: { clientId: APP } },
    });
  });

  it('reads the same identity the Agents SDK loads for the "sharepoint" connection', () => {
    const env = {
      sharepoint_clientId: APP,
      sharepoint_tenantId: TENANT,
      sharepoint_certPemFile: certPem,
      sharepoint_certKeyFile: certKey,
      sharepoint_sendX5C: 'true',
      sharepoint_authorityEndpoint: 'https://login.microsoftonline.us',
    };
    const saved = { ...process.env };
    let sdk;
    try {
      // The SDK reads process.env, and again on each call only in its test mode.
      Object.assign(process.env, env, { TEST_MODE: 'true' });
      sdk = loadAuthConfigFromEnv('sharepoint');
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
    const config = loadConfig(sharePoint(env));
    if (config.store.kind !== 'sharepoint' || config.store.identity.kind !== 'entra')
      throw new Error('expected an Entra identity');
    const ours = config.store.identity.settings;
    for (const key of [
      'clientId',
      'tenantId',
      'certPemFile',
      'certKeyFile',
      'sendX5C',
      'authorityEndpoint',
    ] as const)
      expect(ours[key], key).toEqual(sdk[key]);
  });

  it('allows a client secret outside production only, and refuses it in production', () => {
    const secret = {
      sharepoint_clientId: APP,
      sharepoint_tenantId: TENANT,
      sharepoint_clientSecret: 's3cret',
    };
    expect(loadConfig(sharePoint(secret)).store).toMatchObject({
      identity: { authType: 'ClientSecret' },
    });
    expect(refusal({ ...production, ...sharePoint(secret) })).toContain(
      'sharepoint_clientSecret is refused in production',
    );
    // Even beside a certificate: a secret lying in production settings is refused.
    expect(
      refusal({
        ...production,
        ...sharePoint({
          ...secret,
          sharepoint_certPemFile: certPem,
          sharepoint_certKeyFile: certKey,
        }),
      }),
    ).toContain('refused in production');
  });

  it('accepts production with a certificate or a managed identity', () => {
    const config = loadConfig({ ...production, ...sharePoint({ sharepoint_clientId: APP }) });
    expect(config.store).toMatchObject({ identity: { authType: 'UserManagedIdentity' } });
  });

  it('takes national-cloud Graph and sign-in addresses', () => {
    const config = loadConfig(
      sharePoint({
        GRAPH_URL: 'https://graph.microsoft.us/',
        SHAREPOINT_SITE_URL: 'https://harbourside.sharepoint.us/sites/scrutiny',
        sharepoint_clientId: APP,
        sharepoint_authorityEndpoint: 'https://login.microsoftonline.us',
      }),
    );
    expect(config.store).toMatchObject({
      graphUrl: 'https://graph.microsoft.us',
      identity: { settings: { authorityEndpoint: 'https://login.microsoftonline.us' } },
    });
  });

  describe('emulator-only settings', () => {
    const emulator = { GRAPH_URL: 'http://127.0.0.1:9', SHAREPOINT_TEST_TOKEN: 'emulator-token' };

    it('take a fixed token, an http Graph and a separate REST address outside production', () => {
      const config = loadConfig(
        sharePoint({ ...emulator, SHAREPOINT_REST_URL: 'http://127.0.0.1:9/sharepoint/x/' }),
      );
      expect(config.store).toEqual({
        kind: 'sharepoint',
        siteUrl: SITE,
        graphUrl: 'http://127.0.0.1:9',
        restUrl: 'http://127.0.0.1:9/sharepoint/x',
        identity: { kind: 'static-token', token: 'emulator-token' },
      });
    });

    it.each([
      [
        { SHAREPOINT_TEST_TOKEN: 'x', sharepoint_clientId: APP },
        'SHAREPOINT_TEST_TOKEN is for the Graph emulator only',
      ],
      [
        { SHAREPOINT_REST_URL: 'https://x.example', sharepoint_clientId: APP },
        'SHAREPOINT_REST_URL is for the Graph emulator only',
      ],
      [
        { GRAPH_URL: 'http://127.0.0.1:9', sharepoint_clientId: APP },
        'GRAPH_URL must be an https:// address',
      ],
    ])('are refused in production: %j', (extra, message) => {
      expect(refusal({ ...production, ...sharePoint(extra) })).toContain(message);
    });
  });
});
