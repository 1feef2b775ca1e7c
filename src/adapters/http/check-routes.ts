import { z } from 'zod';
import { checkText } from '../../application/use-cases/check-text.js';
import { identifiableKinds } from '../../domain/guard/index.js';
import { route, type Route } from './route.js';

export const MAX_CHECK_LENGTH = 20000;

/** The guard as a service, so the tab can warn while a person types. Never logs or echoes text. */
export function checkRoutes(): Route[] {
  return [
    route({
      method: 'post',
      path: '/api/checks/identifiable-data',
      success: [200],
      summary: 'Check text for details that identify a child or family (nothing is stored)',
      // Not trimmed: the spans must index the text exactly as the person typed it.
      body: z.strictObject({
        text: z
          .string()
          .max(MAX_CHECK_LENGTH, `Check at most ${MAX_CHECK_LENGTH} characters at a time.`),
      }),
      response: z.object({
        identifiable: z.boolean(),
        matches: z.array(
          z.object({
            kind: z.enum(identifiableKinds as [string, ...string[]]),
            start: z.number().int(),
            end: z.number().int(),
          }),
        ),
      }),
      handler: async ({ body }) => ({ status: 200, body: checkText(body.text) }),
    }),
  ];
}
