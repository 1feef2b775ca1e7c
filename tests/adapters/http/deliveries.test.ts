import type { JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_JWKS_PATH } from '../../../src/adapters/http/dev-routes.js';
import { DEMO_TENANT_ID } from '../../../src/server/seed/harbourside.js';
import {
  startConnectorEmulator,
  type ConnectorEmulator,
} from '../../support/connector-emulator.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { newDraft, partnerIdByName, POLICE_LEAD, SCRUTINEER } from './helpers.js';

/**
 * Issuing queues one card per lead and answers at once; the worker in the server sends them
 * through the production adapter to the Bot Connector emulator (each stored conversation
 * reference points there). The tab follows progress on GET /api/recommendations/{id}/deliveries.
 */
let server: TestServer;
let emulator: ConnectorEmulator;
let scrutineer: string;
let police: string;

interface DeliveryJson {
  personId: string;
  displayName: string;
  partnerName: string;
  status: string;
  detail?: string;
}
type Deliveries = { deliveries: DeliveryJson[] };

beforeAll(async () => {
  server = await startTestServer();
  // The emulator insists on the bot's token, signed by the local issuer, as the connector does.
  const keys = await fetch(`${server.url}${LOCAL_JWKS_PATH}`);
  emulator = await startConnectorEmulator({ tokenKeys: (await keys.json()) as JSONWebKeySet });
  scrutineer = await server.token(SCRUTINEER);
  police = await partnerIdByName(server, scrutineer, 'Eastshire Constabulary');
  const [aisha] = await server.deps.repo.all('people', {
    field: 'upn',
    equals: 'aisha.noor@eastshire-police.example',
  });
  await emulator.register(server.deps.repo, aisha!.fields.entraObjectId);
});
afterAll(async () => {
  await server.close();
  await emulator.close();
});

const ctx = () => ({
  actorId: 'test',
  homeTenantId: DEMO_TENANT_ID,
  channel: 'system' as const,
  at: new Date().toISOString(),
});

/** A partner with `n` leads, each with the app installed (a conversation in the emulator). */
async function partnerWithLeads(name: string, n: number, register = true) {
  const repo = server.deps.repo;
  const partner = await repo.create('partners', { name, kind: 'education' }, ctx());
  const leads = [];
  for (let i = 1; i <= n; i++) {
    const oid = `0a1b2c3d-0000-4000-a${String(name.length).padStart(3, '0')}-${String(i).padStart(12, '0')}`;
    const person = await repo.create(
      'people',
      {
        displayName: `${name} lead ${i}`,
        upn: `lead${i}@${name.toLowerCase().replace(/\W+/g, '-')}.example`,
        entraObjectId: oid,
        homeTenantId: DEMO_TENANT_ID,
        partnerId: partner.id,
        roles: ['partner-lead'],
      },
      ctx(),
    );
    if (register) await emulator.register(repo, oid);
    leads.push({ ...person.fields, id: person.id });
  }
  return { partnerId: partner.id, leads };
}

const issue = (id: string) =>
  server.api(`/api/recommendations/${id}/issue`, { token: scrutineer, method: 'POST' });
const deliveries = async (id: string, token = scrutineer) =>
  server.api(`/api/recommendations/${id}/deliveries`, { token });

async function until(id: string, done: (d: DeliveryJson[]) => boolean): Promise<DeliveryJson[]> {
  for (let i = 0; i < 200; i++) {
    const res = await deliveries(id);
    const list = (res.json as Deliveries).deliveries;
    if (done(list)) return list;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('deliveries did not settle');
}

describe('issuing a recommendation', () => {
  it('answers "sent" for a few recipients: it waits briefly for the first pass', async () => {
    const draft = await newDraft(server, scrutineer, [police]);
    const res = await issue(draft.id);
    expect(res.status).toBe(200);
    expect((res.json as Deliveries).deliveries).toEqual([
      {
        personId: expect.any(String),
        displayName: 'Aisha Noor',
        partnerName: 'Eastshire Constabulary',
        status: 'sent',
      },
    ]);
    const chat = emulator.conversationIdFor(
      (await server.deps.repo.all('people', { field: 'upn', equals: POLICE_LEAD }))[0]!.fields
        .entraObjectId,
    );
    expect(emulator.cardsFor(chat, draft.id)).toBe(1);
    // The deliveries endpoint says the same.
    const again = await deliveries(draft.id);
    expect(again.status).toBe(200);
    expect((again.json as Deliveries).deliveries).toEqual((res.json as Deliveries).deliveries);
  });

  it('answers at once for a big fan-out; the deliveries endpoint shows progress to the end', async () => {
    const { partnerId, leads } = await partnerWithLeads('Harbourside Academies Trust', 25);
    const draft = await newDraft(server, scrutineer, [partnerId]);
    const res = await issue(draft.id);
    expect(res.status).toBe(200);
    const first = (res.json as Deliveries).deliveries;
    expect(first).toHaveLength(25);
    expect(first.every((d) => ['pending', 'sent'].includes(d.status))).toBe(true);
    const settled = await until(draft.id, (list) => list.every((d) => d.status === 'sent'));
    expect(settled.map((d) => d.displayName).sort()).toEqual(
      leads.map((l) => l.displayName).sort(),
    );
    for (const lead of leads) {
      expect(emulator.cardsFor(emulator.conversationIdFor(lead.entraObjectId), draft.id)).toBe(1);
    }
  });

  it('says who is unreachable, and why, in plain words', async () => {
    const { partnerId, leads } = await partnerWithLeads('Harbourside College', 2);
    const blocked = leads[0]!;
    emulator.fail(
      { kind: 'blocked' },
      { conversationId: emulator.conversationIdFor(blocked.entraObjectId) },
    );
    const draft = await newDraft(server, scrutineer, [partnerId]);
    await issue(draft.id);
    const list = await until(draft.id, (l) => l.every((d) => d.status !== 'pending'));
    expect(list.find((d) => d.personId === blocked.id)).toMatchObject({
      status: 'unreachable',
      detail: expect.stringContaining('blocked or was removed'),
    });

    // The scrutineer sends it again once they have reinstalled the app.
    const resend = await server.api(
      `/api/recommendations/${draft.id}/deliveries/${blocked.id}/resend`,
      { token: scrutineer, method: 'POST' },
    );
    expect(resend.status).toBe(200);
    const after = await until(draft.id, (l) => l.every((d) => d.status === 'sent'));
    expect(after).toHaveLength(2);
    const again = await server.api(
      `/api/recommendations/${draft.id}/deliveries/${blocked.id}/resend`,
      { token: scrutineer, method: 'POST' },
    );
    expect(again.status).toBe(409);
  });

  it('lists a partner with no lead as unreachable', async () => {
    const { partnerId } = await partnerWithLeads('Harbourside Hospice', 0);
    const draft = await newDraft(server, scrutineer, [partnerId]);
    const res = await issue(draft.id);
    expect((res.json as Deliveries).deliveries).toEqual([
      expect.objectContaining({
        displayName: '(no lead)',
        status: 'unreachable',
        detail: 'Harbourside Hospice has no partner lead recorded.',
      }),
    ]);
  });
});

describe('the bot’s identity toward the Bot Connector', () => {
  it('the emulator refuses a send without the bot’s token (401) and delivers nothing; every send above carried one', async () => {
    const before = emulator.delivered().length;
    const refusedBefore = emulator.requests().filter((r) => r.status === 401).length;
    const res = await fetch(`${emulator.url}/v3/conversations/a:unsigned/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ type: 'message', text: 'unsigned' }),
    });
    expect(res.status).toBe(401);
    expect(emulator.delivered().length).toBe(before);
    const refused = emulator.requests().filter((r) => r.status === 401);
    expect(refused.length).toBe(refusedBefore + 1);
    // The server's own sends (the tests above) were all accepted: none was refused for its token.
    expect(refusedBefore).toBe(0);
    expect(before).toBeGreaterThan(0);
  });
});

describe('GET /api/recommendations/{id}/deliveries', () => {
  it('is for the scrutineer and the business unit, not partner leads', async () => {
    const draft = await newDraft(server, scrutineer, [police]);
    expect((await deliveries(draft.id, await server.token(POLICE_LEAD))).status).toBe(403);
    expect(
      (await deliveries(draft.id, await server.token('business.unit@harbourside.example'))).status,
    ).toBe(200);
    expect((await server.api(`/api/recommendations/${draft.id}/deliveries`)).status).toBe(401);
  });

  it('answers 404 for an unknown recommendation, and nothing for a draft', async () => {
    expect((await deliveries('no-such-recommendation')).status).toBe(404);
    const draft = await newDraft(server, scrutineer, [police]);
    const res = await deliveries(draft.id);
    expect(res.status).toBe(200);
    // Nothing is queued before issue.
    expect((res.json as Deliveries).deliveries).toEqual([]);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await server.api('/api/openapi.json')).json as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.paths['/api/recommendations/{id}/deliveries']?.get).toBeDefined();
    expect(doc.paths['/api/recommendations/{id}/deliveries/{personId}/resend']?.post).toBeDefined();
  });
});
