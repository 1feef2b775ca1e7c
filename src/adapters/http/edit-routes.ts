import type { Deps } from '../../application/deps.js';
import { patchSchema } from '../../application/patch-schema.js';
import {
  editableObservationFields,
  editObservation,
} from '../../application/use-cases/edit-observation.js';
import {
  editableRecommendationFields,
  editRecommendation,
} from '../../application/use-cases/edit-recommendation.js';
import { itemSchema } from '../../application/validation.js';
import { idParam, toJson } from './item-json.js';
import { route, type Route } from './route.js';

/** Corrections before anything rests on a record: open observations and draft recommendations. */
export function editRoutes(deps: Deps): Route[] {
  return [
    route({
      method: 'patch',
      path: '/api/observations/:id',
      ifMatch: true,
      summary: 'Correct an open observation (If-Match: its etag)',
      body: patchSchema('observations', editableObservationFields),
      response: itemSchema('observations'),
      handler: async ({ actor, body, params, ifMatch }) => ({
        status: 200,
        body: toJson(await editObservation(deps, actor, idParam(params), body, ifMatch)),
      }),
    }),
    route({
      method: 'patch',
      path: '/api/recommendations/:id',
      ifMatch: true,
      summary: 'Edit a draft recommendation (If-Match: its etag)',
      body: patchSchema('recommendations', editableRecommendationFields),
      response: itemSchema('recommendations'),
      handler: async ({ actor, body, params, ifMatch }) => ({
        status: 200,
        body: toJson(await editRecommendation(deps, actor, idParam(params), body, ifMatch)),
      }),
    }),
  ];
}
