import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';

/**
 * A small stand-in for the Teams client: a host page on https://teams.microsoft.com (served by
 * Playwright routing, so teams-js accepts its origin from its built-in list) that iframes the tab
 * and answers teams-js's postMessage protocol as Teams does. Requests from the tab are
 * `{ id, uuidAsString, func, args, apiVersionTag, ... }`; replies are `{ id, uuidAsString, args }`;
 * events from the host are `{ func, args }` (no id). Every message is recorded.
 *
 * The tab is a third-party iframe here, as in Teams on the web, and this Chromium blocks
 * third-party storage: the tab's sessionStorage is refused, so sign in inside the frame.
 */

export type FrameContext = 'sidePanel' | 'meetingStage' | 'content' | 'settings';
/** Teams' own names: `default` is light. */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface TeamsHostOptions {
  tabUrl: string;
  frameContext?: FrameContext;
  /** A Teams meeting id puts the tab in a meeting (context `meetingId`, meeting details). */
  meetingId?: string;
  meetingTitle?: string;
  /** ISO date-time; defaults to the top of the current hour. */
  meetingStart?: string;
  theme?: TeamsTheme;
  user?: { id: string; upn: string; displayName?: string };
  tenantId?: string;
  locale?: string;
  hostClientType?: 'web' | 'desktop';
  /** The client SDK version the host reports in the initialize reply. */
  clientSdkVersion?: string;
  /** The iframe's size; a meeting side panel is about 320 px wide. */
  frameSize?: { width: number; height: number };
}

export interface HostMessage {
  /** Milliseconds after the host gave the iframe its URL. */
  at: number;
  direction: 'from-tab' | 'to-tab';
  func: string;
  id?: number;
  args: unknown[];
  /** For messages from the tab: how the host answered. */
  answer?: 'reply' | 'none' | 'not-supported';
}

export interface TeamsHost {
  hostPage: Page;
  /** The tab's frame inside the host page. */
  frame: Frame;
  context: BrowserContext;
  /** Everything exchanged so far, in order. */
  messages(): Promise<HostMessage[]>;
  /** When `appInitialization.success` arrived (ms after the iframe got its URL), or null. */
  notifiedAt(): Promise<number | null>;
  /** Waits for `appInitialization.success` and returns `notifiedAt`. */
  waitForNotifySuccess(timeoutMs?: number): Promise<number>;
  /** Sends Teams' `themeChange` event to the tab. */
  setTheme(theme: TeamsTheme): Promise<void>;
  close(): Promise<void>;
}

export const HOST_ORIGIN = 'https://teams.microsoft.com';
const HOST_PATH = '/_critical-friend-test-host';
const NOT_SUPPORTED = 501; // teams-js ErrorCode.NOT_SUPPORTED_ON_PLATFORM

interface HostConfig {
  tabUrl: string;
  tabOrigin: string;
  frameContext: FrameContext;
  hostClientType: string;
  clientSdkVersion: string;
  runtimeConfig: string;
  context: Record<string, unknown>;
  meetingDetails: Record<string, unknown> | null;
  frameSize: { width: number; height: number };
  notSupported: number;
}

/** What Teams declares it supports (teams-js runtime apiVersion 4). */
function runtimeConfig(inMeeting: boolean): string {
  return JSON.stringify({
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: {
      appInstallDialog: {},
      call: {},
      chat: {},
      conversations: {},
      dialog: { card: { bot: {} }, url: { bot: {}, parentCommunication: {} }, update: {} },
      ...(inMeeting ? { meeting: {} } : {}),
      menus: {},
      pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} },
      stageView: {},
      teamsCore: {},
    },
  });
}

function topOfHour(): string {
  const now = new Date();
  now.setMinutes(0, 0, 0);
  return now.toISOString();
}

function hostConfig(options: TeamsHostOptions): HostConfig {
  const frameContext = options.frameContext ?? 'sidePanel';
  const user = options.user ?? {
    id: '00000000-0000-4000-8000-000000000001',
    upn: 'scrutineer@harbourside.example',
    displayName: 'Independent Scrutineer',
  };
  const tenantId = options.tenantId ?? '00000000-0000-4000-8000-0000000000aa';
  const chatId = options.meetingId ? `19:meeting_${options.meetingId}@thread.v2` : undefined;
  const start = options.meetingStart ?? topOfHour();
  // getContext answers with Teams' flat (v1) context; teams-js maps it to the v2 shape.
  const context: Record<string, unknown> = {
    locale: options.locale ?? 'en-GB',
    theme: options.theme ?? 'default',
    frameContext,
    hostClientType: options.hostClientType ?? 'web',
    hostName: 'Teams',
    entityId: 'critical-friend',
    appSessionId: 'test-app-session',
    sessionId: 'test-session',
    userObjectId: user.id,
    userPrincipalName: user.upn,
    loginHint: user.upn,
    userDisplayName: user.displayName,
    tid: tenantId,
    ...(options.meetingId ? { meetingId: options.meetingId, chatId } : {}),
  };
  const meetingDetails = options.meetingId
    ? {
        details: {
          id: options.meetingId,
          title: options.meetingTitle ?? 'Meeting',
          type: 'Scheduled',
          scheduledStartTime: start,
          scheduledEndTime: new Date(Date.parse(start) + 3600_000).toISOString(),
          joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId ?? '')}`,
        },
        conversation: { id: chatId },
        organizer: { id: user.id, tenantId },
      }
    : null;
  return {
    tabUrl: options.tabUrl,
    tabOrigin: new URL(options.tabUrl).origin,
    frameContext,
    hostClientType: options.hostClientType ?? 'web',
    clientSdkVersion: options.clientSdkVersion ?? '2.58.0',
    runtimeConfig: runtimeConfig(Boolean(options.meetingId)),
    context,
    meetingDetails,
    frameSize: options.frameSize ?? { width: 320, height: 900 },
    notSupported: NOT_SUPPORTED,
  };
}

/** The host page's script: runs in the browser, so it is plain JavaScript in a string. */
const HOST_SCRIPT = String.raw`
const config = JSON.parse(document.getElementById('config').textContent);
const frame = document.createElement('iframe');
frame.title = 'Critical Friend';
frame.allow = 'clipboard-write';
frame.style.width = config.frameSize.width + 'px';
frame.style.height = config.frameSize.height + 'px';
frame.style.border = '0';
const state = { started: 0, notifiedAt: null, messages: [] };
window.__teamsHost = state;
const now = () => Math.round((performance.now() - state.started) * 10) / 10;
const clone = (value) => { try { return JSON.parse(JSON.stringify(value)); } catch { return String(value); } };
const notSupported = (func) => [{ errorCode: config.notSupported, message: 'The Critical Friend test host does not support ' + func }];

// Messages Teams does not answer.
const oneWay = new Set(['registerHandler', 'appInitialization.appLoaded', 'appInitialization.success',
  'appInitialization.failure', 'appInitialization.expectedFailure', 'readyToUnload',
  'settings.setValidityState']);
const answers = {
  initialize: () => [config.frameContext, config.hostClientType, config.runtimeConfig, config.clientSdkVersion],
  getContext: () => [config.context],
  'meeting.getMeetingDetails': () => config.meetingDetails
    ? [null, config.meetingDetails]
    : [{ errorCode: config.notSupported, message: 'Not in a meeting' }, null],
  'meeting.getAppContentStageSharingCapabilities': () => config.meetingDetails
    ? [null, { doesAppHaveSharePermission: true }]
    : [{ errorCode: config.notSupported }, null],
  'meeting.shareAppContentToStage': () => config.meetingDetails ? [null, true] : [{ errorCode: config.notSupported }, null],
};

function send(message) {
  state.messages.push({ at: now(), direction: 'to-tab', func: message.func ?? '(reply)', id: message.id, args: clone(message.args) });
  frame.contentWindow.postMessage(message, config.tabOrigin);
}

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== config.tabOrigin) return;
  const request = event.data;
  if (!request || typeof request.func !== 'string') return;
  const entry = { at: now(), direction: 'from-tab', func: request.func, id: request.id, args: clone(request.args ?? []) };
  state.messages.push(entry);
  if (request.func === 'appInitialization.success' && state.notifiedAt === null) state.notifiedAt = entry.at;
  if (oneWay.has(request.func)) { entry.answer = 'none'; return; }
  const answer = answers[request.func];
  entry.answer = answer ? 'reply' : 'not-supported';
  const args = answer ? answer(request.args ?? []) : notSupported(request.func);
  state.messages.push({ at: now(), direction: 'to-tab', func: request.func, id: request.id, args: clone(args) });
  event.source.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args }, event.origin);
});

window.__teamsHostSetTheme = (theme) => {
  config.context.theme = theme;
  send({ func: 'themeChange', args: [theme] });
};

state.started = performance.now();
frame.src = config.tabUrl;
document.body.append(frame);
`;

function hostHtml(config: HostConfig): string {
  // `<` is escaped so the JSON cannot close the script element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams test host</title>
<style>body{margin:0;background:#f5f5f5}</style></head>
<body><script type="application/json" id="config">${json}</script>
<script>${HOST_SCRIPT}</script></body></html>`;
}

/**
 * Opens the tab inside the test host: in a fresh incognito-like context of `browser`, or in the
 * given context (e.g. a user profile, which keeps third-party storage), which `close` leaves open.
 */
export async function openInTeamsHost(
  target: Browser | BrowserContext,
  options: TeamsHostOptions,
): Promise<TeamsHost> {
  const config = hostConfig(options);
  const ownContext = 'newContext' in target;
  // Chromium's Local Network Access checks would stop a public origin framing a loopback tab.
  const context = ownContext
    ? await target.newContext({ permissions: ['local-network-access'] })
    : target;
  // The host page itself; anything else on the Teams origin does not exist.
  await context.route(`${HOST_ORIGIN}/**`, (route) =>
    new URL(route.request().url()).pathname === HOST_PATH
      ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostHtml(config) })
      : route.fulfill({ status: 404, body: '' }),
  );
  // teams-js fetches its list of valid origins from a CDN; offline, an empty list means "use the built-in one".
  await context.route('**/validDomains.json', (route) =>
    route.fulfill({ json: { validOrigins: [] } }),
  );
  const hostPage = await context.newPage();
  await hostPage.goto(`${HOST_ORIGIN}${HOST_PATH}`);
  const handle = await hostPage.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The test host has no tab frame');

  const notifiedAt = () =>
    hostPage.evaluate(
      () =>
        (window as unknown as { __teamsHost: { notifiedAt: number | null } }).__teamsHost
          .notifiedAt,
    );
  return {
    hostPage,
    frame,
    context,
    messages: () =>
      hostPage.evaluate(
        () =>
          (window as unknown as { __teamsHost: { messages: HostMessage[] } }).__teamsHost.messages,
      ),
    notifiedAt,
    async waitForNotifySuccess(timeoutMs = 30_000) {
      await hostPage.waitForFunction(
        () =>
          (window as unknown as { __teamsHost: { notifiedAt: number | null } }).__teamsHost
            .notifiedAt !== null,
        undefined,
        { timeout: timeoutMs },
      );
      return (await notifiedAt()) as number;
    },
    async setTheme(theme) {
      await hostPage.evaluate(
        (next) =>
          (window as unknown as { __teamsHostSetTheme: (t: string) => void }).__teamsHostSetTheme(
            next,
          ),
        theme,
      );
    },
    close: () => (ownContext ? context.close() : hostPage.close()),
  };
}
