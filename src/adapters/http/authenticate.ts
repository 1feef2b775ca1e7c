import type { Request, RequestHandler, Response } from 'express';
import type { Actor, Deps } from '../../application/deps.js';
import { findPersonByObjectId } from '../../application/use-cases/people.js';
import { InvalidTokenError, type TokenValidator } from '../identity/token-validator.js';

export type Authed = Request & { actor?: Actor };

export const sendError = (
  res: Response,
  status: number,
  code: string,
  message: string,
  extra?: Record<string, unknown>,
) => res.status(status).json({ error: { code, message, ...extra } });

/**
 * The one bearer-token check for every API route (JSON, raw uploads, downloads): validates the
 * token, then finds the member it names, so who acts is always taken from server-side state.
 */
export function authenticate(deps: Deps, validateToken: TokenValidator): RequestHandler {
  return async (req: Authed, res, next) => {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token)
      return sendError(res, 401, 'unauthenticated', 'Sign in: this API needs a bearer token.');
    try {
      const identity = await validateToken(token);
      const person = await findPersonByObjectId(deps, identity.objectId);
      if (!person)
        return sendError(
          res,
          403,
          'not-a-member',
          'You are not recorded as a member of this partnership.',
        );
      req.actor = person;
      next();
    } catch (e) {
      if (e instanceof InvalidTokenError)
        return sendError(res, 401, 'invalid-token', `Sign in again: ${e.message}.`);
      next(e);
    }
  };
}
