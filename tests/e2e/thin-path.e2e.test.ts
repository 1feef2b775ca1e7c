import { LOCAL_CHANNEL_PATH } from '../../src/adapters/http/dev-routes.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../scripts/playground.js';
import { freePort, startTestServer, type TestServer } from '../support/server.js';
import { launchChromium } from './browser.js';

/**
 * The thin path through every real part: the scrutineer works in the tab (Chromium), the bot
 * sends a card, the police partner lead answers it in Microsoft's Agents Playground (Chromium),
 * the card updates, and the tracker shows the response.
 */
let server: TestServer;
let playground: { url: string; stop: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  playground = await startPlayground({
    // The Playground cannot sign; the local channel signs for it, as the Bot Connector would.
    botUrl: `${server.url}${LOCAL_CHANNEL_PATH}`,
    port: await freePort(),
    dataDir: server.dataDir,
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await server?.close();
});

async function openChat(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(playground.url);
  const box = page
    .getByPlaceholder('Type a message...')
    .or(page.locator('[contenteditable=true]'))
    .first();
  await box.waitFor({ timeout: 60_000 });
  // A message makes sure the bot has stored this 1:1 conversation before a card is sent to it.
  await box.fill('hello');
  await box.press('Enter');
  await page
    .getByText('Critical Friend will send you a card here')
    .first()
    .waitFor({ timeout: 30_000 });
  return page;
}

describe('the thin path', () => {
  it('serves the built tab at /: in local mode it opens on the sign-in page of demo people', async () => {
    const tab = await browser.newPage();
    await tab.route('**/validDomains.json', (r) => r.fulfill({ json: { validOrigins: [] } }));
    const res = await tab.goto(`${server.url}/`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-type']).toMatch(/^text\/html/);
    await tab
      .getByRole('button', { name: /scrutineer@harbourside\.example/ })
      .waitFor({ timeout: 30_000 });
    await tab.close();
  });

  it('goes from observation to a recorded response on the card and in the tracker', async () => {
    const chat = await openChat();
    const scrutineer = await server.token('scrutineer@harbourside.example');
    const api = (path: string) => server.api(path, { token: scrutineer });

    // The scrutineer signs in to the tab and files an observation with the keyboard.
    const tab = await browser.newPage();
    await tab.route('**/validDomains.json', (r) => r.fulfill({ json: { validOrigins: [] } }));
    await tab.goto(`${server.url}/side-panel`);
    await tab.getByRole('button', { name: /scrutineer@harbourside\.example/ }).click();
    const observation =
      'The police update did not say how strategy discussion attendance will be assured.';
    await tab.getByRole('textbox', { name: 'Observation' }).fill(observation);
    await tab.getByRole('radio', { name: 'Worry' }).check();
    await tab.getByRole('checkbox', { name: 'Eastshire Constabulary' }).check();
    await tab.getByRole('textbox', { name: 'Observation' }).press('Enter');
    await tab.getByText('Observation saved.').waitFor();

    // Promotes it to a finding, writes a recommendation naming the police, and issues it.
    await tab.goto(`${server.url}/workbench`);
    await tab.getByRole('checkbox', { name: observation.slice(0, 40), exact: false }).check();
    const findingTitle = 'No assurance on police attendance at strategy discussions';
    await tab.getByRole('textbox', { name: 'Finding title' }).fill(findingTitle);
    await tab
      .getByRole('textbox', { name: 'Evidence summary' })
      .fill('Raised at the October SLG; no plan was presented.');
    await tab.getByRole('button', { name: 'Create finding' }).click();
    await tab
      .getByRole('article', { name: findingTitle })
      .getByRole('button', { name: 'Write recommendation' })
      .click();
    await tab
      .getByRole('textbox', { name: 'Recommendation title' })
      .fill('Assure police attendance at strategy discussions');
    await tab
      .getByRole('textbox', { name: 'Recommendation', exact: true })
      .fill(
        'Eastshire Constabulary should report to the SLG how it will make sure the right officer attends every strategy discussion.',
      );
    await tab.getByRole('combobox', { name: 'Priority' }).selectOption('high');
    await tab.getByRole('button', { name: 'Save draft' }).click();
    // The draft is saved once the tab offers to issue it; only then ask the API.
    await tab
      .getByRole('button', { name: /^Issue / })
      .first()
      .waitFor();
    const recs = (await api('/api/recommendations')).json as {
      items: { reference: string; title: string; status: string }[];
    };
    const draft = recs.items.find(
      (r) => r.title === 'Assure police attendance at strategy discussions',
    );
    expect(draft?.status).toBe('draft');
    const reference = draft?.reference ?? '';
    await tab.getByRole('button', { name: `Issue ${reference}` }).click();
    await tab.getByText('Card sent to Aisha Noor').first().waitFor();

    // The partner lead answers on the card in the Playground.
    await chat.getByText(`Recommendation ${reference}`).first().waitFor({ timeout: 30_000 });
    await chat.getByRole('radio', { name: 'Accept', exact: true }).last().check();
    await chat
      .getByLabel('Rationale')
      .last()
      .fill(
        'Agreed: the public protection unit will attend every strategy discussion from January.',
      );
    // Accepting proposes at least one action: what, its owner (one of the force's people), when, evidence.
    await chat
      .getByLabel('What will be done')
      .last()
      .fill('Public protection unit attends every strategy discussion.');
    await chat.getByRole('combobox', { name: /Owner/ }).last().click();
    await chat.getByRole('option', { name: /^Aisha Noor/ }).click();
    await chat.getByLabel('Target date').last().fill('2099-01-31');
    await chat.getByLabel('Target date').last().press('Enter');
    await chat.keyboard.press('Escape');
    await chat
      .getByLabel('Evidence expected')
      .last()
      .fill('Attendance figures from the Front Door log.');
    await chat.getByRole('button', { name: 'Submit response' }).last().click();
    await chat
      .getByText('Response: Accept')
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(async (e: unknown) => {
        await chat.screenshot({ path: '.tmp/test-results/thin-path-card-failed.png' });
        throw e;
      });
    await chat.screenshot({ path: '.tmp/test-results/thin-path-card.png' });

    // The tracker (API and tab) shows the response, who gave it and through which channel.
    const tracker = (await api('/api/tracker')).json as {
      rows: {
        recommendation: { reference: string };
        partners: { response?: { decision: string; responderName: string; channel: string } }[];
      }[];
    };
    const row = tracker.rows.find((r) => r.recommendation.reference === reference);
    expect(row?.partners[0]?.response).toMatchObject({
      decision: 'accept',
      responderName: 'Aisha Noor',
      channel: 'teams-card',
    });

    // An executive (the council's chief executive) signs in to the tab and reads the tracker.
    const exec = await browser.newPage();
    await exec.route('**/validDomains.json', (r) => r.fulfill({ json: { validOrigins: [] } }));
    await exec.goto(`${server.url}/tracker`);
    await exec.getByRole('button', { name: /chief\.executive@harbourside\.example/ }).click();
    await exec.waitForURL(/\/tracker/);
    await exec
      .getByRole('table', { name: 'Recommendations tracker' })
      .getByText(reference)
      .first()
      .waitFor({ timeout: 30_000 });
    await expect(
      exec.getByText('Agreed: the public protection unit').first().isVisible(),
    ).resolves.toBe(true);
    await exec.screenshot({ path: '.tmp/test-results/thin-path-tracker.png', fullPage: true });
  });
});
