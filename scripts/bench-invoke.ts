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
 * Not a test: timings vary by machine. Run alone with `node --import tsx scripts/bench-invoke.ts`.
 */
import { resolve } from 'node:path';
import {
  startBotHarness,
  TEAMS_USERS,
  type BotHarness,
} from '../tests/adapters/teams/support/bot-harness.js';

export type BenchRow = [
  measure: string,
  value: string,
  baseline: string,
  ratio: string,
  note?: string,
];

const TOTAL = Number(process.env.BENCH_INVOKES ?? 1_000);
const CONCURRENCY = 50;
const WARM_UP = 100;
const ROUNDS = 5;
const RESPOND = 'respondToRecommendation';
const REFRESH = 'refreshRecommendation';
const GOAL_P99_MS = 100;

const ms = (value: number) => `${value.toFixed(value < 1 ? 3 : 1)} ms`;
const ratio = (value: number, base: number) => `×${(value / base).toFixed(2)}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[rank] ?? Number.NaN;
}

/** One unit of work: its answer's status (HTTP, and the invoke response's own when it has one). */
type Job = () => Promise<{ status: number; inner?: number; kind?: string }>;

interface Run {
  times: number[];
  /** The kind of each timed job, by index into times. */
  kinds: string[];
  bad: string[];
  wallMs: number;
}

/** Runs the jobs with exactly `limit` in flight at a time, timing each from send to answer. */
async function pool(jobs: Job[], limit: number): Promise<Run> {
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
        const { status, inner, kind } = await job();
        times.push(performance.now() - t);
        kinds.push(kind ?? '');
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

export async function invokeBench(): Promise<BenchRow[]> {
  const started = performance.now();
  const h: BotHarness = await startBotHarness();
  try {
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

    let made = 0;
    const answer = (kind: string, r: Awaited<ReturnType<BotHarness['invoke']>>) => ({
      kind,
      status: r.status,
      ...(typeof r.body?.statusCode === 'number' ? { inner: r.body.statusCode } : {}),
    });
    /** Alternately an automatic refresh (by one of four people) and a submit on a new card. */
    const invokeJob = (): Job => {
      const i = made++;
      if (i % 2 === 0) {
        const recommendationId = shared[i % shared.length] ?? '';
        return async () =>
          answer(
            REFRESH,
            await h.invoke({
              as: viewers[(i >> 1) % viewers.length] ?? TEAMS_USERS.aisha,
              verb: REFRESH,
              data: { recommendationId, partnerId: police },
              trigger: 'automatic',
              conversation: groupChat,
            }),
          );
      }
      const recommendationId = fresh[i >> 1];
      if (!recommendationId) throw new Error('ran out of fresh recommendations');
      return async () =>
        answer(
          RESPOND,
          await h.invoke({
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
            conversation: groupChat,
          }),
        );
    };
    const pingJob: Job = async () => {
      const res = await fetch(`${h.server.url}/healthz`);
      await res.arrayBuffer();
      return { status: res.status };
    };
    const setUpS = (performance.now() - started) / 1000;

    // Warm-up, not counted: both kinds of invoke and the health check.
    const warm = merge([
      await pool(
        Array.from({ length: WARM_UP }, () => invokeJob()),
        CONCURRENCY,
      ),
      await pool(
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
      invokes.push(
        await pool(
          Array.from({ length: n }, () => invokeJob()),
          CONCURRENCY,
        ),
      );
      pings.push(
        await pool(
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
    const puts = h.connector.calls.filter((c) => c.method === 'PUT').length;
    const byKind = [REFRESH, RESPOND]
      .map((kind) => {
        const t = inv.times.filter((_, i) => inv.kinds[i] === kind);
        return `${kind} p50 ${ms(percentile(t, 50))}, p99 ${ms(percentile(t, 99))}`;
      })
      .join('; ');
    if (inv.bad.length) console.error(`invoke bench: bad answers, e.g. ${inv.bad.slice(0, 5)}`);
    console.log(
      `invoke bench: set up ${fresh.length + shared.length} recommendations in ${setUpS.toFixed(1)} s; ` +
        `${inv.times.length} invokes in ${(inv.wallMs / 1000).toFixed(1)} s ` +
        `(${((inv.times.length * 1000) / inv.wallMs).toFixed(0)}/s), ${base.times.length} pings in ` +
        `${(base.wallMs / 1000).toFixed(1)} s; ${written}/${expectedWrites} submits wrote a response; ` +
        `${puts} shared-card updates; ${byKind}; total ${((performance.now() - started) / 1000).toFixed(1)} s`,
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
          '; baseline GET /healthz, same concurrency',
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
    await h.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const rows = await invokeBench();
  const header: BenchRow = ['measure', 'value', 'baseline', 'ratio', 'note'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  for (const r of all) {
    console.log(
      r
        .map((c, i) =>
          i === 0 ? (c ?? '').padEnd(widths[i] ?? 0) : (c ?? '').padStart(widths[i] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    );
  }
}
