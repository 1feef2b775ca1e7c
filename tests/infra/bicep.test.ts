import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Bicep cannot be compiled here (no Bicep CLI offline), so these read the template as text and
// hold the security properties the deployment depends on.
const root = resolve(import.meta.dirname, '../..');
const bicep = readFileSync(resolve(root, 'infra/azure.bicep'), 'utf8');
const parameters = JSON.parse(
  readFileSync(resolve(root, 'infra/azure.parameters.json'), 'utf8'),
) as { parameters: Record<string, { value: string }> };

/** `name: 'X'` followed by `value: ...` in the app settings. */
const setting = (name: string) =>
  new RegExp(`name: '${name}'\\s*\\n\\s*value: ([^\\n]+)`).exec(bicep)?.[1]?.trim();

describe('infra/azure.bicep', () => {
  it('gives the bot and the store a user-assigned managed identity, not a password', () => {
    expect(bicep).toMatch(/Microsoft\.ManagedIdentity\/userAssignedIdentities/);
    expect(bicep).toMatch(/type: 'UserAssigned'/);
    expect(bicep).toMatch(/msaAppType: 'UserAssignedMSI'/);
    expect(bicep).not.toMatch(/MicrosoftAppPassword|clientSecret|sharepoint_clientSecret/i);
    expect(setting('MANAGED_IDENTITY_CLIENT_ID')).toBe('identity.properties.clientId');
    expect(setting('clientId')).toBe('identity.properties.clientId');
  });

  it('marks every secret-like parameter @secure() and fills it only from a SECRET_ variable', () => {
    const params = [...bicep.matchAll(/((?:@[^\n]+\n)*)param (\w+) /g)].map((m) => ({
      decorators: m[1] ?? '',
      name: m[2] ?? '',
    }));
    const secretLike = params.filter((p) => /key|secret|password|token/i.test(p.name));
    expect(secretLike.map((p) => p.name)).toEqual(['linkSigningKey']);
    for (const p of secretLike) {
      expect(p.decorators, p.name).toContain('@secure()');
      expect(parameters.parameters[p.name]?.value).toMatch(/^\$\{\{SECRET_[A-Z_]+\}\}$/);
    }
  });

  it('runs in production mode, listening where App Service sends traffic, over https only', () => {
    expect(setting('NODE_ENV')).toBe("'production'");
    expect(setting('HOST')).toBe("'0.0.0.0'");
    expect(setting('PUBLIC_URL')).toMatch(/^'https:\/\//);
    expect(bicep).toMatch(/httpsOnly: true/);
    expect(bicep).toMatch(/minTlsVersion: '1\.2'/);
    expect(bicep).toMatch(/ftpsState: 'Disabled'/);
  });

  it('configures the identity the server refuses to start without', () => {
    for (const name of ['ENTRA_TENANT_ID', 'ENTRA_API_CLIENT_ID', 'ALLOWED_TENANT_IDS'])
      expect(setting(name), name).toBeDefined();
  });
});
