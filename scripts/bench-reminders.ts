/**
 * The day's reminder run at scale: a partnership with 2,000 open actions (400 owners in 20
 * partners, each partner with 2 leads, everyone with a DSP) and 200 issued recommendations each
 * awaiting 3 partners' responses, in real SQLite with the date-holidays
 * calendar. Baseline: reading the actions list once, the least any run must do. Run with
 * `node --import tsx scripts/bench-reminders.ts`, or as part of `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Deps } from '../src/application/deps.js';
import { runReminders } from '../src/application/use-cases/reminders.js';
import { createHolidayCalendar } from '../src/adapters/holidays/index.js';
import { SqliteRepository } from '../src/adapters/sqlite/sqlite-repository.js';
import { DEFAULT_REMINDER_POLICY } from '../src/domain/reminders.js';
import { addCalendarDays } from '../src/domain/calendar/working-days.js';
import type { BenchRow } from './bench-table.js';

const ACTIONS = 2_000;
const OWNERS = 400;
const PARTNERS = 20;
const RECOMMENDATIONS = 200;
const TODAY = '2026-11-23';

export async function reminderBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cf-reminders-'));
  const repo = SqliteRepository.open(join(dir, 'critical-friend.db'));
  const ctx = { actorId: 'bench', homeTenantId: 't', channel: 'system' as const, at: '' };
  try {
    await repo.create(
      'partnerships',
      { name: 'Bench', tenantId: 't', recommendationPrefix: 'B', caseCodePrefix: 'B-C' },
      ctx,
    );
    const partners: string[] = [];
    for (let i = 0; i < PARTNERS; i++) {
      partners.push(
        (await repo.create('partners', { name: `Bench Trust ${i}`, kind: 'education' }, ctx)).id,
      );
    }
    const person = (
      n: number,
      partnerId: string,
      roles: ('partner-lead' | 'delegated-safeguarding-partner')[],
    ) =>
      repo.create(
        'people',
        {
          displayName: `Person ${n}`,
          upn: `p${n}@bench.example`,
          entraObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
          homeTenantId: 't',
          partnerId,
          roles,
        },
        ctx,
      );
    const dsp = await person(0, partners[0] ?? '', ['delegated-safeguarding-partner']);
    const owners = [];
    for (let i = 1; i <= OWNERS; i++) {
      const partnerId = partners[i % PARTNERS] ?? '';
      // Two leads a partner; the other owners are staff who own actions.
      const p = await person(i, partnerId, i <= 2 * PARTNERS ? ['partner-lead'] : []);
      owners.push(await repo.update('people', p.id, { delegatedPartnerId: dsp.id }, p.etag, ctx));
    }
    const recs = [];
    for (let i = 0; i < RECOMMENDATIONS; i++) {
      recs.push(
        await repo.create(
          'recommendations',
          {
            reference: `B-R-2026-${i}`,
            title: `Recommendation ${i}`,
            text: 'Text.',
            priority: 'medium',
            partnerIds: [0, 1, 2].map((k) => partners[(i + k) % PARTNERS] ?? ''),
            // Spread over the weeks around today, so every stage occurs.
            responseDueDate: addCalendarDays(TODAY, (i % 40) - 25),
            status: 'issued',
            issuedAt: '2026-09-01T09:00:00Z',
          },
          ctx,
        ),
      );
    }
    for (let i = 0; i < ACTIONS; i++) {
      const owner = owners[i % OWNERS];
      await repo.create(
        'actions',
        {
          recommendationId: recs[i % RECOMMENDATIONS]?.id ?? '',
          responseId: 'r',
          partnerId: owner?.fields.partnerId ?? '',
          description: `Action ${i}`,
          ownerId: owner?.id ?? null,
          targetDate: addCalendarDays(TODAY, (i % 60) - 40),
          status: 'open',
          actionKey: `k${i}`,
        },
        ctx,
      );
    }
    const calendar = createHolidayCalendar('date-holidays');
    const deps: Deps = {
      repo,
      now: () => new Date(`${TODAY}T09:05:00Z`),
      cards: {
        sendRecommendation: async () => ({ kind: 'sent' }),
        sendDigest: async () => ({ kind: 'sent' }),
        findCard: async () => ({ kind: 'unknown' }),
      },
    };
    const t0 = performance.now();
    await repo.all('actions');
    const baseline = performance.now() - t0;
    const t1 = performance.now();
    const run = await runReminders(deps, calendar, DEFAULT_REMINDER_POLICY);
    const first = performance.now() - t1;
    const t2 = performance.now();
    const again = await runReminders(deps, calendar, DEFAULT_REMINDER_POLICY);
    const second = performance.now() - t2;
    const f = (ms: number) => `${ms.toFixed(0)} ms`;
    const x = (v: number) => `×${(v / baseline).toFixed(1)}`;
    return [
      [
        'reminders: the day’s run',
        f(first),
        f(baseline),
        x(first),
        `${ACTIONS} open actions, ${RECOMMENDATIONS * 3} responses due, ${OWNERS} owners; ${run.notices} notices, ${run.digests} digests queued; baseline: reading the actions once`,
      ],
      [
        'reminders: the same run again',
        f(second),
        f(baseline),
        x(second),
        `${again.notices} notices, ${again.digests} digests (a restart tells nobody twice)`,
      ],
    ];
  } finally {
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const row of await reminderBench()) console.log(row.join('  |  '));
}
