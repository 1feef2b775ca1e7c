import type { TokenValidatorConfig } from './token-validator.js';

/** What the validator needs from the server's Entra settings (config.auth in entra mode). */
export interface EntraAuthSettings {
  authority: string;
  audience: string;
  allowedTenantIds: readonly string[];
  /** The full delegated scope the tab asks for, e.g. api://host/<client id>/access_as_user. */
  scope?: string;
}

/**
 * The validator for Entra ID's v2.0 access tokens: the multi-tenant key set (every tenant's
 * tokens are signed with the same published keys), the issuer of the token's own tenant, and the
 * scope the tab asks for (a token's `scp` holds only its last segment).
 */
export function entraValidatorConfig(auth: EntraAuthSettings): TokenValidatorConfig {
  const authority = auth.authority.replace(/\/+$/, '');
  const scopeName = auth.scope?.split('/').at(-1);
  return {
    jwksUrl: `${authority}/common/discovery/v2.0/keys`,
    issuerTemplate: `${authority}/{tenantid}/v2.0`,
    audience: auth.audience,
    allowedTenantIds: auth.allowedTenantIds,
    ...(scopeName ? { requiredScope: scopeName } : {}),
  };
}
