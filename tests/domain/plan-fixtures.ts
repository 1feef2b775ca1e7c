import type { DayLog, Plan, PlanActivity, WithId } from '../../src/domain/lists/schema.js';

/** Small builders for plan tests: only what a test states matters. */
export const plan = (over: Partial<Plan> = {}, id = 'plan-1'): WithId<Plan> => ({
  id,
  reportingYear: 2026,
  daysContracted: 24,
  dayRate: 650,
  ...over,
});

export const activity = (
  id: string,
  over: Partial<PlanActivity> = {},
  planId = 'plan-1',
): WithId<PlanActivity> => ({
  id,
  planId,
  theme: `Theme ${id}`,
  title: `Activity ${id}`,
  functions: [],
  linesOfEnquiry: [],
  daysAllocated: 2,
  status: 'planned',
  ...over,
});

export const log = (activityId: string, date: string, days: number, planId = 'plan-1'): DayLog => ({
  planId,
  activityId,
  date,
  days,
});
