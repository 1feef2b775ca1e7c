import { z } from 'zod';
import { requireWholeView } from '../../application/use-cases/visibility.js';
import type { Deps } from '../../application/deps.js';
import { mergeObservations } from '../../application/use-cases/merge-observations.js';
import { buildTriangulation } from '../../application/use-cases/triangulation.js';
import { itemSchema } from '../../application/validation.js';
import { evidenceClasses, evidenceSources } from '../../domain/vocabulary.js';
import { idParam, toJson } from './item-json.js';
import { route, type Route } from './route.js';

/** Growing a finding from more observations, and seeing what evidence stands behind each. */
export function findingRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/findings/triangulation',
      summary: 'Each finding with the kinds of evidence behind it, and whether it is triangulated',
      response: z.object({
        rows: z.array(
          z.object({
            findingId: z.string(),
            title: z.string(),
            evidenceClass: z.enum(evidenceClasses),
            sources: z.array(
              z.object({
                source: z.enum(evidenceSources),
                observations: z.number().int(),
                declared: z.boolean(),
              }),
            ),
            distinctSources: z.number().int(),
            triangulated: z.boolean(),
          }),
        ),
      }),
      handler: async ({ actor }) => {
        requireWholeView(actor, 'see the triangulation of findings');
        return { status: 200, body: { rows: await buildTriangulation(deps) } };
      },
    }),
    route({
      method: 'post',
      path: '/api/findings/:id/observations',
      success: [200],
      ifMatch: true,
      summary: "Add open observations to a finding (If-Match: the finding's etag)",
      body: z.strictObject({
        observationIds: z
          .array(z.string().min(1).max(100))
          .min(1, 'Choose at least one observation.')
          .max(100, 'Add at most 100 observations at a time.'),
      }),
      response: itemSchema('findings'),
      handler: async ({ actor, body, params, ifMatch }) => ({
        status: 200,
        body: toJson(
          await mergeObservations(deps, actor, idParam(params), body.observationIds, ifMatch),
        ),
      }),
    }),
  ];
}
