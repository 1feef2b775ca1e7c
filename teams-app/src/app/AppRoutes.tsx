import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useHost } from '../host/HostContext';
import { useLocation } from '../routing/router';
import { showsNav, viewFor, type ViewKey } from '../routing/routes';
import { AuthUnavailable } from './AuthUnavailable';
import { Nav } from './Nav';
import { NotFound } from './NotFound';
import { NotifyLoaded } from './NotifyLoaded';

// Each view is its own chunk, so the meeting side panel does not download the workbench or tracker.
const views: Record<Exclude<ViewKey, 'notFound'>, LazyExoticComponent<ComponentType>> = {
  sidePanel: lazy(() =>
    import('../views/sidePanel/SidePanel').then((m) => ({ default: m.SidePanel })),
  ),
  workbench: lazy(() =>
    import('../views/workbench/Workbench').then((m) => ({ default: m.Workbench })),
  ),
  tracker: lazy(() => import('../views/tracker/Tracker').then((m) => ({ default: m.Tracker }))),
  signIn: lazy(() => import('../views/signIn/SignInPage').then((m) => ({ default: m.SignInPage }))),
  config: lazy(() => import('../views/config/ConfigPage').then((m) => ({ default: m.ConfigPage }))),
  stage: lazy(() => import('../views/stage/StageView').then((m) => ({ default: m.StageView }))),
};

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
  const view = viewFor(pathname, host.frameContext);

  if (view === 'signIn' && entraMode) return <AuthUnavailable />;
  const View = view === 'notFound' ? NotFound : views[view];
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
