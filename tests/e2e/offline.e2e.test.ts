import type { BrowserContext, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { openInTeamsHost } from '../support/teams-host.js';
import { launchUserProfile } from './browser.js';

/**
 * Never lose a word: the side panel in a Teams meeting (through the TeamsJS test host) loses the
 * network, the scrutineer files an observation, the panel is reloaded while still offline, the
 * network comes back, and the observation reaches the server exactly once.
 */
let server: TestServer;
let profile: BrowserContext;

beforeAll(async () => {
  server = await startTestServer();
  profile = await launchUserProfile();
});
afterAll(async () => {
  await profile?.close();
  await server?.close();
});

const TEAMS_MEETING_ID = 'MCMxOTptZWV0aW5nX29mZmxpbmVfdGVzdA';

async function observationsWith(text: string) {
  const token = await server.token('scrutineer@harbourside.example');
  const all = (await server.api('/api/observations', { token })).json as {
    items: { text: string; meetingId?: string; evidenceClass: string; partnerIds: string[] }[];
  };
  return all.items.filter((o) => o.text === text);
}

/** Waits until the service worker controls the tab, so a reload can be served offline. */
async function waitForServiceWorker(frame: Frame) {
  await frame.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
}

describe('offline filing in the meeting side panel', () => {
  it('keeps an observation filed offline through a reload and syncs it once', async () => {
    const teams = await openInTeamsHost(profile, {
      tabUrl: `${server.url}/`,
      frameContext: 'sidePanel',
      meetingId: TEAMS_MEETING_ID,
      meetingTitle: 'Neglect strategy sub-group',
    });
    let frame = teams.frame;
    await frame.getByRole('button', { name: /scrutineer@harbourside\.example/ }).click();
    await frame.getByText('Meeting: Neglect strategy sub-group').waitFor();
    await waitForServiceWorker(frame);

    const text = 'Offline: the sub-group agreed a neglect audit but named no lead agency for it.';
    await profile.setOffline(true);
    await frame.getByRole('textbox', { name: 'Observation' }).fill(text);
    await frame.getByRole('radio', { name: 'Worry' }).check();
    await frame.getByRole('checkbox', { name: 'Eastshire Constabulary' }).check();
    await frame.getByRole('textbox', { name: 'Observation' }).press('Enter');
    await frame
      .getByText('Saved on this device. It will be sent when you are back online.')
      .waitFor();
    await frame.getByRole('region', { name: 'Pending (1)' }).waitFor();
    expect(await observationsWith(text)).toHaveLength(0);

    // Reload the panel with no network: the service worker serves the shell, IndexedDB the entry.
    await frame.goto(frame.url());
    frame = teams.frame;
    await frame.getByRole('region', { name: 'Pending (1)' }).waitFor();
    await expect(frame.getByText(text).first().isVisible()).resolves.toBe(true);
    // The partners this device last saw are still there to tick.
    await frame.getByRole('checkbox', { name: 'Eastshire Constabulary' }).waitFor();
    expect(await observationsWith(text)).toHaveLength(0);

    // Back online: the outbox sends it, once.
    await profile.setOffline(false);
    await frame.getByRole('region', { name: /^Pending/ }).waitFor({ state: 'detached' });
    const stored = await observationsWith(text);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.evidenceClass).toBe('worry');
    expect(stored[0]?.partnerIds).toHaveLength(1);
    expect(stored[0]?.meetingId).toBeTruthy();

    // A further reload sends nothing again.
    await frame.goto(frame.url());
    await teams.frame.getByRole('heading', { name: 'File an observation' }).waitFor();
    await teams.frame.getByText(text).first().waitFor();
    expect(await observationsWith(text)).toHaveLength(1);
    await teams.close();
  });
});
