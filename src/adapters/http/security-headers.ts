import type { RequestHandler } from 'express';

/**
 * The hosts that may frame the tab, as Microsoft's "Prerequisites for tabs" page lists them
 * (learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements): Teams, the
 * cloud.microsoft hosts every Microsoft 365 web client is moving to, the Microsoft 365 app and
 * Outlook. (Microsoft's pre-release outlook-sdf hosts are left out: no customer tenant runs there.)
 */
export const MICROSOFT_365_FRAME_ANCESTORS: readonly string[] = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.office.com',
  'https://*.microsoft365.com',
];

/** Where TeamsJS fetches its valid-origins list (validOriginsCdnEndpoint in @microsoft/teams-js). */
const TEAMS_JS_CDN = 'https://res.cdn.office.net';

export interface SecurityHeaderOptions {
  /** Besides 'self' and Microsoft 365: the tenant's SharePoint host and FRAME_ANCESTORS. */
  extraFrameAncestors: readonly string[];
  /** The Entra sign-in host (origin) MSAL talks to; absent in local mode. */
  authority?: string | undefined;
  /** HSTS only in production: a local http server must stay reachable over http. */
  production: boolean;
}

/** The one policy for every response: the API's JSON, the tab's page and files, the respond page. */
export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const authority = options.authority ? new URL(options.authority).origin : undefined;
  const ancestors = [
    "'self'",
    ...new Set([...MICROSOFT_365_FRAME_ANCESTORS, ...options.extraFrameAncestors]),
  ];
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Fluent UI (Griffel) injects its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // TeamsJS reads its list of valid host origins from Microsoft's CDN (its bundled copy is the
    // fallback); MSAL fetches tokens from the authority and renews them in a hidden frame.
    `connect-src 'self' ${TEAMS_JS_CDN}${authority ? ` ${authority}` : ''}`,
    ...(authority ? [`frame-src ${authority}`] : []),
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
}

/**
 * Headers on every response. No X-Frame-Options: it can name only one framer (or none), and the
 * tab is framed by several; CSP frame-ancestors does that job in every supported browser.
 */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  const csp = contentSecurityPolicy(options);
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader(
      'Permissions-Policy',
      'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
    );
    if (options.production)
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}
