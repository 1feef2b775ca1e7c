import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { openInTeamsHost } from '../support/teams-host.js';
import { launchChromium } from './browser.js';

/**
 * WCAG 2.2 AA needs every function reachable by keyboard. The scrutineer files a meeting
 * observation in the Teams side panel using the keyboard alone (no clicks, no fills), and it
 * reaches the workbench's inbox with its class, partner and meeting.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Presses Tab until the located element has focus (at most 40 presses). */
async function tabTo(page: Page, target: Locator, what: string): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('keyboard-only capture', () => {
  it('files a meeting observation without touching the mouse, and it reaches the inbox', async () => {
    const teams = await openInTeamsHost(browser, {
      tabUrl: `${server.url}/`,
      frameContext: 'sidePanel',
      meetingId: 'MCMxOTptZWV0aW5nX2tleWJvYXJkX3Rlc3Q',
      meetingTitle: 'Strategic Leadership Group',
    });
    const page = teams.hostPage;
    const frame = teams.frame;
    await teams.waitForNotifySuccess();

    // Sign in (dev sign-in) by keyboard too.
    const signIn = frame.getByRole('button', { name: /scrutineer@harbourside\.example/ });
    await tabTo(page, signIn, 'the sign-in button');
    await page.keyboard.press('Enter');
    await frame.getByText('Meeting: Strategic Leadership Group').waitFor();

    // The partner's shortcut number is its place in the list (read, not clicked).
    const boxes = frame.getByRole('group', { name: 'Partners concerned' }).getByRole('checkbox');
    const names = await boxes.evaluateAll((els) =>
      els.map((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''),
    );
    const police = names.findIndex((n) => n.includes('Eastshire Constabulary')) + 1;
    expect(police).toBeGreaterThan(0);
    expect(police).toBeLessThanOrEqual(9);

    const text = 'Keyboard: the SLG heard no update on the neglect toolkit roll-out.';
    const observation = frame.getByRole('textbox', { name: 'Observation', exact: true });
    await tabTo(page, observation, 'the observation box');
    await page.keyboard.type(text);
    await page.keyboard.press('Alt+3'); // Worry
    await page.keyboard.press('Alt+p'); // to the partners
    await page.keyboard.press(String(police));
    await page.keyboard.press('Escape'); // back to the text box
    await page.keyboard.press('Enter');
    await frame
      .getByText('Observation saved.')
      .waitFor()
      .catch(async (e: unknown) => {
        console.log('FRAME', await frame.locator('body').innerText());
        throw e;
      });
    await expect(observation.inputValue()).resolves.toBe('');

    // The server has it once, as a worry about the police, linked to this meeting.
    const token = await server.token('scrutineer@harbourside.example');
    const observations = (await server.api('/api/observations?status=open', { token })).json as {
      items: { text: string; evidenceClass: string; partnerIds: string[]; meetingId?: string }[];
    };
    const partnersList = (await server.api('/api/partners', { token })).json as {
      items: { id: string; name: string }[];
    };
    const policeId = partnersList.items.find((p) => p.name === 'Eastshire Constabulary')?.id;
    const filed = observations.items.filter((o) => o.text === text);
    expect(filed).toHaveLength(1);
    expect(filed[0]).toMatchObject({ evidenceClass: 'worry', partnerIds: [policeId] });
    expect(filed[0]?.meetingId).toBeTruthy();

    // And the workbench's inbox lists it.
    const workbench = await browser.newPage();
    await workbench.goto(`${server.url}/workbench`);
    await workbench.getByRole('button', { name: /scrutineer@harbourside\.example/ }).click();
    await workbench.getByRole('checkbox', { name: text }).waitFor();
    await workbench.close();
    await teams.close();
  });
});
