import { useEffect, useState } from 'react';
import { fetchAuthConfig } from '../auth/authConfig';
import type { AuthConfig } from '../auth/authProvider';
import { detectHost, type HostInfo } from '../host/teamsHost';
import { Shell } from './Shell';

export type AuthSettings = { ok: true; config: AuthConfig } | { ok: false; message: string };

interface Boot {
  host: HostInfo;
  auth: AuthSettings;
}

/** Finds the host and the sign-in settings together, then hands over to the shell. */
export function App() {
  const [boot, setBoot] = useState<Boot | null>(null);

  useEffect(() => {
    let live = true;
    const auth = fetchAuthConfig().then(
      (config): AuthSettings => ({ ok: true, config }),
      (error: unknown): AuthSettings => ({
        ok: false,
        message: error instanceof Error ? error.message : 'Could not reach the server.',
      }),
    );
    void Promise.all([detectHost(), auth]).then(([host, authSettings]) => {
      if (live) setBoot({ host, auth: authSettings });
    });
    return () => {
      live = false;
    };
  }, []);

  if (!boot) return <p role="status">Loading Critical Friend…</p>;
  return <Shell host={boot.host} auth={boot.auth} />;
}
