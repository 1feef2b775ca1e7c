import { AuthNotConfiguredError, type AuthProvider } from './authProvider';

/** Stands in for nested app authentication (a later issue) when the server is in Entra mode. */
export class NotConfiguredAuthProvider implements AuthProvider {
  readonly mode = 'entra' as const;

  getToken(): Promise<string> {
    return Promise.reject(new AuthNotConfiguredError());
  }

  clear(): void {
    // Nothing is stored.
  }
}
