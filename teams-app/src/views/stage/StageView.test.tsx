import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { item, mockFetch, partners } from '../../test/fetchMock';
import { renderView } from '../../test/renderView';
import { meetingRecord } from '../sidePanel/testKit';
import { StageView } from './StageView';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

const onStage = {
  inTeams: true,
  frameContext: 'meetingStage',
  meetingId: 'teams-meeting-19abc',
  inSharePoint: false,
};

const observation = (id: string, fields: Record<string, unknown>) =>
  item(id, {
    evidenceClass: 'worry',
    partnerIds: [],
    source: 'meeting',
    meetingId: 'meeting-1',
    status: 'open',
    observedAt: '2026-05-14T09:05:00.000Z',
    modifiedBy: 'person-scrutineer',
    ...fields,
  });

describe('stage view', () => {
  it('groups what was heard by class, with partner names only', async () => {
    const api = mockFetch({
      'GET /api/meetings': {
        status: 200,
        body: { items: [item('meeting-0', { teamsMeetingId: 'other' }), meetingRecord] },
      },
      'GET /api/partners': { status: 200, body: { items: partners } },
      'GET /api/observations': {
        status: 200,
        body: {
          items: [
            observation('o1', {
              text: 'Strong chairing kept to time.',
              evidenceClass: 'gone-well',
            }),
            observation('o2', {
              text: 'No owner for the audit actions.',
              partnerIds: ['partner-police', 'partner-icb'],
            }),
            observation('o3', {
              text: 'Data pack arrived late.',
              observedAt: '2026-05-14T09:20:00Z',
            }),
          ],
        },
      },
    });
    renderView(<StageView />, onStage);

    const worry = await screen.findByRole('region', { name: 'Worry (2)' });
    expect(screen.getByRole('region', { name: 'Gone well (1)' }).textContent).toContain(
      'Strong chairing kept to time.',
    );
    expect(
      within(screen.getByRole('region', { name: 'Too early to judge (0)' })).getByText('None yet.'),
    ).toBeTruthy();
    const items = within(worry).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'No owner for the audit actions.Partners: Harbourside Police, Harbourside ICB',
      'Data pack arrived late.',
    ]);
    expect(document.body.textContent).not.toContain('person-scrutineer');
    // The stage looks the meeting up; only the scrutineer's panel creates records.
    expect(api.callsTo('POST', '/api/meetings')).toHaveLength(0);
    expect(api.calls.some((c) => c.path === '/api/observations?meetingId=meeting-1')).toBe(true);

    const before = api.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() =>
      expect(
        api.calls.slice(before).some((c) => c.path === '/api/observations?meetingId=meeting-1'),
      ).toBe(true),
    );
  });

  it('says when nothing has been noted yet', async () => {
    mockFetch({
      'GET /api/meetings': { status: 200, body: { items: [] } },
      'GET /api/partners': { status: 200, body: { items: partners } },
    });
    renderView(<StageView />, onStage);
    expect(await screen.findByText('Nothing noted in this meeting yet.')).toBeTruthy();
  });
});
