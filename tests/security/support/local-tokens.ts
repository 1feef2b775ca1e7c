import { importJWK, SignJWT, type JWK } from 'jose';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestServer } from '../../support/server.js';

/**
 * A genuine token from the test server's local issuer (its key, its issuer per tenant, its
 * audience) with claims of the test's choosing: what a caller holding a real token for some
 * identity could present, so only the server's own checks stand in the way.
 */
export async function localToken(
  server: TestServer,
  claims: { oid: string; tid: string } & Record<string, unknown>,
): Promise<string> {
  const jwk = JSON.parse(
    readFileSync(join(server.dataDir, 'local-issuer-key.json'), 'utf8'),
  ) as JWK;
  return new SignJWT({ scp: 'access_as_user', ver: '2.0', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid ?? '' })
    .setIssuer(`${server.url}/dev/issuer/${claims.tid}/v2.0`)
    .setAudience('api://critical-friend-local')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(await importJWK(jwk, 'RS256'));
}
