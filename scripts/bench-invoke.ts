/**
 * The invoke latency bench: `adaptiveCard/action` invokes through the real pipeline (Express, the
 * Agents SDK's CloudAdapter and AgentApplication, the use cases, SQLite with the demo partnership;
 * replies and shared-card updates to a fake Bot Connector on loopback), 50 in flight at a time.
 * A mix of automatic refreshRecommendation invokes (read only) and respondToRecommendation
 * submits, each on its own freshly issued recommendation so that every submit writes a response
 * and its action. Reports p50 and p99 (goal p99 < 100 ms) beside a baseline measured in the same
 * run, on the same server at the same concurrency: GET /healthz. Invokes and pings alternate in
 * rounds, so that both see the same machine; any answer other than 200 is counted (goal 0).
 *
 * The load generator (Teams' clients) and the fake Bot Connector run in a worker thread of their
 * own, as both are remote in production: otherwise their HTTP work (sending 50 requests at a time
 * and reading the answers, and receiving the shared-card updates) shares the server's one event
 * loop and is timed as the server's. BENCH_CLIENT=inline puts them back in the server's thread.
 *
 * Not a test: timings vary by machine. Run alone with `node --import tsx scripts/bench-invoke.ts`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { BotHarness, TeamsUser } from '../tests/adapters/teams/support/bot-harness.js';
import { printTable, type BenchRow } from './bench-table.js';

const TOTAL = Number(process.env.BENCH_INVOKES ?? 1_000);
const CLIENT: 'thread' | 'inline' = process.env.BENCH_CLIENT === 'inline' ? 'inline' : 'thread';
const CONCURRENCY = 50;
const WARM_UP = 100;
const ROUNDS = 5;
const RESPOND = 'respondToRecommendation';
const REFRESH = 'refreshRecommendation';
const GOAL_P99_MS = 100;
const WORKER_ROLE = 'bench-invoke-client';

const ms = (value: number) => `${value.toFixed(value < 1 ? 3 : 1)} ms`;
const ratio = (value: number, base: number) => `×${(value / base).toFixed(2)}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[rank] ?? Number.NaN;
}

/** One unit of work: an activity POSTed to /api/messages, or (without one) GET /healthz. */
interface Send {
  kind: string;
  activity?: string;
  /** The local channel's token for the bot, as the Bot Connector sends with each activity. */
  authorization?: string;
}

interface Run {
  times: number[];
  /** The kind of each timed job, by index into times. */
  kinds: string[];
  bad: string[];
  wallMs: number;
}

/** Sends one job; its answer's status (HTTP, and the invoke response's own when it has one). */
async function send(serverUrl: string, job: Send): Promise<{ status: number; inner?: number }> {
  if (job.activity === undefined) {
    const res = await fetch(`${serverUrl}/healthz`);
    await res.arrayBuffer();
    return { status: res.status };
  }
  const res = await fetch(`${serverUrl}/api/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(job.authorization ? { authorization: job.authorization } : {}),
    },
    body: job.activity,
  });
  const text = await res.text();
  let body: { statusCode?: unknown } | undefined;
  try {
    body = text ? (JSON.parse(text) as { statusCode?: unknown }) : undefined;
  } catch {
    body = undefined;
  }
  return {
    status: res.status,
    ...(typeof body?.statusCode === 'number' ? { inner: body.statusCode } : {}),
  };
}

/** Runs the jobs with exactly `limit` in flight at a time, timing each from send to answer. */
async function pool(serverUrl: string, jobs: Send[], limit: number): Promise<Run> {
  const times: number[] = [];
  const kinds: string[] = [];
  const bad: string[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    for (;;) {
      const job = jobs[next++];
      if (!job) return;
      const t = performance.now();
      try {
        const { status, inner } = await send(serverUrl, job);
        times.push(performance.now() - t);
        kinds.push(job.kind);
        if (status !== 200 || (inner !== undefined && inner !== 200))
          bad.push(`${status}${inner !== undefined ? `/${inner}` : ''}`);
      } catch (e) {
        times.push(performance.now() - t);
        kinds.push('error');
        bad.push((e as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, lane));
  return { times, kinds, bad, wallMs: performance.now() - started };
}

function merge(runs: Run[]): Run {
  return {
    times: runs.flatMap((r) => r.times),
    kinds: runs.flatMap((r) => r.kinds),
    bad: runs.flatMap((r) => r.bad),
    wallMs: runs.reduce((sum, r) => sum + r.wallMs, 0),
  };
}

/** A stand-in for the Bot Connector, as the harness's: answers 200 and counts card updates. */
async function startConnector() {
  let n = 0;
  let puts = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      try {
        if (raw) JSON.parse(raw);
      } catch {
        /* not JSON */
      }
      if (req.method === 'PUT') puts++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${++n}` }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    puts: () => puts,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** Where the load comes from and where the bot's replies go. */
interface Client {
  /** The fake Bot Connector's address, for the activities' serviceUrl. */
  serviceUrl: string;
  pool(jobs: Send[], limit: number): Promise<Run>;
  /** Shared-card updates the connector received. */
  puts(): Promise<number>;
  close(): Promise<void>;
}

type Request =
  | { id: number; op: 'pool'; jobs: Send[]; limit: number }
  | { id: number; op: 'puts' }
  | { id: number; op: 'close' };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** In the worker thread: the connector, and pools run on request from the main thread. */
async function serveClient(port: NonNullable<typeof parentPort>, serverUrl: string) {
  const connector = await startConnector();
  port.on('message', (m: Request) => {
    void (async () => {
      if (m.op === 'pool')
        port.postMessage({ id: m.id, value: await pool(serverUrl, m.jobs, m.limit) });
      else if (m.op === 'puts') port.postMessage({ id: m.id, value: connector.puts() });
      else {
        await connector.close();
        port.postMessage({ id: m.id, value: null });
        port.close();
      }
    })();
  });
  port.postMessage({ id: 0, value: connector.url });
}

/** The load generator and the connector in a worker thread (tsx registered there too). */
async function threadClient(serverUrl: string): Promise<Client> {
  const code = `(async () => {
    const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))});
    register();
    await import(${JSON.stringify(import.meta.url)});
  })().catch((e) => { console.error(e); process.exit(1); });`;
  const worker = new Worker(code, { eval: true, workerData: { role: WORKER_ROLE, serverUrl } });
  const waiting = new Map<number, (value: unknown) => void>();
  let ids = 0;
  worker.on('message', (m: { id: number; value: unknown }) => {
    waiting.get(m.id)?.(m.value);
    waiting.delete(m.id);
  });
  const failed = new Promise<never>((_, fail) => worker.once('error', fail));
  const answer = <T>(id: number): Promise<T> =>
    Promise.race([
      new Promise<T>((done) => waiting.set(id, done as (value: unknown) => void)),
      failed,
    ]);
  const ask = <T>(request: DistributiveOmit<Request, 'id'>): Promise<T> => {
    const id = ++ids;
    const answered = answer<T>(id);
    worker.postMessage({ ...request, id });
    return answered;
  };
  // The worker says where its connector listens (message 0) once it is up.
  const serviceUrl = await answer<string>(0);
  return {
    serviceUrl,
    pool: (jobs, limit) => ask<Run>({ op: 'pool', jobs, limit }),
    puts: () => ask<number>({ op: 'puts' }),
    close: async () => {
      await ask<null>({ op: 'close' });
      await worker.terminate();
    },
  };
}

/** The load generator in this thread, and the harness's connector. */
function inlineClient(h: BotHarness): Client {
  return {
    serviceUrl: h.connector.url,
    pool: (jobs, limit) => pool(h.server.url, jobs, limit),
    puts: async () => h.connector.calls.filter((c) => c.method === 'PUT').length,
    close: async () => {},
  };
}

export async function invokeBench(): Promise<BenchRow[]> {
  const started = performance.now();
  // Loaded here, not at the top: the worker thread imports this module too, and needs none of it.
  const { startBotHarness, TEAMS_USERS } =
    await import('../tests/adapters/teams/support/bot-harness.js');
  const { DEMO_TENANT_ID } = await import('../src/server/seed/harbourside.js');
  const h: BotHarness = await startBotHarness();
  let client: Client | undefined;
  try {
    const active = (client =
      CLIENT === 'thread' ? await threadClient(h.server.url) : inlineClient(h));
    const police = await h.partnerId('Eastshire Constabulary');
    const aishaId = await h.personId('aisha.noor@eastshire-police.example');
    const tomId = await h.personId('tom.bradley@eastshire-police.example');
    const submits = Math.ceil((TOTAL + WARM_UP) / 2);

    // A fresh issued recommendation for every submit, and a few shared ones to refresh.
    const fresh: string[] = [];
    for (let i = 0; i < submits; i++) fresh.push((await h.issuedRecommendation([police])).id);
    const shared: string[] = [];
    for (let i = 0; i < 20; i++) shared.push((await h.issuedRecommendation([police])).id);
    const viewers = [TEAMS_USERS.aisha, TEAMS_USERS.tom, TEAMS_USERS.sam, TEAMS_USERS.rachel];
    const groupChat = { id: '19:bench@thread.v2', conversationType: 'groupChat' as const };

    let seq = 0;
    /** The invoke activity Teams sends, as the bot harness builds it. */
    const invoke = (o: {
      as: TeamsUser;
      verb: string;
      data: Record<string, unknown>;
      trigger?: 'manual' | 'automatic';
    }): string =>
      JSON.stringify({
        channelId: 'msteams',
        serviceUrl: active.serviceUrl,
        id: `activity-${++seq}`,
        timestamp: new Date().toISOString(),
        from: o.as,
        recipient: { id: '28:critical-friend', name: 'Critical Friend' },
        conversation: { ...groupChat, tenantId: DEMO_TENANT_ID },
        channelData: { tenant: { id: DEMO_TENANT_ID } },
        locale: 'en-GB',
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: 'card-1',
        value: {
          action: { type: 'Action.Execute', id: 'submit', verb: o.verb, data: o.data },
          trigger: o.trigger ?? 'manual',
        },
      });

    // Signed again before each round (tokens live five minutes; the server caches their keys).
    let authorization = `Bearer ${await h.server.channelToken(active.serviceUrl)}`;
    let made = 0;
    /** Alternately an automatic refresh (by one of four people) and a submit on a new card. */
    const invokeJob = (): Send => {
      const i = made++;
      if (i % 2 === 0) {
        const recommendationId = shared[i % shared.length] ?? '';
        return {
          kind: REFRESH,
          authorization,
          activity: invoke({
            as: viewers[(i >> 1) % viewers.length] ?? TEAMS_USERS.aisha,
            verb: REFRESH,
            data: { recommendationId, partnerId: police },
            trigger: 'automatic',
          }),
        };
      }
      const recommendationId = fresh[i >> 1];
      if (!recommendationId) throw new Error('ran out of fresh recommendations');
      return {
        kind: RESPOND,
        authorization,
        activity: invoke({
          as: TEAMS_USERS.aisha,
          verb: RESPOND,
          data: {
            recommendationId,
            partnerId: police,
            decision: 'accept',
            rationale: 'We accept: the public protection unit will attend every discussion.',
            action1What: 'Public protection unit attends every strategy discussion.',
            action1Owner: i % 4 === 1 ? aishaId : tomId,
            action1Due: '2099-01-31',
            action1Evidence: 'Attendance figures from the Front Door log.',
          },
        }),
      };
    };
    const pingJob: Send = { kind: 'ping' };
    const setUpS = (performance.now() - started) / 1000;

    // Warm-up, not counted: both kinds of invoke and the health check.
    const warm = merge([
      await active.pool(
        Array.from({ length: WARM_UP }, () => invokeJob()),
        CONCURRENCY,
      ),
      await active.pool(
        Array.from({ length: WARM_UP }, () => pingJob),
        CONCURRENCY,
      ),
    ]);
    if (warm.bad.length) console.error(`invoke bench warm-up: ${warm.bad.length} bad answers`);

    const invokes: Run[] = [];
    const pings: Run[] = [];
    const perRound = Math.ceil(TOTAL / ROUNDS);
    for (let r = 0; r < ROUNDS; r++) {
      const n = Math.min(perRound, TOTAL - r * perRound);
      authorization = `Bearer ${await h.server.channelToken(active.serviceUrl)}`;
      invokes.push(
        await active.pool(
          Array.from({ length: n }, () => invokeJob()),
          CONCURRENCY,
        ),
      );
      pings.push(
        await active.pool(
          Array.from({ length: n }, () => pingJob),
          CONCURRENCY,
        ),
      );
    }
    const inv = merge(invokes);
    const base = merge(pings);

    const freshIds = new Set(fresh);
    const written = (await h.repo.all('responses')).filter((x) =>
      freshIds.has(x.fields.recommendationId),
    ).length;
    const expectedWrites = Math.floor(made / 2);
    const puts = await active.puts();
    const byKind = [REFRESH, RESPOND]
      .map((kind) => {
        const t = inv.times.filter((_, i) => inv.kinds[i] === kind);
        return `${kind} p50 ${ms(percentile(t, 50))}, p99 ${ms(percentile(t, 99))}`;
      })
      .join('; ');
    const where =
      CLIENT === 'thread'
        ? 'client and connector in a worker thread'
        : "client and connector in the server's thread";
    if (inv.bad.length) console.error(`invoke bench: bad answers, e.g. ${inv.bad.slice(0, 5)}`);
    console.log(
      `invoke bench (${where}): set up ${fresh.length + shared.length} recommendations in ${setUpS.toFixed(1)} s; ` +
        `${inv.times.length} invokes in ${(inv.wallMs / 1000).toFixed(1)} s ` +
        `(${((inv.times.length * 1000) / inv.wallMs).toFixed(0)}/s), ${base.times.length} pings in ` +
        `${(base.wallMs / 1000).toFixed(1)} s; ${written}/${expectedWrites} submits wrote a response; ` +
        `${puts} shared-card updates; ${byKind}; /healthz p50 ${ms(percentile(base.times, 50))}, ` +
        `p99 ${ms(percentile(base.times, 99))}; total ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const rows: BenchRow[] = [];
    for (const [label, p] of [
      ['p50', 50],
      ['p99', 99],
    ] as const) {
      const value = percentile(inv.times, p);
      const baseline = percentile(base.times, p);
      rows.push([
        `invoke adaptiveCard/action, ${label}`,
        ms(value),
        ms(baseline),
        ratio(value, baseline),
        `${inv.times.length} invokes, ${CONCURRENCY} in flight; half refresh, half submit` +
          (p === 99 ? `; ${ratio(value, GOAL_P99_MS)} of the ${GOAL_P99_MS} ms goal` : '') +
          `; baseline GET /healthz, same concurrency; ${where}`,
      ]);
    }
    rows.push([
      'invoke: answers not 200',
      String(inv.bad.length),
      String(base.bad.length),
      `${inv.bad.length}/${inv.times.length}`,
      `goal 0; baseline: /healthz answers not 200; ${written}/${expectedWrites} submits stored`,
    ]);
    return rows;
  } finally {
    await client?.close();
    await h.close();
  }
}

const role = (workerData as { role?: string; serverUrl?: string } | null)?.role;
if (!isMainThread && role === WORKER_ROLE && parentPort) {
  await serveClient(parentPort, (workerData as { serverUrl: string }).serverUrl);
} else if (
  isMainThread &&
  process.argv[1] &&
  resolve(process.argv[1]) === resolve(import.meta.filename)
) {
  printTable('Card invoke latency', await invokeBench());
}
