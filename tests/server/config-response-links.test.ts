import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

const entra = {
  NODE_ENV: 'production',
  ENTRA_TENANT_ID: 't1',
  ENTRA_API_CLIENT_ID: 'c1',
  ALLOWED_TENANT_IDS: 't1',
  clientId: 'bot1',
};
const KEY = 'x'.repeat(48);

describe('response links and mail', () => {
  it('default to the embedded outbox and a key kept in the data directory', () => {
    expect(loadConfig({}).responseLinks).toEqual({ mail: { kind: 'embedded' } });
  });

  it('refuse production without LINK_SIGNING_KEY, or with a short one', () => {
    expect(() => loadConfig(entra)).toThrow(ConfigError);
    expect(() => loadConfig(entra)).toThrow(/needs LINK_SIGNING_KEY/);
    expect(() => loadConfig({ ...entra, LINK_SIGNING_KEY: 'short' })).toThrow(
      /at least 32 characters/,
    );
    expect(loadConfig({ ...entra, LINK_SIGNING_KEY: KEY }).responseLinks.signingKey).toBe(KEY);
  });

  it('take MAIL=graph with a sender, and nothing else', () => {
    expect(
      loadConfig({ MAIL: 'graph', MAIL_SENDER: 'scrutiny@harbourside.example' }).responseLinks.mail,
    ).toEqual({
      kind: 'graph',
      graphUrl: 'https://graph.microsoft.com',
      sender: 'scrutiny@harbourside.example',
    });
    expect(() => loadConfig({ MAIL: 'graph' })).toThrow(/MAIL_SENDER/);
    expect(() => loadConfig({ MAIL: 'smtp' })).toThrow(/"embedded" or "graph"/);
  });

  it('the server process will not start in production without the key', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { PATH: process.env.PATH ?? '', ...entra, DATA_DIR: '.tmp/never-used' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'Critical Friend cannot start: NODE_ENV=production needs LINK_SIGNING_KEY',
    );
  });
});
