import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';

/**
 * A local stand-in for Entra's key endpoint: serves `/common/discovery/v2.0/keys` under its base
 * (the authority), with keys the test controls, counts the fetches, and can be made to fail.
 */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export type Outage = 'none' | '500' | 'not-json' | 'hang';

export interface EntraEmulator {
  /** The authority, e.g. http://127.0.0.1:1234 (production: https://login.microsoftonline.com). */
  authority: string;
  jwksUrl: string;
  issuerFor(tenantId: string): string;
  /** How many times the key set has been fetched. */
  fetches(): number;
  /** Publishes these keys from now on (a rotation adds one, a removal leaves one out). */
  publish(keys: SigningKey[]): void;
  fail(outage: Outage): void;
  close(): Promise<void>;
}

export async function newKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, kty: 'RSA', use: 'sig', alg: 'RS256' },
  };
}

export const JWKS_PATH = '/common/discovery/v2.0/keys';

export async function startEntraEmulator(initial: SigningKey[]): Promise<EntraEmulator> {
  let keys = initial;
  let count = 0;
  let outage: Outage = 'none';
  const server: Server = createServer((req, res) => {
    if (req.url !== JWKS_PATH) {
      res.writeHead(404).end();
      return;
    }
    count++;
    if (outage === 'hang') return; // never answers: the validator's timeout must end the wait
    if (outage === '500') {
      res.writeHead(500).end('down');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      outage === 'not-json' ? '<html>' : JSON.stringify({ keys: keys.map((k) => k.publicJwk) }),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const authority = `http://127.0.0.1:${port}`;
  return {
    authority,
    jwksUrl: `${authority}${JWKS_PATH}`,
    issuerFor: (tid) => `${authority}/${tid}/v2.0`,
    fetches: () => count,
    publish: (next) => {
      keys = next;
    },
    fail: (o) => {
      outage = o;
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export interface TokenShape {
  key: SigningKey;
  claims?: Record<string, unknown>;
  iss?: string;
  aud?: string;
  /** Seconds from now. */
  exp?: number;
  iat?: number;
  nbf?: number;
  header?: Record<string, unknown>;
}

/** A token as Entra signs a delegated v2.0 access token, with any part overridden. */
export function signToken(shape: TokenShape & { tid: string; oid: string }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    oid: shape.oid,
    tid: shape.tid,
    scp: 'access_as_user',
    ver: '2.0',
    ...shape.claims,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: shape.key.kid, ...shape.header })
    .setIssuer(shape.iss ?? '')
    .setAudience(shape.aud ?? '')
    .setIssuedAt(now + (shape.iat ?? 0))
    .setNotBefore(now + (shape.nbf ?? 0))
    .setExpirationTime(now + (shape.exp ?? 3600))
    .sign(shape.key.privateKey);
}
