import { readFileSync } from 'node:fs';
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
const axeSource = readFileSync(AXE, 'utf8');
const THEMES = ['light', 'dark', 'contrast'] as const;
type Theme = (typeof THEMES)[number];
const TEAMS_THEME: Record<Theme, TeamsTheme> = {
  light: 'default',
  dark: 'dark',
  contrast: 'contrast',
};
const SCRUTINEER = 'scrutineer@harbourside.example';
const POLICE_LEAD = 'aisha.noor@eastshire-police.example';

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

/** A browser context signed in as `upn` (the tab keeps the dev sign-in's token in sessionStorage). */
async function signedInAs(upn: string): Promise<BrowserContext> {
  const token = await server.token(upn);
  const context = await browser.newContext();
  await context.route('**/validDomains.json', (r) => r.fulfill({ json: { validOrigins: [] } }));
  // The tab keeps the dev sign-in's token in sessionStorage (see localAuthProvider.ts).
  await context.addInitScript(
    ({ origin, value }) => {
      if (window.location.origin !== origin) return;
      window.sessionStorage.setItem(
        'critical-friend.token',
        JSON.stringify({ token: value, expiresAt: Date.now() + 3600_000 }),
      );
    },
    { origin: server.url, value: token },
  );
  return context;
}

let partnerLead: BrowserContext;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  signedIn = await signedInAs(SCRUTINEER);
  partnerLead = await signedInAs(POLICE_LEAD);
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
  // Through DevTools, not a <script> tag: the server's CSP (script-src 'self') refuses inline
  // scripts, as it should, and this test must see the pages as the server sends them.
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(axeSource);
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
  { name: 'dashboard', path: '/dashboard', heading: 'Dashboard' },
  { name: 'sign-in', path: '/sign-in', heading: 'Sign in' },
  { name: 'config page', path: '/config', heading: 'Add Critical Friend' },
  { name: 'not found', path: '/no-such-page', heading: 'Page not found' },
  // Signed in as the scrutineer, a link that is not valid: the page says so.
  {
    name: 'respond page (bad link)',
    path: '/respond?t=not-a-link',
    heading: 'Respond to a recommendation',
  },
];

let linkSeq = 0;
/** A recommendation to Eastshire Constabulary and the path of the link emailed to its lead. */
async function respondLink(): Promise<{ path: string; reference: string }> {
  const repo = server.deps.repo;
  const ctx = {
    actorId: 'test',
    homeTenantId: '',
    channel: 'system' as const,
    at: new Date().toISOString(),
  };
  const [police] = await repo
    .all('partners')
    .then((all) => all.filter((p) => p.fields.name === 'Eastshire Constabulary'));
  const [lead] = await repo.all('people', { field: 'upn', equals: POLICE_LEAD });
  const finding = await repo.create(
    'findings',
    {
      title: 'Strategy discussions start late out of hours',
      summary: 'Audit and practitioners agree that out-of-hours discussions wait for an officer.',
      evidenceClass: 'worry',
      partnerIds: [police!.id],
    },
    ctx,
  );
  const reference = `A11Y-R-2026-${String(++linkSeq).padStart(2, '0')}`;
  const rec = await repo.create(
    'recommendations',
    {
      reference,
      title: 'Assure police attendance at strategy discussions',
      text: 'Eastshire Constabulary should show how the right officer attends every strategy discussion.',
      priority: 'high',
      partnerIds: [police!.id],
      findingIds: [finding.id],
      responseDueDate: '2099-03-31',
      status: 'issued',
      issuedAt: new Date().toISOString(),
    },
    ctx,
  );
  const businessUnit = await server.token('business.unit@harbourside.example');
  const offered = await server.api(
    `/api/recommendations/${rec.id}/deliveries/${lead!.id}/web-link`,
    {
      method: 'POST',
      token: businessUnit,
    },
  );
  expect(offered.status).toBe(201);
  const outbox = await server.api('/api/email-outbox', { token: businessUnit });
  const email = (
    outbox.json as { items: { recommendationId?: string; body: string }[] }
  ).items.find((e) => e.recommendationId === rec.id);
  const url = new URL(/https?:\/\/\S+\/respond\?t=\S+/.exec(email?.body ?? '')?.[0] ?? '');
  return { path: `${url.pathname}${url.search}`, reference };
}

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

  it('respond page from an email link: form, refused and recorded', async () => {
    const { path, reference } = await respondLink();
    const url = new URL(path, server.url);
    url.searchParams.set('theme', theme);
    const page = await partnerLead.newPage();
    try {
      await page.goto(url.toString());
      await page.locator(`[data-theme="${theme}"]`).waitFor();
      await page
        .getByRole('heading', { level: 1, name: `Respond to recommendation ${reference}` })
        .waitFor();
      await page.getByRole('button', { name: 'Add another action' }).click();
      await axe(page, `respond page, ${theme}`);

      await page.getByRole('button', { name: 'Submit response' }).click();
      await page.getByText('Your response is not ready to send yet.').waitFor();
      await page.mouse.move(0, 0);
      await axe(page, `respond page with problems, ${theme}`);

      await page.getByRole('radio', { name: 'Decline' }).check();
      await page
        .getByRole('textbox', { name: /Rationale/ })
        .fill('The force already meets this through its existing duty rota.');
      await page.getByRole('button', { name: 'Submit response' }).click();
      await page
        .getByRole('heading', { name: 'Your response is recorded (channel: email link)' })
        .waitFor();
      await page.mouse.move(0, 0);
      await axe(page, `respond page, response recorded, ${theme}`);
    } finally {
      await page.close();
    }
  });

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
