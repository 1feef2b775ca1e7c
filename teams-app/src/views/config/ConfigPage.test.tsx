import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { pages } from '@microsoft/teams-js';
import { renderView } from '../../test/renderView';
import { ConfigPage } from './ConfigPage';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

const teams = { inTeams: true, inSharePoint: false, frameContext: 'settings' };
const origin = window.location.origin;

/** Saves as Teams would (the latest handler registered) and returns the config it set. */
async function save(): Promise<unknown> {
  const handler = vi.mocked(pages.config.registerOnSaveHandler).mock.calls.at(-1)?.[0];
  const notifySuccess = vi.fn();
  handler?.({ notifySuccess, notifyFailure: vi.fn() } as unknown as pages.config.SaveEvent);
  await waitFor(() => expect(notifySuccess).toHaveBeenCalled());
  return vi.mocked(pages.config.setConfig).mock.calls.at(-1)?.[0];
}

describe('configurable tab page', () => {
  beforeEach(() => {
    vi.mocked(pages.config.registerOnSaveHandler).mockClear();
    vi.mocked(pages.config.setConfig).mockClear();
  });

  it('lets a channel or chat tab show the tracker or the dashboard', async () => {
    renderView(<ConfigPage />, teams);
    const tracker = screen.getByRole('radio', { name: /^Tracker/ }) as HTMLInputElement;
    expect(tracker.checked).toBe(true);
    expect(pages.config.setValidityState).toHaveBeenCalledWith(true);
    expect(await save()).toMatchObject({
      contentUrl: `${origin}/tracker`,
      websiteUrl: `${origin}/tracker`,
      entityId: 'critical-friend-tracker',
    });

    fireEvent.click(screen.getByRole('radio', { name: /^Dashboard/ }));
    expect(await save()).toMatchObject({
      contentUrl: `${origin}/dashboard`,
      entityId: 'critical-friend-dashboard',
    });
  });

  it('offers the dashboard first in SharePoint', async () => {
    renderView(<ConfigPage />, { ...teams, inSharePoint: true });
    expect((screen.getByRole('radio', { name: /^Dashboard/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(await save()).toMatchObject({ contentUrl: `${origin}/dashboard` });
  });

  it('always points a meeting tab at the side panel, with nothing to choose', async () => {
    renderView(<ConfigPage />, { ...teams, meetingId: 'meeting-1' });
    expect(screen.queryByRole('radio')).toBeNull();
    expect(await save()).toMatchObject({ contentUrl: `${origin}/side-panel` });
  });
});
