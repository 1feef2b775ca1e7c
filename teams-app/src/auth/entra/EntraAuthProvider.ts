import type { AuthProvider } from '../authProvider';
import { signInProblemFrom } from './signInErrors';
import type { AcquiredToken, TokenSource } from './tokenSource';

// Ask for a new token this long before the old one expires, so none expires in flight.
const REFRESH_BEFORE_MS = 5 * 60_000;

/**
 * Entra tokens for the API, held in memory only (never in web storage, where a script injected
 * into the page could read them after the tab closed). Concurrent callers share one request.
 */
export class EntraAuthProvider implements AuthProvider {
  readonly mode = 'entra' as const;
  private cached: { token: string; refreshAt: number } | null = null;
  private pending: Promise<string> | null = null;
  private forceRefresh = false;

  constructor(
    readonly source: TokenSource,
    private readonly now: () => number = Date.now,
  ) {}

  getToken(): Promise<string> {
    if (this.cached && this.cached.refreshAt > this.now())
      return Promise.resolve(this.cached.token);
    this.pending ??= this.run(() => this.source.acquire({ forceRefresh: this.forceRefresh }));
    return this.pending;
  }

  /** The API refused the token: drop it, and make the next request skip every cache. */
  clear(): void {
    this.cached = null;
    this.forceRefresh = true;
  }

  /** The "Sign in" (or "Try again") button: the source's interactive sign-in, else a retry. */
  async signIn(): Promise<void> {
    const source = this.source;
    const interactive = source.signIn
      ? () => (source.signIn as () => Promise<AcquiredToken>)()
      : () => source.acquire({ forceRefresh: true });
    this.pending = this.run(interactive);
    await this.pending;
  }

  private async run(acquire: () => Promise<AcquiredToken>): Promise<string> {
    const started = this.now();
    try {
      const { token, expiresAt } = await acquire();
      // A token with little life left is still used for half of what remains.
      const margin = Math.min(REFRESH_BEFORE_MS, Math.max(0, expiresAt - started) / 2);
      this.cached = { token, refreshAt: expiresAt - margin };
      this.forceRefresh = false;
      return token;
    } catch (error) {
      throw signInProblemFrom(error);
    } finally {
      this.pending = null;
    }
  }
}
