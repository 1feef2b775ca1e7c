import { Activity } from '@microsoft/agents-activity';
import { CloudAdapter, loadAuthConfigFromEnv, type TurnContext } from '@microsoft/agents-hosting';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TeamsCardGateway } from '../../../src/adapters/teams/card-gateway.js';
import { rememberConversation } from '../../../src/adapters/teams/conversations.js';
import { DEMO_TENANT_ID } from '../../../src/server/seed/harbourside.js';
import { startBotHarness, TEAMS_USERS, type BotHarness } from './support/bot-harness.js';

/**
 * The tenant allow-list on every activity, and the service URL allow-list on what the bot keeps
 * and where it sends: through the real server, the Agents SDK and a fake connector on loopback.
 */
let h: BotHarness;
let police: string;
const OUTSIDER = '11111111-2222-4333-8444-555555555555';
const RESPOND = 'respondToRecommendation';

beforeAll(async () => {
  h = await startBotHarness();
  police = await h.partnerId('Eastshire Constabulary');
});
afterAll(async () => h?.close());
beforeEach(() => {
  h.connector.calls.length = 0;
});

/** Any activity, as Teams would post it, with the tenant given (or none at all). */
async function post(activity: Record<string, unknown>, tenantId: string | undefined) {
  const as = TEAMS_USERS.aisha;
  const body = {
    channelId: 'msteams',
    serviceUrl: h.connector.url,
    id: `tenant-${Math.random().toString(36).slice(2)}`,
    from: as,
    recipient: { id: '28:critical-friend', name: 'Critical Friend' },
    conversation: {
      id: `a:personal-${as.id}`,
      conversationType: 'personal',
      ...(tenantId ? { tenantId } : {}),
    },
    ...(tenantId ? { channelData: { tenant: { id: tenantId } } } : {}),
    ...activity,
  };
  const res = await h.server.botPost(body);
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
}

const conversations = () =>
  h.repo.all('conversations', { field: 'entraObjectId', equals: TEAMS_USERS.aisha.aadObjectId });
const responsesTo = (id: string) =>
  h.repo.all('responses', { field: 'recommendationId', equals: id });

describe('an activity from a tenant outside the allow-list, or from no tenant', () => {
  const partial = (recommendationId: string) => ({
    recommendationId,
    partnerId: police,
    decision: 'accept',
    rationale: 'Agreed in full.',
    action1What: 'Attend every strategy discussion.',
    action1Due: '2099-01-31',
  });

  it.each([
    ['another tenant', OUTSIDER],
    ['no tenant', undefined],
  ])(
    'from %s: a message, a conversationUpdate and an installationUpdate keep nothing and send nothing',
    async (_what, tenantId) => {
      const before = await conversations();
      const results = [
        await post({ type: 'message', text: 'HSCP-R-2026-01' }, tenantId),
        await post(
          { type: 'conversationUpdate', membersAdded: [{ id: TEAMS_USERS.aisha.id }] },
          tenantId,
        ),
        await post({ type: 'installationUpdate', action: 'add' }, tenantId),
        // The Action.Submit fallback of the response card, as a message.
        await post({ type: 'message', value: { verb: RESPOND, ...partial('x') } }, tenantId),
      ];
      for (const r of results) expect(r.status).toBe(200);
      expect(await conversations()).toEqual(before);
      expect(h.connector.calls).toEqual([]);
    },
  );

  it.each([
    ['another tenant', OUTSIDER],
    ['no tenant', undefined],
  ])(
    'from %s: a card action gets a plain answer (never a hang or a 5xx), nothing is written',
    async (_what, tenantId) => {
      const rec = await h.issuedRecommendation([police]);
      const res = await post(
        {
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId: 'card-1',
          value: {
            action: { type: 'Action.Execute', verb: RESPOND, data: partial(rec.id) },
            trigger: 'manual',
          },
        },
        tenantId,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
      });
      expect(String(res.body?.value)).toMatch(
        /only people in the partnership.*Nothing was recorded/,
      );
      expect(await responsesTo(rec.id)).toEqual([]);
      expect(h.connector.calls).toEqual([]);
    },
  );

  it('any other invoke from outside is refused with 403', async () => {
    const res = await post({ type: 'invoke', name: 'task/fetch', value: {} }, OUTSIDER);
    expect(res.status).toBe(403);
    expect(h.connector.calls).toEqual([]);
  });

  it('from inside, an invoke no handler takes gets a clear answer, not the SDK’s 501', async () => {
    const unknownVerb = await post(
      {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'deleteEverything', data: {} } },
      },
      DEMO_TENANT_ID,
    );
    expect(unknownVerb.status).toBe(200);
    expect(String(unknownVerb.body?.value)).toMatch(/out of date/);
    const otherInvoke = await post(
      { type: 'invoke', name: 'task/fetch', value: {} },
      DEMO_TENANT_ID,
    );
    expect(otherInvoke.status).toBe(400);
    expect(h.connector.calls).toEqual([]);
  });

  it('the same card action from the partnership’s tenant is answered with the card (the control)', async () => {
    const rec = await h.issuedRecommendation([police]);
    const res = await post(
      {
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: 'card-1',
        value: {
          action: { type: 'Action.Execute', verb: 'refreshRecommendation', data: partial(rec.id) },
          trigger: 'automatic',
        },
      },
      DEMO_TENANT_ID,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'application/vnd.microsoft.card.adaptive' });
  });
});

describe('Bot Connector addresses', () => {
  it('an activity naming a connector not on the list is refused at the door (403) and keeps nothing', async () => {
    const before = await conversations();
    const res = await h.server.botPost({
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'https://evil.example/',
      id: 'evil-1',
      from: TEAMS_USERS.aisha,
      recipient: { id: '28:critical-friend' },
      conversation: { id: 'a:evil', conversationType: 'personal', tenantId: DEMO_TENANT_ID },
      channelData: { tenant: { id: DEMO_TENANT_ID } },
      text: 'hello',
    });
    expect(res.status).toBe(403);
    expect(await conversations()).toEqual(before);
  });

  /** A turn context over a hand-built activity: what the bot's handlers receive. */
  const turn = (serviceUrl: string, oid: string) =>
    ({
      activity: Activity.fromObject({
        type: 'message',
        channelId: 'msteams',
        serviceUrl,
        id: 'a-1',
        from: { id: `29:${oid}`, aadObjectId: oid },
        recipient: { id: '28:critical-friend' },
        conversation: { id: `a:${oid}`, conversationType: 'personal', tenantId: DEMO_TENANT_ID },
      }),
    }) as unknown as TurnContext;

  it('a 1:1 chat is kept for proactive cards only when its connector is on the list', async () => {
    const allowed = ['https://smba.trafficmanager.net/'];
    const good = '0a1b2c3d-0000-4000-8000-00000000c001';
    const bad = '0a1b2c3d-0000-4000-8000-00000000c002';
    await rememberConversation(
      h.server.deps,
      turn('https://smba.trafficmanager.net/emea/', good),
      allowed,
    );
    await rememberConversation(h.server.deps, turn('https://evil.example/', bad), allowed);
    const kept = async (oid: string) =>
      h.repo.all('conversations', { field: 'entraObjectId', equals: oid });
    expect((await kept(good)).map((c) => c.fields.serviceUrl)).toEqual([
      'https://smba.trafficmanager.net/emea/',
    ]);
    expect(await kept(bad)).toEqual([]);
    // A later activity from an unlisted connector does not move a kept chat there either.
    await rememberConversation(h.server.deps, turn('https://evil.example/', good), allowed);
    expect((await kept(good)).map((c) => c.fields.serviceUrl)).toEqual([
      'https://smba.trafficmanager.net/emea/',
    ]);
  });

  it('a proactive card is never sent to a stored chat on an unlisted connector (a tampered record)', async () => {
    const gateway = new TeamsCardGateway(
      new CloudAdapter(loadAuthConfigFromEnv()),
      'local-anonymous',
      h.repo,
      { sendTimeoutMs: 2_000, serviceUrls: ['http://127.0.0.1:'] },
    );
    const store = async (oid: string, serviceUrl: string) =>
      h.repo.create(
        'conversations',
        {
          entraObjectId: oid,
          tenantId: DEMO_TENANT_ID,
          conversationId: `a:${oid}`,
          serviceUrl,
          reference: JSON.stringify({
            channelId: 'msteams',
            serviceUrl,
            conversation: { id: `a:${oid}`, conversationType: 'personal' },
            user: { id: `29:${oid}`, aadObjectId: oid },
            agent: { id: '28:critical-friend' },
          }),
        },
        h.system,
      );
    const tampered = '0a1b2c3d-0000-4000-8000-00000000d001';
    const genuine = '0a1b2c3d-0000-4000-8000-00000000d002';
    const damaged = '0a1b2c3d-0000-4000-8000-00000000d003';
    // The kept column says the connector; the reference (what is used to send) was altered.
    await store(tampered, 'http://attacker.invalid:9/');
    await store(genuine, h.connector.url);
    await h.repo.create(
      'conversations',
      {
        entraObjectId: damaged,
        tenantId: DEMO_TENANT_ID,
        conversationId: `a:${damaged}`,
        serviceUrl: h.connector.url,
        reference: '{not json',
      },
      h.system,
    );
    const view = {
      ...(await h.issuedRecommendation([police])).fields,
    };
    const card = {
      recommendationId: 'rec',
      partnerId: police,
      reference: view.reference,
      title: view.title,
      text: view.text,
      priority: view.priority,
      responseDueDate: view.responseDueDate,
      partnerName: 'Eastshire Constabulary',
      findings: [],
      mode: 'status' as const,
    };
    const ref = { deliveryKey: 'k' };
    const send = (oid: string) =>
      gateway.sendRecommendation({ personId: 'p', entraObjectId: oid }, card, ref);

    expect(await send(tampered)).toMatchObject({ kind: 'unreachable', reason: 'not-installed' });
    expect(await send(damaged)).toMatchObject({ kind: 'unreachable', reason: 'not-installed' });
    expect(h.connector.calls).toEqual([]);
    // The control: the same gateway sends to a chat on a listed connector.
    expect(await send(genuine)).toMatchObject({ kind: 'sent' });
    expect(h.connector.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });
});
