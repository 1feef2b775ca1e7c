import { z } from 'zod';
import type { Deps } from '../../application/deps.js';
import { buildDashboard } from '../../application/use-cases/dashboard.js';
import { buildTrackerView } from '../../application/use-cases/tracker.js';
import { AS_AT_HINT } from '../../application/use-cases/tracker-as-at.js';
import { isCalendarDate } from '../../domain/responses.js';
import type { RagRules } from '../../domain/rag.js';
import { route, type Route } from './route.js';
import { dashboardViewSchema, trackerViewSchema } from './tracker-schemas.js';

/** `?asAt=YYYY-MM-DD`, or nothing for now; a future date is refused by the use case. */
const asAtQuery = z.strictObject({
  asAt: z
    .string({ error: AS_AT_HINT })
    .max(10, { error: AS_AT_HINT })
    .refine(isCalendarDate, { error: AS_AT_HINT })
    .optional()
    .describe('The view as it stood at the end of this day (England); today or earlier'),
});

/** The tracker and the executive dashboard, read-only, with RAG by `rules`. */
export function trackerRoutes(deps: Deps, rules?: RagRules): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/tracker',
      summary:
        'Every issued recommendation with each partner’s response and actions, RAG by rules, now or as at a past date (read-only; partner people see their own partner’s part)',
      query: asAtQuery,
      response: trackerViewSchema,
      handler: async ({ actor, query }) => ({
        status: 200,
        body: await buildTrackerView(deps, actor, {
          asAt: (query as { asAt?: string }).asAt,
          rules,
        }),
      }),
    }),
    route({
      method: 'get',
      path: '/api/dashboard',
      summary:
        'The executive view: RAG by partner, theme and priority, overdue ageing, response times, acceptance and scrutiny days (whole-view readers only)',
      query: asAtQuery,
      response: dashboardViewSchema,
      handler: async ({ actor, query }) => ({
        status: 200,
        body: await buildDashboard(deps, actor, { asAt: (query as { asAt?: string }).asAt, rules }),
      }),
    }),
  ];
}
