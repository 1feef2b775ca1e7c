import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { app } from '@microsoft/teams-js';
import { App } from '../app/App';
import { LocalAuthProvider } from '../auth/localAuthProvider';
import { mockFetch } from '../test/fetchMock';
import { dashboardView } from '../views/tracker/test/fixtures';
import { detectHost, isSharePoint } from './teamsHost';

vi.mock('@microsoft/teams-js', () => import('../test/teamsJsMock'));

function context(hostName: string | undefined, extra: object = {}): app.Context {
  // Only the fields the tab reads.
  return {
    app: { theme: 'default', ...(hostName ? { host: { name: hostName } } : {}) },
    page: { frameContext: 'content' },
    ...extra,
  } as unknown as app.Context;
}

describe('SharePoint host', () => {
  beforeEach(() => {
    vi.mocked(app.initialize).mockResolvedValue(undefined);
  });

  it('knows SharePoint by its host name or its SharePoint context', async () => {
    expect(isSharePoint(context('SharePoint'))).toBe(true);
    expect(isSharePoint(context('SharePointOnline'))).toBe(true);
    expect(isSharePoint(context('Teams'))).toBe(false);
    expect(isSharePoint(context(undefined))).toBe(false);
    expect(isSharePoint(context('Teams', { sharepoint: { serverRelativeUrl: '/sites/x' } }))).toBe(
      true,
    );
    vi.mocked(app.getContext).mockResolvedValue(context('SharePointOnline'));
    await expect(detectHost(100)).resolves.toMatchObject({
      inTeams: true,
      inSharePoint: true,
      frameContext: 'content',
    });
  });

  it('opens the dashboard at / in SharePoint, where the executives are', async () => {
    vi.mocked(app.getContext).mockResolvedValue(context('SharePoint'));
    new LocalAuthProvider().store('exec-token', 3600);
    const api = mockFetch({
      'GET /auth/config': { status: 200, body: { mode: 'local' } },
      'GET /api/dashboard': { status: 200, body: dashboardView },
    });
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    await screen.findByRole('heading', { name: 'Headline figures' });
    expect(window.location.pathname).toBe('/');
    expect(api.callsTo('GET', '/api/dashboard')).toHaveLength(1);
  });
});
