import type { Request, RequestHandler, Response } from 'express';
import type { Actor, Deps } from '../../application/deps.js';
import { findPersonByObjectId } from '../../application/use-cases/people.js';
import {
  IdentityUnavailableError,
  InvalidTokenError,
  type TokenValidator,
} from '../identity/token-validator.js';

export type Authed = Request & { actor?: Actor };

export const sendError = (
  res: Response,
  status: number,
  code: string,
  message: string,
  extra?: Record<string, unknown>,
) => res.status(status).json({ error: { code, message, ...extra } });

/** Seconds a client waits before trying again when the sign-in keys cannot be fetched. */
const KEYS_RETRY_AFTER_SECONDS = 30;

/**
 * The one bearer-token check for every API route (JSON, raw uploads, downloads): validates the
 * token, then finds the member it names, so who acts is always taken from server-side state.
 * The token's tenant must be one the person signs in from: the partnership's own (where partner
 * staff are guests) or the person's recorded home tenant.
 */
export function authenticate(deps: Deps, validateToken: TokenValidator): RequestHandler {
  return async (req: Authed, res, next) => {
    // Already checked by the app-wide chain in front of this router (only this code sets it).
    if (req.actor) return next();
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
      if (identity.tenantId !== person.homeTenantId) {
        const [partnership] = await deps.repo.all('partnerships');
        if (identity.tenantId !== partnership?.fields.tenantId)
          return sendError(
            res,
            403,
            'wrong-tenant',
            'You signed in from an organisation this partnership does not record for you. Sign in with your own organisation’s account or as a guest of the partnership.',
          );
      }
      req.actor = person;
      next();
    } catch (e) {
      if (e instanceof InvalidTokenError)
        return sendError(res, 401, 'invalid-token', `Sign in again: ${e.message}.`);
      if (e instanceof IdentityUnavailableError) {
        res.setHeader('Retry-After', String(KEYS_RETRY_AFTER_SECONDS));
        return sendError(
          res,
          503,
          'identity-unavailable',
          'Sign-in cannot be checked just now: the identity provider’s signing keys could not be fetched. Try again in a minute.',
        );
      }
      next(e);
    }
  };
}
