import type { Fields } from '../../domain/lists/schema.js';
import { hasRole } from '../../domain/people.js';
import { summarisePlan } from '../../domain/plan.js';
import { isWithinYear, reportingYearOf, yearBounds, yearLabel } from '../../domain/plan-year.js';
import type { Role } from '../../domain/vocabulary.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { forbidden, notFound, RequestError } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import { DuplicateError, type StoredItem } from '../ports/repository.js';
import { createOnce } from './create-once.js';
import { assertCurrent, requireIfMatch } from './etag.js';

/** The scrutineer and the partnership's executives; partner leads answer recommendations only. */
export const planReaders: readonly Role[] = [
  'scrutineer',
  'lead-safeguarding-partner',
  'delegated-safeguarding-partner',
  'partnership-chair',
  'business-unit',
];

function requireReader(actor: Actor): void {
  if (!hasRole(actor, ...planReaders)) {
    throw forbidden(
      'The scrutiny plan is shared with the scrutineer and the partnership’s executives (safeguarding partners, the chair and the business unit) only.',
    );
  }
}

function requireScrutineer(actor: Actor): void {
  if (!hasRole(actor, 'scrutineer')) {
    throw forbidden('Only the scrutineer may change the scrutiny plan or log days against it.');
  }
}

/** The partnership's calendar date: the reporting year turns over at midnight in England. */
export function londonDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export async function listPlans(deps: Deps, actor: Actor) {
  requireReader(actor);
  const plans = await deps.repo.all('plans');
  return plans.sort((a, b) => a.fields.reportingYear - b.fields.reportingYear);
}

const counted = (count: number, one: string, many: string) =>
  count ? { count, label: count === 1 ? one : many } : undefined;

function coverageRecords(caseReviews: number, disagreements: number) {
  const reviews = counted(caseReviews, 'case review begun', 'case reviews begun');
  const advice = counted(disagreements, 'disagreement raised', 'disagreements raised');
  return {
    ...(reviews ? { 'statutory-duties-and-case-reviews': reviews } : {}),
    ...(advice ? { 'advice-on-disagreements': advice } : {}),
  };
}

/** The plan for a reporting year (or the one containing today), its summary and activities. */
export async function planSummary(deps: Deps, actor: Actor, year: number | 'current') {
  requireReader(actor);
  const today = londonDate(deps.now());
  const reportingYear = year === 'current' ? reportingYearOf(today) : year;
  const [plan] = await deps.repo.all('plans', { field: 'reportingYear', equals: reportingYear });
  if (!plan) {
    throw new RequestError(
      404,
      'no-plan',
      `There is no scrutiny plan for ${yearLabel(reportingYear)} yet.`,
    );
  }
  const [activities, dayLogs, caseReviews, disagreements] = await Promise.all([
    deps.repo.all('planActivities', { field: 'planId', equals: plan.id }),
    deps.repo.all('dayLogs', { field: 'planId', equals: plan.id }),
    deps.repo.all('caseReviews'),
    deps.repo.all('disagreements'),
  ]);
  // The year's case reviews and disagreements show under functions 3 and 6 of the coverage.
  const inYear = (date: string) => isWithinYear(date, reportingYear);
  const summary = summarisePlan(
    { ...plan.fields, id: plan.id },
    activities.map((a) => ({ ...a.fields, id: a.id })),
    dayLogs.map((l) => l.fields),
    today,
    coverageRecords(
      caseReviews.filter((c) => inYear(c.fields.awareOn)).length,
      disagreements.filter((d) => inYear(d.fields.raisedOn)).length,
    ),
  );
  return { plan, summary, activities };
}

export async function createPlan(deps: Deps, actor: Actor, input: Fields<'plans'>) {
  requireScrutineer(actor);
  try {
    return await deps.repo.create('plans', input, changeContext(deps, actor, 'tab'));
  } catch (e) {
    if (e instanceof DuplicateError) {
      throw new RequestError(
        409,
        'plan-exists',
        `There is already a scrutiny plan for ${yearLabel(input.reportingYear)}; change that one instead.`,
        { existingId: e.existingId },
      );
    }
    throw e;
  }
}

export type PlanPatch = Partial<Pick<Fields<'plans'>, 'daysContracted' | 'dayRate'>>;

export async function updatePlan(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: PlanPatch,
  ifMatch: string | undefined,
) {
  requireScrutineer(actor);
  const etag = requireIfMatch(ifMatch);
  assertSomething(patch);
  const stored = await deps.repo.get('plans', id);
  if (!stored) throw notFound(`There is no scrutiny plan ${id}.`);
  assertCurrent('plans', stored, etag);
  return deps.repo.update('plans', id, patch, etag, changeContext(deps, actor, 'tab'));
}

export type ActivityInput = Omit<Fields<'planActivities'>, 'status'> & {
  status?: Fields<'planActivities'>['status'];
};

export async function createActivity(deps: Deps, actor: Actor, input: ActivityInput) {
  requireScrutineer(actor);
  assertNoIdentifiableData('planActivities', input);
  if (!(await deps.repo.get('plans', input.planId))) {
    throw new RequestError(400, 'unknown-plan', `There is no scrutiny plan ${input.planId}.`);
  }
  const fields: Fields<'planActivities'> = {
    ...input,
    functions: unique(input.functions ?? []),
    linesOfEnquiry: unique(input.linesOfEnquiry ?? []),
    status: input.status ?? 'planned',
  };
  return deps.repo.create('planActivities', fields, changeContext(deps, actor, 'tab'));
}

export type ActivityPatch = Partial<
  Pick<
    Fields<'planActivities'>,
    'theme' | 'title' | 'functions' | 'linesOfEnquiry' | 'daysAllocated' | 'status'
  >
>;

export async function updateActivity(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: ActivityPatch,
  ifMatch: string | undefined,
) {
  requireScrutineer(actor);
  const etag = requireIfMatch(ifMatch);
  assertSomething(patch);
  assertNoIdentifiableData('planActivities', patch);
  const stored = await deps.repo.get('planActivities', id);
  if (!stored) throw notFound(`There is no plan activity ${id}.`);
  assertCurrent('planActivities', stored, etag);
  const fields: ActivityPatch = {
    ...patch,
    ...(patch.functions ? { functions: unique(patch.functions) } : {}),
    ...(patch.linesOfEnquiry ? { linesOfEnquiry: unique(patch.linesOfEnquiry) } : {}),
  };
  return deps.repo.update('planActivities', id, fields, etag, changeContext(deps, actor, 'tab'));
}

export type DayLogInput = Omit<Fields<'dayLogs'>, 'planId' | 'idempotencyKey'> & {
  idempotencyKey: string;
};

/**
 * Logs time against an activity. The plan comes from the activity (never from the client); a
 * resend with the same idempotency key returns the first entry, so a day is never counted twice.
 */
export async function logDay(
  deps: Deps,
  actor: Actor,
  input: DayLogInput,
): Promise<{ item: StoredItem<'dayLogs'>; created: boolean }> {
  requireScrutineer(actor);
  assertNoIdentifiableData('dayLogs', input);
  const activity = await deps.repo.get('planActivities', input.activityId);
  if (!activity) {
    throw new RequestError(
      400,
      'unknown-activity',
      `There is no plan activity ${input.activityId}.`,
    );
  }
  const plan = await deps.repo.get('plans', activity.fields.planId);
  if (!plan) throw new Error(`Plan activity ${activity.id} names a plan that does not exist.`);
  const year = plan.fields.reportingYear;
  if (!isWithinYear(input.date, year)) {
    const { start, end } = yearBounds(year);
    throw new RequestError(
      400,
      'outside-plan-year',
      `The date ${input.date} is outside the ${yearLabel(year)} plan, which runs from ${start} to ${end}.`,
    );
  }
  if (input.date > londonDate(deps.now())) {
    throw new RequestError(
      400,
      'future-date',
      `The date ${input.date} is in the future; log days once they are worked.`,
    );
  }
  return createOnce(
    deps.repo,
    'dayLogs',
    { ...input, planId: plan.id },
    changeContext(deps, actor, 'tab'),
  );
}

export async function listDayLogs(deps: Deps, actor: Actor, planId: string | undefined) {
  requireReader(actor);
  if (planId && !(await deps.repo.get('plans', planId))) {
    throw notFound(`There is no scrutiny plan ${planId}.`);
  }
  const logs = await deps.repo.all(
    'dayLogs',
    planId ? { field: 'planId', equals: planId } : undefined,
  );
  return logs.sort((a, b) => a.fields.date.localeCompare(b.fields.date));
}

function assertSomething(patch: object): void {
  if (Object.keys(patch).length === 0) {
    throw new RequestError(400, 'nothing-to-change', 'The request names no field to change.');
  }
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
