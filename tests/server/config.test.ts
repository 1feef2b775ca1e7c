import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

describe('configuration', () => {
  it('defaults to local sign-in on 127.0.0.1:3978 with the demo seed', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      seed: 'demo',
      auth: { mode: 'local' },
    });
  });

  it('refuses production without Entra identity, naming what is missing', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /ENTRA_TENANT_ID.*ALLOWED_TENANT_IDS.*clientId/,
    );
  });

  it('never allows local sign-in in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_MODE: 'local' })).toThrow(
      /never allowed in production/,
    );
  });

  it('accepts production with identity configured', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      ENTRA_TENANT_ID: 't1',
      ENTRA_API_CLIENT_ID: 'c1',
      ALLOWED_TENANT_IDS: 't1, t2',
      clientId: 'bot1',
      LINK_SIGNING_KEY: 'a-production-link-signing-key-of-32-plus-chars',
    });
    expect(config.auth).toMatchObject({
      mode: 'entra',
      audience: 'c1',
      allowedTenantIds: ['t1', 't2'],
    });
  });

  it('the server process exits with a clear message when started in production without identity', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', DATA_DIR: '.tmp/never-used' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Critical Friend cannot start: Identity is not configured');
  });

  it('rejects a bad PORT or SEED', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ SEED: 'lots' })).toThrow(/SEED/);
  });
});
