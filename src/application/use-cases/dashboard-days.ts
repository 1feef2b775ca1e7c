import { summarisePlan } from '../../domain/plan.js';
import { reportingYearOf } from '../../domain/plan-year.js';
import type { DashboardView } from '../../domain/tracker-view.js';
import type { Deps } from '../deps.js';

/**
 * The scrutiny plan's days for the reporting year of `today`, counted by the plan's own rules
 * (summarisePlan) from the days logged up to `today`, so a past as-at shows what was used then.
 */
export async function scrutinyDays(deps: Deps, today: string): Promise<DashboardView['days']> {
  const year = reportingYearOf(today);
  const [plan] = await deps.repo.all('plans', { field: 'reportingYear', equals: year });
  if (!plan) return null;
  const [activities, dayLogs] = await Promise.all([
    deps.repo.all('planActivities', { field: 'planId', equals: plan.id }),
    deps.repo.all('dayLogs', { field: 'planId', equals: plan.id }),
  ]);
  const { days } = summarisePlan(
    { ...plan.fields, id: plan.id },
    activities.map((a) => ({ ...a.fields, id: a.id })),
    dayLogs.map((l) => l.fields).filter((l) => l.date <= today),
    today,
  );
  return { year, budget: days.contracted, used: days.logged, remaining: days.remaining };
}
