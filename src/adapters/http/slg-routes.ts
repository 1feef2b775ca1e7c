import { z } from 'zod';
import type { Deps } from '../../application/deps.js';
import { listSlgItems } from '../../application/use-cases/slg-items.js';
import { itemSchema } from '../../application/validation.js';
import { slgItemStatuses } from '../../domain/lists/slg-items.js';
import { decisions } from '../../domain/vocabulary.js';
import { toJson } from './item-json.js';
import { route, type Route } from './route.js';

const slgItemRow = (itemSchema('slgItems') as unknown as z.ZodObject).extend({
  reference: z.string(),
  recommendationTitle: z.string(),
  partnerName: z.string(),
  decision: z.enum(decisions).optional(),
  rationale: z.string().optional(),
  responderName: z.string().optional(),
  meeting: z.object({ id: z.string(), title: z.string(), startsAt: z.string() }).optional(),
});

/** The Strategic Leadership Group's list of partial acceptances and declines to rule on. */
export function slgRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/slg-items',
      summary:
        "Partial acceptances and declines awaiting (or given) the Strategic Leadership Group's ruling, soonest meeting first",
      query: z.strictObject({ status: z.enum(slgItemStatuses).optional() }),
      response: z.object({ items: z.array(slgItemRow) }),
      handler: async ({ actor, query }) => {
        const { status } = query as { status?: (typeof slgItemStatuses)[number] };
        const rows = await listSlgItems(deps, actor, status);
        return {
          status: 200,
          body: {
            items: rows.map(({ item, ...rest }) => ({ ...toJson(item), ...rest })),
          },
        };
      },
    }),
  ];
}
