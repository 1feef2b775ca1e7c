import type { DayLog, Plan, PlanActivity, WithId } from './lists/schema.js';
import { round2, sum } from './plan-numbers.js';
import { paceOf, type Pace } from './plan-pace.js';
import { planWarnings } from './plan-warnings.js';
import { isWithinYear, monthsOf, yearBounds, yearLabel } from './plan-year.js';
import {
  lineOfEnquiryLabels,
  linesOfEnquiry,
  scrutinyFunctionLabels,
  scrutinyFunctions,
  type ActivityStatus,
  type LineOfEnquiry,
  type ScrutinyFunction,
} from './vocabulary.js';

/**
 * One month of the burn-down. Actuals (`logged`, `cumulative`, `remaining`) are null for months
 * that have not started by today, so a chart draws actuals for past and current months only;
 * `ideal` is always present.
 */
export interface BurnDownPoint {
  /** `YYYY-MM`. */
  month: string;
  /** Days logged in this month. */
  logged: number | null;
  /** Days logged from 1 April to the end of this month. */
  cumulative: number | null;
  /** Contracted days less `cumulative` (negative once overspent). */
  remaining: number | null;
  /** Contracted days less an even twelfth per month, at the month's end: reaches 0 in March. */
  ideal: number;
}

export interface ActivitySummary {
  id: string;
  theme: string;
  title: string;
  functions: ScrutinyFunction[];
  linesOfEnquiry: LineOfEnquiry[];
  daysAllocated: number;
  daysLogged: number;
  status: ActivityStatus;
  /** More days logged than allocated. */
  overrun: boolean;
}

export interface CoverageRow<K extends string> {
  key: K;
  label: string;
  /** How many activities address it. */
  activities: number;
  daysAllocated: number;
  daysLogged: number;
  /** No activity addresses it. */
  gap: boolean;
  /**
   * The partnership's own records of the function in the year, e.g. 2 disagreements raised
   * (function 6): evidence it was exercised, whether or not the plan allocated days to it.
   */
  records?: CoverageRecords;
}

export interface CoverageRecords {
  count: number;
  /** What was counted, plural: 'disagreements raised'. */
  label: string;
}

/**
 * The plan at a glance. Days are rounded to 2 decimal places; money is in pounds, rounded to the
 * penny (2 decimal places); nothing is formatted as currency here.
 */
export interface PlanSummary {
  reportingYear: number;
  /** '2026/27'. */
  label: string;
  start: string;
  end: string;
  /** The date the summary was made for. */
  today: string;
  days: {
    contracted: number;
    allocated: number;
    logged: number;
    /** contracted - logged */
    remaining: number;
    /** contracted - allocated */
    unallocated: number;
  };
  cost: {
    dayRate: number;
    /** contracted × rate */
    budget: number;
    /** logged × rate */
    spent: number;
    /** allocated × rate */
    committed: number;
  };
  burnDown: BurnDownPoint[];
  pace: Pace;
  activities: ActivitySummary[];
  coverage: {
    functions: CoverageRow<ScrutinyFunction>[];
    linesOfEnquiry: CoverageRow<LineOfEnquiry>[];
  };
  /** Plain sentences for the scrutineer, most pressing first. */
  warnings: string[];
}

/**
 * Summarises a plan for `today` (`YYYY-MM-DD`). Only the plan's own activities and day logs count
 * (matched by planId), and a log dated outside the reporting year is left out and warned about.
 */
export function summarisePlan(
  plan: WithId<Plan>,
  activities: readonly WithId<PlanActivity>[],
  dayLogs: readonly DayLog[],
  today: string,
  records: Partial<Record<ScrutinyFunction, CoverageRecords>> = {},
): PlanSummary {
  const year = plan.reportingYear;
  const { start, end } = yearBounds(year);
  const ours = activities.filter((a) => a.planId === plan.id);
  const planLogs = dayLogs.filter((l) => l.planId === plan.id);
  const logs = planLogs.filter((l) => isWithinYear(l.date, year));
  const outsideYear = planLogs.length - logs.length;

  const contracted = plan.daysContracted;
  const allocated = sum(ours.map((a) => a.daysAllocated));
  const logged = sum(logs.map((l) => l.days));
  const loggedFor = (activityId: string) =>
    sum(logs.filter((l) => l.activityId === activityId).map((l) => l.days));

  const activitySummaries: ActivitySummary[] = ours.map((a) => {
    const daysLogged = round2(loggedFor(a.id));
    return {
      id: a.id,
      theme: a.theme,
      title: a.title,
      functions: [...new Set(a.functions ?? [])],
      linesOfEnquiry: [...new Set(a.linesOfEnquiry ?? [])],
      daysAllocated: round2(a.daysAllocated),
      daysLogged,
      status: a.status,
      overrun: daysLogged > round2(a.daysAllocated),
    };
  });

  const coverageOf = <K extends string>(
    keys: readonly K[],
    labels: Record<K, string>,
    tagsOf: (a: ActivitySummary) => readonly string[],
  ): CoverageRow<K>[] =>
    keys.map((key) => {
      const covering = activitySummaries.filter((a) => tagsOf(a).includes(key));
      return {
        key,
        label: labels[key],
        activities: covering.length,
        daysAllocated: round2(sum(covering.map((a) => a.daysAllocated))),
        daysLogged: round2(sum(covering.map((a) => a.daysLogged))),
        gap: covering.length === 0,
      };
    });

  const burnDown = burnDownOf(year, contracted, logs, today);
  const pace = paceOf(year, contracted, logged, today);
  const coverage = {
    functions: coverageOf(scrutinyFunctions, scrutinyFunctionLabels, (a) => a.functions).map(
      (row) => (records[row.key] ? { ...row, records: records[row.key] } : row),
    ),
    linesOfEnquiry: coverageOf(linesOfEnquiry, lineOfEnquiryLabels, (a) => a.linesOfEnquiry),
  };
  const days = {
    contracted: round2(contracted),
    allocated: round2(allocated),
    logged: round2(logged),
    remaining: round2(contracted - logged),
    unallocated: round2(contracted - allocated),
  };

  return {
    reportingYear: year,
    label: yearLabel(year),
    start,
    end,
    today,
    days,
    cost: {
      dayRate: round2(plan.dayRate),
      budget: round2(contracted * plan.dayRate),
      spent: round2(logged * plan.dayRate),
      committed: round2(allocated * plan.dayRate),
    },
    burnDown,
    pace,
    activities: activitySummaries,
    coverage,
    warnings: planWarnings({
      days,
      end,
      pace,
      activities: activitySummaries,
      uncoveredFunctions: coverage.functions.filter((f) => f.gap).map((f) => f.label),
      outsideYear,
    }),
  };
}

function burnDownOf(
  year: number,
  contracted: number,
  logs: readonly DayLog[],
  today: string,
): BurnDownPoint[] {
  let cumulative = 0;
  return monthsOf(year).map((month, i) => {
    const ideal = round2(contracted * (1 - (i + 1) / 12));
    if (`${month}-01` > today) {
      return { month, logged: null, cumulative: null, remaining: null, ideal };
    }
    const inMonth = sum(logs.filter((l) => l.date.startsWith(month)).map((l) => l.days));
    cumulative += inMonth;
    return {
      month,
      logged: round2(inMonth),
      cumulative: round2(cumulative),
      remaining: round2(contracted - cumulative),
      ideal,
    };
  });
}
