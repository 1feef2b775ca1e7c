/**
 * `npm run bench`: the side panel's first-load size, its time to notifySuccess inside the TeamsJS
 * test host, the observation save latency, the identifiable-data guard and the fan-out of 1,000
 * cards to the Bot Connector emulator (scripts/bench-fanout.ts), card invoke latency
 * (scripts/bench-invoke.ts), the day's reminder run (scripts/bench-reminders.ts), the yearly
 * statement for a full year (scripts/bench-yearly.ts) and, in a table
 * of its own, SharePoint through the Graph emulator (scripts/bench-graph.ts: 10,000 items read by
 * the adapter against the paging minimum and against PnPjs, a refresh after 10 changes against
 * re-reading everything, and the heap the items hold). Every figure is printed beside a baseline
 * measured in the same run, and as a ratio to it.
 *
 * Not a test: timings vary by machine, so nothing here passes or fails. BENCH_LOAD_RUNS sets the
 * number of cold loads of each page (default 15).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/browser.js';
import { startTestServer, type TestServer } from '../tests/support/server.js';
import { openInTeamsHost } from '../tests/support/teams-host.js';
import { buildBaseline, buildTab, removeBaseline } from './bench-bundle.js';
import { guardTimings } from './bench-guard.js';
import { fanOutBench } from './bench-fanout.js';
import { graphBench } from './bench-graph.js';
import { invokeBench } from './bench-invoke.js';
import { reminderBench } from './bench-reminders.js';
import { yearlyBench } from './bench-yearly.js';
import { printTable, type BenchRow } from './bench-table.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TARGET_KB = 130;
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 15);
const SAVE_RUNS = 200;
const GUARD_RUNS = 500;

const rows: BenchRow[] = [];

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number) => `${value.toFixed(value < 1 ? 3 : 1)} ms`;
const ratio = (value: number, base: number) => `×${(value / base).toFixed(2)}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[rank] ?? Number.NaN;
}

/** A plain static file server for the baseline page (no compression). */
function serveStatic(dir: string): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
  };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      file = join(dir, 'index.html');
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, server });
    }),
  );
}

async function bundles(): Promise<{ baselineDir: string }> {
  const started = performance.now();
  // Vite sets NODE_ENV=production for the build; the server started later must not see it.
  const nodeEnv = process.env.NODE_ENV;
  const tab = await buildTab(root);
  const baseline = await buildBaseline(root);
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  const base = baseline.bundle.gzipBytes;
  const target = TARGET_KB * 1000;
  rows.push(
    [
      'side panel first load, gzip',
      kb(tab.sidePanel.gzipBytes),
      kb(base),
      ratio(tab.sidePanel.gzipBytes, base),
      `${ratio(tab.sidePanel.gzipBytes, target)} of the ${TARGET_KB} kB target; ${tab.sidePanel.files.length} files`,
    ],
    [
      'entry chunk (+ static imports), gzip',
      kb(tab.entry.gzipBytes),
      kb(base),
      ratio(tab.entry.gzipBytes, base),
    ],
    [
      'side panel first load, raw',
      kb(tab.sidePanel.rawBytes),
      kb(baseline.bundle.rawBytes),
      ratio(tab.sidePanel.rawBytes, baseline.bundle.rawBytes),
      'sent only to a client that takes no compression',
    ],
    [
      'side panel first load, on the wire',
      kb(tab.sidePanel.wire.br),
      kb(base),
      ratio(tab.sidePanel.wire.br, base),
      `the build's .br copies as served to Chromium; ${kb(tab.sidePanel.wire.gzip)} as .gz to gzip-only clients`,
    ],
    [
      'side panel, loaded on first use, gzip',
      kb(tab.sidePanelLazy.gzipBytes),
      kb(base),
      ratio(tab.sidePanelLazy.gzipBytes, base),
      tab.sidePanelLazy.files.map((f) => f.replace(/^assets\//, '')).join(', ') || 'none',
    ],
    [
      'workbench first load, gzip',
      kb(tab.workbench.gzipBytes),
      kb(base),
      ratio(tab.workbench.gzipBytes, base),
      'for comparison: the personal tab',
    ],
  );
  console.log(
    `built the tab and the baseline in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { baselineDir: baseline.outDir };
}

async function loadTimes(server: TestServer, baselineUrl: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const once = async (tabUrl: string) => {
      const host = await openInTeamsHost(browser, {
        tabUrl,
        frameContext: 'sidePanel',
        meetingId: 'MCMxOTptZWV0aW5nX2JlbmNo',
        meetingTitle: 'Strategic leaders group',
      });
      try {
        return await host.waitForNotifySuccess();
      } finally {
        await host.close();
      }
    };
    const tabUrl = `${server.url}/side-panel`;
    await once(tabUrl); // warm up the browser and the server, not counted
    await once(baselineUrl);
    const tab: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < LOAD_RUNS; i++) {
      tab.push(await once(tabUrl));
      base.push(await once(baselineUrl));
    }
    for (const [label, p] of [
      ['median', 50],
      ['p95', 95],
    ] as const) {
      const value = percentile(tab, p);
      const baseline = percentile(base, p);
      rows.push([
        `side panel to notifySuccess, ${label}`,
        ms(value),
        ms(baseline),
        ratio(value, baseline),
        `${LOAD_RUNS} cold loads each, in the TeamsJS test host`,
      ]);
    }
  } finally {
    await browser.close();
  }
}

async function saveLatency(server: TestServer): Promise<void> {
  const token = await server.token('scrutineer@harbourside.example');
  const partners = (await server.api('/api/partners', { token })).json as {
    items: { id: string }[];
  };
  const partnerIds = partners.items.slice(0, 2).map((p) => p.id);
  const time = async (work: () => Promise<Response>) => {
    const started = performance.now();
    const res = await work();
    const body = await res.text();
    if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${body.slice(0, 300)}`);
    return performance.now() - started;
  };
  const save = (i: number) =>
    time(() =>
      fetch(`${server.url}/api/observations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          text: `Bench observation ${i}: the partnership's update did not say how attendance at strategy discussions will be assured.`,
          evidenceClass: (['gone-well', 'too-early', 'worry'] as const)[i % 3],
          partnerIds,
          source: 'meeting',
          idempotencyKey: crypto.randomUUID(),
        }),
      }),
    );
  const health = () => time(() => fetch(`${server.url}/healthz`));
  for (let i = 0; i < 20; i++) {
    await save(SAVE_RUNS + i);
    await health();
  }
  const saves: number[] = [];
  const pings: number[] = [];
  for (let i = 0; i < SAVE_RUNS; i++) {
    saves.push(await save(i));
    pings.push(await health());
  }
  for (const [label, p] of [
    ['median', 50],
    ['p95', 95],
  ] as const) {
    const value = percentile(saves, p);
    const baseline = percentile(pings, p);
    rows.push([
      `POST /api/observations, ${label}`,
      ms(value),
      ms(baseline),
      ratio(value, baseline),
      `${SAVE_RUNS} saves on SQLite; baseline GET /healthz`,
    ]);
  }
}

function guard(): void {
  for (const t of guardTimings(GUARD_RUNS)) {
    rows.push([
      `guard: ${t.label}`,
      ms(t.guardMs),
      ms(t.baselineMs),
      ratio(t.guardMs, t.baselineMs),
      `${ratio(t.guardMs, 1)} of 1 ms; ${t.matches} matches; baseline: one /\\S+/g pass`,
    ]);
  }
}

const started = performance.now();
const { baselineDir } = await bundles();
const baselinePage = await serveStatic(baselineDir);
const server = await startTestServer();
try {
  await loadTimes(server, `${baselinePage.url}/`);
  await saveLatency(server);
} finally {
  await server.close();
  await new Promise((resolve) => baselinePage.server.close(resolve));
  removeBaseline(root);
}
guard();
rows.push(...(await fanOutBench()));
rows.push(...(await invokeBench()));
rows.push(...(await reminderBench()));
rows.push(...(await yearlyBench()));
const graphRows = await graphBench();
printTable(
  `Critical Friend bench (${process.version}, ${((performance.now() - started) / 1000).toFixed(0)} s; ` +
    'baselines: a minimal React 19 + TeamsJS page, GET /healthz, one regex pass, the Bot Connector emulator’s limit)',
  rows,
);
printTable(
  'SharePoint (Graph emulator; baselines: the paging minimum, PnPjs @pnp/graph doing the same ' +
    'read, the same pages fetched as text, re-reading everything)',
  graphRows,
);
