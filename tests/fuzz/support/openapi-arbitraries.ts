import fc from 'fast-check';
import {
  deepJsonText,
  hostileJson,
  hostileKey,
  hostilePathSegment,
  hostileString,
  hugeString,
  malformedJsonText,
  nastyStrings,
  ownProto,
  wireEncode,
} from './hostile.js';

/**
 * Requests derived from the server's own API description (/api/openapi.json), so a route added
 * tomorrow is fuzzed without touching this file: bodies shaped like the schema but wrong, hostile
 * path parameters and query strings.
 */

export type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
  pattern?: string;
};

export interface Operation {
  /** "POST /api/observations/{id}", as the visibility test names routes. */
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  query: Record<string, JsonSchema>;
  ifMatch: boolean;
  /** The request body's media type and schema, when the operation takes one. */
  body?: { contentType: string; schema?: JsonSchema };
  write: boolean;
}

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; schema?: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
};

export function operationsOf(doc: unknown): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries((doc as OpenApi).paths))
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: Object.fromEntries(
          params.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}]),
        ),
        ifMatch: params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match'),
        ...(contentType
          ? { body: { contentType, ...(media?.schema ? { schema: media.schema } : {}) } }
          : {}),
        write: method !== 'get',
      });
    }
  return ops;
}

/** Real ids and etags from the store (every list, other partners' included), for forged references. */
export interface Pools {
  ids: string[];
  etags: string[];
  listNames: string[];
}

const resolve = (s: JsonSchema, root: JsonSchema): JsonSchema => {
  if (!s.$ref) return s;
  const name = s.$ref.replace(/^#\/\$defs\//, '');
  return root.$defs?.[name] ?? {};
};

const typesOf = (s: JsonSchema): string[] =>
  Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];

const isoDate = fc
  .integer({ min: Date.UTC(1999, 0, 1), max: Date.UTC(2101, 0, 1) })
  .map((t) => new Date(t).toISOString());

const idLike = (name: string) => /id$|ids$|^id$/i.test(name);

/** A value the schema would mostly accept, with hostile text where text goes. */
export function plausible(
  schema: JsonSchema,
  root: JsonSchema,
  pools: Pools,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, root);
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length)
    return fc.oneof(...alternatives.map((a) => plausible(a, root, pools, name, depth)));
  if (s.allOf?.[0]) return plausible(s.allOf[0], root, pools, name, depth);
  const types = typesOf(s);
  if (types.length > 1)
    return fc.oneof(...types.map((t) => plausible({ ...s, type: t }, root, pools, name, depth)));
  switch (types[0]) {
    case 'string': {
      if (s.format === 'date' || /\\d\\d/.test(s.pattern ?? ''))
        return fc.oneof(
          { weight: 4, arbitrary: isoDate.map((d) => d.slice(0, 10)) },
          { weight: 1, arbitrary: hostileString(20) },
        );
      if (s.format === 'date-time')
        return fc.oneof(
          { weight: 4, arbitrary: isoDate },
          { weight: 1, arbitrary: hostileString(30) },
        );
      const min = s.minLength ?? 0;
      const max = Math.min(s.maxLength ?? 200, 200);
      const text = hostileString(max).map((t) => (t.length >= min ? t : t.padEnd(min, 'x')));
      return idLike(name) && pools.ids.length
        ? fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...pools.ids) },
            { weight: 1, arbitrary: text },
          )
        : text;
    }
    case 'integer':
    case 'number': {
      const min = s.minimum ?? s.exclusiveMinimum ?? -1e6;
      const max = s.maximum ?? s.exclusiveMaximum ?? 1e6;
      return types[0] === 'integer'
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const singular = name.replace(/s$/, '');
      return fc.array(plausible(s.items ?? {}, root, pools, singular, depth + 1), {
        minLength: Math.min(s.minItems ?? 0, 3),
        maxLength: Math.max(Math.min(s.maxItems ?? 3, 3), Math.min(s.minItems ?? 0, 3)),
      });
    }
    case 'object': {
      if (!s.properties || depth > 4) return fc.constant({});
      const props = Object.fromEntries(
        Object.entries(s.properties).map(([k, v]) => [k, plausible(v, root, pools, k, depth + 1)]),
      );
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return hostileJson;
  }
}

/** A value of another type than the schema asks for. */
function wrongType(schema: JsonSchema, root: JsonSchema): fc.Arbitrary<unknown> {
  const s = resolve(schema, root);
  const t = typesOf(s)[0];
  const others: fc.Arbitrary<unknown>[] = [
    fc.constant(null),
    fc.constantFrom(true, false),
    fc.constantFrom(0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2),
    fc.constantFrom(...nastyStrings),
    fc.constant([]),
    fc.constant({}),
    fc.array(hostileJson, { maxLength: 3 }),
    fc.dictionary(hostileKey, hostileJson, { maxKeys: 3 }).map(ownProto),
  ];
  if (t === 'string' || s.enum)
    return fc.oneof(...others.filter((_, i) => i !== 3), fc.constantFrom(...nastyStrings));
  return fc.oneof(...others);
}

/** A string or number just inside, on or just past the schema's bounds. */
function boundary(schema: JsonSchema, root: JsonSchema): fc.Arbitrary<unknown> {
  const s = resolve(schema, root);
  const t = typesOf(s)[0];
  if (t === 'string') {
    const lengths = [s.minLength ?? 0, s.maxLength ?? 255]
      .flatMap((n) => [n - 1, n, n + 1])
      .filter((n) => n >= 0);
    return fc
      .tuple(fc.constantFrom(...lengths), fc.constantFrom('a', ' ', '😀', '\uD800', 'é', '\u0000'))
      .map(([n, unit]) => unit.repeat(n).slice(0, n));
  }
  if (t === 'number' || t === 'integer') {
    const lo = s.minimum ?? s.exclusiveMinimum ?? 0;
    const hi = s.maximum ?? s.exclusiveMaximum ?? 1e6;
    return fc.constantFrom(lo - 1, lo, hi, hi + 1, lo + 0.5, -0, 1e308, -1e308);
  }
  if (t === 'array')
    return fc
      .constantFrom((s.minItems ?? 0) - 1, s.maxItems ?? 100, (s.maxItems ?? 100) + 1)
      .filter((n) => n >= 0)
      .map((n) => Array.from({ length: n }, (_, i) => `x${i}`));
  return wrongType(s, root);
}

/** Stands in for a deeply nested value in JSON text, replaced after stringifying. */
const DEEP = 'deep-placeholder-7f3a';

/** JSON text of a body shaped like the schema but wrong in one way (or not JSON at all). */
export function hostileBody(
  schema: JsonSchema,
  pools: Pools,
): fc.Arbitrary<{ kind: string; text: string }> {
  const root = schema;
  const s = resolve(schema, root);
  const base = plausible(s, root, pools) as fc.Arbitrary<Record<string, unknown>>;
  const keys = Object.keys(s.properties ?? {});
  const required = (s.required ?? []).filter((k) => keys.includes(k));
  const json = (kind: string) => (v: unknown) => ({ kind, text: JSON.stringify(v) ?? 'null' });
  const oneKey = keys.length ? fc.constantFrom(...keys) : fc.constant('x');
  const withKey = (kind: string, value: (k: string) => fc.Arbitrary<unknown>) =>
    fc
      .tuple(
        base,
        oneKey.chain((k) => value(k).map((v) => [k, v] as const)),
      )
      .map(([b, [k, v]]) => json(kind)(ownProto({ ...(isObject(b) ? b : {}), [k]: v })));
  const prop = (k: string): JsonSchema => s.properties?.[k] ?? {};

  const kinds: fc.Arbitrary<{ kind: string; text: string }>[] = [
    base.map(json('plausible')),
    withKey('wrong-type', (k) => wrongType(prop(k), root)),
    withKey('boundary', (k) => boundary(prop(k), root)),
    withKey('huge', () => hugeString),
    fc
      .tuple(base, hostileKey, hostileJson)
      .map(([b, k, v]) => json('unknown-field')(ownProto({ ...(isObject(b) ? b : {}), [k]: v }))),
    fc
      .tuple(
        base,
        fc.constantFrom(100, 5000, 40_000),
        fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>,
        oneKey,
      )
      .map(([b, depth, k, key]) => ({
        kind: 'deep',
        text: (
          JSON.stringify(ownProto({ ...(isObject(b) ? b : {}), [key]: DEEP })) ?? '{}'
        ).replace(`"${DEEP}"`, deepJsonText(depth, k)),
      })),
    base.map((b) => json('array-for-object')([b])),
    fc.constantFrom(null, 1, 'text', true, [], [[]]).map(json('not-an-object')),
    malformedJsonText.map((text) => ({ kind: 'malformed', text })),
    hostileJson.map(json('anything')),
  ];
  if (required.length)
    kinds.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([b, k]) => {
        const copy = { ...(isObject(b) ? b : {}) };
        delete copy[k];
        return json('missing-required')(copy);
      }),
    );
  if (keys.some((k) => typesOf(resolve(prop(k), root))[0] === 'object'))
    kinds.push(
      withKey('array-for-object', (k) =>
        typesOf(resolve(prop(k), root))[0] === 'object' ? fc.constant([{}]) : fc.constant([]),
      ),
    );
  return fc.oneof(...kinds);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** A path parameter as it goes on the wire: a real id (often someone else's) or hostile text. */
export function pathParam(name: string, pools: Pools): fc.Arbitrary<string> {
  const real: fc.Arbitrary<string>[] = [];
  if (pools.ids.length) real.push(fc.constantFrom(...pools.ids).map(encodeURIComponent));
  if (name === 'year') real.push(fc.integer({ min: 1990, max: 2110 }).map(String));
  if (name === 'list') real.push(fc.constantFrom(...pools.listNames));
  if (name === 'token')
    real.push(
      fc
        .base64String({ maxLength: 120 })
        .map((t) => t.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')),
    );
  return fc.oneof(
    { weight: 2, arbitrary: fc.oneof(...real, hostilePathSegment) },
    { weight: 2, arbitrary: hostilePathSegment },
  );
}

/** A query string for the operation: its own parameters with plausible or hostile values, and extras. */
export function queryString(op: Operation, pools: Pools): fc.Arbitrary<string> {
  const own = Object.entries(op.query).map(([name, schema]) =>
    fc.option(
      fc
        .oneof(
          plausible(schema, schema, pools, name).map((v) =>
            typeof v === 'string' ? v : (JSON.stringify(v) ?? ''),
          ),
          hostileString(60),
        )
        .map((v) => `${encodeURIComponent(name)}=${wireEncode(v)}`),
      { nil: undefined },
    ),
  );
  const names = Object.keys(op.query);
  const extra = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(
      '__proto__[isAdmin]=true',
      'constructor[prototype][isAdmin]=true',
      '__proto__=1',
      'a[b][c][d][e][f]=1',
      'x[]=1&x[]=2',
      '%00=%00',
      '=',
      '&&&',
      '%',
      '%zz=%zz',
      '%ED%A0%80=1',
      'role=scrutineer',
      'actorId=test',
      '$filter=1%20eq%201',
      '$top=100000',
      ...names.flatMap((n) => [`${n}=a&${n}=b`, `${n}[a]=b`, `${n}[]=x`, `${n}=`]),
    ),
    fc
      .constantFrom(200, 1100)
      .map((n) => Array.from({ length: n }, (_, i) => `p${i}=${i}`).join('&')),
  );
  return fc
    .tuple(fc.tuple(...own, extra))
    .map(([parts]) => parts.filter((p): p is string => !!p).join('&'));
}
