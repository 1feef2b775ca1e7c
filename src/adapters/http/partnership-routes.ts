import { z } from 'zod';
import { requireWholeView } from '../../application/use-cases/visibility.js';
import type { Deps } from '../../application/deps.js';
import {
  previewNextReference,
  setRecommendationScheme,
} from '../../application/use-cases/reference-scheme.js';
import { itemSchema } from '../../application/validation.js';
import { toJson } from './item-json.js';
import { route, type Route } from './route.js';

/** The partnership's settings: how recommendations are numbered. */
export function partnershipRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'patch',
      path: '/api/partnership',
      ifMatch: true,
      summary:
        'Set the recommendation reference scheme, e.g. {prefix}-R-{year}-{seq:2} (If-Match: its etag)',
      body: z.strictObject({
        recommendationScheme: z
          .string()
          .max(60, 'The reference scheme may be at most 60 characters.'),
      }),
      response: itemSchema('partnerships'),
      handler: async ({ actor, body, ifMatch }) => ({
        status: 200,
        body: toJson(
          await setRecommendationScheme(deps, actor, body.recommendationScheme, ifMatch),
        ),
      }),
    }),
    route({
      method: 'get',
      path: '/api/recommendations/next-reference',
      summary: 'The reference the next draft would get (a preview; nothing is reserved)',
      response: z.object({ reference: z.string(), scheme: z.string() }),
      handler: async ({ actor }) => {
        requireWholeView(actor, 'preview recommendation references');
        return { status: 200, body: await previewNextReference(deps) };
      },
    }),
  ];
}
