import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { ApiContext } from '../api/ApiContext';
import { ApiClient } from '../api/client';
import { SignInRequiredError, type AuthProvider } from '../auth/authProvider';
import { LocalAuthProvider } from '../auth/localAuthProvider';
import { entraProviderFor, entraSettings } from '../auth/lazyEntraAuthProvider';
import { HostContext } from '../host/HostContext';
import type { HostInfo } from '../host/teamsHost';
import { currentLocation, navigate, signInPath } from '../routing/router';
import { useFluentTheme } from '../theme/fluentThemes';
import { useThemeName } from '../theme/useThemeName';
import type { AuthSettings } from './App';
import { AuthUnavailable } from './AuthUnavailable';
import { AppRoutes } from './AppRoutes';
import { NotifyLoaded } from './NotifyLoaded';
import { LocalAuthContext } from './LocalAuthContext';
import { sessionStore } from './sessionStore';

const useStyles = makeStyles({
  root: { minHeight: '100vh', boxSizing: 'border-box' },
  failure: { padding: tokens.spacingHorizontalL },
});

interface ShellProps {
  host: HostInfo;
  auth: AuthSettings;
}

// Entra sign-in's prompt, like the provider itself, is downloaded only when needed.
const EntraSignIn = lazy(() =>
  import('../auth/EntraSignIn').then((m) => ({ default: m.EntraSignIn })),
);

function providerFor(auth: AuthSettings, host: HostInfo): AuthProvider {
  return auth.ok && auth.config.mode === 'entra'
    ? entraProviderFor(auth.config, host)
    : new LocalAuthProvider(sessionStore());
}

/** Theme, host, auth and API for every view. */
export function Shell({ host, auth }: ShellProps) {
  const styles = useStyles();
  const shown = useFluentTheme(useThemeName(host));
  const [authProblem, setAuthProblem] = useState<Error | null>(null);
  const authProvider = useMemo(() => providerFor(auth, host), [auth, host]);

  const onAuthRequired = useCallback(
    (error: Error) => {
      if (error instanceof SignInRequiredError && authProvider instanceof LocalAuthProvider) {
        if (!window.location.pathname.startsWith('/sign-in')) {
          navigate(signInPath(currentLocation()), { replace: true });
        }
        return;
      }
      setAuthProblem(error);
    },
    [authProvider],
  );
  const api = useMemo(
    () => new ApiClient(authProvider, onAuthRequired),
    [authProvider, onAuthRequired],
  );
  const localAuth = authProvider instanceof LocalAuthProvider ? authProvider : null;

  let body;
  if (!auth.ok) {
    body = (
      <div role="alert" className={styles.failure}>
        <p>Critical Friend could not load its sign-in settings: {auth.message}</p>
        <NotifyLoaded />
      </div>
    );
  } else if (auth.config.mode === 'entra' && !entraSettings(auth.config)) {
    body = <AuthUnavailable />;
  } else if (authProblem && authProvider.mode === 'entra') {
    body = (
      <Suspense fallback={<p role="status">Loading sign-in…</p>}>
        <EntraSignIn
          provider={authProvider}
          problem={authProblem}
          onSignedIn={() => setAuthProblem(null)}
        />
      </Suspense>
    );
  } else if (authProblem) {
    body = <AuthUnavailable />;
  } else {
    body = <AppRoutes entraMode={auth.config.mode === 'entra'} />;
  }

  if (!shown) return <p role="status">Loading Critical Friend…</p>;
  return (
    <FluentProvider theme={shown.theme} data-theme={shown.name} className={styles.root}>
      <HostContext.Provider value={host}>
        <LocalAuthContext.Provider value={localAuth}>
          <ApiContext.Provider value={api}>{body}</ApiContext.Provider>
        </LocalAuthContext.Provider>
      </HostContext.Provider>
    </FluentProvider>
  );
}
