import type { HostInfo } from '../host/teamsHost';
import {
  AuthNotConfiguredError,
  SignInProblemError,
  type AuthConfig,
  type AuthProvider,
  type EntraSettings,
} from './authProvider';

type Loader = (settings: EntraSettings, host: HostInfo) => Promise<AuthProvider>;

// A dynamic import: MSAL and the sign-in chain stay out of the side panel's first load.
const loadEntra: Loader = (settings, host) =>
  import('./entra/createEntraProvider').then((m) => m.createEntraProvider(settings, host));

/** Entra sign-in, downloaded on the first token request. */
export class LazyEntraAuthProvider implements AuthProvider {
  readonly mode = 'entra' as const;
  private loaded: AuthProvider | null = null;
  private loading: Promise<AuthProvider> | null = null;

  constructor(
    private readonly settings: EntraSettings,
    private readonly host: HostInfo,
    private readonly load: Loader = loadEntra,
  ) {}

  private provider(): Promise<AuthProvider> {
    this.loading ??= this.load(this.settings, this.host).then(
      (provider) => (this.loaded = provider),
      (error: unknown) => {
        this.loading = null; // a failed download may be retried
        if (error instanceof SignInProblemError) throw error;
        // A chunk that could not be downloaded rejects with a TypeError.
        throw new SignInProblemError(error instanceof TypeError ? 'network' : 'failed');
      },
    );
    return this.loading;
  }

  getToken(): Promise<string> {
    return this.provider().then((p) => p.getToken());
  }

  clear(): void {
    this.loaded?.clear();
  }

  signIn(): Promise<void> {
    return this.provider().then((p) =>
      p.signIn ? p.signIn() : p.getToken().then(() => undefined),
    );
  }
}

/** Entra mode with settings missing on the server: every request says so. */
const notConfigured: AuthProvider = {
  mode: 'entra',
  getToken: () => Promise.reject(new AuthNotConfiguredError()),
  clear: () => undefined,
};

/** Entra settings from `/auth/config`, or null when the server left some out. */
export function entraSettings(config: AuthConfig): EntraSettings | null {
  const { clientId, tenantId, authority, scope } = config;
  return clientId && tenantId && authority && scope
    ? { clientId, tenantId, authority, scope }
    : null;
}

/** The Entra provider for `/auth/config`'s settings, or one that says they are incomplete. */
export function entraProviderFor(config: AuthConfig, host: HostInfo): AuthProvider {
  const settings = entraSettings(config);
  return settings ? new LazyEntraAuthProvider(settings, host) : notConfigured;
}
