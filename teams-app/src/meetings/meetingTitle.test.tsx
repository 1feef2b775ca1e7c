import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { mockFetch } from '../test/fetchMock';
import { meeting } from '../test/teamsJsMock';
import { panelRoutes, renderPanel } from '../views/sidePanel/testKit';
import { neutralTitle, safeMeetingTitle } from './meetingTitle';
import { sample } from '../../../tests/domain/guard/samples';

vi.mock('@microsoft/teams-js', () => import('../test/teamsJsMock'));

// Fictional, deliberately identifying: the guard must catch it.
const identifying = `Case discussion with mother ${sample.parentName}`;

function teamsSays(details: { title?: string; scheduledStartTime: string }) {
  vi.mocked(meeting.getMeetingDetails).mockImplementation((callback) =>
    callback(null, { details, conversation: {}, organizer: {} }),
  );
}

beforeEach(() => {
  vi.mocked(meeting.getMeetingDetails).mockImplementation((callback) =>
    callback({ errorCode: 1000 }, null),
  );
});

describe('meeting title', () => {
  it('keeps a safe subject and replaces an identifying or empty one', async () => {
    const start = '2026-11-22T10:00:00.000Z';
    expect(await safeMeetingTitle('Strategic Leadership Group', start)).toBe(
      'Strategic Leadership Group',
    );
    expect(await safeMeetingTitle(identifying, start)).toBe('Teams meeting, 22 November 2026');
    expect(await safeMeetingTitle('   ', start)).toBe('Teams meeting, 22 November 2026');
    expect(neutralTitle('not a date')).toBe('Teams meeting');
  });

  it('creates the record with a neutral title when the Teams subject identifies someone', async () => {
    teamsSays({ title: identifying, scheduledStartTime: '2026-11-22T10:00:00Z' });
    const api = mockFetch(panelRoutes());
    await renderPanel();

    await waitFor(() => expect(api.callsTo('POST', '/api/meetings')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/meetings')[0]?.body).toEqual({
      title: 'Teams meeting, 22 November 2026',
      kind: 'other',
      startsAt: '2026-11-22T10:00:00.000Z',
      teamsMeetingId: 'teams-meeting-19abc',
    });
  });

  it('uses the Teams subject and start when they are safe', async () => {
    teamsSays({ title: 'Audit sub-group', scheduledStartTime: '2026-06-03T13:30:00Z' });
    const api = mockFetch(panelRoutes());
    await renderPanel();

    await waitFor(() => expect(api.callsTo('POST', '/api/meetings')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/meetings')[0]?.body).toMatchObject({
      title: 'Audit sub-group',
      startsAt: '2026-06-03T13:30:00.000Z',
    });
  });

  it('falls back to a neutral title for today when Teams does not answer', async () => {
    vi.mocked(meeting.getMeetingDetails).mockImplementation(() => undefined);
    const api = mockFetch(panelRoutes());
    await renderPanel({ meetingLine: null });

    // The panel waits two seconds for Teams, then goes on without it.
    await waitFor(() => expect(api.callsTo('POST', '/api/meetings')).toHaveLength(1), {
      timeout: 5000,
    });
    await screen.findByText('Meeting: Teams meeting');
    const body = api.callsTo('POST', '/api/meetings')[0]?.body as { title: string };
    expect(body.title).toBe(neutralTitle(new Date().toISOString()));
  });
});
