import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/adapters/http/security-headers.js';
import { ConfigError, loadConfig } from '../../src/server/config.js';

// Fictional ids.
const TENANT = '0e5f6a7b-0000-4000-8000-00000000a001';
const production = {
  NODE_ENV: 'production',
  ENTRA_TENANT_ID: TENANT,
  ENTRA_API_CLIENT_ID: 'c1',
  ALLOWED_TENANT_IDS: TENANT,
  clientId: 'bot1',
  LINK_SIGNING_KEY: 'a-production-link-signing-key-of-32-plus-chars',
};
const SITE = 'https://harbourside.sharepoint.example/sites/scrutiny';

const refusal = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted the environment');
};

describe('rate limits', () => {
  it('default to limits a busy meeting never reaches', () => {
    expect(loadConfig({}).security.rateLimits).toEqual({
      readsPerMinute: 600,
      writesPerMinute: 120,
      unauthenticatedPerMinute: 60,
    });
  });

  it('are read from RATE_LIMIT_*_PER_MINUTE', () => {
    const { rateLimits } = loadConfig({
      RATE_LIMIT_READS_PER_MINUTE: '900',
      RATE_LIMIT_WRITES_PER_MINUTE: ' 30 ',
      RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '10',
    }).security;
    expect(rateLimits).toEqual({
      readsPerMinute: 900,
      writesPerMinute: 30,
      unauthenticatedPerMinute: 10,
    });
  });

  it.each(['0', '-5', '1.5', 'lots', '2000000'])('refuse %j, naming the setting', (raw) => {
    expect(refusal({ RATE_LIMIT_WRITES_PER_MINUTE: raw })).toBe(
      `RATE_LIMIT_WRITES_PER_MINUTE must be a whole number of requests a minute from 1 to 1000000, not "${raw}".`,
    );
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default and takes a count of proxies', () => {
    expect(loadConfig({}).security.trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '1' }).security.trustProxy).toBe(1);
  });

  it('refuses anything but a small count', () => {
    expect(refusal({ TRUST_PROXY: 'true' })).toContain('TRUST_PROXY must be the number of proxies');
  });
});

describe('who may frame the tab', () => {
  it('in production: the tenant SharePoint host (from SHAREPOINT_SITE_URL) and FRAME_ANCESTORS only', () => {
    const config = loadConfig({
      ...production,
      STORE: 'sharepoint',
      SHAREPOINT_SITE_URL: SITE,
      sharepoint_clientId: 'app1',
      FRAME_ANCESTORS: 'https://intranet.harbourside.example, https://*.partners.example/',
    });
    expect(config.security.frameAncestors).toEqual([
      'https://harbourside.sharepoint.example',
      'https://intranet.harbourside.example',
      'https://*.partners.example',
    ]);
    expect(config.security.production).toBe(true);
  });

  it('outside production, also this machine (local hosts and the TeamsJS test host)', () => {
    expect(loadConfig({}).security.frameAncestors).toEqual([
      'http://localhost:*',
      'http://127.0.0.1:*',
    ]);
  });

  it.each([
    "'none'",
    'https://a.example; script-src *',
    'javascript:alert(1)',
    'https://a.example/path',
    '*',
  ])('refuses %j (it could widen or end the directive)', (source) => {
    expect(refusal({ FRAME_ANCESTORS: source })).toContain('FRAME_ANCESTORS must list origins');
  });

  it('refuses http framers in production', () => {
    expect(refusal({ ...production, FRAME_ANCESTORS: 'http://intranet.example' })).toBe(
      'FRAME_ANCESTORS must be https origins in production, not "http://intranet.example".',
    );
  });
});

describe('the content security policy', () => {
  it('is exactly the policy the contract names, with the authority and the framers', () => {
    const csp = contentSecurityPolicy({
      production: true,
      authority: 'https://login.microsoftonline.com',
      extraFrameAncestors: ['https://harbourside.sharepoint.example'],
    });
    expect(csp.split('; ')).toEqual([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "connect-src 'self' https://res.cdn.office.net https://login.microsoftonline.com",
      'frame-src https://login.microsoftonline.com',
      "worker-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://teams.cloud.microsoft https://*.cloud.microsoft https://outlook.office.com https://outlook.office365.com https://*.office.com https://*.microsoft365.com https://harbourside.sharepoint.example",
    ]);
  });

  it('in local mode names no authority and lets no other site frame in', () => {
    const csp = contentSecurityPolicy({ production: false, extraFrameAncestors: [] });
    expect(csp).toContain("connect-src 'self' https://res.cdn.office.net;");
    expect(csp).not.toContain('frame-src');
    expect(csp).not.toContain('login.microsoftonline.com');
  });
});
