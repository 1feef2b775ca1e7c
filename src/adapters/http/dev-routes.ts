import express from 'express';
import { z } from 'zod';
import type { Deps } from '../../application/deps.js';
import type { LocalIssuer } from '../identity/local-issuer.js';

/** The JWKS path mirrors Entra's (`/discovery/v2.0/keys`) under the local issuer's base. */
export const LOCAL_ISSUER_PATH = '/dev/issuer';
export const LOCAL_JWKS_PATH = `${LOCAL_ISSUER_PATH}/discovery/v2.0/keys`;
/** Where a local chat client (the Agents Playground) posts activities for the bot. */
export const LOCAL_CHANNEL_PATH = '/dev/channel/messages';

/**
 * Local mode only (never mounted in Entra mode): the demo sign-in list, the local issuer's token
 * endpoint and keys, and the local channel for the bot. Tokens it signs pass through the same
 * validators as Entra's and the Bot Connector's.
 */
export function devRouter(deps: Deps, issuer: LocalIssuer, botAppId: string): express.Router {
  const router = express.Router();
  router.post(LOCAL_CHANNEL_PATH, express.json({ limit: '256kb' }), localChannel(issuer, botAppId));
  router.get(LOCAL_JWKS_PATH, (_req, res) => {
    res.json(issuer.jwks());
  });
  router.get('/dev/people', async (_req, res) => {
    const [people, partners] = await Promise.all([
      deps.repo.all('people'),
      deps.repo.all('partners'),
    ]);
    const partnerName = new Map(partners.map((p) => [p.id, p.fields.name]));
    res.json(
      people.map((p) => ({
        upn: p.fields.upn,
        displayName: p.fields.displayName,
        roles: p.fields.roles,
        ...(p.fields.partnerId ? { partnerName: partnerName.get(p.fields.partnerId) } : {}),
      })),
    );
  });
  router.post('/dev/token', express.json({ limit: '4kb' }), async (req, res) => {
    const body = z.strictObject({ upn: z.string().min(3).max(320) }).safeParse(req.body);
    if (!body.success) {
      res
        .status(400)
        .json({ error: { code: 'invalid-request', message: 'Send {"upn": "name@example"}.' } });
      return;
    }
    const [person] = await deps.repo.all('people', {
      field: 'upn',
      equals: body.data.upn.toLowerCase(),
    });
    if (!person) {
      res.status(404).json({
        error: { code: 'unknown-person', message: 'No demo person has that sign-in name.' },
      });
      return;
    }
    // Guests sign in to the partnership's tenant, so (as with Entra) the token's tenant is the host's.
    const [partnership] = await deps.repo.all('partnerships');
    const lifetime = 8 * 3600;
    const access_token = await issuer.sign(
      {
        oid: person.fields.entraObjectId,
        tid: partnership?.fields.tenantId ?? person.fields.homeTenantId,
        upn: person.fields.upn,
        name: person.fields.displayName,
      },
      lifetime,
    );
    res.json({ access_token, token_type: 'Bearer', expires_in: lifetime });
  });
  return router;
}

/**
 * The local channel: what the Bot Connector does for Teams. The Agents Playground cannot sign
 * its requests (it would ask Entra), so it posts here; each activity is passed on to
 * /api/messages with a short-lived token signed by the local issuer for the bot, naming the
 * activity's connector address, and the bot's answer is handed back unchanged. /api/messages
 * itself then checks it exactly as it checks Teams' activities; it has no anonymous door.
 */
function localChannel(issuer: LocalIssuer, botAppId: string): express.RequestHandler {
  return async (req, res) => {
    const body: unknown = req.body;
    const serviceUrl =
      body && typeof body === 'object' && !Array.isArray(body)
        ? (body as { serviceUrl?: unknown }).serviceUrl
        : undefined;
    const token = await issuer.signChannel(
      botAppId,
      typeof serviceUrl === 'string' ? serviceUrl : undefined,
    );
    // Back to this same server, on the address and port the request came in on.
    const address = req.socket.localAddress ?? '127.0.0.1';
    const host = address.includes(':') ? `[${address}]` : address;
    const answer = await fetch(`http://${host}:${req.socket.localPort}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const type = answer.headers.get('content-type');
    if (type) res.type(type);
    res.status(answer.status).send(Buffer.from(await answer.arrayBuffer()));
  };
}
