/**
 * The opt-in live SharePoint suite's settings. Without them the suite is skipped, and both the
 * suite and `npm test` say so in one line.
 */
export const LIVE_SITE_SETTING = 'LIVE_SHAREPOINT_SITE_URL';

export const LIVE_SKIP_MESSAGE =
  `live SharePoint suite skipped: set ${LIVE_SITE_SETTING} to a provisioned test site ` +
  '(never the partnership’s own) and the store’s identity (sharepoint_clientId with its ' +
  'certificate, managed identity or federated credential; GRAPH_URL for a national cloud), ' +
  'see docs/sharepoint.md';

/** The live site's address, or undefined when the suite is to be skipped. */
export function liveSite(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[LIVE_SITE_SETTING]?.trim() || undefined;
}
