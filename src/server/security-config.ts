import type { RateLimits } from '../adapters/http/rate-limit.js';
import { DEFAULT_RATE_LIMITS } from '../adapters/http/rate-limit.js';
import type { StoreConfig } from './store-config.js';

export interface SecurityConfig {
  production: boolean;
  /**
   * Who may frame the tab besides 'self' and Microsoft 365 (Teams, Outlook, the Microsoft 365
   * app): the SharePoint host of SHAREPOINT_SITE_URL (STORE=sharepoint), FRAME_ANCESTORS, and
   * outside production this machine (local hosts and tests).
   */
  frameAncestors: string[];
  /** RATE_LIMIT_READS_PER_MINUTE, RATE_LIMIT_WRITES_PER_MINUTE, RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE. */
  rateLimits: RateLimits;
  /** TRUST_PROXY: how many proxies in front set X-Forwarded-For (1 on Azure App Service); 0 none. */
  trustProxy: number;
}

/** A CSP host source: scheme, host (optionally `*.` first) and port; nothing that could end the directive. */
const SOURCE = /^(https?):\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?$/i;

/** Local hosts and tests (the TeamsJS test host, a dev proxy) frame the tab from this machine. */
const LOCAL_FRAMERS = ['http://localhost:*', 'http://127.0.0.1:*'];

export function loadSecurityConfig(
  env: NodeJS.ProcessEnv,
  production: boolean,
  store: StoreConfig,
  fail: (message: string) => Error,
): SecurityConfig {
  const extra = (env.FRAME_ANCESTORS ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim().replace(/\/$/, ''))
    .filter(Boolean);
  for (const source of extra) {
    if (!SOURCE.test(source))
      throw fail(
        `FRAME_ANCESTORS must list origins such as https://contoso.sharepoint.com (a leading *. is allowed), not "${source}".`,
      );
    if (production && !source.toLowerCase().startsWith('https://'))
      throw fail(`FRAME_ANCESTORS must be https origins in production, not "${source}".`);
  }
  const sharePoint = store.kind === 'sharepoint' ? [new URL(store.siteUrl).origin] : [];
  const frameAncestors = [
    ...new Set([...sharePoint, ...extra, ...(production ? [] : LOCAL_FRAMERS)]),
  ];

  const perMinute = (name: keyof typeof RATE_ENV) => {
    const variable = RATE_ENV[name];
    const raw = env[variable];
    if (raw === undefined || raw.trim() === '') return DEFAULT_RATE_LIMITS[name];
    const value = Number(raw);
    if (!/^\s*\d+\s*$/.test(raw) || value < 1 || value > 1_000_000)
      throw fail(
        `${variable} must be a whole number of requests a minute from 1 to 1000000, not "${raw}".`,
      );
    return value;
  };
  const rateLimits: RateLimits = {
    readsPerMinute: perMinute('readsPerMinute'),
    writesPerMinute: perMinute('writesPerMinute'),
    unauthenticatedPerMinute: perMinute('unauthenticatedPerMinute'),
  };

  const proxyRaw = env.TRUST_PROXY ?? '';
  if (proxyRaw.trim() !== '' && !/^\s*\d{1,2}\s*$/.test(proxyRaw))
    throw fail(
      `TRUST_PROXY must be the number of proxies in front of the server (0 for none, 1 on Azure App Service), not "${proxyRaw}".`,
    );
  return { production, frameAncestors, rateLimits, trustProxy: Number(proxyRaw.trim() || 0) };
}

const RATE_ENV = {
  readsPerMinute: 'RATE_LIMIT_READS_PER_MINUTE',
  writesPerMinute: 'RATE_LIMIT_WRITES_PER_MINUTE',
  unauthenticatedPerMinute: 'RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE',
} as const;
