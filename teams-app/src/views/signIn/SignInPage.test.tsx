import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../app/App';
import { localTokenStorageKey } from '../../auth/localAuthProvider';
import { mockFetch } from '../../test/fetchMock';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

const people = [
  {
    upn: 'scrutineer@harbourside.example',
    displayName: 'Sam Scrutineer',
    roles: ['scrutineer'],
  },
  {
    upn: 'lead.police@harbourside.example',
    displayName: 'Pat Police-Lead',
    roles: ['partner-lead'],
    partnerName: 'Harbourside Police',
  },
];

describe('sign-in page (local mode)', () => {
  it('lists the demo people, stores the token and returns to the wanted page', async () => {
    const api = mockFetch({
      'GET /auth/config': { status: 200, body: { mode: 'local' } },
      'GET /dev/people': { status: 200, body: people },
      'POST /dev/token': { status: 200, body: { access_token: 'token-for-sam', expires_in: 3600 } },
      'GET /api/tracker': { status: 200, body: { rows: [] } },
    });
    // Going to the tracker signed out sends us to sign in, remembering where we were going.
    window.history.replaceState(null, '', '/tracker');
    render(<App />);

    await waitFor(() => expect(window.location.pathname).toBe('/sign-in'));
    expect(new URLSearchParams(window.location.search).get('returnTo')).toBe('/tracker');

    const sam = await screen.findByRole('button', {
      name: 'Sign in as Sam Scrutineer scrutineer@harbourside.example Scrutineer',
    });
    expect(screen.getByRole('button', { name: /Pat Police-Lead/ })).toBeTruthy();
    expect(screen.getByText('Partner lead, Harbourside Police')).toBeTruthy();

    fireEvent.click(sam);

    await waitFor(() => expect(window.location.pathname).toBe('/tracker'));
    expect(api.callsTo('POST', '/dev/token')[0]?.body).toEqual({
      upn: 'scrutineer@harbourside.example',
    });
    const stored = JSON.parse(window.sessionStorage.getItem(localTokenStorageKey) ?? '{}') as {
      token?: string;
    };
    expect(stored.token).toBe('token-for-sam');

    await screen.findByText('No recommendations to track yet.');
    const trackerCalls = api.callsTo('GET', '/api/tracker');
    expect(trackerCalls.at(-1)?.headers.authorization).toBe('Bearer token-for-sam');
  });

  it('says plainly that Teams sign-in is not ready in Entra mode', async () => {
    mockFetch({
      'GET /auth/config': { status: 200, body: { mode: 'entra', clientId: 'x', tenantId: 'y' } },
    });
    window.history.replaceState(null, '', '/workbench');
    render(<App />);
    await screen.findByText('Sign-in through Teams is not configured yet.');
  });
});
