import { z } from 'zod';
import { paramCap } from './request-limits.js';
import type { Route } from './route.js';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const toSchema = (s: z.ZodType) =>
  z.toJSONSchema(s, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });

/** Hand-written entries for routes outside the JSON router (raw uploads, file downloads). */
export type OpenApiPaths = Record<string, Record<string, unknown>>;

/** OpenAPI 3.1 (whose schemas are JSON Schema 2020-12) generated from the routes' zod schemas. */
export function openApiDocument(routes: Route[], version: string, extraPaths: OpenApiPaths = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const params: Record<string, unknown>[] = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string', maxLength: paramCap(m[1] ?? '') },
    }));
    const query = r.query
      ? (toSchema(r.query) as { properties?: Record<string, unknown> })
      : undefined;
    for (const [name, schema] of Object.entries(query?.properties ?? {}))
      params.push({ name, in: 'query', required: false, schema });
    if (r.ifMatch)
      params.push({ name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } });
    const success = r.success ?? [r.method === 'post' ? 201 : 200];
    const ok = json(toSchema(r.response));
    (paths[path] ??= {})[r.method] = {
      summary: r.summary,
      security: [{ bearer: [] }],
      ...(params.length ? { parameters: params } : {}),
      ...(r.body ? { requestBody: { required: true, ...json(toSchema(r.body)) } } : {}),
      responses: {
        ...Object.fromEntries(
          success.map((status) => [
            String(status),
            { description: status === 201 ? 'Created' : 'OK', ...ok },
          ]),
        ),
        '400': {
          description: 'The request is not valid; the message says what is wrong',
          ...json(errorSchema),
        },
        '401': { description: 'No valid bearer token', ...json(errorSchema) },
        '403': { description: 'Not allowed for your role', ...json(errorSchema) },
        '422': {
          description: 'Text identifies a child or family; nothing was stored',
          ...json(errorSchema),
        },
        ...(r.ifMatch
          ? {
              '412': {
                description: 'The etag is stale: someone changed the item',
                ...json(errorSchema),
              },
              '428': { description: 'If-Match (the item etag) is missing', ...json(errorSchema) },
            }
          : {}),
      },
    };
  }
  for (const [path, operations] of Object.entries(extraPaths))
    paths[path] = { ...paths[path], ...operations };
  return {
    openapi: '3.1.0',
    info: { title: 'Critical Friend API', version },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths,
  };
}
