import { z } from 'zod';
import { requireWholeView } from '../../application/use-cases/visibility.js';
import type { Deps } from '../../application/deps.js';
import type { HolidayCalendar } from '../../application/ports/holidays.js';
import { addChairTerm, listChairTerms } from '../../application/use-cases/chair-terms.js';
import { noticesGiven, previewReminders } from '../../application/use-cases/reminders.js';
import { inputSchema, itemSchema } from '../../application/validation.js';
import { reminderRoles, reminderStages } from '../../domain/lists/reminder-notices.js';
import { londonDate } from '../../domain/responses.js';
import type { ReminderPolicy } from '../../domain/reminders.js';
import { toJson } from './item-json.js';
import { route, type Route } from './route.js';

const previewRow = z.object({
  personId: z.string(),
  personName: z.string(),
  role: z.enum(reminderRoles),
  stage: z.enum(reminderStages),
  kind: z.enum(['response', 'action']),
  subjectId: z.string(),
  reference: z.string(),
  partnerName: z.string(),
  dueDate: z.string(),
  workingDaysToDue: z.number().int(),
  given: z.boolean(),
});

/** Reminders and escalation: the preview of a day's run, and who holds the chair when. */
export function reminderRoutes(
  deps: Deps,
  calendar: HolidayCalendar,
  policy: ReminderPolicy,
): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/reminders/preview',
      summary:
        "Who the reminder run on a date would remind or escalate to, and what (scrutineer and business unit); today's by default",
      query: z.strictObject({
        date: z.string().max(10).optional().describe('The day of the run, YYYY-MM-DD'),
      }),
      response: z.object({ date: z.string(), notices: z.array(previewRow) }),
      handler: async ({ actor, query }) => {
        const date = (query as { date?: string }).date ?? londonDate(deps.now());
        const notices = await previewReminders(deps, actor, calendar, policy, date);
        return { status: 200, body: { date, notices } };
      },
    }),
    route({
      method: 'get',
      path: '/api/reminder-notices',
      summary:
        'The reminders and escalations given about one response (its recommendation) or action, oldest first',
      query: z.strictObject({
        subjectId: z.string().min(1).max(100).describe('The action, or the recommendation'),
      }),
      response: z.object({
        items: z.array(
          z.object({
            date: z.string(),
            personName: z.string(),
            role: z.enum(reminderRoles),
            stage: z.enum(reminderStages),
            dueDate: z.string(),
          }),
        ),
      }),
      handler: async ({ actor, query }) => {
        requireWholeView(actor, 'see the reminders and escalations given');
        return {
          status: 200,
          body: { items: await noticesGiven(deps, (query as { subjectId: string }).subjectId) },
        };
      },
    }),
    route({
      method: 'get',
      path: '/api/chair-terms',
      summary: 'Who has held the partnership chair and when, latest first',
      response: z.object({ items: z.array(itemSchema('chairTerms')) }),
      handler: async ({ actor }) => {
        // Names the DSPs of every partner who have held the chair: whole-view readers only.
        requireWholeView(actor, 'see who has held the chair');
        return { status: 200, body: { items: (await listChairTerms(deps)).map(toJson) } };
      },
    }),
    route({
      method: 'post',
      path: '/api/chair-terms',
      summary:
        'Record who holds the partnership chair from a date (business unit); an open term before it is closed the day before',
      body: inputSchema('chairTerms', ['personId', 'startsOn', 'endsOn'], ['endsOn']),
      response: itemSchema('chairTerms'),
      handler: async ({ actor, body }) => ({
        status: 201,
        body: toJson(
          await addChairTerm(
            deps,
            actor,
            body as { personId: string; startsOn: string; endsOn?: string },
          ),
        ),
      }),
    }),
  ];
}
