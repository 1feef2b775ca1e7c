import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../app/App';
import { mockFetch } from '../test/fetchMock';
import { trackerView } from '../views/tracker/test/fixtures';
import { createMsalMock, msalResult } from './test/entraMocks';

const msal = vi.hoisted(() => ({ mock: null as unknown }));
vi.mock('@azure/msal-browser', async () => {
  const { createMsalMock: create } = await import('./test/entraMocks');
  msal.mock = create();
  return msal.mock;
});
const bridge = vi.hoisted(() => ({ broadcastResponseToMainFrame: vi.fn(() => Promise.resolve()) }));
vi.mock('@azure/msal-browser/redirect-bridge', () => bridge);
// Outside Teams: app.initialize() rejects, as in a plain browser.
vi.mock('@microsoft/teams-js', async () => ({
  ...(await import('../test/teamsJsMock')),
  authentication: { getAuthToken: vi.fn() },
  nestedAppAuth: { isNAAChannelRecommended: vi.fn(() => false) },
}));

async function fakeMsal() {
  await import('@azure/msal-browser');
  return msal.mock as ReturnType<typeof createMsalMock>;
}

const entraConfig = {
  mode: 'entra',
  clientId: '00000000-0000-0000-0000-000000000001',
  tenantId: '00000000-0000-0000-0000-0000000000aa',
  authority: 'https://login.microsoftonline.com',
  scope: 'api://tab.example/00000000-0000-0000-0000-000000000001/access_as_user',
};

describe('Entra sign-in in a browser', () => {
  beforeEach(async () => {
    const m = await fakeMsal();
    vi.clearAllMocks();
    m.pca.getActiveAccount.mockReturnValue(null);
    m.pca.getAllAccounts.mockReturnValue([]);
  });

  it('shows a Sign in button (no dead end), and calls the API with the pop-up’s token', async () => {
    const m = await fakeMsal();
    m.pca.acquireTokenPopup.mockResolvedValue(msalResult('popup-token'));
    const api = mockFetch({
      'GET /auth/config': { status: 200, body: entraConfig },
      'GET /api/tracker': { status: 200, body: trackerView },
    });
    window.history.replaceState(null, '', '/tracker');
    render(<App />);

    // The sign-in chain is a lazy chunk; the first test in a file pays for transforming it.
    const button = await screen.findByRole('button', { name: 'Sign in' }, { timeout: 8000 });
    expect(screen.getByRole('alert').textContent).toMatch(/Sign in with your work account/);
    expect(api.callsTo('GET', '/api/tracker')).toHaveLength(0);

    fireEvent.click(button);
    await waitFor(() => expect(api.callsTo('GET', '/api/tracker').length).toBeGreaterThan(0));
    expect(api.callsTo('GET', '/api/tracker')[0]?.headers.authorization).toBe('Bearer popup-token');
    await screen.findByRole('heading', { name: 'Recommendations tracker' });
    expect(window.localStorage.length).toBe(0);
  });

  it('says so plainly when the browser blocks the pop-up, and keeps the button', async () => {
    const m = await fakeMsal();
    m.pca.acquireTokenPopup.mockRejectedValue(
      Object.assign(new Error('popup'), { errorCode: 'popup_window_error' }),
    );
    mockFetch({ 'GET /auth/config': { status: 200, body: entraConfig } });
    window.history.replaceState(null, '', '/tracker');
    render(<App />);

    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }, { timeout: 8000 }));
    await screen.findByText(/Your browser blocked the sign-in window/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('answers MSAL’s pop-up at /auth-redirect with the redirect bridge, and nothing else', async () => {
    const api = mockFetch({});
    window.history.replaceState(null, '', '/auth-redirect#code=abc&state=xyz');
    render(<App />);
    await screen.findByText('Finishing sign-in…');
    await waitFor(() => expect(bridge.broadcastResponseToMainFrame).toHaveBeenCalledTimes(1));
    expect(api.calls).toHaveLength(0);
  });
});
