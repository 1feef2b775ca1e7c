/**
 * The SharePoint read bench (issue #5): the tracker's largest list, 10,000 recommendations, read
 * through the production Graph adapter (`GraphRepository`) from the Graph emulator
 * (tests/support/graph-emulator) provisioned by the production provisioning code, with a
 * per-request latency (BENCH_GRAPH_LATENCY_MS, 40 ms by default) on top of the emulator's own
 * time, which runs in this process.
 *
 * - requests for one `all()` against the paging minimum, ceil(items / the largest page);
 * - time for `all()` against PnPjs (`@pnp/graph` 4, async iteration over `items`) doing the same
 *   read on the same emulator: the same `expand=fields(select=...)`, the same `$top`, every page;
 * - the first delta enumeration (`changes()` without a token), then refreshes after 10 changes
 *   (goal: 1-2 delta requests; exactly those 10 must come back) against re-reading everything;
 * - the heap the 10,000 items hold, ours (typed items) against PnPjs's raw listItems;
 * - the tracker use case (`buildTrackerView`, nine lists in parallel) against the one list read.
 *
 * Not a test: timings vary by machine, and nothing passes or fails on them; a wrong answer (too
 * few items, a refresh missing a change) throws. Run alone with
 * `node --import tsx scripts/bench-graph.ts`, or as part of `npm run bench`. BENCH_GRAPH_ITEMS
 * (10,000), BENCH_GRAPH_RUNS (5) and BENCH_GRAPH_LATENCY_MS (40) change the sizes.
 */
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Deps } from '../src/application/deps.js';
import type { ChangeContext, StoredItem } from '../src/application/ports/repository.js';
import { buildTrackerView } from '../src/application/use-cases/tracker.js';
import { lists, type ListName } from '../src/domain/lists/schema.js';
import { priorities } from '../src/domain/vocabulary.js';
import { provisionedSite } from '../tests/adapters/graph/support.js';
import type { RecordedRequest } from '../tests/support/graph-emulator/index.js';
import { MAX_TOP } from '../tests/support/graph-emulator/odata.js';
import {
  BENCH_TENANT_ID,
  partnerRows,
  peopleRows,
  recommendationRows,
  responseRows,
} from './bench-graph-seed.js';
import { pnpListReader } from './bench-graph-pnp.js';
import { printTable, type BenchRow } from './bench-table.js';

const ITEMS = Number(process.env.BENCH_GRAPH_ITEMS ?? 10_000);
const RUNS = Math.max(1, Number(process.env.BENCH_GRAPH_RUNS ?? 5));
const LATENCY_MS = Number(process.env.BENCH_GRAPH_LATENCY_MS ?? 40);
const CHANGES = 10;
const PEOPLE = 60;
/** One response for every this many recommendations, for the tracker's join. */
const RESPONSE_EVERY = 10;
const LIST = 'recommendations' satisfies ListName;
const TOKEN = 'emulator-token';

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const ratio = (value: number, base: number) => `×${(value / base).toFixed(2)}`;
const n = (value: number) => value.toLocaleString('en-GB');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** A garbage collector: --expose-gc's, else V8's exposed through a flag, else none (rough). */
function collector(): { gc: (() => void) | undefined; how: string } {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return { gc: exposed, how: 'after gc (--expose-gc)' };
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') {
      return { gc: gc as () => void, how: 'after gc (exposed through v8.setFlagsFromString)' };
    }
  } catch {
    // fall through
  }
  return { gc: undefined, how: 'rough: no gc available, so garbage is counted' };
}

/** Heap held by what `load` returns: heapUsed after (kept alive) minus before, each after gc. */
async function retainedHeap(
  gc: (() => void) | undefined,
  load: () => Promise<unknown[]>,
): Promise<{ bytes: number; count: number }> {
  const settle = () => {
    gc?.();
    gc?.();
    return process.memoryUsage().heapUsed;
  };
  const before = settle();
  const kept = await load();
  const after = settle();
  return { bytes: after - before, count: kept.length };
}

export async function graphBench(): Promise<BenchRow[]> {
  const started = performance.now();
  const site = await provisionedSite();
  const { graph, siteId, repo } = site;
  try {
    // Seed straight into the lists (no HTTP), with the values the adapter itself would write.
    const seed = (list: ListName, rows: Record<string, unknown>[]) =>
      graph.state.seedItems(siteId, lists[list].title, rows);
    const partnerIds = seed('partners', partnerRows());
    const peopleIds = seed('people', peopleRows(PEOPLE, partnerIds));
    const recRows = recommendationRows(ITEMS, partnerIds);
    const recIds = seed(LIST, recRows);
    const responseCount = seed(
      'responses',
      responseRows(
        recIds.map((id, i) => ({
          id,
          partnerIds: JSON.parse(String(recRows[i]?.partnerIds ?? '[]')) as string[],
        })),
        peopleIds,
        RESPONSE_EVERY,
      ),
    ).length;
    const listId = graph.state.list(siteId, lists[LIST].title)?.id;
    if (!listId) throw new Error('The recommendations list was not provisioned.');
    graph.inject.latency(LATENCY_MS);

    const itemsPath = `/lists/${listId}/items`;
    const itemReads = (requests: readonly RecordedRequest[]) =>
      requests.filter((r) => r.method === 'GET' && r.path.endsWith(itemsPath));
    const deltaReads = (requests: readonly RecordedRequest[]) =>
      requests.filter((r) => r.method === 'GET' && r.path.endsWith(`${itemsPath}/delta`));
    const measured = async <T>(work: () => Promise<T>) => {
      graph.state.clearRequests();
      const t0 = performance.now();
      const value = await work();
      const time = performance.now() - t0;
      return { value, time, requests: [...graph.state.requests] };
    };

    // Ours, once, to learn the query it sends: PnPjs is given the same expand and page size.
    const first = await measured(() => repo.all(LIST));
    const firstQuery = new URLSearchParams(itemReads(first.requests)[0]?.query ?? '');
    const expand = firstQuery.get('expand') ?? firstQuery.get('$expand');
    const top = Number(firstQuery.get('$top') ?? firstQuery.get('top'));
    if (!expand || !top) throw new Error(`Unexpected first request: ${firstQuery.toString()}`);
    if (first.value.length !== ITEMS) {
      throw new Error(`all() gave ${first.value.length} items, not ${ITEMS}.`);
    }
    const ourIds = first.value.map((item) => item.id).sort();

    // PnPjs 4 on the same emulator, asked for the same columns and page size.
    const pnpAll = pnpListReader({
      baseUrl: `${graph.url}/v1.0`,
      token: TOKEN,
      siteId,
      listId,
      expand,
      top,
    });
    // The same items must come back, with their fields (checked in a function of its own, so
    // that the raw items are not kept alive through the timings below).
    const sameItems = async () => {
      const theirs = await pnpAll();
      const pnpIds = theirs.map((item) => item.id).sort();
      if (pnpIds.length !== ITEMS || pnpIds.some((id, i) => id !== ourIds[i])) {
        throw new Error(
          `PnPjs read ${pnpIds.length} items, ours ${ourIds.length}: not the same items; the comparison is void.`,
        );
      }
      if (Object.keys(theirs[0]?.fields ?? {}).length < 5) {
        throw new Error('PnPjs got items without their fields; the comparison is void.');
      }
    };
    await sameItems();

    // The floor any client waits for: the same pages fetched and read as text, not parsed.
    const rawPages = async () => {
      let link: string | undefined =
        `${graph.url}/v1.0/sites/${siteId}${itemsPath}?${firstQuery.toString()}`;
      let bytes = 0;
      while (link) {
        const res: Response = await fetch(link, {
          headers: { authorization: `Bearer ${TOKEN}` },
        });
        const text: string = await res.text();
        if (res.status !== 200) throw new Error(`Graph answered ${res.status}: ${text}`);
        bytes += Buffer.byteLength(text);
        // The emulator writes the nextLink before the value; no need to parse 9 MB to find it.
        link = /^\{"@odata\.nextLink":"([^"]+)"/.exec(text)?.[1];
      }
      return bytes;
    };

    await rawPages(); // warm-up, as ours and PnPjs have had

    const ourTimes: number[] = [];
    const pnpTimes: number[] = [];
    const rawTimes: number[] = [];
    let ourRequests = 0;
    let pnpRequests = 0;
    let rawRequests = 0;
    let payload = 0;
    for (let i = 0; i < RUNS; i++) {
      const a = await measured(() => repo.all(LIST));
      const b = await measured(pnpAll);
      const c = await measured(rawPages);
      if (a.value.length !== ITEMS || b.value.length !== ITEMS) {
        throw new Error(`A read came back short: ours ${a.value.length}, PnPjs ${b.value.length}.`);
      }
      if (itemReads(c.requests).length !== itemReads(a.requests).length) {
        throw new Error('The plain fetch did not read the same pages; the floor is void.');
      }
      ourTimes.push(a.time);
      pnpTimes.push(b.time);
      rawTimes.push(c.time);
      ourRequests = Math.max(ourRequests, a.requests.length);
      pnpRequests = Math.max(pnpRequests, b.requests.length);
      rawRequests = Math.max(rawRequests, c.requests.length);
      payload = c.value;
    }
    const minimum = Math.ceil(ITEMS / MAX_TOP);
    const ourPages = itemReads(first.requests).length;

    // Delta: the first enumeration gives the token; then rounds of 10 changes and a refresh.
    const initial = await measured(async () => {
      const set = await repo.changes(LIST);
      return { count: set.changed.length, nextToken: set.nextToken };
    });
    if (initial.value.count !== ITEMS) {
      throw new Error(`The first delta gave ${initial.value.count} items, not ${ITEMS}.`);
    }
    const initialPages = deltaReads(initial.requests).length;
    let token = initial.value.nextToken;
    const current = new Map<string, StoredItem<typeof LIST>>(
      first.value.map((item) => [item.id, item]),
    );
    const ctx = (): ChangeContext => ({
      actorId: 'person3',
      homeTenantId: BENCH_TENANT_ID,
      channel: 'tab',
      at: new Date().toISOString(),
    });
    const refreshTimes: number[] = [];
    const refreshRequests: number[] = [];
    const fullTimes: number[] = [];
    const fullRequests: number[] = [];
    const stride = Math.floor(ITEMS / CHANGES);
    for (let round = 0; round < RUNS; round++) {
      const ids = Array.from({ length: CHANGES }, (_, k) => recIds[k * stride + round] ?? '');
      for (const id of ids) {
        const item = current.get(id);
        if (!item) throw new Error(`No item ${id} to change.`);
        const next = priorities[(priorities.indexOf(item.fields.priority) + 1) % priorities.length];
        current.set(id, await repo.update(LIST, id, { priority: next }, item.etag, ctx()));
      }
      const refresh = await measured(() => repo.changes(LIST, token));
      token = refresh.value.nextToken;
      const back = refresh.value.changed.map((item) => item.id).sort();
      const wanted = [...ids].sort();
      if (back.length !== wanted.length || back.some((id, i) => id !== wanted[i])) {
        throw new Error(
          `The refresh after ${CHANGES} changes gave ${back.length} items (${back.slice(0, 12).join(', ')}), not ${wanted.join(', ')}.`,
        );
      }
      const stale = refresh.value.changed.find(
        (item) => item.fields.priority !== current.get(item.id)?.fields.priority,
      );
      if (stale) throw new Error(`The refresh gave item ${stale.id} without its change.`);
      refreshTimes.push(refresh.time);
      refreshRequests.push(refresh.requests.length);
      const full = await measured(() => repo.all(LIST));
      fullTimes.push(full.time);
      fullRequests.push(itemReads(full.requests).length);
    }

    // The tracker as the app builds it: every list it reads, fetched once each, in parallel.
    const deps: Deps = {
      repo,
      now: () => new Date(),
      cards: {
        sendRecommendation: async () => ({ kind: 'sent' }),
        sendDigest: async () => ({ kind: 'sent' }),
        findCard: async () => ({ kind: 'unknown' }),
      },
    };
    // A whole-view reader: the tracker is trimmed by who reads it.
    const benchReader = {
      id: 'bench-reader',
      displayName: 'Bench reader',
      upn: 'bench.reader@bench.example',
      entraObjectId: 'bench-reader',
      homeTenantId: BENCH_TENANT_ID,
      roles: ['scrutineer' as const],
    };
    const trackerTimes: number[] = [];
    let trackerRequests = 0;
    let trackerRows = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = await measured(() => buildTrackerView(deps, benchReader));
      trackerTimes.push(t.time);
      trackerRequests = t.requests.length;
      trackerRows = t.value.rows.length;
    }

    // Heap held by the 10,000 items: ours (typed) against PnPjs's raw listItems.
    graph.inject.latency(0);
    const { gc, how } = collector();
    const ourHeap = await retainedHeap(gc, () => repo.all(LIST));
    const pnpHeap = await retainedHeap(gc, pnpAll);

    const floor = (pages: number) =>
      `${pages} × ${LATENCY_MS} ms latency = ${ms(pages * LATENCY_MS)}`;
    const oursMedian = median(ourTimes);
    const pnpMedian = median(pnpTimes);
    const rawMedian = median(rawTimes);
    const refreshMedian = median(refreshTimes);
    const fullMedian = median(fullTimes);
    const maxRefresh = Math.max(...refreshRequests);
    const rows: BenchRow[] = [
      [
        `Graph all(): requests for ${n(ITEMS)} items`,
        String(ourPages),
        String(minimum),
        ratio(ourPages, minimum),
        `paging minimum ceil(${n(ITEMS)} / ${n(MAX_TOP)}, the emulator's $top cap, as Graph's); ` +
          `$top=${top}; PnPjs made ${pnpRequests} for the same read, ours ${ourRequests} in all`,
      ],
      [
        `Graph all(), ${n(ITEMS)} items, median`,
        ms(oursMedian),
        ms(pnpMedian),
        ratio(oursMedian, pnpMedian),
        `baseline PnPjs 4.21 (async iteration over items, same expand(select) and $top, same ` +
          `emulator); ${RUNS} runs each, alternating; ${LATENCY_MS} ms latency a request plus the ` +
          `emulator's own time (same process); floor ${floor(ourPages)}; payload ≈ ${mb(payload)} JSON`,
      ],
      [
        `Graph all(), ${n(ITEMS)} items, against the transport`,
        ms(oursMedian),
        ms(rawMedian),
        ratio(oursMedian, rawMedian),
        `baseline: the same ${rawRequests} pages by fetch, read as text and not parsed: the ` +
          `emulator's time plus latency, which any client waits for; PnPjs ${ratio(pnpMedian, rawMedian)}`,
      ],
      [
        'Graph delta, first enumeration: requests',
        String(initialPages),
        String(minimum),
        ratio(initialPages, minimum),
        `changes() without a token, against the paging minimum; the first delta link asks ` +
          `$top=5000 (listitem-delta takes $top; without it the emulator's delta page is 200, ` +
          `Graph documents none); ${ms(initial.time)} against all() ${ms(oursMedian)}`,
      ],
      [
        `Graph refresh after ${CHANGES} changes: requests`,
        String(maxRefresh),
        String(median(fullRequests)),
        ratio(maxRefresh, median(fullRequests)),
        `goal 1-2; most in ${RUNS} rounds (${refreshRequests.join(', ')}); exactly the ${CHANGES} ` +
          `changed items came back each round; baseline: re-reading everything with all()`,
      ],
      [
        `Graph refresh after ${CHANGES} changes, median`,
        ms(refreshMedian),
        ms(fullMedian),
        ratio(refreshMedian, fullMedian),
        `changes(list, token) against all(), ${RUNS} rounds, same latency; floor ${floor(1)}`,
      ],
      [
        `heap held by ${n(ITEMS)} items`,
        mb(ourHeap.bytes),
        mb(pnpHeap.bytes),
        ratio(ourHeap.bytes, pnpHeap.bytes),
        `heapUsed after all() minus before, ${how}; baseline PnPjs's raw listItems (${n(pnpHeap.count)})`,
      ],
      [
        'tracker (buildTrackerView) on Graph, median',
        ms(median(trackerTimes)),
        ms(oursMedian),
        ratio(median(trackerTimes), oursMedian),
        `${n(trackerRows)} tracker rows; recommendations, partners, people, ${n(responseCount)} ` +
          `responses and the action lists read in parallel, ${trackerRequests} requests; baseline: all() of the ` +
          `recommendations alone`,
      ],
    ];
    console.log(
      `graph bench: ${n(ITEMS)} recommendations, ${LATENCY_MS} ms latency, ${RUNS} runs; ` +
        `all() ours ${ourTimes.map((t) => t.toFixed(0)).join('/')} ms, PnPjs ` +
        `${pnpTimes.map((t) => t.toFixed(0)).join('/')} ms, fetch as text ` +
        `${rawTimes.map((t) => t.toFixed(0)).join('/')} ms; refresh ` +
        `${refreshTimes.map((t) => t.toFixed(0)).join('/')} ms; total ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return rows;
  } finally {
    await site.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  printTable('SharePoint (Graph emulator)', await graphBench());
}
