import { z } from 'zod';
import type { Deps } from '../../application/deps.js';
import { inputSchema, itemSchema } from '../../application/validation.js';
import { notFound } from '../../application/errors.js';
import { createFinding } from '../../application/use-cases/findings.js';
import { resolveMeeting } from '../../application/use-cases/meetings.js';
import { fileObservation } from '../../application/use-cases/observations.js';
import {
  draftRecommendation,
  issueRecommendation,
} from '../../application/use-cases/recommendations.js';
import { buildTracker } from '../../application/use-cases/tracker.js';
import type { ListName } from '../../domain/lists/schema.js';
import { observationStatuses } from '../../domain/vocabulary.js';
import { checkRoutes } from './check-routes.js';
import { editRoutes } from './edit-routes.js';
import { findingRoutes } from './finding-routes.js';
import { idParam, itemsOf, toJson } from './item-json.js';
import { partnershipRoutes } from './partnership-routes.js';
import { route, type Route } from './route.js';

export { toJson };

export function apiRoutes(deps: Deps): Route[] {
  const listRoute = (list: ListName, path: string, summary: string) =>
    route({
      method: 'get',
      path,
      summary,
      response: itemsOf(list),
      handler: async () => ({
        status: 200,
        body: { items: (await deps.repo.all(list)).map(toJson) },
      }),
    });

  return [
    ...checkRoutes(),
    ...editRoutes(deps),
    ...findingRoutes(deps),
    ...partnershipRoutes(deps),
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
    listRoute('partners', '/api/partners', 'Partners and relevant agencies'),
    listRoute('people', '/api/people', 'People and their roles'),
    listRoute('meetings', '/api/meetings', 'Meetings and visits'),
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
      handler: async ({ query }) => {
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
    listRoute('findings', '/api/findings', 'Findings'),
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
    listRoute('recommendations', '/api/recommendations', 'Recommendations'),
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
      summary: "Issue a draft and send each named partner's leads a card",
      response: z.object({
        recommendation: itemSchema('recommendations'),
        deliveries: z.array(
          z.object({
            personId: z.string(),
            displayName: z.string(),
            partnerName: z.string(),
            status: z.enum(['pending', 'sent', 'unreachable', 'failed']),
            detail: z.string().optional(),
          }),
        ),
      }),
      handler: async ({ actor, params }) => {
        const { recommendation, deliveries } = await issueRecommendation(
          deps,
          actor,
          idParam(params),
        );
        return { status: 200, body: { recommendation: toJson(recommendation), deliveries } };
      },
    }),
    route({
      method: 'get',
      path: '/api/tracker',
      summary: 'Issued recommendations with each partner’s response (read-only)',
      response: z.object({ rows: z.array(z.unknown()) }),
      handler: async () => {
        const rows = await buildTracker(deps);
        return {
          status: 200,
          body: { rows: rows.map((r) => ({ ...r, recommendation: toJson(r.recommendation) })) },
        };
      },
    }),
  ];
}
