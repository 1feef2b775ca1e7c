import type { ChangeContext, Repository } from '../../application/ports/repository.js';
import type { Fields } from '../../domain/lists/schema.js';
import { DEMO_TENANT_ID } from './harbourside.js';

type ActivitySeed = Omit<Fields<'planActivities'>, 'planId'> & {
  /** Days worked: [date, days, note?]. */
  logs: [string, number, string?][];
};

interface PlanSeed {
  plan: Fields<'plans'>;
  activities: ActivitySeed[];
}

/**
 * 2026/27 is under way (logs from April to mid-November 2026, 13 days of 24); one activity has
 * overrun and no activity covers independent advice on disagreements, so the tab shows a gap.
 * 2025/26 is a small plan, complete and fully spent.
 */
export const harboursidePlans: PlanSeed[] = [
  {
    plan: { reportingYear: 2025, daysContracted: 16, dayRate: 600 },
    activities: [
      {
        theme: 'Strategic leadership',
        title: 'Observe and challenge at the Strategic Leadership Group',
        functions: ['support-and-challenge', 'assurance'],
        linesOfEnquiry: ['leadership', 'right-priorities'],
        daysAllocated: 6,
        status: 'done',
        logs: [
          ['2025-04-22', 1.5, 'SLG: priorities for the year'],
          ['2025-07-15', 1.5, 'SLG: mid-year review'],
          ['2025-10-21', 1.5, 'SLG: data and quality assurance'],
          ['2026-01-20', 1.5, 'SLG: draft yearly report'],
        ],
      },
      {
        theme: 'Case-review arrangements',
        title: 'Review how rapid reviews are run and their learning used',
        functions: ['statutory-duties-and-case-reviews'],
        linesOfEnquiry: ['case-review-arrangements', 'space-for-reflection-and-learning'],
        daysAllocated: 6,
        status: 'done',
        logs: [
          ['2025-06-11', 2, 'Read rapid review papers'],
          ['2025-09-17', 2, 'Observed the rapid-review panel'],
          ['2025-11-26', 2, 'Learning and Review sub-group'],
        ],
      },
      {
        theme: 'Yearly report',
        title: 'Write the scrutineer’s statement for the 2025/26 yearly report',
        functions: ['arrangements-and-yearly-report'],
        linesOfEnquiry: ['right-priorities'],
        daysAllocated: 4,
        status: 'done',
        logs: [
          ['2026-02-18', 2, 'Drafted the statement'],
          ['2026-03-11', 2, 'Agreed the statement with the chair'],
        ],
      },
    ],
  },
  {
    plan: { reportingYear: 2026, daysContracted: 24, dayRate: 650 },
    activities: [
      {
        theme: 'Planning and contract',
        title: 'Agree the scrutiny plan with the Strategic Leadership Group',
        functions: ['support-and-challenge'],
        linesOfEnquiry: ['right-priorities'],
        daysAllocated: 1,
        status: 'done',
        logs: [
          ['2026-04-08', 0.5, 'Drafted the plan'],
          ['2026-04-15', 0.5, 'Agreed the plan with the chair'],
        ],
      },
      {
        theme: 'Strategic leadership',
        title: 'Observe and challenge at the four SLG meetings',
        functions: ['support-and-challenge', 'assurance'],
        linesOfEnquiry: ['leadership', 'right-priorities'],
        daysAllocated: 4,
        status: 'in-progress',
        logs: [
          ['2026-04-21', 1, 'SLG, April'],
          ['2026-07-21', 1, 'SLG, July'],
          ['2026-10-20', 1, 'SLG, October'],
        ],
      },
      {
        theme: 'Case-review arrangements',
        title: 'Scrutinise rapid reviews and the practice review timetable',
        functions: ['statutory-duties-and-case-reviews'],
        linesOfEnquiry: ['case-review-arrangements', 'space-for-reflection-and-learning'],
        daysAllocated: 3,
        status: 'in-progress',
        logs: [
          ['2026-05-14', 1, 'Learning and Review sub-group'],
          ['2026-08-19', 0.5, 'Read rapid review papers'],
          ['2026-11-12', 1, 'Observed the rapid-review panel'],
        ],
      },
      {
        theme: 'Neglect strategy',
        title: 'Join the multi-agency audit of neglect',
        functions: ['assurance'],
        linesOfEnquiry: ['line-of-sight-on-practice', 'quality-assurance-and-data'],
        daysAllocated: 4,
        status: 'in-progress',
        logs: [
          ['2026-06-09', 0.5, 'Audit preparation'],
          ['2026-06-10', 1, 'Audit day'],
          ['2026-06-24', 0.5, 'Audit write-up'],
        ],
      },
      {
        theme: 'Front door and MASH',
        title: 'Test how strategy discussions work at the Front Door',
        functions: ['support-and-challenge', 'practitioner-leader-dialogue'],
        linesOfEnquiry: ['line-of-sight-on-practice', 'leadership'],
        daysAllocated: 3,
        status: 'in-progress',
        logs: [
          ['2026-09-09', 1, 'Front Door visit with MASH practitioners'],
          ['2026-09-10', 0.5, 'Notes from the visit'],
          ['2026-09-30', 1, 'Met police and social work team leaders'],
          ['2026-10-14', 1, 'Second visit, evening shift'],
        ],
      },
      {
        theme: 'Voice of children and families',
        title: 'Meet the young people’s panel and follow its feedback to the SLG',
        functions: ['voice-of-children-and-families'],
        linesOfEnquiry: ['voice-of-the-child'],
        daysAllocated: 3,
        status: 'in-progress',
        logs: [
          ['2026-07-08', 0.5, 'Young people’s panel'],
          ['2026-10-28', 0.5, 'Followed the panel’s feedback'],
        ],
      },
      {
        theme: 'Training',
        title: 'Evaluate the impact of multi-agency training',
        functions: ['assurance'],
        linesOfEnquiry: ['training-effectiveness'],
        daysAllocated: 2,
        status: 'planned',
        logs: [],
      },
      {
        theme: 'Yearly report',
        title: 'Evaluate the published arrangements and write the scrutineer’s statement',
        functions: ['arrangements-and-yearly-report'],
        linesOfEnquiry: ['right-priorities', 'quality-assurance-and-data'],
        daysAllocated: 3.5,
        status: 'planned',
        logs: [],
      },
    ],
  },
];

/** Seeds the scrutiny plans into a store that has none. Returns false if any plan exists. */
export async function seedHarboursidePlan(
  repo: Repository,
  now: Date = new Date(),
): Promise<boolean> {
  if ((await repo.query('plans', { top: 1 })).items.length > 0) return false;
  const ctx: ChangeContext = {
    actorId: 'system:seed',
    homeTenantId: DEMO_TENANT_ID,
    channel: 'system',
    at: now.toISOString(),
  };
  for (const { plan, activities } of harboursidePlans) {
    const planId = (await repo.create('plans', plan, ctx)).id;
    for (const { logs, ...fields } of activities) {
      const activityId = (await repo.create('planActivities', { ...fields, planId }, ctx)).id;
      for (const [date, days, note] of logs) {
        await repo.create(
          'dayLogs',
          { planId, activityId, date, days, ...(note ? { note } : {}) },
          ctx,
        );
      }
    }
  }
  return true;
}
