import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphHttp } from '../../src/adapters/graph/graph-http.js';
import { applyPlan } from '../../src/adapters/graph/provisioning/apply.js';
import { provisioningPlan } from '../../src/adapters/graph/provisioning-plan.js';
import { ConfigError } from '../../src/server/config.js';
import { startGraphEmulator, type GraphEmulator } from '../support/graph-emulator/index.js';
import { freePort, startTestServer, type TestServer } from '../support/server.js';

/**
 * The real server with STORE=sharepoint: its system of record is a fictional partnership site on
 * the Graph emulator, provisioned by the production provisioning code, with the demo seed
 * written through Graph.
 */
const PROVISIONED = { hostname: 'harbourside.sharepoint.example', path: '/sites/scrutiny' };
const EMPTY = { hostname: 'harbourside.sharepoint.example', path: '/sites/empty' };
const urlOf = (site: { hostname: string; path: string }) => `https://${site.hostname}${site.path}`;

let graph: GraphEmulator;
let siteId: string;
let server: TestServer;

const sharePointEnv = (site: { hostname: string; path: string }) => ({
  STORE: 'sharepoint',
  SHAREPOINT_SITE_URL: urlOf(site),
  GRAPH_URL: graph.url,
  SHAREPOINT_TEST_TOKEN: 'emulator-token',
});

beforeAll(async () => {
  graph = await startGraphEmulator();
  siteId = graph.state.addSite(PROVISIONED).id;
  graph.state.addSite(EMPTY);
  const http = new GraphHttp({ graphUrl: graph.url, token: async () => 'emulator-token' });
  await applyPlan(http, siteId, provisioningPlan());
  server = await startTestServer({ ...sharePointEnv(PROVISIONED), SEED: 'demo' });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await graph?.close();
});

describe('STORE=sharepoint', () => {
  it('seeds the demo partnership into the SharePoint lists, not into a local file', async () => {
    const partnerships = graph.state.list(siteId, 'CF Partnership');
    expect(partnerships?.items.size).toBe(1);
    const token = await server.token('scrutineer@harbourside.example');
    const partners = await server.api('/api/partners', { token });
    expect(partners.status).toBe(200);
    const names = (partners.json as { items: { name: string }[] }).items.map((p) => p.name);
    const stored = [...(graph.state.list(siteId, 'CF Partners')?.items.values() ?? [])];
    expect(names.length).toBeGreaterThan(0);
    expect(stored).toHaveLength(names.length);
  });

  it('files an observation through the API into the list, with who and through which channel', async () => {
    const token = await server.token('scrutineer@harbourside.example');
    const text = 'Partners agreed to bring the neglect strategy review forward to the spring.';
    const res = await server.api('/api/observations', {
      token,
      body: { text, evidenceClass: 'gone-well', source: 'meeting' },
    });
    expect(res.status).toBe(201);
    const created = res.json as { id: string; etag: string };

    const back = await server.api('/api/observations?status=open', { token });
    const mine = (back.json as { items: { id: string; text: string }[] }).items.find(
      (o) => o.id === created.id,
    );
    expect(mine?.text).toBe(text);

    const list = graph.state.list(siteId, 'CF Observations');
    const item = list?.items.get(Number(created.id));
    expect(item).toBeDefined();
    const people = [...(graph.state.list(siteId, 'CF People')?.items.values() ?? [])];
    const scrutineer = people.find((p) => p.fields.upn === 'scrutineer@harbourside.example');
    expect(item?.fields.text).toBe(text);
    expect(item?.fields.cfChannel).toBe('tab');
    expect(item?.fields.cfModifiedBy).toBe(String(scrutineer?.id));
    expect(item?.fields.cfCreatedBy).toBe(String(scrutineer?.id));
  });

  it('keeps evidence files in the site’s evidence library, read back through the API', async () => {
    const token = await server.token('scrutineer@harbourside.example');
    const made = await server.api('/api/observations', {
      token,
      body: {
        text: 'Audit sample agreed for the spring.',
        evidenceClass: 'gone-well',
        source: 'meeting',
      },
    });
    const observation = (made.json as { id: string }).id;
    const text = 'Minutes: the partnership agreed the audit sample HSCP-C-2026-14 for review.';
    const upload = await fetch(`${server.url}/api/items/observations/${observation}/evidence`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'text/plain',
        'x-file-name': encodeURIComponent('audit minutes.txt'),
      },
      body: text,
    });
    expect(upload.status).toBe(201);
    const file = (await upload.json()) as { id: string; screening: string };
    expect(file.screening).toBe('text-checked');

    const library = graph.state.list(siteId, 'CF Evidence');
    const entry = library?.items.get(Number(file.id));
    expect(entry?.fields.itemId).toBe(observation);

    const listed = await server.api(`/api/items/observations/${observation}/evidence`, { token });
    expect((listed.json as { files: { id: string }[] }).files.map((f) => f.id)).toEqual([file.id]);
    const content = await fetch(`${server.url}/api/evidence/${file.id}/content`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(content.status).toBe(200);
    expect(await content.text()).toBe(text);
  });

  it('refuses to start on an unprovisioned site, saying to run provision for that site', async () => {
    const error = await startTestServer(sharePointEnv(EMPTY)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`run npm run provision -- --site ${urlOf(EMPTY)}`);
    expect((error as Error).message).toContain('CF Observations');
  });

  it('the process exits 1 with that message', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cf-store-'));
    const port = String(await freePort());
    try {
      // Asynchronous: the emulator answers from this process.
      const run = await new Promise<{ code: number | null; stderr: string }>((done) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', 'src/server/main.ts'],
          {
            cwd: resolve(import.meta.dirname, '../..'),
            env: {
              PATH: process.env.PATH ?? '',
              DATA_DIR: dataDir,
              PORT: port,
              ...sharePointEnv(EMPTY),
            },
            encoding: 'utf8',
            timeout: 60_000,
          },
          (error, _stdout, stderr) =>
            done({
              code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
              stderr,
            }),
        );
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Critical Friend cannot start: The SharePoint site');
      expect(run.stderr).toContain(`npm run provision -- --site ${urlOf(EMPTY)}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
