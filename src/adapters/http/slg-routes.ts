import { z } from 'zod';
import { requireWholeView } from '../../application/use-cases/visibility.js';
import type { Deps } from '../../application/deps.js';
import {
  listSlgItems,
  recordSlgRuling,
  RULING_NOTE_MAX,
  type SlgItemRow,
  type SlgRuling,
} from '../../application/use-cases/slg-items.js';
import { itemSchema } from '../../application/validation.js';
import {
  slgItemStatuses,
  slgRulingOutcomeLabels,
  slgRulingOutcomes,
} from '../../domain/lists/slg-items.js';
import { decisions } from '../../domain/vocabulary.js';
import { idParam, toJson } from './item-json.js';
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

const outcomeMessage = `Choose the outcome: ${slgRulingOutcomes
  .map((o) => `${o} (${slgRulingOutcomeLabels[o]})`)
  .join(', ')}.`;
const noteMessage = `Write a note of the ruling (up to ${RULING_NOTE_MAX} characters).`;

/** The ruling's body: the outcome's choices and the note's length come from the list's schema. */
const rulingBody = z
  .strictObject({
    outcome: z.enum(slgRulingOutcomes, { error: outcomeMessage }),
    note: z
      .string({ error: noteMessage })
      .trim()
      .min(1, noteMessage)
      .max(RULING_NOTE_MAX, noteMessage),
  })
  .meta({ title: 'SLG ruling' }) as z.ZodType<SlgRuling>;

const rowJson = ({ item, ...rest }: SlgItemRow) => ({ ...toJson(item), ...rest });

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
        // The SLG's agenda is the partnership's, not one partner's: whole-view readers only.
        requireWholeView(actor, "see the Strategic Leadership Group's items");
        const { status } = query as { status?: (typeof slgItemStatuses)[number] };
        const rows = await listSlgItems(deps, actor, status);
        return { status: 200, body: { items: rows.map(rowJson) } };
      },
    }),
    route({
      method: 'post',
      path: '/api/slg-items/:id/ruling',
      success: [200],
      ifMatch: true,
      summary:
        "Record the Strategic Leadership Group's ruling on an item, once (If-Match: its etag; scrutineer or business unit)",
      body: rulingBody,
      response: slgItemRow,
      handler: async ({ actor, body, params, ifMatch }) => ({
        status: 200,
        body: rowJson(await recordSlgRuling(deps, actor, idParam(params), body, ifMatch)),
      }),
    }),
  ];
}
