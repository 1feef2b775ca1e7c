import { describe, expect, it, vi } from 'vitest';
import { SignInProblemError } from '../authProvider';
import { EntraAuthProvider } from './EntraAuthProvider';
import { jwtExpiry, type AcquiredToken, type TokenSource } from './tokenSource';

const MINUTE = 60_000;

function source(tokens: AcquiredToken[]) {
  const acquire = vi.fn((_options: { forceRefresh: boolean }) => {
    const next = tokens.shift();
    return next ? Promise.resolve(next) : Promise.reject(new Error('no more tokens'));
  });
  const fake: TokenSource = { kind: 'naa', acquire };
  return { fake, acquire };
}

describe('EntraAuthProvider', () => {
  it('reuses a token until five minutes before it expires, then fetches a new one', async () => {
    let now = 1_000_000;
    const { fake, acquire } = source([
      { token: 'first', expiresAt: now + 60 * MINUTE },
      { token: 'second', expiresAt: now + 120 * MINUTE },
    ]);
    const provider = new EntraAuthProvider(fake, () => now);

    await expect(provider.getToken()).resolves.toBe('first');
    now += 54 * MINUTE;
    await expect(provider.getToken()).resolves.toBe('first');
    expect(acquire).toHaveBeenCalledTimes(1);
    now += 1 * MINUTE + 1; // within five minutes of expiry
    await expect(provider.getToken()).resolves.toBe('second');
    expect(acquire).toHaveBeenCalledTimes(2);
    expect(acquire).toHaveBeenLastCalledWith({ forceRefresh: false });
  });

  it('shares one request between concurrent callers', async () => {
    const { fake, acquire } = source([{ token: 'only', expiresAt: Date.now() + 60 * MINUTE }]);
    const provider = new EntraAuthProvider(fake);
    const tokens = await Promise.all([
      provider.getToken(),
      provider.getToken(),
      provider.getToken(),
    ]);
    expect(tokens).toEqual(['only', 'only', 'only']);
    expect(acquire).toHaveBeenCalledTimes(1);
  });

  it('after clear(), asks the source again and skips its caches', async () => {
    const { fake, acquire } = source([
      { token: 'refused', expiresAt: Date.now() + 60 * MINUTE },
      { token: 'fresh', expiresAt: Date.now() + 60 * MINUTE },
    ]);
    const provider = new EntraAuthProvider(fake);
    await provider.getToken();
    provider.clear();
    await expect(provider.getToken()).resolves.toBe('fresh');
    expect(acquire).toHaveBeenLastCalledWith({ forceRefresh: true });
  });

  it('uses a short-lived token for half its remaining life instead of asking on every call', async () => {
    let now = 5_000_000;
    const { fake, acquire } = source([{ token: 'short', expiresAt: now + 2 * MINUTE }]);
    const provider = new EntraAuthProvider(fake, () => now);
    await provider.getToken();
    now += 30_000;
    await expect(provider.getToken()).resolves.toBe('short');
    expect(acquire).toHaveBeenCalledTimes(1);
  });

  it('turns a source failure into a SignInProblemError', async () => {
    const fake: TokenSource = {
      kind: 'naa',
      acquire: () => Promise.reject(Object.assign(new Error('x'), { errorCode: 'user_cancelled' })),
    };
    const error = await new EntraAuthProvider(fake).getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInProblemError);
    expect((error as SignInProblemError).kind).toBe('cancelled');
  });

  it('reads a JWT’s expiry, and treats an unreadable token as short-lived', () => {
    const payload = btoa(JSON.stringify({ exp: 2_000_000_000 })).replace(/=+$/, '');
    expect(jwtExpiry(`h.${payload}.s`, 0)).toBe(2_000_000_000_000);
    expect(jwtExpiry('not-a-jwt', 1000)).toBe(1000 + 5 * MINUTE);
  });
});
