import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../support/server.js';
import { SCRUTINEER, type ErrorBody } from '../helpers.js';

/**
 * Walks /api/openapi.json so that a new route cannot slip past the input rules: every request
 * object refuses unknown fields, every string has a maximum length, every array a maximum size,
 * and every query and path parameter is capped.
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  items?: Schema;
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  maxLength?: number;
  maxItems?: number;
  $ref?: string;
};
type Parameter = { name: string; in: string; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type Doc = { paths: Record<string, Record<string, Operation>> };

/** Every rule the schema breaks, each named by where it is (e.g. `body.actions[].description`). */
function problems(schema: Schema, at: string): string[] {
  const found: string[] = [];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (schema.$ref) found.push(`${at}: a $ref the walk cannot follow`);
  if (types.includes('object') || schema.properties) {
    if (schema.additionalProperties !== false) found.push(`${at}: takes unknown fields`);
    for (const [key, sub] of Object.entries(schema.properties ?? {}))
      found.push(...problems(sub, `${at}.${key}`));
  }
  if (types.includes('string') && schema.enum === undefined && schema.const === undefined) {
    if (typeof schema.maxLength !== 'number') found.push(`${at}: a string with no maxLength`);
  }
  if (types.includes('array')) {
    if (typeof schema.maxItems !== 'number') found.push(`${at}: an array with no maxItems`);
    if (schema.items) found.push(...problems(schema.items, `${at}[]`));
    for (const item of schema.prefixItems ?? []) found.push(...problems(item, `${at}[]`));
  }
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    found.push(...problems(branch, at));
  return found;
}

let server: TestServer;
let doc: Doc;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  doc = (await server.api('/api/openapi.json')).json as Doc;
  token = await server.token(SCRUTINEER);
});
afterAll(async () => server.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  );

/** A concrete path for a template: every parameter filled with a plausible id. */
const concrete = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    name === 'year' ? '2026' : name === 'list' ? 'observations' : `no-such-${name}`,
  );

describe('the API description, walked', () => {
  it('covers the routes (a sanity check on the walk itself)', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(50);
    expect(ops.filter(({ op }) => op.requestBody).length).toBeGreaterThan(20);
  });

  it('every JSON request body refuses unknown fields and caps every string and array', () => {
    const found = operations().flatMap(({ path, method, op }) => {
      const schema = op.requestBody?.content['application/json']?.schema;
      return schema ? problems(schema, `${method.toUpperCase()} ${path} body`) : [];
    });
    expect(found).toEqual([]);
  });

  it('every query and path parameter is capped', () => {
    const found = operations().flatMap(({ path, method, op }) =>
      (op.parameters ?? [])
        .filter((p) => p.in === 'query' || p.in === 'path')
        .flatMap((p) =>
          p.schema
            ? problems(p.schema, `${method.toUpperCase()} ${path} ${p.in} ${p.name}`)
            : [`${method.toUpperCase()} ${path} ${p.in} ${p.name}: no schema`],
        ),
    );
    expect(found).toEqual([]);
  });

  it('every GET refuses an unknown query parameter, naming it', async () => {
    const gets = operations().filter(({ method }) => method === 'get');
    const answers = await Promise.all(
      gets.map(async ({ path }) => {
        const res = await server.api(`${concrete(path)}?zzUnknown=1`, { token });
        const body = res.json as ErrorBody;
        const named = JSON.stringify(body.error?.issues ?? []).includes('zzUnknown');
        return { path, status: res.status, code: body.error?.code, named };
      }),
    );
    const wrong = answers.filter((a) => a.status !== 400 || a.code !== 'invalid-query' || !a.named);
    expect(wrong).toEqual([]);
  });

  it('every JSON body refuses an unknown field, naming it', async () => {
    const writes = operations().filter(
      ({ op }) => op.requestBody?.content['application/json'] !== undefined,
    );
    const answers = await Promise.all(
      writes.map(async ({ path, method }) => {
        const res = await server.api(concrete(path), {
          method: method.toUpperCase(),
          token,
          body: { zzUnknown: 1 },
          headers: { 'if-match': '"x"' },
        });
        const body = res.json as ErrorBody;
        const named = JSON.stringify(body.error?.issues ?? []).includes('zzUnknown');
        return { path, method, status: res.status, code: body.error?.code, named };
      }),
    );
    const wrong = answers.filter(
      (a) => a.status !== 400 || a.code !== 'invalid-request' || !a.named,
    );
    expect(wrong).toEqual([]);
  });
});
