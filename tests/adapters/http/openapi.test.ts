import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

describe('the OpenAPI document', () => {
  it('describes the issue #3 routes with their bodies and path parameters', async () => {
    const doc = (await server.api('/api/openapi.json')).json as {
      paths: Record<
        string,
        Record<string, { requestBody?: unknown; parameters?: { name: string }[] }>
      >;
    };
    expect(doc.paths['/api/checks/identifiable-data']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/api/observations/{id}']?.patch?.parameters?.map((p) => p.name)).toEqual([
      'id',
      'If-Match',
    ]);
    expect(doc.paths['/api/findings/{id}/observations']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/api/findings/triangulation']?.get).toBeDefined();
    expect(doc.paths['/api/partnership']?.patch?.requestBody).toBeDefined();
    expect(doc.paths['/api/recommendations/next-reference']?.get).toBeDefined();
    expect(doc.paths['/api/recommendations/{id}']?.patch?.requestBody).toBeDefined();
  });

  it('documents If-Match, 412 and 428 on every update, and the real success statuses', async () => {
    const doc = (await server.api('/api/openapi.json')).json as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown> }>
      >;
    };
    const operations = Object.values(doc.paths).flatMap((ops) => Object.entries(ops));
    const patches = operations.filter(([method]) => method === 'patch');
    expect(patches.length).toBeGreaterThanOrEqual(5);
    for (const [, op] of patches) {
      expect(op.parameters?.map((p) => p.name)).toContain('If-Match');
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '412', '428']));
    }
    const check = doc.paths['/api/checks/identifiable-data']?.post?.responses ?? {};
    expect(Object.keys(check)).toContain('200');
    expect(Object.keys(check)).not.toContain('201');
    const file = doc.paths['/api/observations']?.post?.responses ?? {};
    expect(Object.keys(file)).toEqual(expect.arrayContaining(['200', '201']));
  });
});
