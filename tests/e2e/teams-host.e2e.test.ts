import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { openInTeamsHost, type TeamsHost } from '../support/teams-host.js';
import { launchChromium } from './browser.js';

/** The built tab inside the TeamsJS test host: the handshake, the context and the theme. */
let server: TestServer;
let browser: Browser;
const open: TeamsHost[] = [];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await Promise.all(open.map((host) => host.close()));
  await browser?.close();
  await server?.close();
});

async function host(options: Omit<Parameters<typeof openInTeamsHost>[1], 'tabUrl'>, path = '/') {
  const opened = await openInTeamsHost(browser, { tabUrl: `${server.url}${path}`, ...options });
  open.push(opened);
  return opened;
}

/** The tab's storage is refused in a third-party frame, so sign in there with the dev sign-in. */
async function signIn(frame: Frame): Promise<void> {
  await frame.getByRole('button', { name: /scrutineer@harbourside\.example/ }).click();
}

describe('the TeamsJS test host', () => {
  it('gets the tab through initialize, getContext and notifySuccess into the side panel', async () => {
    const teams = await host({
      frameContext: 'sidePanel',
      meetingId: 'MCMxOTptZWV0aW5nX3Rlc3Q',
      meetingTitle: 'Strategic leaders group',
    });
    const notifiedAt = await teams.waitForNotifySuccess();
    expect(notifiedAt).toBeGreaterThan(0);

    const fromTab = (await teams.messages()).filter((m) => m.direction === 'from-tab');
    const funcs = fromTab.map((m) => m.func);
    // The handshake comes first, carries the SDK version, and is answered.
    expect(fromTab[0]).toMatchObject({ func: 'initialize', answer: 'reply' });
    expect(fromTab[0]?.args[0]).toBe('2.58.0');
    expect(funcs.indexOf('getContext')).toBeGreaterThan(0);
    expect(funcs.indexOf('appInitialization.success')).toBeGreaterThan(funcs.indexOf('getContext'));
    expect(funcs.filter((f) => f === 'appInitialization.success')).toHaveLength(1);
    expect(fromTab.find((m) => m.func === 'registerHandler')?.args).toEqual(['themeChange']);

    // `/` became the side panel because Teams said sidePanel; the panel has no app nav.
    await signIn(teams.frame);
    await teams.frame.getByRole('heading', { level: 1, name: 'File an observation' }).waitFor();
    expect(teams.frame.url()).toBe(`${server.url}/`);
    await expect(
      teams.frame.getByRole('navigation', { name: 'Critical Friend' }).count(),
    ).resolves.toBe(0);
    await expect(teams.frame.locator('[data-theme]').getAttribute('data-theme')).resolves.toBe(
      'light',
    );

    // Teams' theme change reaches the tab.
    await teams.setTheme('dark');
    await teams.frame.locator('[data-theme="dark"]').waitFor();
    await teams.setTheme('contrast');
    await teams.frame.locator('[data-theme="contrast"]').waitFor();
  });

  it('follows the Teams theme from the context, and shows the nav in a content tab', async () => {
    const teams = await host({ frameContext: 'content', theme: 'dark' });
    await teams.waitForNotifySuccess();
    await teams.frame.locator('[data-theme="dark"]').waitFor();
    await teams.frame.getByRole('navigation', { name: 'Critical Friend' }).waitFor();
  });

  it('answers a message it does not know with a not-supported error', async () => {
    const teams = await host({ frameContext: 'content' });
    await teams.waitForNotifySuccess();
    // A raw teams-js style request from the tab's frame, and the reply it gets.
    const reply = await teams.frame.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          window.addEventListener('message', (event) => {
            const data = event.data as { id?: number; args?: unknown[] };
            if (data?.id === 9001) resolve(data.args);
          });
          window.parent.postMessage(
            { id: 9001, uuidAsString: 'test-9001', func: 'calendar.openCalendarItem', args: [] },
            '*',
          );
        }),
    );
    expect(reply).toEqual([
      {
        errorCode: 501,
        message: 'The Critical Friend test host does not support calendar.openCalendarItem',
      },
    ]);
    const recorded = (await teams.messages()).find((m) => m.func === 'calendar.openCalendarItem');
    expect(recorded).toMatchObject({ direction: 'from-tab', answer: 'not-supported' });
  });
});
