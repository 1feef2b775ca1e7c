import { LOCAL_CHANNEL_PATH } from '../../src/adapters/http/dev-routes.js';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../scripts/playground.js';
import { freePort, startTestServer, type TestServer } from '../support/server.js';
import { launchChromium } from './browser.js';

/**
 * A partner's response as the police lead gives it, on her phone or desk, in Microsoft's Agents
 * Playground (Chromium): she partially accepts a recommendation on its card, with a rationale and
 * two actions, and the card shows what was recorded; the response goes to the Strategic
 * Leadership Group. Then a second person (Tom Bradley, the force's delegated safeguarding partner,
 * who is not its partner lead) sees the card in a group chat with status only.
 *
 * The Playground has one fixed user per instance and no user switching, so the second person is
 * a second Playground with its own configuration (each keeps its own chats). It does not support
 * user-specific views (a card's `refresh`), so each person sees the card as sent; the refresh
 * itself is tested one level down, through the bot pipeline (tests/adapters/teams).
 */
let server: TestServer;
let aishaPlayground: { url: string; stop: () => Promise<void> };
let tomPlayground: { url: string; stop: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  // The Playground cannot sign; the local channel signs for it, as the Bot Connector would.
  const botUrl = `${server.url}${LOCAL_CHANNEL_PATH}`;
  [aishaPlayground, tomPlayground] = await Promise.all([
    startPlayground({ botUrl, port: await freePort(), dataDir: server.dataDir }),
    startPlayground({ botUrl, port: await freePort(), dataDir: server.dataDir, as: 'tom' }),
  ]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await aishaPlayground?.stop();
  await tomPlayground?.stop();
  await server?.close();
});

const messageBox = (page: Page) =>
  page.getByPlaceholder('Type a message...').or(page.locator('[contenteditable=true]')).first();

async function openPlayground(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await messageBox(page).waitFor({ timeout: 60_000 });
  return page;
}

async function say(page: Page, text: string) {
  const box = messageBox(page);
  await box.fill(text);
  await box.press('Enter');
}

/** In a group chat the bot hears only messages that @mention it, as in Teams. */
async function sayToBot(page: Page, text: string) {
  const box = messageBox(page);
  await box.click();
  await page.keyboard.type('@Critical');
  await page.getByText('Critical Friend', { exact: true }).last().click();
  await page.keyboard.type(` ${text}`);
  await page.keyboard.press('Enter');
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `.tmp/test-results/${name}.png`, fullPage: true });
}

/** The last card in the chat that shows this text. */
const cardWith = (page: Page, text: string): Locator =>
  page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();

let reference = '';

describe('a partner responds on the card', () => {
  it('the police lead partially accepts with a rationale and two actions', async () => {
    const chat = await openPlayground(aishaPlayground.url);
    // A first message stores this 1:1 conversation, so the card can be sent to it.
    await say(chat, 'hello');
    await chat
      .getByText('Critical Friend will send you a card here')
      .first()
      .waitFor({ timeout: 30_000 });

    const token = await server.token('scrutineer@harbourside.example');
    const partners = (await server.api('/api/partners', { token })).json as {
      items: { id: string; name: string }[];
    };
    const police = partners.items.find((p) => p.name === 'Eastshire Constabulary')?.id ?? '';
    const findings = (await server.api('/api/findings', { token })).json as {
      items: { id: string; title: string }[];
    };
    const finding = findings.items.find((f) => f.title.startsWith('Police are not consistently'));
    const draft = await server.api('/api/recommendations', {
      token,
      body: {
        title: 'Assure police attendance at strategy discussions',
        text: 'Eastshire Constabulary should report to the SLG how it will make sure the right officer attends every strategy discussion.',
        priority: 'high',
        partnerIds: [police],
        findingIds: finding ? [finding.id] : [],
        responseDueDate: '2099-03-31',
      },
    });
    expect(draft.status).toBe(201);
    const { id, reference: ref } = draft.json as { id: string; reference: string };
    reference = ref;
    const issued = await server.api(`/api/recommendations/${id}/issue`, { token, body: {} });
    expect(issued.status).toBe(200);

    // The card: the recommendation, the finding behind it, priority and due date, and the form.
    const card = cardWith(chat, `Recommendation ${reference}`);
    await card.waitFor({ timeout: 30_000 });
    await expect(card.getByText('The finding behind it').isVisible()).resolves.toBe(true);
    await expect(card.getByText('Response due').isVisible()).resolves.toBe(true);
    await shot(chat, 'partner-response-form');

    await card.getByRole('radio', { name: 'Partially accept' }).check();
    await card
      .getByLabel('Rationale')
      .fill(
        'We accept the need for assurance, but attendance is set by the force-wide rota review, which reports in spring.',
      );
    // The Playground renders only the visible action slots, so slot n holds the n-th of each field.
    const slot = async (n: number, what: string, owner: string, due: string, evidence: string) => {
      await card
        .getByLabel('What will be done')
        .nth(n - 1)
        .fill(what);
      await card
        .getByRole('combobox', { name: /Owner/ })
        .nth(n - 1)
        .click();
      await chat.getByRole('option', { name: owner }).click();
      const date = card.getByLabel('Target date').nth(n - 1);
      await date.fill(due);
      await date.press('Enter');
      // Close the date picker's calendar if it opened, so it does not cover the buttons below.
      await chat.keyboard.press('Escape');
      await expect(date.inputValue()).resolves.not.toBe('');
      await card
        .getByLabel('Evidence expected')
        .nth(n - 1)
        .fill(evidence);
    };
    await slot(
      1,
      'Public protection unit attends every strategy discussion, with a duty rota for cover.',
      'Aisha Noor, Detective Superintendent, Public Protection',
      '2099-01-31',
      'Attendance figures for the quarter, from the Front Door log.',
    );
    await card.getByRole('button', { name: 'Add another action' }).first().click();
    await slot(
      2,
      'Report the rota review to the SLG.',
      'Tom Bradley, Detective Chief Superintendent',
      '2099-04-30',
      'The review paper and the SLG minute.',
    );
    await shot(chat, 'partner-response-filled');
    await card.getByRole('button', { name: 'Submit response' }).click();

    await chat
      .getByText('Response: Partially accept')
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(async (e: unknown) => {
        await shot(chat, 'partner-response-failed');
        throw e;
      });
    const recorded = cardWith(chat, 'Response: Partially accept');
    await expect(recorded.getByText('Partially accepted by Aisha Noor').isVisible()).resolves.toBe(
      true,
    );
    await expect(recorded.getByText('2 actions agreed').isVisible()).resolves.toBe(true);
    await expect(
      recorded.getByText(/Strategic Leadership Group for a ruling/).isVisible(),
    ).resolves.toBe(true);
    await expect(recorded.getByRole('button', { name: 'Submit response' }).count()).resolves.toBe(
      0,
    );
    await shot(chat, 'partner-response-recorded');

    // Recorded once, with both actions, and on the SLG's list for its next meeting.
    const repo = server.deps.repo;
    const responses = await repo.all('responses', { field: 'recommendationId', equals: id });
    expect(responses.map((r) => r.fields.decision)).toEqual(['partially-accept']);
    expect(responses[0]?.fields.channel).toBe('teams-card');
    const actions = await repo.all('actions', { field: 'recommendationId', equals: id });
    expect(actions.map((a) => a.fields.targetDate).sort()).toEqual(['2099-01-31', '2099-04-30']);
    const slg = (await server.api('/api/slg-items', { token })).json as {
      items: { reference: string; kind: string; status: string; partnerName: string }[];
    };
    expect(slg.items.find((i) => i.reference === reference)).toMatchObject({
      kind: 'partial',
      status: 'awaiting-ruling',
      partnerName: 'Eastshire Constabulary',
    });
  });

  it('a second person in a group chat sees the status only', async () => {
    expect(reference).not.toBe('');
    const chat = await openPlayground(tomPlayground.url);
    await chat.getByText('Harbourside scrutiny').first().click();
    await sayToBot(chat, reference);
    const card = cardWith(chat, `Recommendation ${reference}`);
    await card.waitFor({ timeout: 30_000 }).catch(async (e: unknown) => {
      await shot(chat, 'group-chat-failed');
      throw e;
    });
    await expect(card.getByText('Response: Partially accept').isVisible()).resolves.toBe(true);
    await expect(card.getByText('Partially accepted by Aisha Noor').isVisible()).resolves.toBe(
      true,
    );
    await expect(card.getByText('2 actions agreed').isVisible()).resolves.toBe(true);
    await expect(card.getByRole('radio').count()).resolves.toBe(0);
    await expect(card.getByRole('textbox').count()).resolves.toBe(0);
    await expect(card.getByRole('button', { name: 'Submit response' }).count()).resolves.toBe(0);
    await shot(chat, 'group-chat-status-only');
  });
});
