import { Suspense, useEffect, useMemo } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useHost } from '../host/HostContext';
import { navigate, safeReturnTo, useLocation } from '../routing/router';
import { showsNav, viewFor } from '../routing/routes';
import { Nav } from './Nav';
import { NotFound } from './NotFound';
import { NotifyLoaded } from './NotifyLoaded';
import { viewComponent } from './views';

const useStyles = makeStyles({
  main: {
    padding: tokens.spacingHorizontalL,
    maxWidth: '72rem',
    marginLeft: 'auto',
    marginRight: 'auto',
  },
  compact: { padding: tokens.spacingHorizontalS },
});

/** Entra mode has no sign-in page (the host or the Sign in prompt signs in): go where asked. */
function LeaveSignIn() {
  const { search } = useLocation();
  useEffect(() => {
    navigate(safeReturnTo(new URLSearchParams(search).get('returnTo')), { replace: true });
  }, [search]);
  return null;
}

export function AppRoutes({ entraMode }: { entraMode: boolean }) {
  const styles = useStyles();
  const host = useHost();
  const { pathname } = useLocation();
  const view = viewFor(pathname, host.frameContext, host.inSharePoint);

  // Chosen once per view, so a view never remounts when its chunk finishes downloading.
  const View = useMemo(() => (view === 'notFound' ? NotFound : viewComponent(view)), [view]);

  if (view === 'signIn' && entraMode) return <LeaveSignIn />;
  const compact = view === 'sidePanel' || host.frameContext === 'sidePanel';

  return (
    <>
      {showsNav(view, host.inTeams, host.frameContext) && (
        <Nav view={view} showSignIn={!entraMode} />
      )}
      <main className={mergeClasses(styles.main, compact && styles.compact)}>
        <Suspense fallback={<p role="status">Loading…</p>}>
          <View />
          <NotifyLoaded />
        </Suspense>
      </main>
    </>
  );
}
