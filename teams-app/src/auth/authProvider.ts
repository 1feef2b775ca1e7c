/** Gives the bearer token for `/api` calls: local demo sign-in, or Entra ID in production. */
export interface AuthProvider {
  readonly mode: AuthMode;
  getToken(): Promise<string>;
  /** Forget the token (the API refused it); the next `getToken` asks Entra afresh. */
  clear(): void;
  /**
   * Interactive sign-in, started by the user (a "Sign in" button), where the host cannot sign
   * the user in by itself (SharePoint, a plain browser). Absent for local sign-in.
   */
  signIn?(): Promise<void>;
}

export type AuthMode = 'local' | 'entra';

export interface AuthConfig {
  mode: AuthMode;
  clientId?: string;
  tenantId?: string;
  /** Entra's sign-in host, e.g. https://login.microsoftonline.com (no tenant). */
  authority?: string;
  /** The API's delegated scope, e.g. api://host/<client id>/access_as_user. */
  scope?: string;
}

/** What Entra mode needs: every field present. */
export interface EntraSettings {
  clientId: string;
  tenantId: string;
  authority: string;
  scope: string;
}

/** Nobody is signed in, or the token has expired or was refused. */
export class SignInRequiredError extends Error {
  constructor() {
    super('Sign in to continue.');
    this.name = 'SignInRequiredError';
  }
}

/** The server is in Entra mode but sends incomplete settings (ENTRA_* not all set). */
export class AuthNotConfiguredError extends Error {
  constructor() {
    super('Sign-in through Teams is not configured yet.');
    this.name = 'AuthNotConfiguredError';
  }
}

/**
 * Why Entra sign-in did not give a token, in words for the user:
 * - `sign-in-needed`: press "Sign in" (SharePoint or a browser, nobody signed in yet);
 * - `consent`: the app needs the user's (or an administrator's) permission;
 * - `blocked`: an administrator or a sign-in policy blocks the app for this account;
 * - `popup-blocked`: the browser stopped the sign-in window;
 * - `cancelled`: the user closed the sign-in window;
 * - `network`: Microsoft's sign-in could not be reached;
 * - `failed`: anything else.
 */
export type SignInProblemKind =
  'sign-in-needed' | 'consent' | 'blocked' | 'popup-blocked' | 'cancelled' | 'network' | 'failed';

/** Its words for the user are in signInMessage.ts, loaded with the sign-in prompt. */
export class SignInProblemError extends Error {
  constructor(readonly kind: SignInProblemKind) {
    super(`Sign-in problem: ${kind}`);
    this.name = 'SignInProblemError';
  }
}

export function isAuthError(error: unknown): boolean {
  return (
    error instanceof SignInRequiredError ||
    error instanceof AuthNotConfiguredError ||
    error instanceof SignInProblemError
  );
}
