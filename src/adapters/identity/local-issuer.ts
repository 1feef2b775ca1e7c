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
    /** The issuer's base address; the JWKS is at `{base}/discovery/v2.0/keys`, as Entra's. */
    readonly base: string,
    readonly audience: string,
  ) {}

  /** People's tokens name their tenant, as Entra's v2.0 issuer does. */
  get issuerTemplate(): string {
    return `${this.base}/{tenantid}/v2.0`;
  }

  /**
   * The issuer of the tokens the local channel signs for the bot, standing in for the Bot
   * Connector's (https://api.botframework.com). No tenant: no person is behind them.
   */
  get channelIssuer(): string {
    return `${this.base}/bot-connector`;
  }

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
    return new LocalIssuer(key, { ...publicJwk, use: 'sig' }, baseUrl, audience);
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

  /**
   * What the Bot Connector sends with each activity: a short-lived token for the bot (its app id
   * as audience) naming the connector address it came through in `serviceurl`.
   */
  async signChannel(botAppId: string, serviceUrl: string | undefined, lifetimeSeconds = 300) {
    return new SignJWT(serviceUrl === undefined ? {} : { serviceurl: serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid ?? '', typ: 'JWT' })
      .setIssuer(this.channelIssuer)
      .setAudience(botAppId)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${lifetimeSeconds}s`)
      .sign(this.privateKey);
  }

  /**
   * What Entra's client-credentials grant gives the bot for its replies: an app-only token
   * (`idtyp: app`, no `scp`), with the bot as `appid`/`azp` and the resource as audience.
   */
  async signApp(appId: string, audience: string, lifetimeSeconds = 3600) {
    return new SignJWT({ appid: appId, azp: appId, idtyp: 'app', ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid ?? '', typ: 'JWT' })
      .setIssuer(`${this.base}/bot-identity`)
      .setAudience(audience)
      .setSubject(appId)
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`)
      .sign(this.privateKey);
  }
}
