import { authorizeJWT, type AuthConfiguration } from '@microsoft/agents-hosting';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { isAllowedServiceUrl, sameServiceUrl } from './service-urls.js';

/**
 * The bot's authentication with issuer checking switched on. The Agents SDK verifies the
 * signature (RS256 only, keys from the issuer's JWKS), the audience (the bot's app id), expiry
 * and not-before (5 minutes' skew), and binds an Entra issuer to the token's `tid`; but it checks
 * the issuer against its list only when `validateIssuer` is set, which it is not by default.
 */
export function withIssuerValidation(auth: AuthConfiguration): AuthConfiguration {
  const connections = auth.connections
    ? new Map([...auth.connections].map(([name, c]) => [name, { ...c, validateIssuer: true }]))
    : undefined;
  return { ...auth, validateIssuer: true, ...(connections ? { connections } : {}) };
}

const refuse = (res: Response, status: number, code: string, message: string) =>
  res.status(status).json({ error: { code, message } });

/**
 * What the SDK leaves undone, checked after its JWT middleware and before any activity is
 * processed: the activity's serviceUrl must be one of ours (the SDK only logs a mismatch unless
 * told otherwise, and compares hosts only), and it must equal the token's `serviceurl` claim when
 * the token has one (Bot Framework's documented check), so a token issued for one connector
 * cannot direct the bot's replies to another.
 */
export function serviceUrlCheck(allowed: readonly string[]): RequestHandler {
  return (req: Request, res, next) => {
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return void refuse(
        res,
        400,
        'invalid-request',
        'The body must be an activity (a JSON object).',
      );
    const serviceUrl = (body as { serviceUrl?: unknown }).serviceUrl;
    if (!isAllowedServiceUrl(serviceUrl, allowed))
      return void refuse(
        res,
        403,
        'service-url-not-allowed',
        'The activity names a Bot Connector address this bot does not answer to.',
      );
    const claim = (req as { user?: { serviceurl?: unknown } }).user?.serviceurl;
    if (
      claim !== undefined &&
      (typeof claim !== 'string' || !sameServiceUrl(claim, serviceUrl as string))
    )
      return void refuse(
        res,
        401,
        'service-url-mismatch',
        "The token was issued for another Bot Connector address than the activity's.",
      );
    next();
  };
}

export interface MessagesEndpointOptions {
  /** The bot's authentication (app id, tenant, authority), as loaded for the CloudAdapter. */
  auth: AuthConfiguration;
  /** config.botServiceUrls. */
  serviceUrls: readonly string[];
  /** Hands an accepted activity to the adapter. */
  handle: RequestHandler;
}

/**
 * The SDK parses the activity with zod and lets a malformed one escape as a ZodError (a 500):
 * it is the sender's mistake, so it is answered 400 and nothing is processed.
 */
function refuseMalformedActivity(handle: RequestHandler): RequestHandler {
  return async (req, res, next) => {
    try {
      await handle(req, res, next);
    } catch (e) {
      if ((e as Error)?.name !== 'ZodError' || res.headersSent) throw e;
      refuse(res, 400, 'invalid-activity', 'The body is not a valid Bot Framework activity.');
    }
  };
}

/**
 * The SDK answers its refusals as `{"jwt-auth-error": ...}`; callers of every other endpoint get
 * `{error: {code, message}}`, so its 4xx answers are restated in that shape (same status).
 */
function inOurErrorShape(sdk: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      res.send = send;
      if (res.statusCode === 401)
        return res.json({
          error: {
            code: 'unauthenticated',
            message: 'The Bot Connector token is missing or was not accepted.',
          },
        });
      if (res.statusCode === 405)
        return res.json({
          error: { code: 'method-not-allowed', message: 'Only POST is accepted here.' },
        });
      return send(body);
    };
    void sdk(req, res, (e?: unknown) => {
      res.send = send;
      next(e);
    });
  };
}

/** POST /api/messages: body, the SDK's JWT checks with issuers on, then ours, then the bot. */
export function messagesEndpoint(options: MessagesEndpointOptions): RequestHandler[] {
  return [
    express.json({ limit: '256kb' }),
    inOurErrorShape(authorizeJWT(withIssuerValidation(options.auth))),
    serviceUrlCheck(options.serviceUrls),
    refuseMalformedActivity(options.handle),
  ];
}
