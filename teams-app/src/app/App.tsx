import { lazy, Suspense, useEffect, useState } from 'react';
import { fetchAuthConfig } from '../auth/authConfig';
import type { AuthConfig } from '../auth/authProvider';
import { AUTH_REDIRECT_PATH } from '../auth/redirectPath';
import { detectHost, type HostInfo } from '../host/teamsHost';
import { normalisePath } from '../routing/router';
import { viewFor } from '../routing/routes';
import { loadFluentTheme } from '../theme/fluentThemes';
import { guessThemeName } from '../theme/useThemeName';
import { Shell } from './Shell';
import { preloadView } from './views';

export type AuthSettings = { ok: true; config: AuthConfig } | { ok: false; message: string };

interface Boot {
  host: HostInfo;
  auth: AuthSettings;
}

const AuthRedirect = lazy(() =>
  import('../auth/authRedirect').then((m) => ({ default: m.AuthRedirect })),
);

/** MSAL's sign-in pop-up lands on its own path, where nothing else of the tab starts. */
export function App() {
  if (window.location.pathname !== AUTH_REDIRECT_PATH) return <TabApp />;
  return (
    <Suspense fallback={null}>
      <AuthRedirect />
    </Suspense>
  );
}

/** Finds the host and the sign-in settings together, then hands over to the shell. */
function TabApp() {
  const [boot, setBoot] = useState<Boot | null>(null);

  useEffect(() => {
    let live = true;
    // Overlap the downloads of the likely theme and the view with the Teams handshake; the
    // shell waits for the view so it can render it without a Suspense fallback.
    loadFluentTheme(guessThemeName()).catch(() => undefined);
    const path = normalisePath(window.location.pathname);
    const routed = path !== '/' && path !== '/index.html';
    const routedView = routed ? preloadView(viewFor(path, undefined)) : Promise.resolve();
    const hostReady = detectHost().then(async (info) => {
      await (routed
        ? routedView
        : preloadView(viewFor(path, info.frameContext, info.inSharePoint)));
      return info;
    });
    const auth = fetchAuthConfig().then(
      (config): AuthSettings => ({ ok: true, config }),
      (error: unknown): AuthSettings => ({
        ok: false,
        message: error instanceof Error ? error.message : 'Could not reach the server.',
      }),
    );
    void Promise.all([hostReady, auth]).then(([host, authSettings]) => {
      if (live) setBoot({ host, auth: authSettings });
    });
    return () => {
      live = false;
    };
  }, []);

  if (!boot) return <p role="status">Loading Critical Friend…</p>;
  return <Shell host={boot.host} auth={boot.auth} />;
}
