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
    ]);
    expect(doc.paths['/api/findings/{id}/observations']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/api/findings/triangulation']?.get).toBeDefined();
    expect(doc.paths['/api/partnership']?.patch?.requestBody).toBeDefined();
    expect(doc.paths['/api/recommendations/next-reference']?.get).toBeDefined();
    expect(doc.paths['/api/recommendations/{id}']?.patch?.requestBody).toBeDefined();
  });
});
