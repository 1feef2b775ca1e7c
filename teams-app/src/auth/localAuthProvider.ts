import { SignInRequiredError, type AuthProvider } from './authProvider';

const STORAGE_KEY = 'critical-friend.token';

interface StoredToken {
  token: string;
  expiresAt: number;
}

function parseStored(raw: string | null): StoredToken | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === 'object' &&
      value !== null &&
      'token' in value &&
      'expiresAt' in value &&
      typeof value.token === 'string' &&
      typeof value.expiresAt === 'number'
    ) {
      return { token: value.token, expiresAt: value.expiresAt };
    }
  } catch {
    // A damaged entry is the same as none.
  }
  return null;
}

/**
 * Tokens from the local demo sign-in (`POST /dev/token`). Kept in sessionStorage so they go
 * when the tab or browser closes, and are never shared with other tabs.
 */
export class LocalAuthProvider implements AuthProvider {
  readonly mode = 'local' as const;

  constructor(
    private readonly storage: Storage = window.sessionStorage,
    private readonly now: () => number = Date.now,
  ) {}

  getToken(): Promise<string> {
    const stored = parseStored(this.storage.getItem(STORAGE_KEY));
    // A little slack so a token does not expire between here and the server.
    if (!stored || stored.expiresAt - 5000 <= this.now()) {
      this.clear();
      return Promise.reject(new SignInRequiredError());
    }
    return Promise.resolve(stored.token);
  }

  store(accessToken: string, expiresInSeconds: number): void {
    const value: StoredToken = {
      token: accessToken,
      expiresAt: this.now() + expiresInSeconds * 1000,
    };
    this.storage.setItem(STORAGE_KEY, JSON.stringify(value));
  }

  clear(): void {
    this.storage.removeItem(STORAGE_KEY);
  }
}

export const localTokenStorageKey = STORAGE_KEY;
