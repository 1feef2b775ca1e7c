import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { parse } from '../../application/validation.js';
import { sendError } from './authenticate.js';

/**
 * The API's JSON bodies. The largest legitimate one is a disagreement with every note at its cap
 * (4,000 + 8,000 + 8,000 + 4,000 characters): about 72 kB in UTF-8, up to 144 kB if a client
 * escapes every character as \uXXXX. 256 kB holds that with room; anything bigger is not ours.
 * Evidence files have their own limit (MAX_EVIDENCE_BYTES), the demo token endpoint 4 kB, and the
 * bot's /api/messages its own.
 */
export const JSON_BODY_LIMIT = '256kb';

/** Ids are at most 100 characters in every list (ref columns); response-link tokens 1,000. */
const PARAM_CAPS: Record<string, number> = { token: 1_000 };
const ID_CAP = 100;

/** Every path parameter within its cap, or the issues naming those that are not. */
export function paramIssues(params: Record<string, string>): { path: string; message: string }[] {
  return Object.entries(params)
    .filter(([name, value]) => value.length > (PARAM_CAPS[name] ?? ID_CAP))
    .map(([name]) => ({
      path: name,
      message: `${name} may be at most ${PARAM_CAPS[name] ?? ID_CAP} characters.`,
    }));
}

/** The cap for one path parameter, for the API description. */
export const paramCap = (name: string) => PARAM_CAPS[name] ?? ID_CAP;

/** Longest path segment anywhere under /api: the largest cap above. */
const SEGMENT_CAP = 1_000;

/**
 * Refuses a path with an over-long segment before any route sees it, so the raw routes (uploads,
 * downloads) are covered too. Node already refuses a request line and headers over 16 KB (431).
 */
export const segmentGuard: RequestHandler = (req, res, next) => {
  if (req.path.split('/').some((segment) => segment.length > SEGMENT_CAP))
    return sendError(res, 400, 'invalid-path', 'A part of the address is too long.');
  next();
};

/**
 * The query of a route outside the JSON router (uploads, downloads), checked as the router checks
 * its own: a 400 `invalid-query` naming what is wrong (an unknown parameter included), or the value.
 */
export function checkQuery<T>(schema: z.ZodType<T>, req: Request, res: Response): T | undefined {
  const parsed = parse(schema, req.query);
  if (parsed.ok) return parsed.value;
  sendError(res, 400, 'invalid-query', 'The query string is not valid.', { issues: parsed.issues });
  return undefined;
}
