/**
 * The yearly statement for a full year of synthetic data: 2,000 observations, 120 issued
 * recommendations (each naming two partners), 400 actions and 2,000 updates, with meetings,
 * findings, a scrutiny plan, case reviews and disagreements, in a temporary SQLite store seeded
 * through the repository port. Timed: drafting the statement (the model, then the Word document)
 * over 5 runs, against a baseline of reading the same lists with `repo.all` alone, so the ratio
 * shows what the statement adds. Target: under 1 s. Run with
 * `node --import tsx scripts/bench-yearly.ts`, or as part of `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Deps } from '../src/application/deps.js';
import type { ChangeContext } from '../src/application/ports/repository.js';
import { gatherYearlyReport } from '../src/application/use-cases/yearly-report-gather.js';
import { renderYearlyReportDocx } from '../src/adapters/documents/docx-report.js';
import { createHolidayCalendar } from '../src/adapters/holidays/index.js';
import { SqliteRepository } from '../src/adapters/sqlite/sqlite-repository.js';
import { addCalendarDays } from '../src/domain/calendar/working-days.js';
import type { Fields, ListName } from '../src/domain/lists/schema.js';
import {
  evidenceClasses,
  evidenceSources,
  linesOfEnquiry,
  meetingKinds,
} from '../src/domain/vocabulary.js';
import { printTable, type BenchRow } from './bench-table.js';

const OBSERVATIONS = 2_000;
const RECOMMENDATIONS = 120;
const ACTIONS = 400;
const UPDATES = 2_000;
const PARTNERS = 8;
const MEETINGS = 80;
const RUNS = 5;
const YEAR = 2026;
const TARGET_MS = 1_000;

const ctx: ChangeContext = { actorId: 'bench', homeTenantId: 't', channel: 'system', at: '' };
const pick = <T>(values: readonly T[], i: number): T => values[i % values.length] as T;
/** A day of the 2026/27 reporting year, spread evenly. */
const dayOfYear = (i: number, of: number) =>
  addCalendarDays('2026-04-01', Math.floor((i * 364) / of));

async function many<L extends ListName>(repo: SqliteRepository, list: L, rows: Fields<L>[]) {
  const results = await repo.createMany(list, rows, ctx);
  return results.map((r) => {
    if (!r.ok) throw r.error;
    return r.item.id;
  });
}

async function seed(repo: SqliteRepository) {
  await many(repo, 'partnerships', [
    {
      name: 'Bench Safeguarding Children Partnership',
      tenantId: 't',
      recommendationPrefix: 'BSCP',
      caseCodePrefix: 'BSCP',
    },
  ]);
  const partners = await many(
    repo,
    'partners',
    Array.from({ length: PARTNERS }, (_, i) => ({
      name: `Bench Agency ${i + 1}`,
      kind: 'education' as const,
    })),
  );
  const [scrutineer] = await many(repo, 'people', [
    {
      displayName: 'Bench Scrutineer',
      upn: 'scrutineer@bench.example',
      entraObjectId: '00000000-0000-4000-8000-000000000001',
      homeTenantId: 't',
      roles: ['scrutineer'],
    },
  ]);
  const meetings = await many(
    repo,
    'meetings',
    Array.from({ length: MEETINGS }, (_, i) => ({
      title: `Bench meeting ${i + 1}`,
      kind: pick(meetingKinds, i),
      startsAt: `${dayOfYear(i, MEETINGS)}T10:00:00Z`,
    })),
  );
  const observations = await many(
    repo,
    'observations',
    Array.from({ length: OBSERVATIONS }, (_, i) => ({
      text: `Observation ${i + 1}: practitioners described how the partnership's escalation route worked for them this month, and what they would change about it.`,
      evidenceClass: pick(evidenceClasses, i),
      lineOfEnquiry: pick(linesOfEnquiry, i),
      partnerIds: [pick(partners, i)],
      source: pick(evidenceSources, i),
      meetingId: pick(meetings, i),
      observedAt: `${dayOfYear(i, OBSERVATIONS)}T11:00:00Z`,
      status: 'open' as const,
    })),
  );
  await many(
    repo,
    'findings',
    Array.from({ length: 100 }, (_, i) => ({
      title: `Finding ${i + 1}`,
      summary: 'Several observations agree on how the escalation route is used across agencies.',
      evidenceClass: pick(evidenceClasses, i),
      lineOfEnquiry: pick(linesOfEnquiry, i),
      observationIds: [pick(observations, i * 3), pick(observations, i * 3 + 1)],
      sources: ['audit' as const, 'practitioners' as const],
    })),
  );
  const recommendations = await many(
    repo,
    'recommendations',
    Array.from({ length: RECOMMENDATIONS }, (_, i) => {
      const issued = dayOfYear(i, RECOMMENDATIONS * 1.5);
      return {
        reference: `BSCP-R-2026-${i + 1}`,
        title: `Recommendation ${i + 1} on multi-agency practice`,
        text: 'Partners should agree and publish how they will improve this area of practice.',
        priority: pick(['high', 'medium', 'low'] as const, i),
        partnerIds: [pick(partners, i), pick(partners, i + 1)],
        responseDueDate: addCalendarDays(issued, 28),
        status: 'issued' as const,
        issuedAt: `${issued}T09:00:00Z`,
      };
    }),
  );
  const responses = await many(
    repo,
    'responses',
    recommendations.flatMap((rec, i) =>
      [0, 1].map((k) => ({
        recommendationId: rec,
        partnerId: pick(partners, i + k),
        decision: pick(['accept', 'accept', 'partially-accept', 'decline'] as const, i + k),
        rationale: 'We agree and will take the actions below.',
        responderId: scrutineer ?? '',
        responderTenantId: 't',
        channel: 'teams-card' as const,
        respondedAt: `${addCalendarDays(dayOfYear(i, RECOMMENDATIONS * 1.5), 14)}T09:00:00Z`,
        responseKey: `${rec}:${k}`,
      })),
    ),
  );
  const actions = await many(
    repo,
    'actions',
    Array.from({ length: ACTIONS }, (_, i) => {
      const r = i % responses.length;
      return {
        recommendationId: pick(recommendations, Math.floor(r / 2)),
        responseId: pick(responses, r),
        partnerId: pick(partners, Math.floor(r / 2) + (r % 2)),
        description: `Action ${i + 1}: review the local procedure and brief staff on it.`,
        targetDate: addCalendarDays(
          dayOfYear(Math.floor(r / 2), RECOMMENDATIONS * 1.5),
          90 + (i % 120),
        ),
        status: 'open' as const,
        actionKey: `a${i}`,
      };
    }),
  );
  await many(
    repo,
    'actionUpdates',
    Array.from({ length: UPDATES }, (_, i) => ({
      actionId: pick(actions, i),
      progress: Math.min(100, 20 * (1 + Math.floor(i / ACTIONS))),
      narrative: 'Progress this month: the procedure has been drafted and shared for comment.',
      authorId: scrutineer ?? '',
      at: `${dayOfYear(Math.floor(i / ACTIONS) * 70 + (i % 60), 364)}T12:00:00Z`,
      updateKey: `u${i}`,
    })),
  );
  const [plan] = await many(repo, 'plans', [
    { reportingYear: YEAR, daysContracted: 24, dayRate: 650 },
  ]);
  const [activity] = await many(repo, 'planActivities', [
    {
      planId: plan ?? '',
      theme: 'Bench',
      title: 'Observation',
      daysAllocated: 20,
      status: 'in-progress',
    },
  ]);
  await many(
    repo,
    'dayLogs',
    Array.from({ length: 36 }, (_, i) => ({
      planId: plan ?? '',
      activityId: activity ?? '',
      date: dayOfYear(i, 36),
      days: 0.5,
    })),
  );
  await many(
    repo,
    'caseReviews',
    Array.from({ length: 12 }, (_, i) => ({
      code: `BSCP-C-2026-${i + 1}`,
      awareOn: dayOfYear(i, 12),
      notifiedOn: addCalendarDays(dayOfYear(i, 12), 3 + (i % 5)),
      lcsprDecision: pick(['pending', 'lcspr', 'no-lcspr'] as const, i),
      assuranceNote: 'The rapid review was thorough and timely.',
    })),
  );
  await many(
    repo,
    'disagreements',
    Array.from({ length: 6 }, (_, i) => ({
      reference: `BSCP-D-2026-${i + 1}`,
      partnerIds: [pick(partners, i), pick(partners, i + 1)],
      matter: 'Which agency leads on early help assessments.',
      advice: 'Agree the lead at the next sub-group.',
      status: i % 2 ? ('resolved' as const) : ('open' as const),
      raisedOn: dayOfYear(i, 6),
      ...(i % 2 ? { resolvedOn: addCalendarDays(dayOfYear(i, 6), 10 + i) } : {}),
    })),
  );
  const actor = await repo.get('people', scrutineer ?? '');
  if (!actor) throw new Error('no scrutineer');
  return { ...actor.fields, id: actor.id };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function yearlyBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cf-yearly-'));
  const repo = SqliteRepository.open(join(dir, 'critical-friend.db'));
  try {
    const actor = await seed(repo);
    const deps: Deps = {
      repo,
      // After the year's end, so the statement is as at 31 March 2027.
      now: () => new Date('2027-04-20T09:00:00Z'),
      cards: {
        sendRecommendation: async () => ({ kind: 'sent' }),
        sendDigest: async () => ({ kind: 'sent' }),
        findCard: async () => ({ kind: 'unknown' }),
      },
    };
    const holidays = createHolidayCalendar('date-holidays');
    const lists: ListName[] = [
      'partnerships',
      'partners',
      'people',
      'meetings',
      'observations',
      'findings',
      'recommendations',
      'responses',
      'actions',
      'actionUpdates',
      'actionEvents',
      'impactChecks',
      'plans',
      'dayLogs',
      'caseReviews',
      'disagreements',
    ];
    const baseline = async () => {
      await Promise.all(lists.map((l) => repo.all(l)));
    };
    let bytes = 0;
    let pages = '';
    const statement = async () => {
      const model = await gatherYearlyReport(deps, holidays, actor, YEAR, undefined);
      const t = performance.now();
      const doc = await renderYearlyReportDocx(model);
      bytes = doc.byteLength;
      pages = `${model.recommendations.length} recommendations, ${model.littleProgress.length} gaps`;
      return performance.now() - t;
    };
    // Warm up, not counted: the modules' code (docx's is slow until compiled) and SQLite's cache.
    for (let i = 0; i < 2; i++) {
      await baseline();
      await statement();
    }
    const base: number[] = [];
    const whole: number[] = [];
    const render: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await baseline();
      base.push(performance.now() - t);
      t = performance.now();
      const used = process.cpuUsage();
      render.push(await statement());
      whole.push(performance.now() - t);
      const c = process.cpuUsage(used);
      cpu.push((c.user + c.system) / 1000);
    }
    const b = median(base);
    const w = median(whole);
    const r = median(render);
    const c = median(cpu);
    const f = (ms: number) => `${ms.toFixed(0)} ms`;
    const x = (v: number) => `×${(v / b).toFixed(1)}`;
    return [
      [
        'yearly statement: model + docx, median',
        f(w),
        f(b),
        x(w),
        `${RUNS} runs; ${OBSERVATIONS} observations, ${RECOMMENDATIONS} recommendations, ${ACTIONS} actions, ${UPDATES} updates; ${(w / TARGET_MS).toFixed(2)} of the 1 s target; ${f(c)} of CPU (the machine is shared); baseline: repo.all of the same lists`,
      ],
      [
        'yearly statement: docx rendering alone',
        f(r),
        f(b),
        x(r),
        `${(bytes / 1000).toFixed(0)} kB document; ${pages}`,
      ],
    ];
  } finally {
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  printTable(
    'Yearly statement (baseline: reading the same lists with repo.all alone)',
    await yearlyBench(),
  );
}
