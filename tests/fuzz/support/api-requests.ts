import fc from 'fast-check';
import { describeRequest, type RawRequest } from './raw-http.js';
import { actorArbitrary, type FuzzActor, type Tokens } from './actors.js';
import { brokenPercentSegment, hostileHeaderValue, hostileJson, hostileString } from './hostile.js';
import {
  hostileBody,
  pathParam,
  queryString,
  type Operation,
  type Pools,
} from './openapi-arbitraries.js';

export interface FuzzRequest {
  op: Operation;
  actor: FuzzActor;
  /** What was done to the body, for the failure message. */
  bodyKind: string;
  raw: RawRequest;
}

const contentTypes = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json;;;',
  'application/vnd.api+json',
  'application/merge-patch+json',
  'application/octet-stream',
  'application/xml',
  '*/*',
  'json',
  '',
);

/** Headers beyond the actor's: If-Match, content type, spoofed identity headers. */
function extraHeaders(op: Operation, pools: Pools) {
  const ifMatch = fc.option(
    fc.oneof(
      pools.etags.length ? fc.constantFrom(...pools.etags) : fc.constant('"1"'),
      hostileHeaderValue,
      fc.constant(['"1"', '"2"'] as string[]),
    ),
    { nil: undefined, freq: op.ifMatch ? 3 : 6 },
  );
  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constant(op.body?.contentType ?? 'application/json') },
    { weight: 2, arbitrary: contentTypes },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const spoof = fc.option(
    fc.constantFrom<Record<string, string>>(
      { 'x-ms-client-principal-name': 'scrutineer@harbourside.example' },
      { 'x-forwarded-user': 'scrutineer@harbourside.example' },
      { 'x-forwarded-for': '127.0.0.1, 10.0.0.1' },
      { 'x-http-method-override': 'DELETE' },
      { 'x-original-url': '/api/partnership' },
      { 'x-file-name': '../../etc/passwd' },
      { 'x-file-name': '%E2%80%AEgnp.exe' },
      { 'x-file-name': 'a'.repeat(2000) },
      { accept: 'text/html' },
      { 'accept-encoding': 'gzip;q=0' },
      { range: 'bytes=0-0,1-1,2-2' },
    ),
    { nil: undefined, freq: 6 },
  );
  return fc.record({ ifMatch, contentType, spoof }).map(({ ifMatch, contentType, spoof }) => {
    const h: Record<string, string | string[]> = { ...spoof };
    if (ifMatch !== undefined) h['if-match'] = ifMatch;
    if (contentType !== undefined) h['content-type'] = contentType;
    return h;
  });
}

/** A body for the operation: JSON shaped-but-wrong, raw bytes for uploads, or none. */
function bodyFor(
  op: Operation,
  pools: Pools,
): fc.Arbitrary<{ kind: string; body?: string | Uint8Array }> {
  if (op.body?.contentType === 'application/json')
    return hostileBody(op.body.schema ?? {}, pools).map(({ kind, text }) => ({ kind, body: text }));
  if (op.body)
    return fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((b) => ({ kind: 'bytes', body: b })),
      hostileString(400).map((s) => ({ kind: 'text', body: s })),
      fc.constant({ kind: 'empty', body: '' }),
      hostileJson.map((v) => ({ kind: 'json', body: JSON.stringify(v) ?? 'null' })),
    );
  // No body is described: mostly none, sometimes one anyway.
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: 'none' }) },
    {
      weight: 1,
      arbitrary: hostileJson.map((v) => ({
        kind: 'unasked-json',
        body: JSON.stringify(v) ?? 'null',
      })),
    },
  );
}

export function requestArbitrary(
  op: Operation,
  pools: Pools,
  tokens: Tokens,
): fc.Arbitrary<FuzzRequest> {
  // Records and maps only (no chain), so a failure shrinks field by field to the culprit.
  return fc
    .record({
      actor: actorArbitrary(tokens),
      params: fc.tuple(...op.pathParams.map((p) => pathParam(p, pools))),
      query: queryString(op, pools),
      body: bodyFor(op, pools),
      headers: extraHeaders(op, pools),
    })
    .map(({ actor, params, query, body, headers }) => {
      let path = op.path;
      op.pathParams.forEach((name, i) => {
        path = path.replace(`{${name}}`, params[i] ?? '');
      });
      const sent = { ...headers };
      if (body.body === undefined) delete sent['content-type'];
      const raw: RawRequest = {
        method: op.method,
        path: query ? `${path}?${query}` : path,
        headers: { ...sent, ...actor.headers },
        ...(body.body !== undefined ? { body: body.body } : {}),
      };
      const req: FuzzRequest = { op, actor, bodyKind: body.kind, raw };
      // fast-check prints counterexamples with this: the request, not the whole schema and token.
      Object.defineProperty(req, fc.toStringMethod, {
        value: () => `${actor.label}, body ${body.kind}: ${describeRequest(raw)}`,
      });
      return req;
    });
}

/**
 * The same request made unreadable below the route: a content encoding the body does not have (or
 * no server supports), a charset the JSON parser refuses, a path segment that does not decode.
 * Kept apart from the per-route fuzzing so one cause shows as one failure.
 */
export function transportArbitrary(
  ops: Operation[],
  pools: Pools,
  tokens: Tokens,
): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(
      fc.oneof(...ops.map((op) => requestArbitrary(op, pools, tokens))),
      fc.oneof(
        fc
          .constantFrom('gzip', 'deflate', 'br', 'x-unknown', 'gzip, gzip')
          .map((v) => ({ kind: `content-encoding ${v}`, encoding: v })),
        fc
          .constantFrom('latin1', 'bogus', 'utf-32', 'ascii')
          .map((v) => ({ kind: `charset ${v}`, charset: v })),
        brokenPercentSegment.map((v) => ({ kind: `path segment ${v}`, segment: v })),
      ),
    )
    .map(([base, t]) => {
      const raw: RawRequest = { ...base.raw, headers: { ...base.raw.headers } };
      if ('encoding' in t && t.encoding) {
        raw.body ??= '{}';
        raw.headers['content-encoding'] = t.encoding;
      }
      if ('charset' in t && t.charset) {
        raw.body ??= '{}';
        raw.headers['content-type'] = `application/json; charset=${t.charset}`;
      }
      if ('segment' in t && t.segment) {
        const [path = '', query] = raw.path.split('?');
        const parts = path.split('/');
        parts[parts.length - 1] = t.segment;
        raw.path = `${parts.join('/')}${query ? `?${query}` : ''}`;
      }
      const req: FuzzRequest = { ...base, bodyKind: `${base.bodyKind}, ${t.kind}`, raw };
      Object.defineProperty(req, fc.toStringMethod, {
        value: () => `${base.actor.label}, ${t.kind}: ${describeRequest(raw)}`,
      });
      return req;
    });
}
