import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { openInTeamsHost, type FrameContext, type TeamsTheme } from '../support/teams-host.js';
import { launchChromium } from './browser.js';

/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA) on every view of the built tab in real Chromium, in the
 * light, dark and high-contrast themes, signed in as the scrutineer.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const THEMES = ['light', 'dark', 'contrast'] as const;
type Theme = (typeof THEMES)[number];
const TEAMS_THEME: Record<Theme, TeamsTheme> = {
  light: 'default',
  dark: 'dark',
  contrast: 'contrast',
};
const SCRUTINEER = 'scrutineer@harbourside.example';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

let server: TestServer;
let browser: Browser;
let signedIn: BrowserContext;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  const token = await server.token(SCRUTINEER);
  signedIn = await browser.newContext();
  await signedIn.route('**/validDomains.json', (r) => r.fulfill({ json: { validOrigins: [] } }));
  // The tab keeps the dev sign-in's token in sessionStorage (see localAuthProvider.ts).
  await signedIn.addInitScript(
    ({ origin, value }) => {
      if (window.location.origin !== origin) return;
      window.sessionStorage.setItem(
        'critical-friend.token',
        JSON.stringify({ token: value, expiresAt: Date.now() + 3600_000 }),
      );
    },
    { origin: server.url, value: token },
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Waits until the view has its data (no requests in flight, no "Loading…" text) and has stopped
 * moving: axe would otherwise read colours halfway through a CSS transition.
 */
async function settle(target: Page | Frame): Promise<void> {
  await target.waitForLoadState('networkidle');
  await target.waitForFunction(
    () =>
      !/Loading|Linking this meeting|Signing in as/.test(document.body.innerText) &&
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

function describeViolations(where: string, violations: Violation[]): string {
  const lines = violations.flatMap((v) => [
    `${v.id} (${v.impact ?? 'no impact'}): ${v.help} <${v.helpUrl}>`,
    ...v.nodes.map(
      (n) =>
        `    at ${n.target.map(String).join(' >> ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
    ),
  ]);
  return `${where}: ${violations.length} axe violation(s)\n${lines.join('\n')}`;
}

/** Runs axe on the page or frame as it is now; prints and returns what it finds. */
async function violationsOf(target: Page | Frame, where: string): Promise<string[]> {
  await settle(target);
  if (!(await target.evaluate(() => 'axe' in window))) await target.addScriptTag({ path: AXE });
  const violations = await target.evaluate(async (tags) => {
    const run = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe
      .run;
    const result = (await run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })) as { violations: Violation[] };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, TAGS);
  if (violations.length > 0) console.log(describeViolations(where, violations));
  return violations.map((v) => `${where}: ${v.id} ×${v.nodes.length}`);
}

async function axe(target: Page | Frame, where: string): Promise<void> {
  expect(await violationsOf(target, where)).toEqual([]);
}

async function openStandalone(path: string, theme: Theme): Promise<Page> {
  const page = await signedIn.newPage();
  const url = new URL(path, server.url);
  url.searchParams.set('theme', theme);
  await page.goto(url.toString());
  await page.locator(`[data-theme="${theme}"]`).waitFor();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page;
}

const standaloneViews: { name: string; path: string; heading: string | RegExp }[] = [
  { name: 'side panel', path: '/side-panel', heading: 'File an observation' },
  { name: 'workbench', path: '/workbench', heading: 'Workbench' },
  { name: 'tracker', path: '/tracker', heading: /tracker/i },
  { name: 'sign-in', path: '/sign-in', heading: 'Sign in' },
  { name: 'config page', path: '/config', heading: 'Add Critical Friend' },
  { name: 'not found', path: '/no-such-page', heading: 'Page not found' },
];

describe.each(THEMES)('accessibility, %s theme', (theme) => {
  for (const view of standaloneViews) {
    it(`${view.name} (standalone)`, async () => {
      const page = await openStandalone(view.path, theme);
      try {
        await page.getByRole('heading', { level: 1, name: view.heading }).waitFor();
        await axe(page, `${view.name}, ${theme}`);
      } finally {
        await page.close();
      }
    });
  }

  it('workbench with each of its forms opened', async () => {
    const page = await openStandalone('/workbench', theme);
    try {
      await settle(page);
      // Every kind of disclosure (Write recommendation, Edit <activity>, Change reference
      // scheme, ...) opened once, scanning each state; same-named ones open the same form.
      const found: string[] = [];
      const seen = new Set<string>();
      let opened = 0;
      for (let i = 0; i < 60; i++) {
        const collapsed = page.locator('main button[aria-expanded="false"]:not([disabled])');
        const labels = (await collapsed.allTextContents()).map((t) => t.trim());
        const next = labels.findIndex((label) => !seen.has(label));
        if (next < 0) break;
        const label = labels[next] ?? '';
        seen.add(label);
        await collapsed.nth(next).click();
        await page.mouse.move(0, 0); // not scanning the hover state
        await settle(page);
        if ((await page.locator('main [aria-expanded="true"]').count()) === 0) continue;
        opened++;
        found.push(...(await violationsOf(page, `workbench after "${label}", ${theme}`)));
      }
      expect([...seen]).toEqual(
        expect.arrayContaining([
          'Change day budget',
          'Write recommendation',
          'Change reference scheme',
        ]),
      );
      expect(opened, 'the demo workbench has forms to open').toBeGreaterThan(0);
      expect(found).toEqual([]);
    } finally {
      await page.close();
    }
  });

  const hosted: { name: string; frameContext: FrameContext; heading: string; signIn: boolean }[] = [
    { name: 'side panel', frameContext: 'sidePanel', heading: 'File an observation', signIn: true },
    { name: 'stage view', frameContext: 'meetingStage', heading: 'What I heard', signIn: true },
    {
      name: 'config page',
      frameContext: 'settings',
      heading: 'Add Critical Friend',
      signIn: false,
    },
  ];
  for (const view of hosted) {
    it(`${view.name} (in the Teams host)`, async () => {
      const teams = await openInTeamsHost(browser, {
        tabUrl: `${server.url}/`,
        frameContext: view.frameContext,
        meetingId: 'MCMxOTptZWV0aW5nX2ExMXk',
        meetingTitle: 'Strategic leaders group',
        theme: TEAMS_THEME[theme],
      });
      try {
        await teams.waitForNotifySuccess();
        // Third-party storage is refused in the frame, so sign in there.
        if (view.signIn) {
          await teams.frame.getByRole('button', { name: new RegExp(SCRUTINEER) }).click();
          await teams.frame
            .getByRole('heading', { name: 'Sign in' })
            .waitFor({ state: 'detached' });
        }
        await teams.frame.locator(`[data-theme="${theme}"]`).waitFor();
        await teams.frame.getByRole('heading', { level: 1, name: view.heading }).waitFor();
        await axe(teams.frame, `${view.name} in Teams, ${theme}`);
      } finally {
        await teams.close();
      }
    });
  }
});
