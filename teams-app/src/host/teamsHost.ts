import { app } from '@microsoft/teams-js';
import { withTimeout } from './withTimeout';

/** Where the tab is running. Used only to choose the view and theme, never as identity. */
export interface HostInfo {
  inTeams: boolean;
  /** `sidePanel`, `meetingStage`, `content`, `settings`, … */
  frameContext?: string;
  meetingId?: string;
  /** Teams theme name: `default`, `dark` or `contrast`. */
  teamsTheme?: string;
  inSharePoint: boolean;
}

export const standaloneHost: HostInfo = { inTeams: false, inSharePoint: false };

// teams-js's HostName has no SharePoint member, but SharePoint reports itself by these names.
const sharePointHostNames: readonly string[] = ['SharePoint', 'SharePointOnline'];

/** SharePoint (full page or web part): its host name, or the SharePoint part of the context. */
export function isSharePoint(context: app.Context): boolean {
  const hostName: string | undefined = context.app?.host?.name;
  return (
    (hostName !== undefined && sharePointHostNames.includes(hostName)) ||
    (context.sharepoint !== undefined && context.sharepoint !== null)
  );
}

/**
 * Outside Teams `app.initialize()` rejects ("No Parent window found") or, inside a foreign
 * iframe, never settles; the timeout makes both mean "standalone in a browser".
 */
export async function detectHost(timeoutMs = 3000): Promise<HostInfo> {
  try {
    await withTimeout(app.initialize(), timeoutMs, 'Timed out waiting for Teams');
  } catch {
    return standaloneHost;
  }
  try {
    const context = await withTimeout(app.getContext(), timeoutMs, 'Timed out waiting for Teams');
    const frameContext: string = context.page.frameContext;
    return {
      inTeams: true,
      frameContext,
      meetingId: context.meeting?.id || undefined,
      teamsTheme: context.app.theme,
      inSharePoint: isSharePoint(context),
    };
  } catch {
    return { inTeams: true, inSharePoint: false };
  }
}

let notified = false;

/** Tells Teams to hide its loading indicator; only once, and only when Teams is the host. */
export function notifyLoaded(host: HostInfo): void {
  if (!host.inTeams || notified) return;
  notified = true;
  void app.notifySuccess().catch(() => undefined);
}
