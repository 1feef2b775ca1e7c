import type { AuthConfig } from './authProvider';

/** `GET /auth/config` is public: it says how the tab should get tokens. */
export async function fetchAuthConfig(): Promise<AuthConfig> {
  const response = await fetch('/auth/config', { headers: { Accept: 'application/json' } });
  if (!response.ok)
    throw new Error(`The server answered ${response.status} for its sign-in settings.`);
  const body: unknown = await response.json();
  if (typeof body === 'object' && body !== null && 'mode' in body) {
    const mode = body.mode;
    if (mode === 'local' || mode === 'entra') {
      const clientId =
        'clientId' in body && typeof body.clientId === 'string' ? body.clientId : undefined;
      const tenantId =
        'tenantId' in body && typeof body.tenantId === 'string' ? body.tenantId : undefined;
      return { mode, clientId, tenantId };
    }
  }
  throw new Error('The server sent sign-in settings the tab does not understand.');
}
