/** Gives the bearer token for `/api` calls. Local sign-in now; nested app authentication later. */
export interface AuthProvider {
  readonly mode: AuthMode;
  getToken(): Promise<string>;
  /** Forget the token (the API refused it). */
  clear(): void;
}

export type AuthMode = 'local' | 'entra';

export interface AuthConfig {
  mode: AuthMode;
  clientId?: string;
  tenantId?: string;
}

/** Nobody is signed in, or the token has expired or was refused. */
export class SignInRequiredError extends Error {
  constructor() {
    super('Sign in to continue.');
    this.name = 'SignInRequiredError';
  }
}

/** The server expects Entra sign-in, which the tab does not do yet. */
export class AuthNotConfiguredError extends Error {
  constructor() {
    super('Sign-in through Teams is not configured yet.');
    this.name = 'AuthNotConfiguredError';
  }
}

export function isAuthError(error: unknown): boolean {
  return error instanceof SignInRequiredError || error instanceof AuthNotConfiguredError;
}
