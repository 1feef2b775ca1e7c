import type { AuthConfiguration } from '@microsoft/agents-hosting';
import { describe, expect, it } from 'vitest';
import { storeTokens, type TokenSource } from '../../src/server/graph-identity.js';
import { loadStoreConfig, type SharePointAccess } from '../../src/server/store-config.js';

const fail = (message: string) => new Error(message);

function access(env: Record<string, string>): SharePointAccess {
  const store = loadStoreConfig({ STORE: 'sharepoint', ...env }, false, fail);
  if (store.kind !== 'sharepoint') throw new Error('expected SharePoint');
  return store;
}

/** Records what the store asks the SDK's token provider for. */
function recorder(answer = 'a-token') {
  const calls: { clientId?: string; resource: string }[] = [];
  const source: TokenSource = {
    getAccessToken: async (settings: AuthConfiguration, resource: string) => {
      calls.push({ ...(settings.clientId ? { clientId: settings.clientId } : {}), resource });
      return answer;
    },
  };
  return { calls, source };
}

describe('the store’s tokens', () => {
  it('asks for Graph and for the tenant’s SharePoint, as resources (the SDK adds /.default)', async () => {
    const { calls, source } = recorder();
    const tokens = storeTokens(
      access({
        SHAREPOINT_SITE_URL: 'https://harbourside.sharepoint.example/sites/scrutiny',
        sharepoint_clientId: 'app-1',
      }),
      source,
    );
    expect(await tokens.graph()).toBe('a-token');
    expect(await tokens.sharePoint()).toBe('a-token');
    expect(calls).toEqual([
      { clientId: 'app-1', resource: 'https://graph.microsoft.com' },
      { clientId: 'app-1', resource: 'https://harbourside.sharepoint.example' },
    ]);
  });

  it('follows GRAPH_URL to a national cloud', async () => {
    const { calls, source } = recorder();
    await storeTokens(
      access({
        SHAREPOINT_SITE_URL: 'https://harbourside.sharepoint.us/sites/scrutiny',
        GRAPH_URL: 'https://graph.microsoft.us',
        sharepoint_clientId: 'app-1',
      }),
      source,
    ).graph();
    expect(calls[0]?.resource).toBe('https://graph.microsoft.us');
  });

  it('never sends an empty token', async () => {
    const { source } = recorder('');
    const tokens = storeTokens(
      access({
        SHAREPOINT_SITE_URL: 'https://harbourside.sharepoint.example/sites/scrutiny',
        sharepoint_clientId: 'app-1',
      }),
      source,
    );
    await expect(tokens.graph()).rejects.toThrow('No token for https://graph.microsoft.com');
  });

  it('uses the emulator’s fixed token for both, without asking the provider', async () => {
    const { calls, source } = recorder();
    const tokens = storeTokens(
      access({
        SHAREPOINT_SITE_URL: 'https://harbourside.sharepoint.example/sites/scrutiny',
        SHAREPOINT_TEST_TOKEN: 'emulator-token',
      }),
      source,
    );
    expect([await tokens.graph(), await tokens.sharePoint()]).toEqual([
      'emulator-token',
      'emulator-token',
    ]);
    expect(calls).toEqual([]);
  });
});
