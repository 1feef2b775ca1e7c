import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import type { Repository } from '../../src/application/ports/repository.js';

/**
 * A Bot Connector (v3 REST) emulator for proactive sends, standing in for Teams' service URL so
 * the production adapter (CloudAdapter.continueConversation → POST
 * /v3/conversations/{id}/activities[/{replyToId}]) can be driven end to end. It:
 *
 * - enforces rate limits per conversation (Teams' per-bot-per-thread windows by default) and for
 *   the whole app (50 a second by default), answering 429 `Throttled` with Retry-After, as Teams
 *   does, and counts any request that arrives before a Retry-After it gave has passed;
 * - injects faults: 429, a 5xx that happened before processing (nothing delivered) or after it
 *   (delivered, the answer lost), timeouts of both kinds, a dropped connection, and 403
 *   MessageWritesBlocked;
 * - records every activity actually delivered, per conversation, so tests can count cards;
 * - answers the Microsoft Graph calls the chat lookup makes (installed app → chat → messages),
 *   from the same record.
 *
 * With `tokenKeys`, every Bot Connector call must carry the bot's bearer token (audience
 * https://api.botframework.com, signed by one of those keys), else 401, as the real connector
 * insists. Without it nothing is checked (the gateway tests' adapter has no identity).
 */

export interface WindowLimit {
  windowMs: number;
  max: number;
}

export const TEAMS_THREAD_LIMITS: WindowLimit[] = [
  { windowMs: 1_000, max: 7 },
  { windowMs: 2_000, max: 8 },
  { windowMs: 30_000, max: 60 },
  { windowMs: 3_600_000, max: 1_800 },
];

export type Fault =
  /** 429 Throttled with Retry-After; `scope` says which later requests count as violations. */
  | { kind: 'throttle'; retryAfterSeconds?: number; scope?: 'conversation' | 'global' }
  /** A 5xx and nothing delivered. */
  | { kind: 'error-before'; status?: number }
  /** Delivered, then a 5xx: the card is in the chat but the sender is told it failed. */
  | { kind: 'error-after'; status?: number }
  /** Nothing delivered; the request hangs, then the connection drops. */
  | { kind: 'timeout-before'; holdMs?: number }
  /** Delivered; the answer never comes (the connection drops after holdMs). */
  | { kind: 'timeout-after'; holdMs?: number }
  /** Delivered; the connection drops before any answer. */
  | { kind: 'drop-after' }
  /** 403 MessageWritesBlocked: the app is blocked or uninstalled for this person. */
  | { kind: 'blocked' };

export interface Delivered {
  id: string;
  conversationId: string;
  at: number;
  activity: Record<string, unknown>;
}

export interface RequestLog {
  at: number;
  conversationId: string;
  status: number | 'dropped';
  fault?: Fault['kind'];
  /** Arrived while a Retry-After this emulator gave (for this conversation or globally) ran. */
  violation: boolean;
}

export interface EmulatorOptions {
  /** Per-conversation windows (Teams' per-bot-per-thread send limits by default). */
  perConversation?: WindowLimit[];
  /** Whole-app windows (50 a second by default); [] turns the global limit off. */
  global?: WindowLimit[];
  /** Delay before each answer, like a real round trip. */
  latencyMs?: number;
  /**
   * A request counts as ignoring a Retry-After only if it arrives this long after the 429 was
   * answered: requests already on their way when the sender heard the 429 are not its fault.
   * Default 200 ms.
   */
  violationGraceMs?: number;
  /** The bot's app id, as Graph reports a bot message's sender. */
  botAppId?: string;
  tenantId?: string;
  /** The keys the bot's tokens must be signed with (the local issuer's JWKS); unset: no check. */
  tokenKeys?: JSONWebKeySet;
}

export interface ConnectorEmulator {
  url: string;
  /** Injects a fault for the next `times` sends to a conversation (or to any, when omitted). */
  fail(fault: Fault, options?: { conversationId?: string; times?: number }): void;
  /** Activities delivered, in order (to one conversation when given). */
  delivered(conversationId?: string): Delivered[];
  /** Cards delivered to a conversation that carry this recommendation id. */
  cardsFor(conversationId: string, recommendationId: string): number;
  requests(): RequestLog[];
  /** Called when an activity is delivered, before the answer goes (e.g. to kill the sender). */
  onDeliver: ((delivered: Delivered) => void | Promise<void>) | undefined;
  /** Called when a send arrives, before anything else happens to it. */
  onRequest: ((conversationId: string) => void | Promise<void>) | undefined;
  /** Graph answers 503 while set (the lookup then knows nothing). */
  graphDown: boolean;
  conversationIdFor(objectId: string): string;
  /** A conversation reference for the person's 1:1 chat, as the bot would have stored it. */
  referenceFor(objectId: string): Record<string, unknown>;
  /** Stores that reference in the app's conversations list, as installing the app would. */
  register(repo: Repository, objectId: string): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_BOT_APP_ID = 'local-anonymous';
const DEFAULT_TENANT_ID = '00000000-0000-4000-8000-000000000001';

/** The emulator's 1:1 conversation id for a person. */
export const conversationIdFor = (objectId: string) => `a:1${objectId}`;

/** A conversation reference for a person's 1:1 chat on an emulator, as the bot would store it. */
export function conversationReference(
  url: string,
  objectId: string,
  options: { botAppId?: string; tenantId?: string } = {},
) {
  return {
    user: { id: `29:${objectId}`, aadObjectId: objectId, role: 'user' },
    agent: {
      id: `28:${options.botAppId ?? DEFAULT_BOT_APP_ID}`,
      name: 'Critical Friend',
      role: 'bot',
    },
    conversation: {
      id: conversationIdFor(objectId),
      conversationType: 'personal',
      tenantId: options.tenantId ?? DEFAULT_TENANT_ID,
    },
    channelId: 'msteams',
    locale: 'en-GB',
    serviceUrl: `${url}/`,
  };
}

/** Stores that reference in the app's conversations list, as installing the app would. */
export async function registerConversation(
  repo: Repository,
  url: string,
  objectId: string,
  options: { botAppId?: string; tenantId?: string } = {},
): Promise<void> {
  const tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
  const fields = {
    entraObjectId: objectId,
    tenantId,
    conversationId: conversationIdFor(objectId),
    serviceUrl: `${url}/`,
    reference: JSON.stringify(conversationReference(url, objectId, options)),
  };
  const ctx = {
    actorId: `aad:${objectId}`,
    homeTenantId: tenantId,
    channel: 'teams-card' as const,
    at: new Date().toISOString(),
  };
  const [existing] = await repo.all('conversations', { field: 'entraObjectId', equals: objectId });
  if (existing) await repo.update('conversations', existing.id, fields, existing.etag, ctx);
  else await repo.create('conversations', fields, ctx);
}

const json = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** How long until one more request fits every window (0 = now). */
function windowWait(times: number[], limits: WindowLimit[], now: number): number {
  let wait = 0;
  for (const { windowMs, max } of limits) {
    const inWindow = times.filter((t) => t > now - windowMs);
    if (inWindow.length >= max) {
      wait = Math.max(wait, (inWindow[inWindow.length - max] as number) + windowMs - now);
    }
  }
  return wait;
}

export async function startConnectorEmulator(
  options: EmulatorOptions = {},
): Promise<ConnectorEmulator> {
  const perConversation = options.perConversation ?? TEAMS_THREAD_LIMITS;
  const global = options.global ?? [{ windowMs: 1_000, max: 50 }];
  const botAppId = options.botAppId ?? DEFAULT_BOT_APP_ID;
  const tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
  const delivered: Delivered[] = [];
  const log: RequestLog[] = [];
  const faults: { conversationId?: string; fault: Fault; times: number }[] = [];
  const accepted = new Map<string, number[]>();
  let acceptedGlobal: number[] = [];
  /** Retry-After periods announced: [from, until), from = when the 429 went plus the grace. */
  type Penalty = { from: number; until: number };
  const penalties = new Map<string, Penalty[]>();
  const globalPenalties: Penalty[] = [];
  const within = (list: Penalty[] | undefined, t: number) =>
    (list ?? []).some((p) => t >= p.from && t < p.until);
  const users = new Map<string, string>(); // conversation id → object id
  const sockets = new Set<Socket>();
  let lastId = 0;

  const keys = options.tokenKeys ? createLocalJWKSet(options.tokenKeys) : undefined;
  const authorised = async (header: string | undefined) => {
    if (!keys) return true;
    const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
    if (!token) return false;
    try {
      await jwtVerify(token, keys, { audience: 'https://api.botframework.com' });
      return true;
    } catch {
      return false;
    }
  };

  const chatIdFor = (oid: string) => `19:${oid}_${botAppId}@unq.gbl.spaces`;

  const takeFault = (conversationId: string): Fault | undefined => {
    const i = faults.findIndex(
      (f) => f.conversationId === conversationId || f.conversationId === undefined,
    );
    const entry = faults[i];
    if (!entry) return undefined;
    entry.times--;
    if (entry.times <= 0) faults.splice(i, 1);
    return entry.fault;
  };

  const deliver = async (conversationId: string, activity: Record<string, unknown>) => {
    lastId = Math.max(Date.now(), lastId + 1);
    const record: Delivered = { id: String(lastId), conversationId, at: Date.now(), activity };
    delivered.push(record);
    await emulator.onDeliver?.(record);
    return record;
  };

  const throttle = (
    res: ServerResponse,
    entry: RequestLog,
    waitMs: number,
    scope: 'conversation' | 'global',
  ) => {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    const answered = Date.now();
    const penalty = {
      from: answered + (options.violationGraceMs ?? 200),
      until: answered + seconds * 1000,
    };
    if (scope === 'global') globalPenalties.push(penalty);
    else
      penalties.set(entry.conversationId, [
        ...(penalties.get(entry.conversationId) ?? []),
        penalty,
      ]);
    entry.status = 429;
    json(
      res,
      429,
      { error: { code: 'Throttled', message: 'Too many requests.' } },
      { 'retry-after': String(seconds) },
    );
  };

  const postActivity = async (
    req: IncomingMessage,
    res: ServerResponse,
    conversationId: string,
  ) => {
    const raw = await readBody(req);
    if (!(await authorised(req.headers.authorization))) {
      log.push({ at: Date.now(), conversationId, status: 401, violation: false });
      return json(res, 401, { message: 'Authorization has been denied for this request.' });
    }
    const activity = JSON.parse(raw || '{}') as Record<string, unknown>;
    // Everything is decided on arrival, as the limits count arrivals; the latency delays only
    // the answer.
    const arrived = Date.now();
    const entry: RequestLog = {
      at: arrived,
      conversationId,
      status: 0,
      violation: within(globalPenalties, arrived) || within(penalties.get(conversationId), arrived),
    };
    log.push(entry);
    await emulator.onRequest?.(conversationId);
    const answer = async () => {
      if (options.latencyMs) await sleep(options.latencyMs);
    };
    const fault = takeFault(conversationId);
    if (fault) entry.fault = fault.kind;
    switch (fault?.kind) {
      case 'throttle':
        await answer();
        return throttle(
          res,
          entry,
          (fault.retryAfterSeconds ?? 1) * 1000,
          fault.scope ?? 'conversation',
        );
      case 'blocked':
        await answer();
        entry.status = 403;
        return json(res, 403, {
          error: {
            code: 'Forbidden',
            message: 'The bot is blocked or uninstalled for this user.',
            subCode: 'MessageWritesBlocked',
          },
        });
      case 'error-before':
        await answer();
        entry.status = fault.status ?? 502;
        return json(res, entry.status, {
          error: { code: 'ServiceError', message: 'Bad gateway.' },
        });
      case 'timeout-before':
        entry.status = 'dropped';
        await sleep(fault.holdMs ?? 30_000);
        req.socket.destroy();
        return;
      default:
        break;
    }
    // Limits apply to real sends only (an injected fault stands in for Teams' own decision).
    if (!fault) {
      const times = accepted.get(conversationId) ?? [];
      const conversationWait = windowWait(times, perConversation, arrived);
      const globalWait = windowWait(acceptedGlobal, global, arrived);
      if (conversationWait > 0 || globalWait > 0) {
        await answer();
        return conversationWait > 0
          ? throttle(res, entry, conversationWait, 'conversation')
          : throttle(res, entry, globalWait, 'global');
      }
      const kept = times.filter((t) => t > arrived - 3_600_000);
      kept.push(arrived);
      accepted.set(conversationId, kept);
      acceptedGlobal = acceptedGlobal.filter((t) => t > arrived - 10_000);
      acceptedGlobal.push(arrived);
    }
    const record = await deliver(conversationId, activity);
    switch (fault?.kind) {
      case 'error-after':
        await answer();
        entry.status = fault.status ?? 503;
        return json(res, entry.status, {
          error: { code: 'ServiceError', message: 'Service unavailable.' },
        });
      case 'timeout-after':
        entry.status = 'dropped';
        await sleep(fault.holdMs ?? 30_000);
        req.socket.destroy();
        return;
      case 'drop-after':
        entry.status = 'dropped';
        req.socket.destroy();
        return;
      default:
        await answer();
        entry.status = 201;
        return json(res, 201, { id: record.id });
    }
  };

  const graphMessage = (d: Delivered) => ({
    id: d.id,
    messageType: 'message',
    createdDateTime: new Date(d.at).toISOString(),
    from: { application: { id: botAppId, displayName: 'Critical Friend' }, user: null },
    attachments: (
      (d.activity.attachments as { contentType?: string; content?: unknown }[]) ?? []
    ).map((a, i) => ({
      id: `${d.id}-${i}`,
      contentType: a.contentType,
      content: typeof a.content === 'string' ? a.content : JSON.stringify(a.content),
    })),
  });

  const graph = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (emulator.graphDown) return json(res, 503, { error: { code: 'serviceNotAvailable' } });
    const parts = url.pathname.split('/').map(decodeURIComponent);
    // /v1.0/users/{oid}/teamwork/installedApps[/{id}/chat]
    if (parts[2] === 'users' && parts[4] === 'teamwork' && parts[5] === 'installedApps') {
      const oid = parts[3] ?? '';
      const known = [...users.values()].includes(oid);
      if (parts.length === 6) {
        return json(res, 200, {
          value: known
            ? [{ id: `install-${oid}`, teamsApp: { externalId: 'critical-friend' } }]
            : [],
        });
      }
      if (parts[7] === 'chat' && known) return json(res, 200, { id: chatIdFor(oid) });
      return json(res, 404, { error: { code: 'NotFound' } });
    }
    // /v1.0/chats/{chat}/messages?$top=&$skiptoken=
    if (parts[2] === 'chats' && parts[4] === 'messages') {
      const oid = [...users.values()].find((o) => chatIdFor(o) === parts[3]);
      if (!oid) return json(res, 404, { error: { code: 'NotFound' } });
      const top = Number(url.searchParams.get('$top') ?? 20);
      const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
      const all = delivered.filter((d) => d.conversationId === conversationIdFor(oid)).reverse();
      const page = all.slice(skip, skip + top).map(graphMessage);
      const next = skip + top < all.length ? skip + top : undefined;
      const nextLink = new URL(url.href);
      nextLink.searchParams.set('$skiptoken', String(next));
      return json(res, 200, {
        value: page,
        ...(next !== undefined ? { '@odata.nextLink': nextLink.href } : {}),
      });
    }
    return json(res, 404, { error: { code: 'NotFound' } });
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    // SendToConversation, or ReplyToActivity (the SDK replies to the continuation activity's id;
    // in a 1:1 chat Teams posts it as a new message either way).
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?\/?$/.exec(url.pathname);
    const handle = async () => {
      if (req.method === 'POST' && match) {
        return postActivity(req, res, decodeURIComponent(match[1] ?? ''));
      }
      if (req.method === 'GET' && url.pathname.startsWith('/v1.0/')) return graph(req, res, url);
      // For a test or bench running the emulator in another process.
      if (req.method === 'GET' && url.pathname === '/_emulator/requests')
        return json(res, 200, log);
      if (req.method === 'GET' && url.pathname === '/_emulator/delivered') {
        return json(
          res,
          200,
          delivered.map(({ id, conversationId, at }) => ({ id, conversationId, at })),
        );
      }
      json(res, 404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
    };
    handle().catch((e: unknown) => {
      if (!res.headersSent)
        json(res, 500, { error: { code: 'EmulatorError', message: String(e) } });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;

  const referenceFor = (oid: string) => {
    users.set(conversationIdFor(oid), oid);
    return conversationReference(url, oid, { botAppId, tenantId });
  };

  const emulator: ConnectorEmulator = {
    url,
    fail: (fault, where = {}) =>
      faults.push({
        ...(where.conversationId ? { conversationId: where.conversationId } : {}),
        fault,
        times: where.times ?? 1,
      }),
    delivered: (conversationId) =>
      conversationId
        ? delivered.filter((d) => d.conversationId === conversationId)
        : [...delivered],
    cardsFor: (conversationId, recommendationId) =>
      delivered.filter(
        (d) =>
          d.conversationId === conversationId &&
          JSON.stringify(d.activity.attachments ?? []).includes(`"${recommendationId}"`),
      ).length,
    requests: () => [...log],
    onDeliver: undefined,
    onRequest: undefined,
    graphDown: false,
    conversationIdFor,
    referenceFor,
    register: async (repo, oid) => {
      users.set(conversationIdFor(oid), oid);
      await registerConversation(repo, url, oid, { botAppId, tenantId });
    },
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
  return emulator;
}
