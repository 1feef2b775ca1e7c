import { normalisePath } from './router';

export type ViewKey =
  | 'sidePanel'
  | 'workbench'
  | 'tracker'
  | 'dashboard'
  | 'signIn'
  | 'config'
  | 'stage'
  | 'respond'
  | 'notFound';

const byPath: Record<string, ViewKey> = {
  '/side-panel': 'sidePanel',
  '/workbench': 'workbench',
  '/tracker': 'tracker',
  '/dashboard': 'dashboard',
  '/sign-in': 'signIn',
  '/config': 'config',
  '/stage': 'stage',
  '/respond': 'respond',
};

/**
 * `/` follows where Teams put the tab; every other route is fixed. In SharePoint (a full page or
 * web part) the audience is the executives, so `/` is their dashboard, not the workbench.
 */
export function viewFor(
  pathname: string,
  frameContext: string | undefined,
  inSharePoint = false,
): ViewKey {
  const path = normalisePath(pathname);
  if (path === '/' || path === '/index.html') {
    if (frameContext === 'sidePanel') return 'sidePanel';
    if (frameContext === 'meetingStage') return 'stage';
    if (frameContext === 'settings') return 'config';
    return inSharePoint ? 'dashboard' : 'workbench';
  }
  return byPath[path] ?? 'notFound';
}

/** Views that fill a narrow or shared meeting surface, or Teams' own dialog, get no nav. */
export function showsNav(
  view: ViewKey,
  inTeams: boolean,
  frameContext: string | undefined,
): boolean {
  if (view === 'config' || view === 'stage' || view === 'respond') return false;
  return !inTeams || frameContext === 'content';
}
