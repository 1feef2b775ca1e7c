import { defaultRagRules, type RagRules } from '../domain/rag.js';
import { loadReminderConfig, type ReminderConfig } from './reminder-config.js';
import { loadSecurityConfig, type SecurityConfig } from './security-config.js';
import { loadStoreConfig, type StoreConfig } from './store-config.js';

/** Configuration from the environment, checked once at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** STORE: the embedded SQLite file in DATA_DIR, or SharePoint lists through Graph (store-config.ts). */
  store: StoreConfig;
  seed: 'demo' | 'none';
  production: boolean;
  /** Where this server is reached; the local issuer names itself with it. */
  publicUrl: string;
  auth:
    | { mode: 'local' }
    | {
        mode: 'entra';
        tenantId: string;
        audience: string;
        clientId: string;
        allowedTenantIds: string[];
        authority: string;
        /** The delegated scope the tab asks for: ENTRA_API_SCOPE, else api://<PUBLIC_URL host>/<client id>/access_as_user. */
        scope: string;
      };
  /**
   * BOT_SERVICE_URLS: the only Bot Connector addresses the bot answers to or sends to (comma-separated
   * prefixes). Default: Teams' public-cloud connector; in local mode also this machine (the Playground).
   */
  botServiceUrls: string[];
  /**
   * The bot's Entra app id (required in Entra mode). Absent in local mode, where the bot takes
   * the local channel's app id and tokens (src/adapters/teams/local-bot-identity.ts).
   */
  botClientId?: string;
  /** Where England and Wales bank holidays come from: the date-holidays rules, or GOV.UK. */
  holidaySource: 'date-holidays' | 'gov-uk';
  /** How cards go out: see src/application/use-cases/delivery-worker.ts. */
  delivery: DeliveryConfig;
  /** The email-and-web route for people Teams cannot reach: see response-links.ts. */
  responseLinks: ResponseLinkConfig;
  /** Reminders and escalation: see reminder-config.ts. */
  reminders: ReminderConfig;
  /** RAG_STALE_WEEKS: an open action with no update for this many weeks is red (1-52, default 6). */
  ragRules: RagRules;
  /** Framing, rate limits and proxies: see security-config.ts. */
  security: SecurityConfig;
}

export interface ResponseLinkConfig {
  /** LINK_SIGNING_KEY (32+ characters; required in production); else a key kept in DATA_DIR. */
  signingKey?: string;
  /** MAIL: `embedded` keeps emails in the emailOutbox list; `graph` sends them as MAIL_SENDER. */
  mail: { kind: 'embedded' } | { kind: 'graph'; graphUrl: string; sender: string };
}

export interface DeliveryConfig {
  /** SEND_RATE_PER_SECOND: the app's sends a second (Teams allows 50 per app per tenant). */
  ratePerSecond: number;
  /** SEND_BURST: the largest burst above the rate. */
  burst: number;
  /** SEND_TIMEOUT_MS: one send's limit before it counts as unconfirmed. */
  sendTimeoutMs: number;
  /** DELIVERY_LEASE_MS: how long a worker holds a row it is sending. */
  leaseMs: number;
  /** DELIVERY_SETTLE_MS: after an unconfirmed send, how long before an empty search is trusted. */
  settleMs: number;
  /** DELIVERY_RECONCILE_WINDOW_MS: how long an unconfirmed send is checked before it is held. */
  reconcileWindowMs: number;
  /** CARD_LOOKUP: `graph` reads the person's chat through Graph (needs Chat.Read.All). */
  lookup: { kind: 'none' } | { kind: 'graph'; graphUrl: string; teamsAppId: string };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3978);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, not "${env.PORT}".`);
  const host = env.HOST ?? '127.0.0.1';
  const store = loadStoreConfig(env, production, (message) => new ConfigError(message));
  // A real partnership site is never filled with the fictional demo unless asked for.
  const seed = env.SEED ?? (store.kind === 'sharepoint' ? 'none' : 'demo');
  if (seed !== 'demo' && seed !== 'none') throw new ConfigError('SEED must be "demo" or "none".');
  const mode = env.AUTH_MODE ?? (production ? 'entra' : 'local');
  const botClientId = env.clientId ?? env.connections__serviceConnection__settings__clientId;
  const holidaySource = env.HOLIDAY_SOURCE ?? 'date-holidays';
  if (holidaySource !== 'date-holidays' && holidaySource !== 'gov-uk')
    throw new ConfigError('HOLIDAY_SOURCE must be "date-holidays" or "gov-uk".');
  const delivery = loadDelivery(env);
  const base = {
    botServiceUrls: loadBotServiceUrls(env, production),
    delivery,
    reminders: loadReminderConfig(env, (message) => new ConfigError(message)),
    ragRules: loadRagRules(env),
    security: loadSecurityConfig(env, production, store, (message) => new ConfigError(message)),
    port,
    host,
    dataDir: env.DATA_DIR ?? '.data',
    store,
    seed: seed as 'demo' | 'none',
    production,
    publicUrl: env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    ...(botClientId ? { botClientId } : {}),
    holidaySource: holidaySource as Config['holidaySource'],
  };
  if (mode === 'local') {
    if (production) {
      throw new ConfigError(
        'NODE_ENV=production needs Entra ID: set ENTRA_TENANT_ID, ENTRA_API_CLIENT_ID, ALLOWED_TENANT_IDS and clientId (the bot). Local sign-in is never allowed in production.',
      );
    }
    return { ...base, auth: { mode: 'local' }, responseLinks: loadResponseLinks(env, production) };
  }
  if (mode !== 'entra') throw new ConfigError('AUTH_MODE must be "local" or "entra".');
  const missing = ['ENTRA_TENANT_ID', 'ENTRA_API_CLIENT_ID', 'ALLOWED_TENANT_IDS'].filter(
    (k) => !env[k],
  );
  if (!botClientId) missing.push('clientId');
  if (missing.length) {
    throw new ConfigError(
      `Identity is not configured: set ${missing.join(', ')}. The server will not start without it in production.`,
    );
  }
  const tenantId = env.ENTRA_TENANT_ID as string;
  const clientId = env.ENTRA_API_CLIENT_ID as string;
  return {
    ...base,
    responseLinks: loadResponseLinks(env, production),
    auth: {
      mode: 'entra',
      tenantId,
      clientId,
      audience: env.ENTRA_API_AUDIENCE ?? clientId,
      allowedTenantIds: (env.ALLOWED_TENANT_IDS as string)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      authority: env.ENTRA_AUTHORITY ?? 'https://login.microsoftonline.com',
      scope:
        env.ENTRA_API_SCOPE ?? `api://${new URL(base.publicUrl).host}/${clientId}/access_as_user`,
    },
  };
}

/** Teams' Bot Connector in the public cloud; government clouds set BOT_SERVICE_URLS. */
export const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/';

function loadBotServiceUrls(env: NodeJS.ProcessEnv, production: boolean): string[] {
  const raw = env.BOT_SERVICE_URLS;
  const urls =
    raw !== undefined && raw.trim() !== ''
      ? raw
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : production
        ? [TEAMS_SERVICE_URL]
        : [TEAMS_SERVICE_URL, 'http://127.0.0.1:', 'http://localhost:'];
  for (const u of urls) {
    let parsed: URL;
    try {
      parsed = new URL(u.endsWith(':') ? `${u}1` : u);
    } catch {
      throw new ConfigError(`BOT_SERVICE_URLS has "${u}", which is not an address.`);
    }
    if (production && parsed.protocol !== 'https:')
      throw new ConfigError(`BOT_SERVICE_URLS must be https addresses in production, not "${u}".`);
  }
  return urls;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigError(`${name} must be a number above 0, not "${raw}".`);
  }
  return value;
}

function loadRagRules(env: NodeJS.ProcessEnv): RagRules {
  const raw = env.RAG_STALE_WEEKS;
  if (raw === undefined || raw.trim() === '') return defaultRagRules;
  const weeks = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || weeks < 1 || weeks > 52)
    throw new ConfigError(
      `RAG_STALE_WEEKS must be a whole number of weeks from 1 to 52 (an open action with no update for that long is red), not "${raw}".`,
    );
  return { staleAfterWeeks: weeks };
}

function loadDelivery(env: NodeJS.ProcessEnv): DeliveryConfig {
  const ratePerSecond = positive(env, 'SEND_RATE_PER_SECOND', 40);
  const lookup = env.CARD_LOOKUP ?? 'none';
  if (lookup !== 'none' && lookup !== 'graph') {
    throw new ConfigError('CARD_LOOKUP must be "none" or "graph".');
  }
  if (lookup === 'graph' && !env.TEAMS_APP_ID) {
    throw new ConfigError('CARD_LOOKUP=graph needs TEAMS_APP_ID (the app’s id in the catalog).');
  }
  return {
    ratePerSecond,
    burst: positive(env, 'SEND_BURST', Math.max(1, Math.floor(ratePerSecond / 10))),
    sendTimeoutMs: positive(env, 'SEND_TIMEOUT_MS', 15_000),
    leaseMs: positive(env, 'DELIVERY_LEASE_MS', 60_000),
    settleMs: positive(env, 'DELIVERY_SETTLE_MS', 60_000),
    reconcileWindowMs: positive(env, 'DELIVERY_RECONCILE_WINDOW_MS', 15 * 60_000),
    lookup:
      lookup === 'graph'
        ? {
            kind: 'graph',
            graphUrl: env.GRAPH_URL ?? 'https://graph.microsoft.com',
            teamsAppId: env.TEAMS_APP_ID as string,
          }
        : { kind: 'none' },
  };
}

function loadResponseLinks(env: NodeJS.ProcessEnv, production: boolean): ResponseLinkConfig {
  const signingKey = env.LINK_SIGNING_KEY || undefined;
  if (production && !signingKey)
    throw new ConfigError(
      'NODE_ENV=production needs LINK_SIGNING_KEY (at least 32 random characters, e.g. `openssl rand -base64 48`): it signs the response links emailed to people Teams cannot reach.',
    );
  if (signingKey !== undefined && new TextEncoder().encode(signingKey).length < 32)
    throw new ConfigError('LINK_SIGNING_KEY must be at least 32 characters long.');
  const mail = env.MAIL ?? 'embedded';
  if (mail !== 'embedded' && mail !== 'graph')
    throw new ConfigError('MAIL must be "embedded" or "graph".');
  if (mail === 'graph' && !env.MAIL_SENDER)
    throw new ConfigError('MAIL=graph needs MAIL_SENDER (the mailbox the emails are sent from).');
  return {
    ...(signingKey ? { signingKey } : {}),
    mail:
      mail === 'graph'
        ? {
            kind: 'graph',
            graphUrl: env.GRAPH_URL ?? 'https://graph.microsoft.com',
            sender: env.MAIL_SENDER as string,
          }
        : { kind: 'embedded' },
  };
}
