import type { AuthConfig } from './authProvider';

// Each Entra field is absent (the server is not fully configured, which the shell says plainly)
// or well formed; anything else is refused here rather than sent to Entra.
const entraFields = {
  clientId: /^[\w-]{1,64}$/,
  tenantId: /^[\w.-]{1,253}$/,
  authority: /^https:\/\/[\w.-]+(:\d+)?(\/[\w.-]+)*\/?$/,
  scope: /^\S{1,512}$/,
};

/** `GET /auth/config` is public: it says how the tab should get tokens. */
export async function fetchAuthConfig(): Promise<AuthConfig> {
  const response = await fetch('/auth/config', { headers: { Accept: 'application/json' } });
  if (!response.ok)
    throw new Error(`The server answered ${response.status} for its sign-in settings.`);
  const body = (await response.json()) as Record<string, unknown> | null;
  const config: AuthConfig = { mode: 'local' };
  if (body?.mode === 'entra') {
    config.mode = 'entra';
    for (const [name, pattern] of Object.entries(entraFields)) {
      const value = body[name];
      if (value === undefined || value === null || value === '') continue;
      if (typeof value !== 'string' || !pattern.test(value)) body.mode = 'bad';
      else config[name as keyof typeof entraFields] = value.replace(/\/+$/, '');
    }
  }
  if (body?.mode === config.mode) return config;
  throw new Error('The server sent sign-in settings the tab does not understand.');
}
