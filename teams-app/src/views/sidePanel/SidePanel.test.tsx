import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { item, mockFetch, partners, type RecordedCall } from '../../test/fetchMock';
import { renderView, TEST_TOKEN } from '../../test/renderView';
import { SidePanel } from './SidePanel';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

const inMeeting = {
  inTeams: true,
  frameContext: 'sidePanel',
  meetingId: 'teams-meeting-19abc',
  teamsTheme: 'default',
  inSharePoint: false,
};
const meeting = item('meeting-1', {
  title: 'Teams meeting',
  kind: 'other',
  startsAt: '2026-05-14T09:00:00.000Z',
  teamsMeetingId: 'teams-meeting-19abc',
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function savedObservation(call: RecordedCall) {
  const body = call.body as Record<string, unknown>;
  return {
    status: 201,
    body: item('observation-1', {
      ...body,
      status: 'open',
      observedAt: '2026-05-14T09:05:00.000Z',
    }),
  };
}

async function renderPanel() {
  const view = renderView(<SidePanel />, inMeeting);
  await screen.findByRole('checkbox', { name: 'Harbourside Police' });
  await screen.findByText('Meeting: Teams meeting');
  return view;
}

describe('side panel', () => {
  it('links the Teams meeting and posts the observation on Enter', async () => {
    const api = mockFetch({
      'POST /api/meetings': { status: 201, body: meeting },
      'GET /api/partners': { status: 200, body: { items: partners } },
      'POST /api/observations': savedObservation,
    });
    await renderPanel();

    const meetingCall = api.callsTo('POST', '/api/meetings')[0];
    expect(meetingCall?.body).toMatchObject({
      kind: 'other',
      teamsMeetingId: 'teams-meeting-19abc',
    });

    const box = screen.getByRole('textbox', { name: 'Observation' });
    const text = 'Partners agreed the audit plan but nobody owned the follow-up.';
    fireEvent.change(box, { target: { value: text } });
    fireEvent.click(screen.getByRole('radio', { name: 'Worry' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Harbourside Police' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Line of enquiry' }), {
      target: { value: 'quality-assurance-and-data' },
    });

    // Shift+Enter is a new line, not a save.
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(api.callsTo('POST', '/api/observations')).toHaveLength(0);

    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(api.callsTo('POST', '/api/observations')).toHaveLength(1));
    const call = api.callsTo('POST', '/api/observations')[0];
    expect(call?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(call?.body).toEqual({
      text,
      evidenceClass: 'worry',
      partnerIds: ['partner-police'],
      source: 'meeting',
      meetingId: 'meeting-1',
      lineOfEnquiry: 'quality-assurance-and-data',
      idempotencyKey: expect.stringMatching(UUID),
    });

    await waitFor(() => expect(box).toHaveProperty('value', ''));
    const recent = screen.getByRole('region', { name: 'Recent' });
    expect(within(recent).getByText(text)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Observation saved.');
  });

  it('keeps the typed text and shows the server message on 422', async () => {
    mockFetch({
      'POST /api/meetings': { status: 200, body: meeting },
      'GET /api/partners': { status: 200, body: { items: partners } },
      'POST /api/observations': {
        status: 422,
        body: {
          error: {
            code: 'identifiable-data',
            message: 'This looks like it could identify someone. Rewrite it and save again.',
            issues: [{ path: 'text', message: 'A phone number was found.' }],
            matches: [{ kind: 'phone number' }],
          },
        },
      },
    });
    await renderPanel();

    const box = screen.getByRole('textbox', { name: 'Observation' });
    const text = 'The duty desk said to ring 01632 960001 for updates.';
    fireEvent.change(box, { target: { value: text } });
    fireEvent.click(screen.getByRole('radio', { name: 'Too early to judge' }));
    fireEvent.keyDown(box, { key: 'Enter' });

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('could identify someone'));
    expect(alert.textContent).toContain('A phone number was found.');
    expect(box).toHaveProperty('value', text);
    expect(
      within(screen.getByRole('region', { name: 'Recent' })).getByText('Nothing saved yet.'),
    ).toBeTruthy();
  });

  it('picks the class with Alt+1, Alt+2 and Alt+3', async () => {
    mockFetch({
      'POST /api/meetings': { status: 200, body: meeting },
      'GET /api/partners': { status: 200, body: { items: partners } },
    });
    await renderPanel();
    const box = screen.getByRole('textbox', { name: 'Observation' });

    fireEvent.keyDown(box, { key: '2', code: 'Digit2', altKey: true });
    expect(screen.getByRole('radio', { name: 'Too early to judge' })).toHaveProperty(
      'checked',
      true,
    );
    // On a Mac Alt+3 types "£"; the physical key still counts.
    fireEvent.keyDown(box, { key: '£', code: 'Digit3', altKey: true });
    expect(screen.getByRole('radio', { name: 'Worry' })).toHaveProperty('checked', true);
    expect(
      screen.getByText(/Alt\+1 Gone well, Alt\+2 Too early to judge, Alt\+3 Worry/),
    ).toBeTruthy();
  });
});
