import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/application/deps.js';
import type { RequestError } from '../../src/application/errors.js';
import type { StoredItem } from '../../src/application/ports/repository.js';
import { recordActionUpdate } from '../../src/application/use-cases/action-updates.js';
import { respondToRecommendation } from '../../src/application/use-cases/responses.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { snapshot } from './support/snapshot.js';

/**
 * A partner's lead (Eastshire Constabulary's) against another partner's items (Coast & Vale
 * ICB's): every read by id and every write is refused, and the store is unchanged afterwards.
 * Responses and action updates are written through the card (and the emailed link), so those
 * use cases are called here as the bot calls them, with the person the server identified.
 */
const AISHA = 'aisha.noor@eastshire-police.example';

let server: TestServer;
let aishaToken: string;
let scrutineerToken: string;
let aisha: Actor;
const own: { response?: string; action?: string; update?: string } = {};
const theirs: {
  partnerId?: string;
  response?: string;
  action?: string;
  update?: string;
  file?: string;
} = {};

async function person(upn: string): Promise<Actor> {
  const [p] = await server.deps.repo.all('people', { field: 'upn', equals: upn });
  if (!p) throw new Error(`no ${upn}`);
  return { ...p.fields, id: p.id };
}

/** The partner's first response, one of its actions with an update, by partner name. */
async function itemsOf(name: string) {
  const repo = server.deps.repo;
  const partner = (await repo.all('partners')).find((p) => p.fields.name === name);
  if (!partner) throw new Error(`no ${name}`);
  const response = (await repo.all('responses')).find((r) => r.fields.partnerId === partner.id);
  const actions = (await repo.all('actions')).filter((a) => a.fields.partnerId === partner.id);
  const updates = await repo.all('actionUpdates');
  const withUpdate = actions.find((a) => updates.some((u) => u.fields.actionId === a.id));
  const update = updates.find((u) => u.fields.actionId === withUpdate?.id);
  if (!response || !withUpdate || !update) throw new Error(`${name} has no seeded items`);
  return { partnerId: partner.id, response: response.id, action: withUpdate.id, update: update.id };
}

beforeAll(async () => {
  server = await startTestServer();
  aishaToken = await server.token(AISHA);
  scrutineerToken = await server.token('scrutineer@harbourside.example');
  aisha = await person(AISHA);
  Object.assign(own, await itemsOf('Eastshire Constabulary'));
  Object.assign(theirs, await itemsOf('Coast & Vale ICB'));
  const upload = await server.api(`/api/items/responses/${theirs.response}/evidence`, {
    method: 'POST',
    token: scrutineerToken,
    body: 'The ICB board paper on the audit.',
    headers: { 'x-file-name': 'board-paper.txt', 'content-type': 'text/plain' },
  });
  expect(upload.status).toBe(201);
  theirs.file = (upload.json as { id: string }).id;
}, 60_000);
afterAll(async () => server?.close());

const evidenceOf = (list: string, id: string | undefined) => `/api/items/${list}/${id}/evidence`;

describe("a partner lead reads nothing of another partner's by id", () => {
  it("is refused the health partner's response, action and update evidence lists, and its files", async () => {
    for (const [list, id] of [
      ['responses', theirs.response],
      ['actions', theirs.action],
      ['actionUpdates', theirs.update],
    ] as const) {
      const res = await server.api(evidenceOf(list, id), { token: aishaToken });
      expect(res.status, list).toBe(403);
      // Her own partner's are open to her: the refusal is about whose item it is.
      const mine = await server.api(
        evidenceOf(
          list,
          own[list === 'actionUpdates' ? 'update' : list === 'responses' ? 'response' : 'action'],
        ),
        {
          token: aishaToken,
        },
      );
      expect(mine.status, list).toBe(200);
    }
    const file = await fetch(`${server.url}/api/evidence/${theirs.file}/content`, {
      headers: { authorization: `Bearer ${aishaToken}` },
    });
    expect(file.status).toBe(403);
    expect(await file.text()).not.toContain('board paper');
  });

  it('finds no route that reads or writes a response, action, update or finding by id', async () => {
    const [{ id: finding } = { id: '' }] = await server.deps.repo.all('findings');
    const before = await snapshot(server);
    for (const [path, id] of [
      ['responses', theirs.response],
      ['actions', theirs.action],
      ['action-updates', theirs.update],
      ['actionUpdates', theirs.update],
      ['findings', finding],
    ] as const)
      for (const method of ['GET', 'PATCH', 'PUT', 'DELETE']) {
        const res = await server.api(`/api/${path}/${id}`, {
          method,
          token: aishaToken,
          ...(method === 'GET' || method === 'DELETE' ? {} : { body: { partnerId: own.response } }),
        });
        expect(res.status, `${method} ${path}`).toBe(404);
      }
    expect(await snapshot(server)).toBe(before);
  });
});

describe("a partner lead writes nothing of another partner's", () => {
  it("cannot give an update on the health partner's action, as the card would send it", async () => {
    const before = await snapshot(server);
    await expect(
      recordActionUpdate(
        server.deps,
        aisha,
        {
          actionId: theirs.action ?? '',
          submitKey: 'cross-partner-0001',
          progress: 100,
          narrative: 'Done, says someone else.',
        },
        'teams-card',
      ),
    ).rejects.toMatchObject({ status: 403 } satisfies Partial<RequestError>);
    expect(await snapshot(server)).toBe(before);
  });

  it("cannot verify, reopen or pause the health partner's action through the API", async () => {
    const before = await snapshot(server);
    for (const kind of ['verified', 'reopened', 'paused']) {
      const res = await server.api(`/api/actions/${theirs.action}/events`, {
        token: aishaToken,
        body: { kind, note: 'The evidence was seen.', eventKey: `cross-${kind}` },
      });
      expect(res.status, kind).toBe(403);
    }
    expect(await snapshot(server)).toBe(before);
  });

  it('cannot respond for the health partner, whether the card names it or not', async () => {
    const repo = server.deps.repo;
    const ctx = {
      actorId: 'test',
      homeTenantId: 'test',
      channel: 'system' as const,
      at: new Date().toISOString(),
    };
    // Open for a response from both partners, and one for health alone.
    const base = {
      title: 'Agree a protocol',
      text: 'Partners should agree one protocol.',
      priority: 'low' as const,
      responseDueDate: '2099-01-31',
      status: 'issued' as const,
      issuedAt: new Date().toISOString(),
    };
    const both: StoredItem<'recommendations'> = await repo.create(
      'recommendations',
      {
        ...base,
        reference: 'HSCP-R-2026-81',
        partnerIds: [theirs.partnerId ?? '', aisha.partnerId ?? ''],
      },
      ctx,
    );
    const healthOnly = await repo.create(
      'recommendations',
      { ...base, reference: 'HSCP-R-2026-82', partnerIds: [theirs.partnerId ?? ''] },
      ctx,
    );
    const before = await snapshot(server);
    const submission = { decision: 'decline', rationale: 'Not for us.', actions: [] };
    await expect(
      respondToRecommendation(
        server.deps,
        aisha,
        { ...submission, recommendationId: both.id, partnerId: theirs.partnerId },
        'teams-card',
      ),
    ).rejects.toMatchObject({ status: 403 } satisfies Partial<RequestError>);
    // Without the partner's id, she answers for her own partner, which this one does not name.
    await expect(
      respondToRecommendation(
        server.deps,
        aisha,
        { ...submission, recommendationId: healthOnly.id },
        'teams-card',
      ),
    ).rejects.toMatchObject({ status: 409, code: 'not-named' } satisfies Partial<RequestError>);
    expect(await snapshot(server)).toBe(before);
  });

  it("cannot attach evidence to the health partner's response, action or update; can to her own", async () => {
    const files = async () =>
      JSON.stringify(
        await Promise.all(
          (['responses', 'actions', 'actionUpdates'] as const).map(async (list) => {
            const id =
              list === 'responses'
                ? theirs.response
                : list === 'actions'
                  ? theirs.action
                  : theirs.update;
            return (await server.api(evidenceOf(list, id), { token: scrutineerToken })).json;
          }),
        ),
      );
    const before = await snapshot(server);
    const filesBefore = await files();
    for (const [list, id] of [
      ['responses', theirs.response],
      ['actions', theirs.action],
      ['actionUpdates', theirs.update],
    ] as const) {
      const res = await server.api(evidenceOf(list, id), {
        method: 'POST',
        token: aishaToken,
        body: 'Our minutes, filed against their item.',
        headers: { 'x-file-name': 'minutes.txt', 'content-type': 'text/plain' },
      });
      expect(res.status, list).toBe(403);
    }
    expect(await snapshot(server)).toBe(before);
    expect(await files()).toBe(filesBefore);
    const mine = await server.api(evidenceOf('actions', own.action), {
      method: 'POST',
      token: aishaToken,
      body: 'Our own minutes.',
      headers: { 'x-file-name': 'own-minutes.txt', 'content-type': 'text/plain' },
    });
    expect(mine.status).toBe(201);
  });
});
