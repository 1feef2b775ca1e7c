/** Configuration from the environment, checked once at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
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
      };
  /** The bot's Entra app id; absent in local mode (the Agents SDK then accepts anonymous requests). */
  botClientId?: string;
  /** Where England and Wales bank holidays come from: the date-holidays rules, or GOV.UK. */
  holidaySource: 'date-holidays' | 'gov-uk';
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
  const seed = env.SEED ?? 'demo';
  if (seed !== 'demo' && seed !== 'none') throw new ConfigError('SEED must be "demo" or "none".');
  const mode = env.AUTH_MODE ?? (production ? 'entra' : 'local');
  const botClientId = env.clientId ?? env.connections__serviceConnection__settings__clientId;
  const holidaySource = env.HOLIDAY_SOURCE ?? 'date-holidays';
  if (holidaySource !== 'date-holidays' && holidaySource !== 'gov-uk')
    throw new ConfigError('HOLIDAY_SOURCE must be "date-holidays" or "gov-uk".');
  const base = {
    port,
    host,
    dataDir: env.DATA_DIR ?? '.data',
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
    return { ...base, auth: { mode: 'local' } };
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
    },
  };
}
