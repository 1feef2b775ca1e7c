import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { join } from 'node:path';
import type { Actor, Deps } from '../../application/deps.js';
import { RequestError } from '../../application/errors.js';
import { ConflictError, NotFoundError } from '../../application/ports/repository.js';
import { parse } from '../../application/validation.js';
import type { TokenValidator } from '../identity/token-validator.js';
import { authenticate, sendError, type Authed } from './authenticate.js';
import { openApiDocument, type OpenApiPaths } from './openapi.js';
import { precompressedAssets, setAssetHeaders } from './precompressed.js';
import { DEFAULT_RATE_LIMITS, httpRateLimiters, type RateLimits } from './rate-limit.js';
import { JSON_BODY_LIMIT, paramIssues, segmentGuard } from './request-limits.js';
import type { Route } from './route.js';
import { securityHeaders } from './security-headers.js';

export interface HttpAppOptions {
  deps: Deps;
  routes: Route[];
  validateToken: TokenValidator;
  /** The public `GET /auth/config` body: how the tab gets tokens (no secrets). */
  authConfig: {
    mode: 'local' | 'entra';
    clientId?: string;
    tenantId?: string;
    authority?: string;
    scope?: string;
  };
  /** Extra routers mounted before the API (the bot endpoint, local-mode sign-in). */
  mount?: (app: express.Express) => void;
  tabDir: string;
  version: string;
  /** API description entries for routes mounted outside `routes` (raw uploads, downloads). */
  openApiPaths?: OpenApiPaths;
  /** Headers, framing and rate limits (config.security); defaults when absent. */
  security?: HttpSecurityOptions;
}

export interface HttpSecurityOptions {
  production: boolean;
  /** Framers besides 'self' and Microsoft 365 (the tenant's SharePoint, FRAME_ANCESTORS). */
  frameAncestors: readonly string[];
  rateLimits: RateLimits;
  /** Express's `trust proxy`: how many proxies in front set X-Forwarded-For (TRUST_PROXY). */
  trustProxy?: number;
}

const noFields = z.strictObject({});

export function createHttpApp(options: HttpAppOptions): express.Express {
  const { deps, routes, validateToken } = options;
  const security = options.security ?? {
    production: false,
    frameAncestors: [],
    rateLimits: DEFAULT_RATE_LIMITS,
  };
  const app = express();
  app.disable('x-powered-by');
  // Per-address limits need the client's address, not the proxy's, when one sits in front.
  if (security.trustProxy) app.set('trust proxy', security.trustProxy);
  app.use(
    securityHeaders({
      production: security.production,
      extraFrameAncestors: security.frameAncestors,
      authority: options.authConfig.authority,
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: options.version });
  });
  app.get('/auth/config', (_req, res) => {
    res.json(options.authConfig);
  });
  const openapi = openApiDocument(routes, options.version, options.openApiPaths);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });

  const limiters = httpRateLimiters(security.rateLimits);
  // Every API request but the bot's (which has its own checks): one sign-in check and the
  // person's rate limit, ahead of the JSON routes and the raw upload and download routes alike.
  const guard = express.Router();
  guard.use(
    segmentGuard,
    limiters.failures(async (req) => {
      const token = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1]?.trim();
      return !!token && !!(await validateToken(token));
    }),
    authenticate(deps, validateToken),
    limiters.perPerson,
  );
  app.use('/dev/token', limiters.perAddress);
  app.use('/api', (req, res, next) =>
    /^\/messages\/?$/i.test(req.path) ? next() : guard(req, res, next),
  );

  options.mount?.(app);

  const api = express.Router();
  api.use(express.json({ limit: JSON_BODY_LIMIT }));
  for (const r of routes) {
    api[r.method](r.path.replace(/^\/api/, ''), async (req: Authed, res, next) => {
      try {
        const tooLong = paramIssues(req.params as Record<string, string>);
        if (tooLong.length)
          return sendError(res, 400, 'invalid-path', 'A part of the address is too long.', {
            issues: tooLong,
          });
        // A route without a body schema takes none: fields sent to it are refused, not ignored.
        const body = parse(r.body ?? noFields, req.body ?? {});
        if (!body.ok)
          return sendError(res, 400, 'invalid-request', 'The request body is not valid.', {
            issues: body.issues,
          });
        // A route without a query schema takes no query: an unknown parameter is refused too.
        const query = parse(r.query ?? noFields, req.query);
        if (!query.ok)
          return sendError(res, 400, 'invalid-query', 'The query string is not valid.', {
            issues: query.issues,
          });
        const result = await r.handler({
          actor: req.actor as Actor,
          body: body.value,
          query: query.value,
          params: req.params as Record<string, string>,
          ifMatch: req.get('if-match') ?? undefined,
        });
        res.status(result.status).json(result.body);
      } catch (e) {
        next(e);
      }
    });
  }
  api.use((_req, res) => sendError(res, 404, 'no-such-route', 'There is no such API route.'));
  app.use('/api', api);

  if (existsSync(options.tabDir)) {
    // Scripts and styles as the build compressed them (.br, .gz), when the browser takes them.
    app.use(precompressedAssets(options.tabDir));
    app.use(
      express.static(options.tabDir, {
        index: false,
        maxAge: '1h',
        // A new release must reach the service worker at once; hashed assets may be kept a year.
        setHeaders: (res, path) => {
          if (path.endsWith('sw.js')) res.setHeader('Cache-Control', 'no-cache');
          setAssetHeaders(res, path, options.tabDir);
        },
      }),
    );
    // Client-side routes (/workbench, /side-panel, ...) all load the tab's page.
    app.get(/^\/(?!api\/|dev\/|auth\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(options.tabDir, 'index.html'));
    });
  }

  // Ours rather than Express's plain-text page, so a 404 carries the same headers and shape.
  app.use((_req, res) => sendError(res, 404, 'not-found', 'There is nothing at this address.'));
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    // Half-sent (a download that failed midway): nothing more can be said on this response.
    if (res.headersSent) return void res.end();
    // A page or file may have set its own type before failing; the error is JSON.
    res.removeHeader('Content-Type');
    if (err instanceof RequestError)
      return sendError(res, err.status, err.code, err.message, err.details);
    const e = err as { type?: string; status?: number; statusCode?: number; name?: string };
    if (e.type === 'entity.parse.failed')
      return sendError(res, 400, 'invalid-json', 'The request body is not valid JSON.');
    if (e.type === 'entity.too.large')
      return sendError(res, 413, 'too-large', 'The request body is too large.');
    // Refusals Express and its parsers already judged the client's (an unsupported encoding or
    // charset, a path that does not decode, a failed If-Match on a page): their status, in words.
    const status = e.status ?? e.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500)
      return sendError(res, status, 'bad-request', clientRefusal(e.type, status));
    if (err instanceof ConflictError)
      return sendError(
        res,
        412,
        'conflict',
        'Someone else changed this item; reload and try again.',
      );
    // Deleted between our read and our write.
    if (err instanceof NotFoundError)
      return sendError(res, 404, 'not-found', 'That item no longer exists; reload and try again.');
    // The name only: an error message may quote what a user typed.
    console.error(`request failed: ${e.name ?? 'unknown error'}`);
    return sendError(
      res,
      500,
      'server-error',
      'Something went wrong on the server. Please try again; if it keeps happening, tell the business unit.',
    );
  });
  return app;
}

/** Plain words for a refusal raised below the routes; never the library's own message. */
function clientRefusal(type: string | undefined, status: number): string {
  if (type === 'encoding.unsupported')
    return 'The request body uses a Content-Encoding this server does not accept; send it uncompressed.';
  if (type === 'charset.unsupported')
    return 'The request body must be UTF-8 JSON (Content-Type: application/json; charset=utf-8).';
  if (status === 412) return 'The If-Match condition does not hold for this resource.';
  if (status === 416) return 'The requested range cannot be served.';
  return 'The request could not be read as sent (its path, headers or body are malformed).';
}
