import {
  createRemoteJWKSet,
  jwtVerify,
  errors as joseErrors,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';

/**
 * Validates bearer tokens the way Entra ID tokens must be validated: signature from the issuer's
 * published keys (fetched and cached, refetched when an unknown key id appears, so rotation
 * works), the issuer of the token's own tenant, audience, lifetime, the tenant allow-list, and a
 * signed-in user's delegated token (never an app-only one). The local issuer is validated by this
 * same code, pointed at its own JWKS.
 */
export interface TokenValidatorConfig {
  jwksUrl: string;
  /** Issuer with `{tenantid}` where the tenant goes, e.g. https://login.microsoftonline.com/{tenantid}/v2.0 */
  issuerTemplate: string;
  audience: string;
  /** The partnership's tenant and, for guests, their home tenants. */
  allowedTenantIds: readonly string[];
  /** A delegated scope the token's `scp` must hold (e.g. access_as_user); any scope when absent. */
  requiredScope?: string;
  /** Key cache timings; Entra's guidance is a day at most, we keep 10 minutes. */
  jwksCache?: { maxAgeMs?: number; cooldownMs?: number; timeoutMs?: number };
}

export interface ValidatedIdentity {
  objectId: string;
  tenantId: string;
}

export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** The signing keys could not be fetched: nobody can be signed in, but nobody is wrong either. */
export class IdentityUnavailableError extends Error {
  constructor() {
    super('the sign-in keys could not be fetched');
    this.name = 'IdentityUnavailableError';
  }
}

export type TokenValidator = (token: string) => Promise<ValidatedIdentity>;

/**
 * Entra access tokens are 1.5 to 3 KB, up to about 10 KB with a full groups claim; anything
 * longer is refused before it is parsed or any key is looked up.
 */
export const MAX_TOKEN_CHARS = 12_000;

/** Errors from the key lookup that say something about the token, not about the key endpoint. */
const tokenFaults = [
  joseErrors.JWKSNoMatchingKey,
  joseErrors.JWKSMultipleMatchingKeys,
  joseErrors.JOSENotSupported,
  joseErrors.JOSEAlgNotAllowed,
];

export function createTokenValidator(config: TokenValidatorConfig): TokenValidator {
  const remote = createRemoteJWKSet(new URL(config.jwksUrl), {
    cacheMaxAge: config.jwksCache?.maxAgeMs ?? 10 * 60_000,
    // An unknown key id refetches at most this often, so made-up kids cannot flood the endpoint.
    cooldownDuration: config.jwksCache?.cooldownMs ?? 30_000,
    timeoutDuration: config.jwksCache?.timeoutMs ?? 5_000,
  });
  // Anything else failing in the lookup is the endpoint (down, slow, 5xx, not a key set).
  const keys: JWTVerifyGetKey = async (header, token) => {
    try {
      return await remote(header, token);
    } catch (e) {
      if (tokenFaults.some((fault) => e instanceof fault)) throw e;
      throw new IdentityUnavailableError();
    }
  };
  const issuerOf = (tenantId: string) => config.issuerTemplate.replace('{tenantid}', tenantId);
  const issuers = config.allowedTenantIds.map(issuerOf);
  return async (token) => {
    if (token.length > MAX_TOKEN_CHARS) throw new InvalidTokenError('token too large');
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: issuers,
        audience: config.audience,
        algorithms: ['RS256'],
        clockTolerance: 300,
        requiredClaims: ['exp', 'iat', 'oid', 'tid'],
      });
      return checkClaims(payload, config, issuerOf);
    } catch (e) {
      if (e instanceof InvalidTokenError || e instanceof IdentityUnavailableError) throw e;
      if (e instanceof joseErrors.JOSEError) throw new InvalidTokenError(describe(e));
      throw e;
    }
  };
}

/** The checks jose does not make: the claims' shapes, tenant, issuer per tenant, user token. */
function checkClaims(
  payload: JWTPayload,
  config: TokenValidatorConfig,
  issuerOf: (tenantId: string) => string,
): ValidatedIdentity {
  const { oid, tid, scp, idtyp } = payload;
  if (typeof oid !== 'string' || !oid || typeof tid !== 'string' || !tid)
    throw new InvalidTokenError('token oid or tid claim not accepted');
  if (!config.allowedTenantIds.includes(tid)) throw new InvalidTokenError('tenant not allowed');
  // Any allowed tenant's issuer passes jose; the issuer must be the token's own tenant's.
  if (payload.iss !== issuerOf(tid)) throw new InvalidTokenError('token iss claim not accepted');
  // App-only tokens (client credentials) carry no delegated scope: this API acts for people.
  if (idtyp === 'app' || typeof scp !== 'string' || !scp.trim())
    throw new InvalidTokenError('token is not for a signed-in person');
  if (config.requiredScope && !scp.split(' ').includes(config.requiredScope))
    throw new InvalidTokenError('token scp claim not accepted');
  return { objectId: oid, tenantId: tid };
}

/** A short reason safe to return to the caller: it names the check, never echoes the token. */
function describe(e: InstanceType<typeof joseErrors.JOSEError>): string {
  if (e instanceof joseErrors.JWTExpired) return 'token expired';
  if (e instanceof joseErrors.JWTClaimValidationFailed)
    return `token ${e.claim} claim not accepted`;
  if (e instanceof joseErrors.JWSSignatureVerificationFailed) return 'token signature invalid';
  if (e instanceof joseErrors.JOSEAlgNotAllowed) return 'token algorithm not allowed';
  if (e instanceof joseErrors.JWKSNoMatchingKey) return 'token signing key unknown';
  return 'token invalid';
}
