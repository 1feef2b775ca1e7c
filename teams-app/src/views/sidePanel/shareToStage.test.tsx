import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch } from '../../test/fetchMock';
import { meeting } from '../../test/teamsJsMock';
import { standaloneHost } from '../../host/teamsHost';
import { inMeeting, panelRoutes, renderPanel } from './testKit';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

describe('share to stage', () => {
  it('shares the stage view from a meeting side panel', async () => {
    mockFetch(panelRoutes());
    await renderPanel({ host: inMeeting });
    fireEvent.click(screen.getByRole('button', { name: 'Share to stage' }));

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Shared to the meeting stage.'),
    );
    expect(meeting.shareAppContentToStage).toHaveBeenCalledWith(
      expect.any(Function),
      `${window.location.origin}/stage`,
    );
  });

  it('explains why Teams refused', async () => {
    vi.mocked(meeting.shareAppContentToStage).mockImplementationOnce((callback) =>
      callback({ errorCode: 1000 }, null),
    );
    mockFetch(panelRoutes());
    await renderPanel({ host: inMeeting });
    fireEvent.click(screen.getByRole('button', { name: 'Share to stage' }));

    await waitFor(() =>
      expect(
        screen
          .getAllByRole('alert')
          .map((a) => a.textContent)
          .join(' '),
      ).toContain(
        'Not shared. Teams did not allow it. Only the meeting organiser or a presenter can share to the stage.',
      ),
    );
  });

  it('is not offered outside a meeting', async () => {
    mockFetch(panelRoutes({ 'GET /api/meetings': { status: 200, body: { items: [] } } }));
    await renderPanel({ host: standaloneHost });
    expect(screen.queryByRole('button', { name: 'Share to stage' })).toBeNull();
  });
});
