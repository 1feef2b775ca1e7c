import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor, Deps } from '../../application/deps.js';
import { RequestError } from '../../application/errors.js';
import { ConflictError, NotFoundError } from '../../application/ports/repository.js';
import { parse } from '../../application/validation.js';
import type { TokenValidator } from '../identity/token-validator.js';
import { authenticate, sendError, type Authed } from './authenticate.js';
import { openApiDocument, type OpenApiPaths } from './openapi.js';
import { precompressedAssets, setAssetHeaders } from './precompressed.js';
import type { Route } from './route.js';

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
}

export function createHttpApp(options: HttpAppOptions): express.Express {
  const { deps, routes, validateToken } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });

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

  options.mount?.(app);

  const api = express.Router();
  api.use(express.json({ limit: '256kb' }));
  api.use(authenticate(deps, validateToken));
  for (const r of routes) {
    api[r.method](r.path.replace(/^\/api/, ''), async (req: Authed, res, next) => {
      try {
        const body = r.body
          ? parse(r.body, req.body ?? {})
          : { ok: true as const, value: undefined };
        if (!body.ok)
          return sendError(res, 400, 'invalid-request', 'The request body is not valid.', {
            issues: body.issues,
          });
        const query = r.query ? parse(r.query, req.query) : { ok: true as const, value: undefined };
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

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof RequestError)
      return sendError(res, err.status, err.code, err.message, err.details);
    const e = err as { type?: string; status?: number; name?: string };
    if (e.type === 'entity.parse.failed')
      return sendError(res, 400, 'invalid-json', 'The request body is not valid JSON.');
    if (e.type === 'entity.too.large')
      return sendError(res, 413, 'too-large', 'The request body is too large.');
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
