import { z } from 'zod';
import type { Actor, Deps } from '../../application/deps.js';
import type { StoredItem } from '../../application/ports/repository.js';
import {
  visiblePartners,
  visiblePeople,
  visibleRecommendations,
} from '../../application/use-cases/read-trimming.js';
import { requireWholeView } from '../../application/use-cases/visibility.js';
import { inputSchema, itemSchema } from '../../application/validation.js';
import { notFound } from '../../application/errors.js';
import { createFinding } from '../../application/use-cases/findings.js';
import { resolveMeeting } from '../../application/use-cases/meetings.js';
import { fileObservation } from '../../application/use-cases/observations.js';
import {
  draftRecommendation,
  issueRecommendation,
} from '../../application/use-cases/recommendations.js';
import { deliveriesFor, resendDelivery } from '../../application/use-cases/deliveries.js';
import { requireRole } from '../../application/use-cases/authorise.js';
import type { ListName } from '../../domain/lists/schema.js';
import type { RagRules } from '../../domain/rag.js';
import { observationStatuses } from '../../domain/vocabulary.js';
import { checkRoutes } from './check-routes.js';
import { disagreementRoutes } from './disagreement-routes.js';
import { editRoutes } from './edit-routes.js';
import { findingRoutes } from './finding-routes.js';
import { idParam, itemsOf, toJson } from './item-json.js';
import { partnershipRoutes } from './partnership-routes.js';
import { route, type Route } from './route.js';
import { trackerRoutes } from './tracker-routes.js';
import { verificationRoutes } from './verification-routes.js';

export { toJson };

/** What the routes need from the delivery worker. */
export interface DeliveryRunner {
  nudge(): void;
  nextPass(): Promise<void>;
}

/** Up to this many cards, issuing waits for the worker's first pass (at most FIRST_PASS_WAIT_MS). */
const WAIT_FOR_FIRST_PASS_UP_TO = 20;
const FIRST_PASS_WAIT_MS = 2_000;

const deliveriesSchema = z.array(
  z.object({
    personId: z.string(),
    displayName: z.string(),
    partnerName: z.string(),
    status: z.enum(['pending', 'sent', 'unreachable', 'failed']),
    detail: z.string().optional(),
  }),
);
const issueResponse = z.object({
  recommendation: itemSchema('recommendations'),
  deliveries: deliveriesSchema,
});

const waitAtMost = (work: Promise<void>, ms: number) =>
  new Promise<void>((done) => {
    const timer = setTimeout(done, ms);
    void work.finally(() => {
      clearTimeout(timer);
      done();
    });
  });

export function apiRoutes(
  deps: Deps,
  options: { deliveries?: DeliveryRunner; ragRules?: RagRules } = {},
): Route[] {
  /** A whole list, as much of it as the reader may see (role trimming: read-trimming.ts). */
  const listRoute = <L extends ListName>(
    list: L,
    path: string,
    summary: string,
    visible: (actor: Actor, items: StoredItem<L>[]) => StoredItem<L>[],
  ) =>
    route({
      method: 'get',
      path,
      summary,
      response: itemsOf(list),
      handler: async ({ actor }) => ({
        status: 200,
        body: { items: visible(actor, await deps.repo.all(list)).map(toJson) },
      }),
    });
  /** Lists that only make sense whole: observations, findings, meetings. */
  const wholeOnly =
    (doing: string) =>
    <L extends ListName>(actor: Actor, items: StoredItem<L>[]) => {
      requireWholeView(actor, doing);
      return items;
    };

  return [
    ...checkRoutes(),
    ...editRoutes(deps),
    ...findingRoutes(deps),
    ...partnershipRoutes(deps),
    ...verificationRoutes(deps),
    ...disagreementRoutes(deps),
    route({
      method: 'get',
      path: '/api/me',
      summary: 'The signed-in person and the partnership',
      response: z.object({ person: itemSchema('people'), partnership: itemSchema('partnerships') }),
      handler: async ({ actor }) => {
        const person = await deps.repo.get('people', actor.id);
        const [partnership] = await deps.repo.all('partnerships');
        if (!person || !partnership) throw notFound('Not set up.');
        return { status: 200, body: { person: toJson(person), partnership: toJson(partnership) } };
      },
    }),
    listRoute(
      'partners',
      '/api/partners',
      'Partners and relevant agencies (a partner’s people: their own)',
      visiblePartners,
    ),
    listRoute(
      'people',
      '/api/people',
      'People and their roles (a partner’s people: their own partner’s and the partnership’s staff)',
      visiblePeople,
    ),
    listRoute('meetings', '/api/meetings', 'Meetings and visits', wholeOnly('see meetings')),
    route({
      method: 'post',
      path: '/api/meetings',
      success: [201, 200],
      summary: 'Find or create the record for a meeting (create on first use)',
      body: inputSchema('meetings', ['title', 'kind', 'startsAt', 'teamsMeetingId']),
      response: itemSchema('meetings'),
      handler: async ({ actor, body }) => {
        const { item, created } = await resolveMeeting(deps, actor, body);
        return { status: created ? 201 : 200, body: toJson(item) };
      },
    }),
    route({
      method: 'get',
      path: '/api/observations',
      summary: 'Observations, optionally only open or promoted ones, or one meeting’s',
      query: z.strictObject({
        status: z.enum(observationStatuses).optional(),
        meetingId: z.string().max(100).optional(),
      }),
      response: itemsOf('observations'),
      handler: async ({ actor, query }) => {
        requireWholeView(actor, 'see observations');
        const q = query as { status?: (typeof observationStatuses)[number]; meetingId?: string };
        // SharePoint filters on one indexed column per query: by meeting there, by status here.
        const items = q.meetingId
          ? await deps.repo.all('observations', { field: 'meetingId', equals: q.meetingId })
          : await deps.repo.all(
              'observations',
              q.status ? { field: 'status', equals: q.status } : undefined,
            );
        return {
          status: 200,
          body: {
            items: items.filter((i) => !q.status || i.fields.status === q.status).map(toJson),
          },
        };
      },
    }),
    route({
      method: 'post',
      path: '/api/observations',
      success: [201, 200],
      summary: 'File an observation (idempotent on idempotencyKey)',
      body: inputSchema(
        'observations',
        [
          'text',
          'evidenceClass',
          'lineOfEnquiry',
          'partnerIds',
          'source',
          'meetingId',
          'observedAt',
          'idempotencyKey',
        ],
        ['observedAt'],
      ),
      response: itemSchema('observations'),
      handler: async ({ actor, body }) => {
        const { item, created } = await fileObservation(deps, actor, body);
        return { status: created ? 201 : 200, body: toJson(item) };
      },
    }),
    listRoute('findings', '/api/findings', 'Findings', wholeOnly('see findings')),
    route({
      method: 'post',
      path: '/api/findings',
      summary: 'Promote observations into a finding',
      body: inputSchema('findings', [
        'title',
        'summary',
        'evidenceClass',
        'lineOfEnquiry',
        'partnerIds',
        'observationIds',
        'sources',
      ]),
      response: itemSchema('findings'),
      handler: async ({ actor, body }) => ({
        status: 201,
        body: toJson(await createFinding(deps, actor, body)),
      }),
    }),
    listRoute(
      'recommendations',
      '/api/recommendations',
      'Recommendations (a partner’s people: the issued ones naming their partner)',
      visibleRecommendations,
    ),
    route({
      method: 'post',
      path: '/api/recommendations',
      summary: 'Draft a recommendation (the reference is allocated)',
      body: inputSchema('recommendations', [
        'title',
        'text',
        'priority',
        'partnerIds',
        'findingIds',
        'responseDueDate',
      ]),
      response: itemSchema('recommendations'),
      handler: async ({ actor, body }) => ({
        status: 201,
        body: toJson(await draftRecommendation(deps, actor, body)),
      }),
    }),
    route({
      method: 'post',
      path: '/api/recommendations/:id/issue',
      success: [200],
      summary:
        "Issue a draft and queue a card for each named partner's leads; waits up to 2 s for the first sends when they are few",
      response: issueResponse,
      handler: async ({ actor, params }) => {
        const id = idParam(params);
        const issued = await issueRecommendation(deps, actor, id);
        const worker = options.deliveries;
        // The cards go out from the delivery worker. For a handful of people, wait briefly for
        // its first pass so the answer already says "sent"; a big fan-out answers "pending" at
        // once and the tab polls GET /api/recommendations/{id}/deliveries.
        let deliveries = issued.deliveries;
        if (worker && deliveries.some((d) => d.status === 'pending')) {
          if (deliveries.length <= WAIT_FOR_FIRST_PASS_UP_TO) {
            await waitAtMost(worker.nextPass(), FIRST_PASS_WAIT_MS);
            deliveries = await deliveriesFor(deps, id);
          } else {
            worker.nudge();
          }
        }
        return {
          status: 200,
          body: { recommendation: toJson(issued.recommendation), deliveries },
        };
      },
    }),
    route({
      method: 'get',
      path: '/api/recommendations/:id/deliveries',
      summary: 'Where each card for a recommendation is: pending, sent, unreachable or failed',
      response: z.object({ deliveries: deliveriesSchema }),
      handler: async ({ actor, params }) => {
        requireRole(actor, ['scrutineer', 'business-unit'], 'see card deliveries');
        return { status: 200, body: { deliveries: await deliveriesFor(deps, idParam(params)) } };
      },
    }),
    route({
      method: 'post',
      path: '/api/recommendations/:id/deliveries/:personId/resend',
      success: [200],
      summary:
        'Send a failed or unreachable card again (for an unconfirmed one, ask the person first)',
      response: z.object({ deliveries: deliveriesSchema }),
      handler: async ({ actor, params }) => {
        const id = idParam(params);
        await resendDelivery(deps, actor, id, params.personId ?? '');
        options.deliveries?.nudge();
        return { status: 200, body: { deliveries: await deliveriesFor(deps, id) } };
      },
    }),
    ...trackerRoutes(deps, options.ragRules),
  ];
}
