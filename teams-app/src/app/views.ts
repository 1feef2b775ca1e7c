import { lazy, type ComponentType } from 'react';
import type { ViewKey } from '../routing/routes';

export type RoutedView = Exclude<ViewKey, 'notFound'>;
type Loader = () => Promise<{ default: ComponentType }>;

// Each view is its own chunk, so the meeting side panel does not download the workbench or tracker.
const loaders: Record<RoutedView, Loader> = {
  sidePanel: () => import('../views/sidePanel/SidePanel').then((m) => ({ default: m.SidePanel })),
  workbench: () => import('../views/workbench/Workbench').then((m) => ({ default: m.Workbench })),
  tracker: () => import('../views/tracker/Tracker').then((m) => ({ default: m.Tracker })),
  dashboard: () => import('../views/dashboard/Dashboard').then((m) => ({ default: m.Dashboard })),
  signIn: () => import('../views/signIn/SignInPage').then((m) => ({ default: m.SignInPage })),
  config: () => import('../views/config/ConfigPage').then((m) => ({ default: m.ConfigPage })),
  stage: () => import('../views/stage/StageView').then((m) => ({ default: m.StageView })),
  respond: () => import('../views/respond/RespondPage').then((m) => ({ default: m.RespondPage })),
};

const ready = new Map<RoutedView, ComponentType>();

function load(view: RoutedView): Promise<{ default: ComponentType }> {
  return loaders[view]().then((module) => {
    ready.set(view, module.default);
    return module;
  });
}

const lazyViews = {} as Record<RoutedView, ComponentType>;
for (const view of Object.keys(loaders) as RoutedView[]) lazyViews[view] = lazy(() => load(view));

/**
 * The view's component once downloaded, else a lazy stand-in. Rendering a downloaded view
 * directly skips the Suspense fallback, which React 19 keeps on screen for at least 300 ms.
 */
export function viewComponent(view: RoutedView): ComponentType {
  return ready.get(view) ?? lazyViews[view];
}

/** Downloads a view's chunk while the tab is still starting; never rejects. */
export function preloadView(view: ViewKey): Promise<void> {
  if (view === 'notFound') return Promise.resolve();
  return load(view).then(
    () => undefined,
    () => undefined,
  );
}
