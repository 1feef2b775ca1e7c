import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Fields } from '../../../../src/domain/lists/schema.js';
import {
  DEMO_POLICE_LEAD_OID,
  DEMO_TENANT_ID,
  oid,
} from '../../../../src/server/seed/harbourside.js';
import { startTestServer, type TestServer } from '../../../support/server.js';

/** A request the bot made to the Bot Connector (a reply, or an update of a card). */
export interface ConnectorCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
  /** The bot's bearer token for the connector, if it sent one. */
  authorization?: string;
}

/**
 * A stand-in for the Bot Connector on loopback: records what the bot sends back (replies,
 * card updates) and answers as the connector does. No network beyond 127.0.0.1.
 */
export async function startFakeConnector() {
  const calls: ConnectorCall[] = [];
  /** Every card sent or updated, kept across tests (calls may be cleared between them). */
  const cards: Record<string, unknown>[] = [];
  let n = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        /* not JSON */
      }
      calls.push({
        method: req.method ?? '',
        path: req.url ?? '',
        body,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      });
      const attachments = (body.attachments ?? []) as { contentType?: string; content?: unknown }[];
      for (const a of attachments)
        if (a.contentType === 'application/vnd.microsoft.card.adaptive')
          cards.push(a.content as Record<string, unknown>);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${++n}` }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    cards,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Demo people as Teams sees them: Teams id (MRI), Entra object id. */
export const TEAMS_USERS = {
  aisha: { id: '29:aisha-noor', aadObjectId: DEMO_POLICE_LEAD_OID, name: 'Aisha Noor' },
  tom: { id: '29:tom-bradley', aadObjectId: oid(22), name: 'Tom Bradley' },
  sam: { id: '29:sam-carter', aadObjectId: oid(12), name: 'Sam Carter' },
  rachel: { id: '29:rachel-finch', aadObjectId: oid(20), name: 'Rachel Finch' },
  stranger: {
    id: '29:stranger',
    aadObjectId: '0a1b2c3d-0000-4000-8000-999999999999',
    name: 'Someone Else',
  },
} as const;
export type TeamsUser = { id: string; aadObjectId: string; name: string };

export interface InvokeOptions {
  as: TeamsUser;
  verb: string;
  data: Record<string, unknown>;
  trigger?: 'manual' | 'automatic';
  /** The tenant of the activity (the partnership's by default: partner staff are its guests). */
  tenantId?: string;
  conversation?: { id: string; conversationType: 'personal' | 'groupChat' | 'channel' };
  /** The activity id Teams repeats when it re-delivers the same invoke. */
  id?: string;
  replyToId?: string;
}

export interface InvokeResult {
  status: number;
  body: { statusCode?: number; type?: string; value?: unknown } | undefined;
  /** The card returned, when the invoke response is one. */
  card?: Record<string, unknown>;
}

/**
 * The real server (Express, the Agents SDK's CloudAdapter and AgentApplication, SQLite with the
 * demo partnership) driven with hand-built Teams activities, replies going to a fake connector.
 */
export async function startBotHarness() {
  const server: TestServer = await startTestServer();
  const connector = await startFakeConnector();
  let seq = 0;
  /** Every card the bot answered an invoke with, for the checks every card must pass. */
  const cards: Record<string, unknown>[] = [];

  const post = async (activity: Record<string, unknown>) => {
    const res = await server.botPost(activity);
    const text = await res.text();
    let body: InvokeResult['body'];
    try {
      body = text ? (JSON.parse(text) as InvokeResult['body']) : undefined;
    } catch {
      body = undefined;
    }
    return { status: res.status, body };
  };

  const base = (
    as: TeamsUser,
    tenantId: string,
    conversation: InvokeOptions['conversation'],
    id: string | undefined,
  ) => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    id: id ?? `activity-${++seq}`,
    timestamp: new Date().toISOString(),
    from: as,
    recipient: { id: '28:critical-friend', name: 'Critical Friend' },
    conversation: {
      ...(conversation ?? { id: `a:personal-${as.id}`, conversationType: 'personal' }),
      tenantId,
    },
    channelData: { tenant: { id: tenantId } },
    locale: 'en-GB',
  });

  const invoke = async (o: InvokeOptions): Promise<InvokeResult> => {
    const { status, body } = await post({
      ...base(o.as, o.tenantId ?? DEMO_TENANT_ID, o.conversation, o.id),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: o.replyToId ?? 'card-1',
      value: {
        action: { type: 'Action.Execute', id: 'submit', verb: o.verb, data: o.data },
        trigger: o.trigger ?? 'manual',
      },
    });
    const card =
      body?.type === 'application/vnd.microsoft.card.adaptive'
        ? (body.value as Record<string, unknown>)
        : undefined;
    if (card) cards.push(card);
    return { status, body, ...(card ? { card } : {}) };
  };

  /** Cards the bot sent or updated through the connector (replies, shared card updates). */
  const sentCards = () => connector.cards;

  const message = async (o: {
    as: TeamsUser;
    text?: string;
    value?: Record<string, unknown>;
    tenantId?: string;
    conversation?: InvokeOptions['conversation'];
  }) =>
    post({
      ...base(o.as, o.tenantId ?? DEMO_TENANT_ID, o.conversation, undefined),
      type: 'message',
      ...(o.text !== undefined ? { text: o.text } : {}),
      ...(o.value ? { value: o.value } : {}),
    });

  const repo = server.deps.repo;
  const system = {
    actorId: 'test',
    homeTenantId: DEMO_TENANT_ID,
    channel: 'system' as const,
    at: new Date().toISOString(),
  };
  const partnerId = async (name: string) => {
    const p = (await repo.all('partners')).find((x) => x.fields.name === name);
    if (!p) throw new Error(`no partner ${name}`);
    return p.id;
  };
  const personId = async (upn: string) => {
    const [p] = await repo.all('people', { field: 'upn', equals: upn });
    if (!p) throw new Error(`no person ${upn}`);
    return p.id;
  };
  let refs = 0;
  /** An issued recommendation naming these partners, written straight to the store. */
  const issuedRecommendation = async (
    partnerIds: string[],
    extra: Partial<Fields<'recommendations'>> = {},
  ) => {
    const finding = await repo.create(
      'findings',
      {
        title: 'Police attendance at strategy discussions depends on the shift',
        summary:
          'Audit (4 of 9 cases) and Front Door practitioners both show that attendance depends on availability rather than need.',
        evidenceClass: 'worry',
        partnerIds,
      },
      system,
    );
    return repo.create(
      'recommendations',
      {
        reference: `TEST-R-2026-${String(++refs).padStart(2, '0')}-${Math.random().toString(36).slice(2, 7).toUpperCase()}`,
        title: 'Assure police attendance at strategy discussions',
        text: 'Eastshire Constabulary should report to the SLG how it will make sure the right officer attends every strategy discussion.',
        priority: 'high',
        partnerIds,
        findingIds: [finding.id],
        responseDueDate: '2099-03-31',
        status: 'issued',
        issuedAt: new Date().toISOString(),
        ...extra,
      },
      system,
    );
  };

  return {
    server,
    connector,
    cards,
    sentCards,
    invoke,
    message,
    repo,
    system,
    partnerId,
    personId,
    issuedRecommendation,
    close: async () => {
      await connector.close();
      await server.close();
    },
  };
}

export type BotHarness = Awaited<ReturnType<typeof startBotHarness>>;

export { inputsOf, textOf, walk } from './card-walk.js';
