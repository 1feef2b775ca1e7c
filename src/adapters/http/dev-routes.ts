import express from 'express';
import { z } from 'zod';
import type { Deps } from '../../application/deps.js';
import type { LocalIssuer } from '../identity/local-issuer.js';

/** The JWKS path mirrors Entra's (`/discovery/v2.0/keys`) under the local issuer's base. */
export const LOCAL_ISSUER_PATH = '/dev/issuer';
export const LOCAL_JWKS_PATH = `${LOCAL_ISSUER_PATH}/discovery/v2.0/keys`;

/**
 * Local mode only (never mounted in production): the demo sign-in list and the token endpoint
 * of the local issuer. Tokens it signs pass through the same validator as Entra's.
 */
export function devRouter(deps: Deps, issuer: LocalIssuer): express.Router {
  const router = express.Router();
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
