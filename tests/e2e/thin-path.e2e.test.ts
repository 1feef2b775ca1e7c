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
    botUrl: `${server.url}/api/messages`,
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
  it('goes from observation to a recorded response on the card and in the tracker', async () => {
    const chat = await openChat();
    const scrutineer = await server.token('scrutineer@harbourside.example');
    const api = (path: string, body?: unknown) =>
      server.api(path, { token: scrutineer, ...(body === undefined ? {} : { body }) });

    const partners = (
      (await api('/api/partners')).json as { items: { id: string; name: string }[] }
    ).items;
    const police = partners.find((p) => p.name === 'Eastshire Constabulary');
    expect(police).toBeDefined();

    const obs = await api('/api/observations', {
      text: 'At the October SLG the police update did not say how strategy discussion attendance will be assured.',
      evidenceClass: 'worry',
      source: 'meeting',
      partnerIds: [police?.id],
    });
    expect(obs.status).toBe(201);
    const finding = await api('/api/findings', {
      title: 'No assurance on police attendance at strategy discussions',
      summary: 'Raised at the October SLG; no plan was presented.',
      evidenceClass: 'worry',
      observationIds: [(obs.json as { id: string }).id],
    });
    expect(finding.status).toBe(201);
    const rec = await api('/api/recommendations', {
      title: 'Assure police attendance at strategy discussions',
      text: 'Eastshire Constabulary should report to the SLG how it will make sure the right officer attends every strategy discussion.',
      priority: 'high',
      partnerIds: [police?.id],
      findingIds: [(finding.json as { id: string }).id],
      responseDueDate: '2099-03-31',
    });
    expect(rec.status).toBe(201);
    const reference = (rec.json as { reference: string }).reference;
    const issued = await api(`/api/recommendations/${(rec.json as { id: string }).id}/issue`, {});
    expect(issued.status).toBe(200);
    expect(
      (issued.json as { deliveries: { status: string; displayName: string }[] }).deliveries,
    ).toEqual([expect.objectContaining({ displayName: 'Aisha Noor', status: 'sent' })]);

    // The partner lead answers on the card in the Playground.
    await chat.getByText(`Recommendation ${reference}`).first().waitFor({ timeout: 30_000 });
    await chat.getByRole('radio', { name: 'Accept', exact: true }).last().check();
    await chat
      .getByLabel('Rationale')
      .last()
      .fill(
        'Agreed: the public protection unit will attend every strategy discussion from January.',
      );
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

    // The council's chief executive signs in to the tab (local demo sign-in) and reads the tracker.
    const tab = await browser.newPage();
    await tab.goto(`${server.url}/tracker`);
    await tab.getByRole('button', { name: /Helen Rowe/ }).click();
    await tab.waitForURL(/\/tracker/);
    await tab.getByText(reference).first().waitFor({ timeout: 30_000 });
    await expect(
      tab.getByText('Agreed: the public protection unit').first().isVisible(),
    ).resolves.toBe(true);
    await tab.screenshot({ path: '.tmp/test-results/thin-path-tracker.png', fullPage: true });
  });
});
