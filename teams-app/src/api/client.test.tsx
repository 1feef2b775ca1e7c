import { describe, expect, it, vi } from 'vitest';
import { SignInRequiredError } from '../auth/authProvider';
import { LocalAuthProvider, localTokenStorageKey } from '../auth/localAuthProvider';
import { mockFetch } from '../test/fetchMock';
import { ApiClient } from './client';
import { ApiError } from './errors';

describe('ApiClient', () => {
  it('forgets a refused token and asks for sign-in on 401', async () => {
    mockFetch({
      'GET /api/findings': {
        status: 401,
        body: { error: { code: 'unauthorised', message: 'No' } },
      },
    });
    const auth = new LocalAuthProvider();
    auth.store('stale', 3600);
    const onAuthRequired = vi.fn();
    const api = new ApiClient(auth, onAuthRequired);

    await expect(api.getItems('/api/findings')).rejects.toBeInstanceOf(SignInRequiredError);
    expect(onAuthRequired).toHaveBeenCalledTimes(1);
    expect(window.sessionStorage.getItem(localTokenStorageKey)).toBeNull();
  });

  it('does not call the API at all without a token', async () => {
    const api = mockFetch({});
    const onAuthRequired = vi.fn();
    const client = new ApiClient(new LocalAuthProvider(), onAuthRequired);
    await expect(client.get('/api/tracker')).rejects.toBeInstanceOf(SignInRequiredError);
    expect(api.calls).toHaveLength(0);
    expect(onAuthRequired).toHaveBeenCalledTimes(1);
  });

  it('turns the server’s error body into an ApiError', async () => {
    mockFetch({
      'POST /api/findings': {
        status: 422,
        body: {
          error: {
            code: 'validation',
            message: 'Check the form.',
            issues: [{ path: ['title'], message: 'Required' }],
          },
        },
      },
    });
    const auth = new LocalAuthProvider();
    auth.store('t', 3600);
    const error: unknown = await new ApiClient(auth, vi.fn())
      .post('/api/findings', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).issues).toEqual([{ path: ['title'], message: 'Required' }]);
  });
});
