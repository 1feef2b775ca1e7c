import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseBatch, runBatch, type InnerRequest, type InnerResponse } from './batch.js';
import { createClock, type EmulatorClock } from './clock.js';
import { badRequest, errorBody, GraphError } from './errors.js';
import { route, type Operation, type OperationResult } from './routes.js';
import { Store, type IdentitySet, type SiteInput, type StoredList } from './store.js';
import { Injector, type OperationKind } from './throttle.js';
import { Drives } from './drives.js';
import { Transfers } from './upload-sessions.js';
import { SHAREPOINT_PREFIX, sharePointRest } from './sharepoint-rest.js';

/**
 * A Microsoft Graph v1.0 emulator for SharePoint lists, over plain node:http, for tests and the
 * bench. It speaks Graph's HTTP/JSON (see `routes.ts` for the routes and the Learn pages behind
 * them), so a client built on @microsoft/microsoft-graph-client or fetch can be pointed at it.
 *
 *   const graph = await startGraphEmulator();
 *   const site = graph.state.addSite({ hostname: 'harbourside.sharepoint.com', path: '/sites/scrutiny' });
 *   await fetch(`${graph.url}/v1.0/sites/${site.id}/lists`, { headers: { Authorization: 'Bearer x' } });
 *   graph.inject.throttle({ count: 1, retryAfterSeconds: 0 });
 *   await graph.close();
 */

export interface GraphEmulatorOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Time source (default Date.now); `state.clock.advance(ms)` moves it on. */
  now?: () => number;
  /** List items per page without $top (default 200). */
  defaultPageSize?: number;
  /** Delta items per page without $top (default 200). */
  deltaPageSize?: number;
  /** SharePoint's list view threshold (default 5,000). */
  listViewThreshold?: number;
  /** Order of `$batch` responses: reversed (default) or as requested. */
  batchResponseOrder?: 'reverse' | 'request';
  /** Who writes, when the bearer token is not a JWT naming someone (default: an app). */
  identity?: IdentitySet;
  /** Origin for nextLink, deltaLink and Location (default: the address the request came to). */
  linkOrigin?: string;
}

export interface RecordedRequest {
  at: number;
  method: string;
  /** Path after "/v1.0" ("/$batch" for a batch envelope). */
  path: string;
  /** Raw query string without "?". */
  query: string;
  status: number;
  kind?: OperationKind;
  /** Resource units charged (budget mode). */
  units: number;
  inBatch: boolean;
  /** The inner request's id, for requests inside a $batch. */
  batchId?: string;
  headers: { prefer?: string; ifMatch?: string; clientRequestId?: string; userAgent?: string };
}

export interface EmulatorState {
  readonly store: Store;
  readonly clock: EmulatorClock;
  /** Every request, in arrival order; inner $batch requests are recorded after their envelope. */
  readonly requests: RecordedRequest[];
  /** Seeds a SharePoint site; Graph has no API to create one. */
  addSite(input: SiteInput): { id: string; hostname: string; path: string; webUrl: string };
  /** A list by id or title, for assertions. */
  list(siteId: string, ref: string): StoredList | undefined;
  /** Writes items straight into a list (no HTTP, no throttling); returns their ids. */
  seedItems(siteId: string, listRef: string, rows: Record<string, unknown>[]): string[];
  /** Every delta token issued so far now answers 410 Gone. */
  expireDeltaTokens(): void;
  clearRequests(): void;
}

export interface GraphEmulator {
  /** Origin, e.g. "http://127.0.0.1:41234"; Graph's base URL is `${url}/v1.0`. */
  url: string;
  state: EmulatorState;
  inject: Injector;
  close(): Promise<void>;
}

const DEFAULT_IDENTITY: IdentitySet = {
  application: { id: '00000000-0000-4000-8000-00000000c0de', displayName: 'Critical Friend' },
  user: { displayName: 'SharePoint App' },
};

/** Graph's JSON content type (json-batching.md example responses). */
const JSON_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/**
 * Who is calling: a JWT's user (oid, name, upn) or app (appid/azp, app_displayname) when the
 * bearer token is one; otherwise the configured identity. Signatures are not checked.
 */
function identityFrom(token: string, fallback: IdentitySet): IdentitySet {
  const payload = token.split('.')[1];
  if (!payload) return fallback;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const str = (k: string) => (typeof claims[k] === 'string' ? (claims[k] as string) : undefined);
    const appId = str('appid') ?? str('azp');
    const who: IdentitySet = {};
    if (appId) who.application = { id: appId, displayName: str('app_displayname') ?? appId };
    if (str('idtyp') !== 'app' && str('oid')) {
      who.user = {
        id: str('oid'),
        displayName: str('name') ?? str('upn') ?? 'User',
        email: str('upn') ?? str('preferred_username'),
      };
    }
    return who.user || who.application ? who : fallback;
  } catch {
    return fallback;
  }
}

export async function startGraphEmulator(
  options: GraphEmulatorOptions = {},
): Promise<GraphEmulator> {
  const clock = createClock(options.now);
  const store = new Store(clock);
  const inject = new Injector();
  const requests: RecordedRequest[] = [];
  const sharePoint = sharePointRest(store);
  const drives = new Drives(store, clock);
  const transfers = new Transfers(drives, clock, inject, (entry) => requests.push(entry));
  const ctx = {
    store,
    defaultPageSize: options.defaultPageSize ?? 200,
    deltaPageSize: options.deltaPageSize ?? 200,
    listViewThreshold: options.listViewThreshold ?? 5000,
    drives,
    transfers,
  };

  const record = (
    op: { method: string; path: string; query: URLSearchParams; headers: Record<string, string> },
    status: number,
    extra: Partial<RecordedRequest> = {},
  ) => {
    requests.push({
      at: clock.now(),
      method: op.method,
      path: op.path,
      query: op.query.toString(),
      status,
      units: 0,
      inBatch: false,
      headers: {
        prefer: op.headers.prefer,
        ifMatch: op.headers['if-match'],
        clientRequestId: op.headers['client-request-id'],
        userAgent: op.headers['user-agent'],
      },
      ...extra,
    });
  };

  const ids = (headers: Record<string, string>) => {
    const requestId = randomUUID();
    return { requestId, clientRequestId: headers['client-request-id'] ?? requestId };
  };

  const failure = (error: GraphError, headers: Record<string, string>): OperationResult => ({
    status: error.status,
    headers: error.headers,
    body: errorBody(error, ids(headers), clock.now()),
  });

  /** One Graph operation (top-level or inside a batch): admission, then the route. */
  const execute = (op: Operation, inBatch: boolean, batchId?: string): OperationResult => {
    let kind: OperationKind | undefined;
    let units = 0;
    let result: OperationResult;
    try {
      const found = route(ctx, op);
      kind = found.kind;
      const admission = inject.admit(
        { method: op.method, path: op.path, kind, inBatch },
        clock.now(),
      );
      units = admission.units;
      if (admission.error) throw admission.error;
      result = found.run();
      result = { ...result, headers: { ...admission.headers, ...result.headers } };
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      result = failure(error, op.headers);
    }
    record(op, result.status, { kind, units, inBatch, batchId });
    return result;
  };

  const executeInner =
    (envelope: { headers: Record<string, string>; identity: IdentitySet; linkBase: string }) =>
    async (inner: InnerRequest): Promise<InnerResponse> => {
      const relative = '/' + inner.url.replace(/^\/+/, '').replace(/^v1\.0\//, '');
      const parsed = new URL(relative, 'http://graph.invalid');
      const headers = { ...inner.headers, authorization: envelope.headers.authorization ?? '' };
      const op: Operation = {
        method: inner.method,
        path: parsed.pathname,
        query: parsed.searchParams,
        headers,
        body: inner.body,
        identity: envelope.identity,
        linkBase: envelope.linkBase,
      };
      const result = execute(op, true, inner.id);
      return innerResponse(result);
    };

  const innerResponse = (result: OperationResult): InnerResponse => ({
    status: result.status,
    headers: {
      ...(result.body === undefined ? {} : { 'Content-Type': JSON_TYPE }),
      ...result.headers,
    },
    ...(result.body === undefined ? {} : { body: result.body }),
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://graph.invalid');
    const headers = lowerHeaders(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBody = await readBody(req);
    // File content is bytes, not JSON: PUT .../content (driveitem-put-content.md).
    const binary = method === 'PUT' && /\/content$/.test(url.pathname);
    const raw = binary ? '' : rawBody.toString('utf8');
    if (transfers.owns(url.pathname)) {
      // Pre-authenticated upload and download URLs: no bearer token (upload-sessions.ts).
      if (inject.latencyMs > 0) await sleep(inject.latencyMs);
      return transfers.serve({ method, path: url.pathname, headers, body: rawBody }, res);
    }
    if (inject.latencyMs > 0) await sleep(inject.latencyMs);
    // SharePoint REST (list views), beside Graph: see sharepoint-rest.ts.
    if (url.pathname.startsWith(SHAREPOINT_PREFIX)) return sharePoint(req, res, url, raw);
    const linkBase = `${options.linkOrigin ?? `http://${headers.host ?? 'localhost'}`}/v1.0`;
    const path = url.pathname.startsWith('/v1.0/')
      ? url.pathname.slice('/v1.0'.length)
      : url.pathname;
    const base = { method, path, query: url.searchParams, headers };
    let result: OperationResult;
    try {
      // Graph needs "Authorization: Bearer {token}" on every call ("Required", on every API
      // page). Without one it answers 401 InvalidAuthenticationToken, "Access token is empty."
      const auth = /^Bearer\s+(\S.*)$/i.exec(headers.authorization ?? '');
      if (!auth) {
        throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
      }
      const identity = identityFrom(
        (auth[1] as string).trim(),
        options.identity ?? DEFAULT_IDENTITY,
      );
      if (!url.pathname.startsWith('/v1.0/')) {
        throw new GraphError(400, 'BadRequest', `Invalid version: the emulator serves /v1.0 only.`);
      }
      let body: unknown;
      if (raw.trim() !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          throw badRequest(
            'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
          );
        }
      }
      if (path === '/$batch') {
        if (method !== 'POST') {
          throw new GraphError(
            405,
            'BadRequest',
            'Specified HTTP method is not allowed for the request target.',
          );
        }
        const admission = inject.admit(
          { method, path, kind: 'batch', inBatch: false },
          clock.now(),
        );
        if (admission.error) throw admission.error;
        const inner = parseBatch(body);
        record(base, 200, { kind: 'batch' });
        const envelope = requests[requests.length - 1];
        const answer = await runBatch(
          inner,
          executeInner({ headers, identity, linkBase }),
          (request) =>
            new GraphError(
              424,
              'FailedDependency',
              `Request '${request.id}' depends on a request that failed.`,
            ),
          (error) => innerResponse(failure(error, headers)),
          options.batchResponseOrder ?? 'reverse',
        );
        // The envelope stays 200 whatever the inner statuses (json-batching.md).
        if (envelope) envelope.status = 200;
        return send(res, { status: 200, body: answer }, headers);
      }
      result = execute({ ...base, body, identity, linkBase, rawBody }, false);
      return send(res, result, headers);
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      result = failure(error, headers);
      record(base, result.status, path === '/$batch' ? { kind: 'batch' } : {});
      return send(res, result, headers);
    }
  };

  const send = (res: ServerResponse, result: OperationResult, headers: Record<string, string>) => {
    const requestId =
      (result.body as { error?: { innerError?: Record<string, string> } } | undefined)?.error
        ?.innerError?.['request-id'] ?? randomUUID();
    const out: Record<string, string> = {
      'request-id': requestId,
      'client-request-id': headers['client-request-id'] ?? requestId,
      ...result.headers,
    };
    if (result.body === undefined || result.status === 204) {
      res.writeHead(result.status, out);
      res.end();
      return;
    }
    res.writeHead(result.status, { ...out, 'Content-Type': JSON_TYPE });
    res.end(JSON.stringify(result.body));
  };

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the emulator, not a Graph answer: say so plainly.
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`graph emulator failure: ${error instanceof Error ? error.stack : String(error)}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', done),
  );
  const address = server.address() as AddressInfo;
  const url = `http://${address.address}:${address.port}`;

  const siteOrThrow = (siteId: string) => {
    const site = store.siteById(siteId);
    if (!site) throw new Error(`no site ${siteId}`);
    return site;
  };

  const state: EmulatorState = {
    store,
    clock,
    requests,
    addSite(input) {
      const site = store.addSite(input);
      return { id: site.id, hostname: site.hostname, path: site.path, webUrl: site.webUrl };
    },
    list: (siteId, ref) => store.findList(siteOrThrow(siteId), ref),
    seedItems(siteId, listRef, rows) {
      const list = store.findList(siteOrThrow(siteId), listRef);
      if (!list) throw new Error(`no list ${listRef}`);
      return store
        .seedItems(list, rows, options.identity ?? DEFAULT_IDENTITY)
        .map((i) => String(i.id));
    },
    expireDeltaTokens() {
      store.deltaGeneration += 1;
    },
    clearRequests() {
      requests.length = 0;
    },
  };

  return {
    url,
    state,
    inject,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
