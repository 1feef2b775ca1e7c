import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockFetch } from '../../test/fetchMock';
import { TEST_TOKEN } from '../../test/renderView';
import { MemoryStore } from '../../outbox/memoryStore';
import type { OutboxEntry } from '../../outbox/types';
import { observationServer, panelRoutes, renderPanel, setOnline } from './testKit';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

afterEach(() => setOnline(true));

function type(text: string) {
  const box = screen.getByRole('textbox', { name: 'Observation' });
  fireEvent.change(box, { target: { value: text } });
  return box;
}

describe('side panel', () => {
  it('links the Teams meeting and posts the observation on Enter', async () => {
    const server = observationServer();
    const api = mockFetch(panelRoutes({ 'POST /api/observations': server.reply }));
    await renderPanel({ meetingLine: 'Meeting: Teams meeting' });

    expect(api.callsTo('POST', '/api/meetings')[0]?.body).toMatchObject({
      kind: 'other',
      teamsMeetingId: 'teams-meeting-19abc',
    });

    const text = 'Partners agreed the audit plan but nobody owned the follow-up.';
    const box = type(text);
    fireEvent.click(screen.getByRole('radio', { name: 'Worry' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Harbourside Police' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Line of enquiry' }), {
      target: { value: 'quality-assurance-and-data' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Source' }), {
      target: { value: 'practitioners' },
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
      source: 'practitioners',
      meetingId: 'meeting-1',
      lineOfEnquiry: 'quality-assurance-and-data',
      observedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      idempotencyKey: expect.stringMatching(UUID),
    });

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Observation saved.'));
    const recent = screen.getByRole('region', { name: 'Recent' });
    expect(within(recent).getByText(text)).toBeTruthy();
    // Faster capture: the text box is empty and focused, the choices stay for the next one.
    expect(box).toHaveProperty('value', '');
    expect(document.activeElement).toBe(box);
    expect(screen.getByRole('radio', { name: 'Worry' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Harbourside Police' })).toHaveProperty(
      'checked',
      true,
    );
    expect(screen.getByRole('combobox', { name: 'Source' })).toHaveProperty(
      'value',
      'practitioners',
    );
  });

  it('keeps it on the device while offline and sends it when back online', async () => {
    const server = observationServer();
    let online = false;
    const api = mockFetch(
      panelRoutes({
        'POST /api/observations': (call) => {
          if (!online) throw new TypeError('Failed to fetch');
          return server.reply(call);
        },
      }),
    );
    const { store } = await renderPanel({ meetingLine: 'Meeting: Teams meeting' });
    setOnline(false);

    const text = 'The chair summarised actions without owners.';
    const box = type(text);
    fireEvent.keyDown(box, { key: '3', code: 'Digit3', altKey: true });
    fireEvent.keyDown(box, { key: 'Enter' });

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Saved on this device. It will be sent when you are back online.',
      ),
    );
    const pending = screen.getByRole('region', { name: 'Pending (1)' });
    expect(pending.textContent).toContain('The chair summarised actions');
    expect(pending.textContent).toContain('No connection');
    expect(
      within(screen.getByRole('region', { name: 'Recent' })).getByText('Pending: not sent yet'),
    ).toBeTruthy();
    expect(await store.allEntries()).toHaveLength(1);

    online = true;
    setOnline(true);
    window.dispatchEvent(new Event('online'));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Observation saved.'));
    expect(screen.queryByRole('region', { name: /^Pending/ })).toBeNull();
    expect(server.stored.size).toBe(1);
    const keys = api
      .callsTo('POST', '/api/observations')
      .map((c) => (c.body as { idempotencyKey: string }).idempotencyKey);
    expect(new Set(keys).size).toBe(1);
    expect(await store.allEntries()).toEqual([]);
  });

  it('sends what was left pending when the panel opens again', async () => {
    const server = observationServer();
    const api = mockFetch(panelRoutes({ 'POST /api/observations': server.reply }));
    const store = new MemoryStore();
    const left: OutboxEntry = {
      key: '6b0b7a34-52b4-4f53-9f0f-1e5f0d1b2c3d',
      seq: 1,
      scope: 'teams:teams-meeting-19abc',
      createdAt: '2026-05-14T09:03:00.000Z',
      observedAt: '2026-05-14T09:03:00.000Z',
      fields: {
        text: 'Left from before.',
        evidenceClass: 'gone-well',
        partnerIds: [],
        source: 'meeting',
      },
      teamsMeeting: {
        teamsMeetingId: 'teams-meeting-19abc',
        title: 'Teams meeting, 14 May 2026',
        startsAt: '2026-05-14T09:00:00.000Z',
      },
      state: 'pending',
      attempts: 2,
      retryAt: Date.now() + 60_000,
      reason: 'No connection. It will be sent when you are back online.',
    };
    await store.putEntry(left);

    await renderPanel({ store });

    await waitFor(() => expect(server.stored.size).toBe(1));
    expect(api.callsTo('POST', '/api/observations')[0]?.body).toMatchObject({
      text: 'Left from before.',
      meetingId: 'meeting-1',
      observedAt: '2026-05-14T09:03:00.000Z',
      idempotencyKey: left.key,
    });
    await waitFor(async () => expect(await store.allEntries()).toEqual([]));
  });

  it('shows a refused one under Failed, in words, to edit and resend or discard', async () => {
    const server = observationServer();
    let refuse = true;
    mockFetch(
      panelRoutes({
        'POST /api/observations': (call) =>
          refuse
            ? {
                status: 400,
                body: {
                  error: { code: 'unknown-partner', message: 'There is no partner with id x.' },
                },
              }
            : server.reply(call),
      }),
    );
    await renderPanel();

    const text = 'Escalation route was unclear to the health lead.';
    const box = type(text);
    fireEvent.click(screen.getByRole('radio', { name: 'Too early to judge' }));
    fireEvent.keyDown(box, { key: 'Enter' });

    const failed = await screen.findByRole('region', { name: 'Failed (1)' });
    expect(failed.textContent).toContain('Escalation route was unclear');
    expect(failed.textContent).toContain('Not accepted: There is no partner with id x.');
    expect(screen.getByRole('status').textContent).toContain('It is listed under Failed');

    // Discard asks first; keeping it changes nothing.
    fireEvent.click(within(failed).getByRole('button', { name: /^Discard: Escalation route/ }));
    const keep = within(failed).getByRole('button', { name: 'Keep it' });
    expect(within(failed).getByText(/cannot be recovered/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(keep));
    fireEvent.click(keep);
    expect(screen.getByRole('region', { name: 'Failed (1)' })).toBeTruthy();

    fireEvent.click(within(failed).getByRole('button', { name: /^Edit and resend: Escalation/ }));
    const editor = await within(failed).findByRole('textbox', { name: 'Edit observation' });
    expect(editor).toHaveProperty('value', text);
    fireEvent.change(editor, { target: { value: 'Escalation route was unclear to partners.' } });
    refuse = false;
    fireEvent.click(within(failed).getByRole('button', { name: 'Resend' }));

    await waitFor(() => expect(server.stored.size).toBe(1));
    expect([...server.stored.values()][0]?.text).toBe('Escalation route was unclear to partners.');
    await waitFor(() => expect(screen.queryByRole('region', { name: /^Failed/ })).toBeNull());
  });

  it('discards a failed one only after confirmation', async () => {
    mockFetch(
      panelRoutes({
        'POST /api/observations': {
          status: 403,
          body: {
            error: { code: 'forbidden', message: 'Only the scrutineer can file observations.' },
          },
        },
      }),
    );
    const { store } = await renderPanel();
    const box = type('A note that will be refused.');
    fireEvent.click(screen.getByRole('radio', { name: 'Gone well' }));
    fireEvent.keyDown(box, { key: 'Enter' });

    const failed = await screen.findByRole('region', { name: 'Failed (1)' });
    fireEvent.click(within(failed).getByRole('button', { name: /^Discard: A note/ }));
    expect(await store.allEntries()).toHaveLength(1);
    fireEvent.click(within(failed).getByRole('button', { name: 'Discard for good' }));

    await waitFor(() => expect(screen.queryByRole('region', { name: /^Failed/ })).toBeNull());
    expect(await store.allEntries()).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('Observation discarded.');
  });

  it('keeps it pending and asks to sign in again after 401', async () => {
    mockFetch(
      panelRoutes({
        'POST /api/observations': { status: 401, body: { error: { code: 'unauthorised' } } },
      }),
    );
    const { store, onAuthRequired } = await renderPanel();
    const box = type('Signed out mid-meeting.');
    fireEvent.click(screen.getByRole('radio', { name: 'Worry' }));
    fireEvent.keyDown(box, { key: 'Enter' });

    const pending = await screen.findByRole('region', { name: 'Pending (1)' });
    await waitFor(() => expect(pending.textContent).toContain('Sign in again to send'));
    expect(screen.getByRole('status').textContent).toBe(
      'Saved on this device. Sign in again to send.',
    );
    expect(onAuthRequired).toHaveBeenCalled();
    expect((await store.allEntries())[0]).toMatchObject({ state: 'pending', needsSignIn: true });
  });
});
