import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server.js';
import {
  newDraft,
  newFinding,
  newObservation,
  partnerIdByName,
  POLICE_LEAD,
  SCRUTINEER,
  withEtag,
  type ErrorBody,
  type Item,
} from './helpers.js';

let server: TestServer;
let scrutineer: string;
let police: string;
let icb: string;
beforeAll(async () => {
  server = await startTestServer();
  scrutineer = await server.token(SCRUTINEER);
  police = await partnerIdByName(server, scrutineer, 'Eastshire Constabulary');
  icb = await partnerIdByName(server, scrutineer, 'Coast & Vale ICB');
});
afterAll(async () => server.close());

const patch = (id: string, body: unknown, etag?: string, token = scrutineer) =>
  withEtag(server, `/api/recommendations/${id}`, { method: 'PATCH', token, body, etag });
const current = async (id: string) =>
  (
    (await server.api('/api/recommendations', { token: scrutineer })).json as { items: Item[] }
  ).items.find((i) => i.id === id);

describe('PATCH /api/recommendations/:id', () => {
  it('edits a draft, keeping its reference and status', async () => {
    const draft = await newDraft(server, scrutineer, [police]);
    const obs = await newObservation(server, scrutineer);
    const finding = await newFinding(server, scrutineer, [obs.id]);
    const res = await patch(
      draft.id,
      {
        title: 'Publish one escalation protocol',
        text: 'The partnership should publish one escalation protocol by March.',
        priority: 'high',
        partnerIds: [police, icb],
        findingIds: [finding.id],
        responseDueDate: '2099-06-30',
      },
      draft.etag,
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: draft.id,
      reference: draft.reference,
      status: 'draft',
      title: 'Publish one escalation protocol',
      priority: 'high',
      partnerIds: [police, icb],
      findingIds: [finding.id],
      responseDueDate: '2099-06-30',
    });
    expect((res.json as Item).etag).not.toBe(draft.etag);
  });

  it('needs If-Match (428) and refuses a stale etag (412)', async () => {
    const draft = await newDraft(server, scrutineer, [police]);
    const missing = await patch(draft.id, { priority: 'low' });
    expect(missing.status).toBe(428);
    expect(missing.json).toMatchObject({ error: { code: 'precondition-required' } });
    expect((await patch(draft.id, { priority: 'low' }, draft.etag)).status).toBe(200);
    const stale = await patch(draft.id, { priority: 'high' }, draft.etag);
    expect(stale.status).toBe(412);
    expect((await current(draft.id))?.priority).toBe('low');
  });

  it('answers 409 once issued', async () => {
    const draft = await newDraft(server, scrutineer, [police]);
    const issued = await server.api(`/api/recommendations/${draft.id}/issue`, {
      token: scrutineer,
      method: 'POST',
    });
    expect(issued.status).toBe(200);
    const etag = (issued.json as { recommendation: Item }).recommendation.etag;
    const res = await patch(draft.id, { priority: 'low' }, etag);
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({
      error: { code: 'illegal-transition', message: expect.stringContaining('only a draft') },
    });
  });

  it('answers 404 for an unknown recommendation', async () => {
    expect((await patch('no-such-recommendation', { priority: 'low' }, '"x,1"')).status).toBe(404);
  });

  it('lets only the scrutineer edit', async () => {
    const draft = await newDraft(server, scrutineer, [police]);
    const res = await patch(
      draft.id,
      { priority: 'low' },
      draft.etag,
      await server.token(POLICE_LEAD),
    );
    expect(res.status).toBe(403);
    expect((await current(draft.id))?.etag).toBe(draft.etag);
  });

  it.each([
    [{}, '', /at least one of: title/],
    [{ reference: 'HSCP-R-2026-99' }, '', /reference/],
    [{ status: 'issued' }, '', /status/],
    [{ partnerIds: [] }, 'partnerIds', /choose at least one/],
    [{ priority: 'urgent' }, 'priority', /high/],
    [{ responseDueDate: '31/01/2099' }, 'responseDueDate', /date/i],
  ])('refuses %j with 400 saying what is wrong', async (body, path, message) => {
    const draft = await newDraft(server, scrutineer, [police]);
    const res = await patch(draft.id, body, draft.etag);
    expect(res.status).toBe(400);
    const issues = (res.json as ErrorBody).error.issues ?? [];
    expect(issues.some((i) => i.path === path && message.test(i.message))).toBe(true);
  });

  it('refuses unknown partners and findings with 400 naming them', async () => {
    const draft = await newDraft(server, scrutineer, [police]);
    const partner = await patch(draft.id, { partnerIds: ['no-such-partner'] }, draft.etag);
    expect(partner.status).toBe(400);
    expect(partner.json).toMatchObject({ error: { code: 'unknown-partner' } });
    const finding = await patch(draft.id, { findingIds: ['no-such-finding'] }, draft.etag);
    expect(finding.status).toBe(400);
    expect(finding.json).toMatchObject({
      error: { code: 'unknown-finding', message: expect.stringContaining('no-such-finding') },
    });
    expect((await current(draft.id))?.etag).toBe(draft.etag);
  });

  it('refuses identifiable text with 422 and keeps the draft as it was', async () => {
    const draft = await newDraft(server, scrutineer, [police]);
    const res = await patch(
      draft.id,
      { text: 'Ask the family at 14 Larkspur Crescent, LS6 2QX what changed.' },
      draft.etag,
    );
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({
      error: { code: 'identifiable-data', fields: [{ field: 'text' }] },
    });
    expect(await current(draft.id)).toMatchObject({ etag: draft.etag, text: draft.text });
  });
});
