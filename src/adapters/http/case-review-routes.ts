import { z } from 'zod';
import type { Deps } from '../../application/deps.js';
import { patchSchema } from '../../application/patch-schema.js';
import type { HolidayCalendar } from '../../application/ports/holidays.js';
import {
  createCaseReview,
  listCaseReviews,
  updateCaseReview,
  type CaseReviewRow,
} from '../../application/use-cases/case-reviews.js';
import { inputSchema, itemSchema } from '../../application/validation.js';
import { caseReviews } from '../../domain/lists/case-reviews.js';
import type { Fields } from '../../domain/lists/schema.js';
import { idParam, toJson } from './item-json.js';
import { route, type Route } from './route.js';

/** Every column is the scrutineer's or the business unit's to write, in the schema's order. */
const fields = Object.keys(caseReviews.columns) as (keyof Fields<'caseReviews'>)[];

const clockSchema = z.object({
  name: z.enum(['notification', 'rapid-review', 'publication']),
  label: z.string(),
  startsOn: z.string().optional(),
  dueOn: z.string().optional(),
  doneOn: z.string().optional(),
  state: z.enum(['waiting', 'running', 'met', 'late', 'overdue', 'not-applicable']),
  late: z.number().optional(),
  lateUnit: z.enum(['working days', 'days']).optional(),
  lateReason: z.string().optional(),
});

const rowSchema = (itemSchema('caseReviews') as unknown as z.ZodObject).extend({
  clocks: z.array(clockSchema),
});

const rowJson = ({ item, clocks }: CaseReviewRow) => ({ ...toJson(item), clocks });

/** Case reviews by code, with their statutory clocks worked out on bank-holiday-aware days. */
export function caseReviewRoutes(deps: Deps, calendar: HolidayCalendar): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/case-reviews',
      summary:
        'Case reviews (codes only) with their notification, rapid review and publication clocks (whole-view readers)',
      response: z.object({ items: z.array(rowSchema) }),
      handler: async ({ actor }) => ({
        status: 200,
        body: { items: (await listCaseReviews(deps, calendar, actor)).map(rowJson) },
      }),
    }),
    route({
      method: 'post',
      path: '/api/case-reviews',
      summary:
        'Record a case review by its code, e.g. HSCP-C-2026-14 (scrutineer or business unit; 409 when the code exists)',
      body: inputSchema('caseReviews', fields),
      response: rowSchema,
      handler: async ({ actor, body }) => ({
        status: 201,
        body: rowJson(await createCaseReview(deps, calendar, actor, body)),
      }),
    }),
    route({
      method: 'patch',
      path: '/api/case-reviews/:id',
      ifMatch: true,
      summary:
        "Record a case review's dates, late reasons or the assurance note (If-Match: its etag)",
      body: patchSchema('caseReviews', fields),
      response: rowSchema,
      handler: async ({ actor, body, params, ifMatch }) => ({
        status: 200,
        body: rowJson(
          await updateCaseReview(deps, calendar, actor, idParam(params), body, ifMatch),
        ),
      }),
    }),
  ];
}
