import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch } from '../../test/fetchMock';
import { MemoryStore } from '../../outbox/memoryStore';
import { observationServer, panelRoutes, renderPanel } from './testKit';
import { sample } from '../../../../tests/domain/guard/samples';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

const box = () => screen.getByRole('textbox', { name: 'Observation' });
const checkbox = (name: string) => screen.getByRole('checkbox', { name });

describe('keyboard capture', () => {
  it('picks the class with Alt+1, Alt+2 and Alt+3', async () => {
    mockFetch(panelRoutes());
    await renderPanel();

    fireEvent.keyDown(box(), { key: '2', code: 'Digit2', altKey: true });
    expect(screen.getByRole('radio', { name: 'Too early to judge' })).toHaveProperty(
      'checked',
      true,
    );
    // On a Mac Alt+3 types "£"; the physical key still counts.
    fireEvent.keyDown(box(), { key: '£', code: 'Digit3', altKey: true });
    expect(screen.getByRole('radio', { name: 'Worry' })).toHaveProperty('checked', true);
    expect(screen.getByRole('status').textContent).toBe('Class: Worry');
    expect(
      screen.getByText(
        /Alt\+1 Gone well, Alt\+2 Too early to judge, Alt\+3 Worry\. Partners: Alt\+P/,
      ),
    ).toBeTruthy();
  });

  it('ticks partners with Alt+P then their numbers, and Esc goes back to the text', async () => {
    const server = observationServer();
    const api = mockFetch(panelRoutes({ 'POST /api/observations': server.reply }));
    await renderPanel();
    fireEvent.change(box(), { target: { value: 'Police and health both absent.' } });
    fireEvent.keyDown(box(), { key: '3', code: 'Digit3', altKey: true });

    // On a Mac Option+P types "π".
    fireEvent.keyDown(box(), { key: 'π', code: 'KeyP', altKey: true });
    expect(document.activeElement).toBe(checkbox('Harbourside Council'));

    fireEvent.keyDown(document.activeElement!, { key: '2', code: 'Digit2' });
    fireEvent.keyDown(document.activeElement!, { key: '3', code: 'Digit3' });
    expect(checkbox('Harbourside Police')).toHaveProperty('checked', true);
    expect(checkbox('Harbourside ICB')).toHaveProperty('checked', true);
    expect(checkbox('Harbourside Council')).toHaveProperty('checked', false);
    expect(screen.getByRole('status').textContent).toBe('Harbourside ICB: ticked');
    fireEvent.keyDown(document.activeElement!, { key: '3', code: 'Digit3' });
    expect(checkbox('Harbourside ICB')).toHaveProperty('checked', false);
    expect(screen.getByText(/Press 1 to 9 to tick or untick a partner/)).toBeTruthy();

    fireEvent.keyDown(document.activeElement!, { key: 'Escape', code: 'Escape' });
    expect(document.activeElement).toBe(box());

    // Enter from the partner group saves too.
    fireEvent.keyDown(box(), { key: 'π', code: 'KeyP', altKey: true });
    fireEvent.keyDown(document.activeElement!, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect(server.stored.size).toBe(1));
    expect(api.callsTo('POST', '/api/observations')[0]?.body).toMatchObject({
      evidenceClass: 'worry',
      partnerIds: ['partner-police'],
    });
  });
});

describe('identifiable-data warning', () => {
  it('warns while typing, marks the box invalid and refuses to save', async () => {
    const api = mockFetch(panelRoutes());
    await renderPanel();
    fireEvent.click(screen.getByRole('radio', { name: 'Worry' }));

    fireEvent.change(box(), {
      target: { value: 'The duty desk said to ring 01632 960001 for updates.' },
    });
    await waitFor(() => expect(box().getAttribute('aria-invalid')).toBe('true'));
    const warning = screen.getByText(/This may identify a child or family: a phone number/);
    expect(warning.textContent).toContain('“01632 960001”');

    fireEvent.keyDown(box(), { key: 'Enter' });
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('alert')
          .map((a) => a.textContent)
          .join(' '),
      ).toContain('Not saved. This may identify a child or family: a phone number'),
    );
    expect(api.callsTo('POST', '/api/observations')).toHaveLength(0);
    expect(box()).toHaveProperty('value', 'The duty desk said to ring 01632 960001 for updates.');

    fireEvent.change(box(), { target: { value: 'The duty desk gave a number for updates.' } });
    await waitFor(() => expect(box().getAttribute('aria-invalid')).not.toBe('true'));
    expect(screen.queryByText(/This may identify a child or family/)).toBeNull();
  });

  it('checks the exact text on Enter even before the typing check has run', async () => {
    const api = mockFetch(panelRoutes());
    await renderPanel();
    fireEvent.click(screen.getByRole('radio', { name: 'Worry' }));
    fireEvent.change(box(), {
      target: { value: `Seen with mother ${sample.parentName} at the hub.` },
    });
    fireEvent.keyDown(box(), { key: 'Enter' });
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('alert')
          .map((a) => a.textContent)
          .join(' '),
      ).toContain('Not saved.'),
    );
    expect(api.callsTo('POST', '/api/observations')).toHaveLength(0);
  });
});

describe('drafts', () => {
  it('restores the unsaved text and choices when the panel opens again', async () => {
    mockFetch(panelRoutes());
    const store = new MemoryStore();
    const first = await renderPanel({ store });
    fireEvent.change(box(), { target: { value: 'Half a thought about the audit' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Gone well' }));
    fireEvent.click(checkbox('Harbourside ICB'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Line of enquiry' }), {
      target: { value: 'voice-of-the-child' },
    });
    await waitFor(async () =>
      expect(await store.getDraft('teams:teams-meeting-19abc')).toMatchObject({
        text: 'Half a thought about the audit',
        evidenceClass: 'gone-well',
        partnerIds: ['partner-icb'],
        lineOfEnquiry: 'voice-of-the-child',
        source: 'meeting',
      }),
    );
    first.unmount();

    await renderPanel({ store });
    await waitFor(() => expect(box()).toHaveProperty('value', 'Half a thought about the audit'));
    expect(screen.getByRole('radio', { name: 'Gone well' })).toHaveProperty('checked', true);
    expect(checkbox('Harbourside ICB')).toHaveProperty('checked', true);
    expect(screen.getByRole('combobox', { name: 'Line of enquiry' })).toHaveProperty(
      'value',
      'voice-of-the-child',
    );
    expect(screen.getByRole('status').textContent).toBe('Your unsaved observation was restored.');
  });

  it('writes the draft at once when the panel closes, and clears it once saved', async () => {
    const server = observationServer();
    mockFetch(panelRoutes({ 'POST /api/observations': server.reply }));
    const store = new MemoryStore();
    const view = await renderPanel({ store });
    fireEvent.change(box(), { target: { value: 'Typed just before closing' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Worry' }));
    // Closing unmounts straight away, inside the debounce.
    view.unmount();
    await waitFor(async () =>
      expect((await store.getDraft('teams:teams-meeting-19abc'))?.text).toBe(
        'Typed just before closing',
      ),
    );

    await renderPanel({ store });
    await waitFor(() => expect(box()).toHaveProperty('value', 'Typed just before closing'));
    fireEvent.keyDown(box(), { key: 'Enter' });
    await waitFor(() => expect(server.stored.size).toBe(1));
    await waitFor(async () =>
      expect(await store.getDraft('teams:teams-meeting-19abc')).toBeUndefined(),
    );
  });
});
