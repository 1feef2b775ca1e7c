import { createRemoteJWKSet, jwtVerify, errors as joseErrors } from 'jose';

/**
 * Validates bearer tokens the way Entra ID tokens must be validated: signature from the issuer's
 * published keys (fetched and cached, refetched when an unknown key id appears, so rotation
 * works), issuer per allowed tenant, audience, lifetime, and the tenant allow-list. The local
 * issuer is validated by this same code, pointed at its own JWKS.
 */
export interface TokenValidatorConfig {
  jwksUrl: string;
  /** Issuer with `{tenantid}` where the tenant goes, e.g. https://login.microsoftonline.com/{tenantid}/v2.0 */
  issuerTemplate: string;
  audience: string;
  /** The partnership's tenant and, for guests, their home tenants. */
  allowedTenantIds: readonly string[];
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

export type TokenValidator = (token: string) => Promise<ValidatedIdentity>;

export function createTokenValidator(config: TokenValidatorConfig): TokenValidator {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl), {
    cacheMaxAge: 10 * 60_000,
    cooldownDuration: 30_000,
  });
  const issuers = config.allowedTenantIds.map((t) =>
    config.issuerTemplate.replace('{tenantid}', t),
  );
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: issuers,
        audience: config.audience,
        algorithms: ['RS256'],
        clockTolerance: 300,
        requiredClaims: ['exp', 'iat', 'oid', 'tid'],
      });
      const tid = String(payload.tid);
      if (!config.allowedTenantIds.includes(tid)) throw new InvalidTokenError('tenant not allowed');
      return { objectId: String(payload.oid), tenantId: tid };
    } catch (e) {
      if (e instanceof InvalidTokenError) throw e;
      if (e instanceof joseErrors.JOSEError) throw new InvalidTokenError(describe(e));
      throw e;
    }
  };
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
