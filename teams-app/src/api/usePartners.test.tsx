import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalAuthProvider } from '../auth/localAuthProvider';
import { mockFetch } from '../test/fetchMock';
import { ApiContext } from './ApiContext';
import { ApiClient } from './client';
import { usePartners } from './usePartners';

const police = { id: 'p1', name: 'Eastshire Constabulary', kind: 'police' };

function wrapper({ children }: { children: ReactNode }) {
  const auth = new LocalAuthProvider();
  auth.store('token', 3600);
  return (
    <ApiContext.Provider value={new ApiClient(auth, () => undefined)}>
      {children}
    </ApiContext.Provider>
  );
}

afterEach(() => {
  localStorage.clear();
  vi.unstubAllGlobals();
});

describe('usePartners', () => {
  it('falls back to the list this device last saw when the server cannot be reached', async () => {
    mockFetch({ 'GET /api/partners': { status: 200, body: { items: [police] } } });
    const online = renderHook(() => usePartners(), { wrapper });
    await waitFor(() => expect(online.result.current.data).toEqual([police]));
    online.unmount();

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const offline = renderHook(() => usePartners(), { wrapper });
    await waitFor(() => expect(offline.result.current.loading).toBe(false));
    expect(offline.result.current.data).toEqual([police]);
    expect(offline.result.current.problem).toBeUndefined();
  });

  it('shows a refusal as it is, never the cached list', async () => {
    localStorage.setItem('critical-friend.partners', JSON.stringify([police]));
    mockFetch({
      'GET /api/partners': { status: 403, body: { error: { code: 'forbidden', message: 'No.' } } },
    });
    const { result } = renderHook(() => usePartners(), { wrapper });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.data).toBeUndefined();
    expect(result.current.problem?.text).toBe('No.');
  });
});
