import { z } from 'zod';
import type { Deps } from '../../application/deps.js';
import {
  completeImpactCheck,
  scheduleImpactCheck,
} from '../../application/use-cases/impact-checks.js';
import { listTasks } from '../../application/use-cases/tasks.js';
import { recordActionEvent } from '../../application/use-cases/verification.js';
import { itemSchema } from '../../application/validation.js';
import { impactChecks } from '../../domain/lists/impact-checks.js';
import { ACT_NOTE_MAX } from '../../domain/verification.js';
import { actionEventKinds, evidenceClasses, impactCheckMonths } from '../../domain/vocabulary.js';
import { idParam, toJson } from './item-json.js';
import { route, type Route } from './route.js';

const kindMessage = `Choose the act: ${actionEventKinds.join(', ')}.`;

/** Strict: an unknown field is refused. The note's words are checked by the use case. */
const eventBody = z.strictObject({
  kind: z.enum(actionEventKinds, { error: kindMessage }),
  note: z
    .string({ error: 'Write the evidence seen (to verify) or the reason.' })
    // Room for surrounding spaces: the use case trims, then says how long the note may be.
    .max(ACT_NOTE_MAX + 1000),
  eventKey: z.string({ error: 'Send an event key (a fresh one per act).' }).max(64),
});

const scheduleBody = z.strictObject({
  monthsAfter: z.union(
    impactCheckMonths.map((m) => z.literal(m)) as unknown as [
      z.ZodLiteral<3>,
      z.ZodLiteral<6>,
      z.ZodLiteral<12>,
    ],
    { error: 'An impact check comes 3, 6 or 12 months after verification.' },
  ),
});

const completeBody = z.strictObject({
  status: z.enum(['done', 'cancelled'], { error: 'Say whether the check is done or cancelled.' }),
  outcomeClass: z.enum(evidenceClasses).optional(),
  outcome: z.string().max(impactChecks.columns.outcome.maxLength).optional(),
});

const checkJson = (itemSchema('impactChecks') as unknown as z.ZodObject).extend({
  landedOnPlan: z.boolean(),
  notice: z.string().optional(),
});

const taskSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('verify'),
    actionId: z.string(),
    recommendationReference: z.string(),
    partnerName: z.string(),
    description: z.string(),
    since: z.string(),
  }),
  z.object({
    kind: z.literal('impact-check'),
    impactCheckId: z.string(),
    actionId: z.string(),
    recommendationReference: z.string(),
    partnerName: z.string(),
    description: z.string(),
    monthsAfter: z.number(),
    dueDate: z.string(),
    due: z.boolean(),
  }),
]);

/** The scrutineer's verification of actions, the impact checks that follow, and the task list. */
export function verificationRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'post',
      path: '/api/actions/:id/events',
      success: [201, 200],
      summary:
        'Verify (with the evidence seen), reopen, pause or resume an action (scrutineer; 409 with the reason when the act is not legal; 200 when the event key is already stored)',
      body: eventBody,
      response: z.object({ action: itemSchema('actions'), event: itemSchema('actionEvents') }),
      handler: async ({ actor, params, body }) => {
        const result = await recordActionEvent(deps, actor, { actionId: idParam(params), ...body });
        return {
          status: result.created ? 201 : 200,
          body: { action: toJson(result.action), event: toJson(result.event) },
        };
      },
    }),
    route({
      method: 'post',
      path: '/api/actions/:id/impact-checks',
      success: [201, 200],
      summary:
        'Schedule an impact check 3, 6 or 12 months after verification; it lands on that year’s scrutiny plan when there is one (scrutineer; 200 when already scheduled)',
      body: scheduleBody,
      response: checkJson,
      handler: async ({ actor, params, body }) => {
        const r = await scheduleImpactCheck(deps, actor, idParam(params), body.monthsAfter);
        return {
          status: r.created ? 201 : 200,
          body: {
            ...toJson(r.check),
            landedOnPlan: r.landedOnPlan,
            ...(r.notice ? { notice: r.notice } : {}),
          },
        };
      },
    }),
    route({
      method: 'patch',
      path: '/api/impact-checks/:id',
      ifMatch: true,
      summary:
        'Record an impact check as done (with what it found) or cancelled (If-Match: its etag; scrutineer or business unit)',
      body: completeBody,
      response: itemSchema('impactChecks'),
      handler: async ({ actor, params, body, ifMatch }) => ({
        status: 200,
        body: toJson(await completeImpactCheck(deps, actor, idParam(params), body, ifMatch)),
      }),
    }),
    route({
      method: 'get',
      path: '/api/tasks',
      summary:
        'The scrutineer’s tasks: actions done and awaiting verification, impact checks scheduled (due first; scrutineer and business unit)',
      response: z.object({ tasks: z.array(taskSchema) }),
      handler: async ({ actor }) => ({
        status: 200,
        body: { tasks: await listTasks(deps, actor) },
      }),
    }),
  ];
}
