import { z } from 'zod';
import type { HolidayCalendar } from '../../application/ports/holidays.js';
import { MAX_WORKING_DAYS, workingDaysFrom } from '../../application/use-cases/calendar.js';
import { route, type Route } from './route.js';

const sourceSchema = z.object({
  name: z.string(),
  url: z.string().optional(),
  coversFrom: z.string().optional(),
  coversUntil: z.string().nullable(),
  note: z.string().optional(),
  fallback: z
    .object({ name: z.string(), url: z.string().optional(), coversUntil: z.string().nullable() })
    .optional(),
});

/**
 * The query is checked by the use case, not here, so that each mistake gets its own message
 * (a bad date, a fraction, a count over the limit) rather than "the query string is not valid".
 */
const query = z.strictObject({
  from: z
    .string()
    .max(40)
    .optional()
    .describe('The date to count from, YYYY-MM-DD (not itself counted unless add is 0)'),
  add: z
    .string()
    .max(40)
    .optional()
    .describe(
      `Working days to add: a whole number from -${MAX_WORKING_DAYS} to ${MAX_WORKING_DAYS}; negative counts back`,
    ),
});

/** The working-day calculator for statutory clocks and due dates (any signed-in person). */
export function calendarRoutes(calendar: HolidayCalendar): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/calendar/working-days',
      summary:
        'The date N working days after a date in England and Wales (weekends and bank holidays skipped; 1 after Friday is Monday)',
      query,
      response: z.object({ date: z.string(), source: sourceSchema }),
      handler: async ({ query: q }) => ({
        status: 200,
        body: await workingDaysFrom(calendar, q as z.infer<typeof query>),
      }),
    }),
  ];
}
