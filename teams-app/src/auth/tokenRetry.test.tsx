import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/client';
import { mockFetch } from '../test/fetchMock';
import { SignInRequiredError, type AuthProvider } from './authProvider';

/** Hands out token-1, token-2, …; clear() is recorded. */
function countingProvider() {
  let n = 0;
  const provider = {
    mode: 'entra' as const,
    getToken: vi.fn(() => Promise.resolve(`token-${++n}`)),
    clear: vi.fn(),
  } satisfies AuthProvider;
  return provider;
}

const invalidToken = {
  status: 401,
  body: { error: { code: 'invalid-token', message: 'Sign in again: token expired.' } },
};

describe('ApiClient and refused Entra tokens', () => {
  it('on 401 invalid-token, clears the token and retries once with a fresh one', async () => {
    let calls = 0;
    const api = mockFetch({
      'GET /api/tracker': () => (++calls === 1 ? invalidToken : { status: 200, body: { ok: 1 } }),
    });
    const auth = countingProvider();
    const onAuthRequired = vi.fn();
    const client = new ApiClient(auth, onAuthRequired);

    await expect(client.get('/api/tracker')).resolves.toEqual({ ok: 1 });
    expect(auth.clear).toHaveBeenCalledTimes(1);
    expect(api.calls.map((c) => c.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
    expect(onAuthRequired).not.toHaveBeenCalled();
  });

  it('stops after one retry: a second refusal asks for sign-in, with no loop', async () => {
    const api = mockFetch({ 'POST /api/observations': invalidToken });
    const auth = countingProvider();
    const onAuthRequired = vi.fn();
    const client = new ApiClient(auth, onAuthRequired);

    await expect(client.post('/api/observations', { text: 'x' })).rejects.toBeInstanceOf(
      SignInRequiredError,
    );
    expect(api.calls).toHaveLength(2);
    expect(api.calls[1]?.body).toEqual({ text: 'x' });
    expect(auth.clear).toHaveBeenCalledTimes(2);
    expect(onAuthRequired).toHaveBeenCalledTimes(1);
  });

  it('does not retry a 401 that is not about the token', async () => {
    const api = mockFetch({
      'GET /api/tracker': {
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'Sign in.' } },
      },
    });
    const onAuthRequired = vi.fn();
    await expect(
      new ApiClient(countingProvider(), onAuthRequired).get('/api/tracker'),
    ).rejects.toBeInstanceOf(SignInRequiredError);
    expect(api.calls).toHaveLength(1);
    expect(onAuthRequired).toHaveBeenCalledTimes(1);
  });

  it('retries an upload with the same file', async () => {
    let calls = 0;
    const api = mockFetch({
      'POST /api/evidence': () =>
        ++calls === 1 ? invalidToken : { status: 201, body: { id: 'e1' } },
    });
    const client = new ApiClient(countingProvider(), vi.fn());
    const file = new Blob(['plan text'], { type: 'text/plain' });
    await expect(
      client.upload('/api/evidence', file, { 'Content-Type': 'text/plain' }),
    ).resolves.toEqual({
      id: 'e1',
    });
    expect(api.calls).toHaveLength(2);
  });
});
