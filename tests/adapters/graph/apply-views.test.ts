import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyViews } from '../../../src/adapters/graph/provisioning/apply-views.js';
import { provisioningPlan, type ViewPlan } from '../../../src/adapters/graph/provisioning-plan.js';
import { restUrlOf } from '../../support/graph-emulator/sharepoint-rest.js';
import { provisionedSite, type ProvisionedSite } from './support.js';

let site: ProvisionedSite;
let base: string;
const views = provisioningPlan().views;
const first = views[0] as ViewPlan;

beforeAll(async () => {
  site = await provisionedSite();
  base = restUrlOf(site.graph.url, {
    hostname: 'harbourside.sharepoint.example',
    path: '/sites/scrutiny',
  });
});
afterAll(async () => site?.close());

const idOf = (title: string) => site.graph.state.list(site.siteId, title)?.id ?? '';

describe('applyViews (SharePoint REST)', () => {
  it('creates a view its list lacks, and keeps one already there by title', async () => {
    const rest = { baseUrl: base, token: async () => 'emulator-token' };
    const ids = new Map([[first.listName, idOf(first.listName)]]);
    const once = await applyViews(rest, ids, [first]);
    expect(once).toEqual({ changes: [`created view ${first.listName}: ${first.title}`], kept: [] });
    const twice = await applyViews(rest, ids, [first]);
    expect(twice).toEqual({ changes: [], kept: [`${first.listName}: ${first.title}`] });
  });

  it('says which list is missing from the site', async () => {
    const rest = { baseUrl: base, token: async () => 'emulator-token' };
    await expect(applyViews(rest, new Map(), [first])).rejects.toThrow(
      `${first.listName} is not on the site`,
    );
  });

  it('passes on SharePoint’s own error, naming the request', async () => {
    const rest = { baseUrl: base, token: async () => 'emulator-token' };
    const broken: ViewPlan = {
      ...first,
      title: 'A view with a column the list lacks',
      body: {
        parameters: {
          ...first.body.parameters,
          Title: 'A view with a column the list lacks',
          ViewFields: { ...first.body.parameters.ViewFields, results: ['noSuchColumn'] },
        },
      },
    };
    await expect(
      applyViews(rest, new Map([[first.listName, idOf(first.listName)]]), [broken]),
    ).rejects.toThrow(/SharePoint answered 400 to POST .*\/views\/add: .*noSuchColumn/);
  });
});

describe('applyViews when SharePoint throttles', () => {
  let server: Server;
  let url: string;
  const seen: string[] = [];
  beforeAll(async () => {
    let throttled = false;
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.headers.authorization}`);
      if (!throttled) {
        throttled = true;
        res.writeHead(429, { 'Retry-After': '1' }).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(req.method === 'GET' ? JSON.stringify({ value: [] }) : '{}');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sites/x`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('waits as Retry-After says, then carries on', async () => {
    const waits: number[] = [];
    const report = await applyViews(
      { baseUrl: url, token: async () => 'sp-token', sleep: async (ms) => void waits.push(ms) },
      new Map([[first.listName, '6f1c3a52-0000-4000-8000-000000000001']]),
      [first],
    );
    expect(waits).toEqual([1000]);
    expect(seen).toEqual(['GET Bearer sp-token', 'GET Bearer sp-token', 'POST Bearer sp-token']);
    expect(report.changes).toHaveLength(1);
  });
});
