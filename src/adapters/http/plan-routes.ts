import { z } from 'zod';
import type { Deps } from '../../application/deps.js';
import { RequestError } from '../../application/errors.js';
import { patchSchema } from '../../application/patch-schema.js';
import {
  createActivity,
  createPlan,
  listDayLogs,
  listPlans,
  logDay,
  planSummary,
  updateActivity,
  updatePlan,
} from '../../application/use-cases/plan.js';
import { inputSchema, itemSchema } from '../../application/validation.js';
import { lists } from '../../domain/lists/schema.js';
import { route, type Route } from './route.js';
import { toJson } from './routes.js';

const itemsOf = (list: 'plans' | 'dayLogs') => z.object({ items: z.array(itemSchema(list)) });

/** The summary is computed, not stored: documented loosely here, exactly in src/domain/plan.ts. */
const summaryResponse = z.object({
  plan: itemSchema('plans'),
  summary: z.record(z.string(), z.unknown()),
  activities: z.array(itemSchema('planActivities')),
});

const activityFields = [
  'theme',
  'title',
  'functions',
  'linesOfEnquiry',
  'daysAllocated',
  'status',
] as const;

const dayLogBody = (
  inputSchema('dayLogs', ['activityId', 'date', 'days', 'note']) as unknown as z.ZodObject
).extend({
  // Required here though optional in the list: every entry from the tab must be resend-safe.
  idempotencyKey: z
    .string({ error: 'Send an idempotency key (a unique id per entry) so a resend counts once.' })
    .trim()
    .min(1, 'The idempotency key must not be empty.')
    .max(lists.dayLogs.columns.idempotencyKey.maxLength),
}) as unknown as z.ZodType<Parameters<typeof logDay>[2]>;

/** A reporting year in a path: four digits, within the range the plans list accepts. */
function yearParam(raw: string | undefined): number {
  const { min, max } = lists.plans.columns.reportingYear;
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw ?? '') || year < min || year > max) {
    throw new RequestError(
      400,
      'invalid-year',
      `The reporting year must be the four-digit year in which it starts (between ${min} and ${max}), such as 2026 for 2026/27.`,
    );
  }
  return year;
}

export function planRoutes(deps: Deps): Route[] {
  const summaryBody = (result: Awaited<ReturnType<typeof planSummary>>) => ({
    status: 200,
    body: {
      plan: toJson(result.plan),
      summary: result.summary,
      activities: result.activities.map(toJson),
    },
  });

  return [
    route({
      method: 'get',
      path: '/api/plans',
      summary: 'Scrutiny plans, one per reporting year (scrutineer and executives)',
      response: itemsOf('plans'),
      handler: async ({ actor }) => ({
        status: 200,
        body: { items: (await listPlans(deps, actor)).map(toJson) },
      }),
    }),
    // Registered before /:year so "current" is never read as a year.
    route({
      method: 'get',
      path: '/api/plans/current/summary',
      summary: 'The plan for the reporting year containing today, with its summary',
      response: summaryResponse,
      handler: async ({ actor }) => summaryBody(await planSummary(deps, actor, 'current')),
    }),
    route({
      method: 'get',
      path: '/api/plans/:year/summary',
      summary: 'The plan for a reporting year (2026 = April 2026 to March 2027), with its summary',
      response: summaryResponse,
      handler: async ({ actor, params }) =>
        summaryBody(await planSummary(deps, actor, yearParam(params.year))),
    }),
    route({
      method: 'post',
      path: '/api/plans',
      summary: 'Create the scrutiny plan for a reporting year (one per year)',
      body: inputSchema('plans', ['reportingYear', 'daysContracted', 'dayRate']),
      response: itemSchema('plans'),
      handler: async ({ actor, body }) => ({
        status: 201,
        body: toJson(await createPlan(deps, actor, body)),
      }),
    }),
    route({
      method: 'patch',
      path: '/api/plans/:id',
      ifMatch: true,
      summary: 'Change the days contracted or the day rate (If-Match: the plan’s etag)',
      body: patchSchema('plans', ['daysContracted', 'dayRate']),
      response: itemSchema('plans'),
      handler: async ({ actor, body, params, ifMatch }) => ({
        status: 200,
        body: toJson(await updatePlan(deps, actor, params.id ?? '', body, ifMatch)),
      }),
    }),
    route({
      method: 'post',
      path: '/api/plan-activities',
      summary: 'Add an activity to a plan (status defaults to planned)',
      body: inputSchema('planActivities', ['planId', ...activityFields], ['status']),
      response: itemSchema('planActivities'),
      handler: async ({ actor, body }) => ({
        status: 201,
        body: toJson(await createActivity(deps, actor, body)),
      }),
    }),
    route({
      method: 'patch',
      path: '/api/plan-activities/:id',
      ifMatch: true,
      summary: 'Change a plan activity (If-Match: the activity’s etag)',
      body: patchSchema('planActivities', activityFields),
      response: itemSchema('planActivities'),
      handler: async ({ actor, body, params, ifMatch }) => ({
        status: 200,
        body: toJson(await updateActivity(deps, actor, params.id ?? '', body, ifMatch)),
      }),
    }),
    route({
      method: 'get',
      path: '/api/day-logs',
      summary: 'Days logged, oldest first, optionally for one plan',
      query: z.strictObject({ planId: z.string().min(1).max(100).optional() }),
      response: itemsOf('dayLogs'),
      handler: async ({ actor, query }) => ({
        status: 200,
        body: {
          items: (await listDayLogs(deps, actor, (query as { planId?: string }).planId)).map(
            toJson,
          ),
        },
      }),
    }),
    route({
      method: 'post',
      path: '/api/day-logs',
      success: [201, 200],
      summary: 'Log days against an activity (idempotent on idempotencyKey: 200 on a resend)',
      body: dayLogBody,
      response: itemSchema('dayLogs'),
      handler: async ({ actor, body }) => {
        const { item, created } = await logDay(deps, actor, body);
        return { status: created ? 201 : 200, body: toJson(item) };
      },
    }),
  ];
}
