import { z } from 'zod';
import type { Deps } from '../../application/deps.js';
import { patchSchema } from '../../application/patch-schema.js';
import {
  createDisagreement,
  listDisagreements,
  updateDisagreement,
  type DisagreementRow,
} from '../../application/use-cases/disagreements.js';
import { inputSchema, itemSchema } from '../../application/validation.js';
import { disagreements } from '../../domain/lists/disagreements.js';
import type { Fields } from '../../domain/lists/schema.js';
import { idParam, toJson } from './item-json.js';
import { route, type Route } from './route.js';

/** Every column is the scrutineer's or the business unit's to write. */
const fields = Object.keys(disagreements.columns) as (keyof Fields<'disagreements'>)[];

const rowSchema = (itemSchema('disagreements') as unknown as z.ZodObject).extend({
  daysToResolution: z.number().int().optional(),
});

const rowJson = ({ item, ...rest }: DisagreementRow) => ({ ...toJson(item), ...rest });

/** Disagreements between partners and the scrutineer's independent advice (function 6). */
export function disagreementRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/disagreements',
      summary:
        "Disagreements with days to resolution; a partner's people see those their partner is party to",
      response: z.object({ items: z.array(rowSchema) }),
      handler: async ({ actor }) => ({
        status: 200,
        body: { items: (await listDisagreements(deps, actor)).map(rowJson) },
      }),
    }),
    route({
      method: 'post',
      path: '/api/disagreements',
      summary:
        'Record a disagreement by its reference, e.g. HSCP-D-2026-3 (scrutineer or business unit; 409 when the reference exists)',
      body: inputSchema('disagreements', fields),
      response: rowSchema,
      handler: async ({ actor, body }) => ({
        status: 201,
        body: rowJson(await createDisagreement(deps, actor, body)),
      }),
    }),
    route({
      method: 'patch',
      path: '/api/disagreements/:id',
      ifMatch: true,
      summary: "Record a disagreement's positions, advice, outcome or dates (If-Match: its etag)",
      body: patchSchema('disagreements', fields),
      response: rowSchema,
      handler: async ({ actor, body, params, ifMatch }) => ({
        status: 200,
        body: rowJson(await updateDisagreement(deps, actor, idParam(params), body, ifMatch)),
      }),
    }),
  ];
}
