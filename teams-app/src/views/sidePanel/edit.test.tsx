import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { item, mockFetch, type Route } from '../../test/fetchMock';
import { panelRoutes, renderPanel, setOnline } from './testKit';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

afterEach(() => setOnline(true));

const original = 'Partners agreed the audit plan but nobody owned the follow-up.';

function savedObservation(version: number, fields: Record<string, unknown> = {}) {
  return {
    ...item('observation-7', {
      text: original,
      evidenceClass: 'worry',
      partnerIds: ['partner-police'],
      source: 'meeting',
      meetingId: 'meeting-1',
      observedAt: '2026-05-14T09:05:00.000Z',
      status: 'open',
      idempotencyKey: 'k-7',
      ...fields,
    }),
    etag: `"observation-7-${version}"`,
    version,
  };
}

/** The server's current copy, which a test can change behind the panel's back. */
function serverWith(initial: ReturnType<typeof savedObservation>, patch: Route) {
  const state = { current: initial };
  const routes = panelRoutes({
    'GET /api/observations': () => ({ status: 200, body: { items: [state.current] } }),
    'PATCH /api/observations/observation-7': patch,
  });
  return { state, api: mockFetch(routes) };
}

async function openEditor() {
  await renderPanel();
  const recent = screen.getByRole('region', { name: 'Recent' });
  await within(recent).findByText(original);
  fireEvent.click(within(recent).getByRole('button', { name: /^Edit: Partners agreed/ }));
  const box = await within(recent).findByRole('textbox', { name: 'Edit observation' });
  return { recent, box };
}

describe('editing a saved observation', () => {
  it('sends only the changes, with If-Match, and shows the updated one', async () => {
    const edited = 'Partners agreed the audit plan; the council will own the follow-up.';
    const { api } = serverWith(savedObservation(1), (call) => ({
      status: 200,
      body: savedObservation(2, call.body as Record<string, unknown>),
    }));
    const { recent, box } = await openEditor();
    expect(document.activeElement).toBe(box);

    fireEvent.change(box, { target: { value: edited } });
    fireEvent.click(within(recent).getByRole('radio', { name: 'Too early to judge' }));
    fireEvent.click(within(recent).getByRole('button', { name: 'Save changes' }));

    // The saved text is shown as a paragraph once the editor closes.
    await waitFor(() => expect(within(recent).getByText(edited, { selector: 'p' })).toBeTruthy());
    const [call] = api.callsTo('PATCH', '/api/observations/observation-7');
    expect(call?.headers['if-match']).toBe('"observation-7-1"');
    expect(call?.body).toEqual({ text: edited, evidenceClass: 'too-early' });
    expect(screen.getByRole('status').textContent).toBe('Changes saved.');
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(recent).getByRole('button', { name: /^Edit: Partners agreed the audit plan;/ }),
      ),
    );
  });

  it('clears the line of enquiry with null when None is chosen', async () => {
    const { api } = serverWith(
      savedObservation(1, { lineOfEnquiry: 'voice-of-the-child' }),
      (call) => ({ status: 200, body: savedObservation(2, call.body as Record<string, unknown>) }),
    );
    const { recent } = await openEditor();
    const enquiry = within(recent).getByRole('combobox', { name: 'Line of enquiry' });
    expect(enquiry).toHaveProperty('value', 'voice-of-the-child');

    fireEvent.change(enquiry, { target: { value: '' } });
    fireEvent.click(within(recent).getByRole('button', { name: 'Save changes' }));

    await within(recent).findByRole('button', { name: /^Edit: Partners agreed/ });
    const [call] = api.callsTo('PATCH', '/api/observations/observation-7');
    expect(call?.body).toEqual({ lineOfEnquiry: null });
    expect(screen.getByRole('status').textContent).toBe('Changes saved.');
  });

  it('sends no line of enquiry when it was None and stays None', async () => {
    const { api } = serverWith(savedObservation(1), (call) => ({
      status: 200,
      body: savedObservation(2, call.body as Record<string, unknown>),
    }));
    const { recent, box } = await openEditor();
    fireEvent.change(box, { target: { value: 'Reworded.' } });
    fireEvent.click(within(recent).getByRole('button', { name: 'Save changes' }));

    await within(recent).findByText('Reworded.', { selector: 'p' });
    const [call] = api.callsTo('PATCH', '/api/observations/observation-7');
    expect(call?.body).toEqual({ text: 'Reworded.' });
  });

  it('keeps the edit after 412, reloads the item and saves against the new version', async () => {
    const mine = 'My corrected wording of the observation.';
    let patches = 0;
    const { state, api } = serverWith(savedObservation(1), (call) => {
      patches += 1;
      if (patches === 1) return { status: 412, body: { error: { code: 'conflict' } } };
      return { status: 200, body: savedObservation(3, call.body as Record<string, unknown>) };
    });
    const { recent, box } = await openEditor();
    const getsBefore = api.calls.filter(
      (c) => c.method === 'GET' && c.path.startsWith('/api/observations'),
    ).length;

    // Someone else saves a change first.
    state.current = savedObservation(2, { text: 'Their wording, saved first.' });
    fireEvent.change(box, { target: { value: mine } });
    fireEvent.keyDown(box, { key: 'Enter' });

    await within(recent).findByText(/Someone else changed this observation/);
    expect(box).toHaveProperty('value', mine);
    await within(recent).findByText('Saved text now: Their wording, saved first.');
    expect(
      api.calls.filter((c) => c.method === 'GET' && c.path.startsWith('/api/observations')).length,
    ).toBeGreaterThan(getsBefore);

    fireEvent.click(within(recent).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(within(recent).getByText(mine, { selector: 'p' })).toBeTruthy());
    const calls = api.callsTo('PATCH', '/api/observations/observation-7');
    expect(calls.map((c) => c.headers['if-match'])).toEqual([
      '"observation-7-1"',
      '"observation-7-2"',
    ]);
  });

  it('says when it was already promoted and keeps the text readable', async () => {
    serverWith(savedObservation(1), {
      status: 409,
      body: { error: { code: 'illegal-transition', message: 'Promoted.' } },
    });
    const { recent, box } = await openEditor();
    fireEvent.change(box, { target: { value: 'Too late to change this.' } });
    fireEvent.click(within(recent).getByRole('button', { name: 'Save changes' }));

    await within(recent).findByText(/already been promoted to a finding/);
    expect(box).toHaveProperty('value', 'Too late to change this.');
    expect(box).toHaveProperty('readOnly', true);
    expect(
      within(recent).getByRole('button', { name: 'Save changes' }).getAttribute('aria-disabled'),
    ).toBe('true');
  });

  it('warns about identifying details and does not send', async () => {
    const { api } = serverWith(savedObservation(1), { status: 500 });
    const { recent, box } = await openEditor();
    fireEvent.change(box, { target: { value: 'Ring the duty desk on 01632 960001.' } });
    await waitFor(() => expect(box.getAttribute('aria-invalid')).toBe('true'));
    expect(
      within(recent).getByText(/This may identify a child or family: a phone number/),
    ).toBeTruthy();

    fireEvent.click(within(recent).getByRole('button', { name: 'Save changes' }));
    await within(recent).findByText(/^Not saved\. This may identify/);
    expect(api.callsTo('PATCH', '/api/observations/observation-7')).toHaveLength(0);
  });

  it('needs the network, says so, and keeps the edit', async () => {
    const { api } = serverWith(savedObservation(1), { status: 500 });
    const { recent, box } = await openEditor();
    setOnline(false);
    fireEvent.change(box, { target: { value: 'Edited on the train.' } });
    fireEvent.click(within(recent).getByRole('button', { name: 'Save changes' }));

    await within(recent).findByText(/Editing needs a connection/);
    expect(box).toHaveProperty('value', 'Edited on the train.');
    expect(api.callsTo('PATCH', '/api/observations/observation-7')).toHaveLength(0);
  });
});
