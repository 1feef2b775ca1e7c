import { Suspense, useMemo } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useHost } from '../host/HostContext';
import { useLocation } from '../routing/router';
import { showsNav, viewFor } from '../routing/routes';
import { AuthUnavailable } from './AuthUnavailable';
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

export function AppRoutes({ entraMode }: { entraMode: boolean }) {
  const styles = useStyles();
  const host = useHost();
  const { pathname } = useLocation();
  const view = viewFor(pathname, host.frameContext, host.inSharePoint);

  // Chosen once per view, so a view never remounts when its chunk finishes downloading.
  const View = useMemo(() => (view === 'notFound' ? NotFound : viewComponent(view)), [view]);

  if (view === 'signIn' && entraMode) return <AuthUnavailable />;
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
