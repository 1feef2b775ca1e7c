import {
  ConnectionManager,
  getAuthConfigWithDefaults,
  type AuthConfiguration,
  type AuthProvider,
} from '@microsoft/agents-hosting';

/** The bot's app id in local mode: the audience of the local channel's tokens. */
export const LOCAL_BOT_APP_ID = 'critical-friend-local-bot';

/** What local mode's issuer signs for the bot (src/adapters/identity/local-issuer.ts). */
export interface LocalBotSigner {
  /** The issuer's base address: the SDK fetches keys from `{base}/discovery/v2.0/keys`. */
  readonly base: string;
  /** The issuer named in the local channel's tokens. */
  readonly channelIssuer: string;
  /** An app-only token for the bot, as Entra's client-credentials grant would give it. */
  signApp(appId: string, audience: string): Promise<string>;
}

/**
 * The bot's authentication in local mode, in the shape `loadAuthConfigFromEnv` gives in
 * production: an app id (so the SDK never falls back to anonymous), the local issuer as
 * authority (its JWKS stands in for Entra's), and the local channel as the only issuer.
 * The SDK's authorizeJWT then checks these tokens with the code that checks Teams' tokens.
 */
export function localBotAuth(signer: LocalBotSigner): AuthConfiguration {
  return getAuthConfigWithDefaults({
    clientId: LOCAL_BOT_APP_ID,
    authorityEndpoint: signer.base,
    issuers: [signer.channelIssuer],
  });
}

/**
 * Tokens for the bot's own calls (replies, card updates, proactive sends) from the local issuer
 * instead of MSAL, which would call Entra. Agentic tokens are not a thing locally.
 */
class LocalAppTokenProvider implements AuthProvider {
  constructor(
    readonly connectionSettings: AuthConfiguration,
    private readonly signer: LocalBotSigner,
  ) {}

  getAccessToken(authConfigOrScope: AuthConfiguration | string, scope?: string): Promise<string> {
    const resource = typeof authConfigOrScope === 'string' ? authConfigOrScope : (scope ?? '');
    return this.signer.signApp(
      this.connectionSettings.clientId ?? LOCAL_BOT_APP_ID,
      resource.replace(/\/\.default$/, ''),
    );
  }

  private notLocal(): Promise<string> {
    return Promise.reject(new Error('Agentic identities are not available in local mode.'));
  }

  getAgenticApplicationToken = () => this.notLocal();
  getAgenticInstanceToken = () => this.notLocal();
  getAgenticUserToken = () => this.notLocal();
  acquireTokenOnBehalfOf(): Promise<string> {
    return Promise.reject(new Error('On-behalf-of tokens are not available in local mode.'));
  }
}

/** The SDK's own connection manager, with the local token provider for every connection. */
export function localConnections(auth: AuthConfiguration, signer: LocalBotSigner) {
  return new ConnectionManager(
    (settings) => new LocalAppTokenProvider(settings, signer),
    auth.connections,
    auth.connectionsMap,
    auth,
  );
}
