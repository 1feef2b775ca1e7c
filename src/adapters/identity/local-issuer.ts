import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type CryptoKey } from 'jose';

/** The delegated scope the local issuer grants, named as the Entra app registration's. */
export const LOCAL_SCOPE = 'access_as_user';

/**
 * Local mode's stand-in for Entra ID: signs tokens for demo people and publishes its keys in
 * the same shapes Entra uses, so the API validates them with the production code path.
 */
export class LocalIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
    readonly issuerTemplate: string,
    readonly audience: string,
  ) {}

  /** The key is kept in the data directory so tokens survive a restart. */
  static async open(keyFile: string, baseUrl: string, audience: string): Promise<LocalIssuer> {
    let privateJwk: JWK;
    if (existsSync(keyFile)) {
      privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
    } else {
      const pair = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
      privateJwk = {
        ...(await exportJWK(pair.privateKey)),
        kid: crypto.randomUUID(),
        alg: 'RS256',
      };
      writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
    }
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
    const key = (await importJWK(privateJwk, 'RS256')) as CryptoKey;
    return new LocalIssuer(
      key,
      { ...publicJwk, use: 'sig' },
      `${baseUrl}/{tenantid}/v2.0`,
      audience,
    );
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  async sign(
    claims: { oid: string; tid: string; upn: string; name: string },
    lifetimeSeconds = 8 * 3600,
  ) {
    // A delegated token, as Entra issues for the tab: `scp` marks it as acting for a person.
    return new SignJWT({ ...claims, ver: '2.0', scp: LOCAL_SCOPE })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid ?? '', typ: 'JWT' })
      .setIssuer(this.issuerTemplate.replace('{tenantid}', claims.tid))
      .setAudience(this.audience)
      .setSubject(claims.oid)
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`)
      .sign(this.privateKey);
  }
}
