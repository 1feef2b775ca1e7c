import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, TEAMS_USERS, type BotHarness } from '../teams/support/bot-harness.js';
import { BUSINESS_UNIT, SCRUTINEER, withEtag, type ErrorBody } from './helpers.js';
import { sample } from '../../domain/guard/samples.js';

/** POST /api/slg-items/{id}/ruling: the Strategic Leadership Group's ruling, recorded once. */
let h: BotHarness;
let scrutineer: string;
let businessUnit: string;
let executive: string;
let police: string;

beforeAll(async () => {
  h = await startBotHarness();
  scrutineer = await h.server.token(SCRUTINEER);
  businessUnit = await h.server.token(BUSINESS_UNIT);
  executive = await h.server.token('chief.executive@harbourside.example');
  police = await h.partnerId('Eastshire Constabulary');
});
afterAll(async () => h?.close());

type Row = {
  id: string;
  etag: string;
  status: string;
  reference: string;
  outcome?: string;
  rulingNote?: string;
  ruledAt?: string;
  modifiedBy: string;
};

/** Aisha Noor declines a new recommendation on its card: one item for the SLG. */
async function declinedItem(): Promise<Row> {
  const rec = await h.issuedRecommendation([police]);
  const res = await h.invoke({
    as: TEAMS_USERS.aisha,
    verb: 'respondToRecommendation',
    data: {
      recommendationId: rec.id,
      partnerId: police,
      decision: 'decline',
      rationale: 'The force already reports this to the SLG each quarter.',
    },
  });
  expect(res.status).toBe(200);
  const list = await h.server.api('/api/slg-items?status=awaiting-ruling', { token: scrutineer });
  const row = (list.json as { items: Row[] }).items.find(
    (i) => i.reference === rec.fields.reference,
  );
  if (!row) throw new Error('the decline did not reach the SLG items');
  return row;
}

const rule = (id: string, token: string, body: unknown, etag: string | undefined) =>
  withEtag(h.server, `/api/slg-items/${encodeURIComponent(id)}/ruling`, {
    method: 'POST',
    token,
    body,
    etag,
  });

const ruling = { outcome: 'partner-to-reconsider', note: 'The SLG asked the force to reconsider.' };

describe('POST /api/slg-items/{id}/ruling', () => {
  it('records the ruling and lists the item as ruled, with the outcome', async () => {
    const item = await declinedItem();
    const res = await rule(item.id, scrutineer, ruling, item.etag);
    expect(res.status).toBe(200);
    const body = res.json as Row;
    expect(body).toMatchObject({
      id: item.id,
      status: 'ruled',
      outcome: 'partner-to-reconsider',
      rulingNote: ruling.note,
      reference: item.reference,
    });
    expect(body.etag).not.toBe(item.etag);
    expect(Number.isNaN(Date.parse(body.ruledAt ?? ''))).toBe(false);

    const ruled = await h.server.api('/api/slg-items?status=ruled', { token: executive });
    const listed = (ruled.json as { items: Row[] }).items.find((i) => i.id === item.id);
    expect(listed).toMatchObject({ outcome: 'partner-to-reconsider', rulingNote: ruling.note });
    const awaiting = await h.server.api('/api/slg-items?status=awaiting-ruling', {
      token: executive,
    });
    expect((awaiting.json as { items: Row[] }).items.some((i) => i.id === item.id)).toBe(false);
  });

  it('refuses a second ruling (409) and a stale etag (412); the first stands', async () => {
    const item = await declinedItem();
    const first = await rule(item.id, businessUnit, ruling, item.etag);
    expect(first.status).toBe(200);
    const again = await rule(
      item.id,
      scrutineer,
      { outcome: 'decline-upheld', note: 'Upheld after all.' },
      (first.json as Row).etag,
    );
    expect(again.status).toBe(409);
    expect((again.json as ErrorBody).error.code).toBe('already-ruled');
    const stale = await rule(
      item.id,
      scrutineer,
      { outcome: 'decline-upheld', note: 'Upheld after all.' },
      item.etag,
    );
    expect(stale.status).toBe(412);
    const list = await h.server.api('/api/slg-items?status=ruled', { token: scrutineer });
    expect((list.json as { items: Row[] }).items.find((i) => i.id === item.id)).toMatchObject({
      outcome: 'partner-to-reconsider',
      rulingNote: ruling.note,
    });
  });

  it('needs If-Match (428), a known item (404) and a signed-in scrutineer or business unit', async () => {
    const item = await declinedItem();
    expect((await rule(item.id, scrutineer, ruling, undefined)).status).toBe(428);
    expect((await rule('no-such-item', scrutineer, ruling, item.etag)).status).toBe(404);
    const refused = await rule(item.id, executive, ruling, item.etag);
    expect(refused.status).toBe(403);
    const anonymous = await h.server.api(`/api/slg-items/${item.id}/ruling`, {
      body: ruling,
      headers: { 'if-match': item.etag },
    });
    expect(anonymous.status).toBe(401);
  });

  it('answers 400 with what is wrong for a bad body, and stores nothing', async () => {
    const item = await declinedItem();
    const bad = [
      { note: 'No outcome.' },
      { outcome: 'overruled', note: 'Not an outcome.' },
      { outcome: 'decline-upheld' },
      { outcome: 'decline-upheld', note: '   ' },
      { outcome: 'decline-upheld', note: 'x'.repeat(4001) },
      { outcome: 'decline-upheld', note: 'Fine.', status: 'ruled' },
    ];
    for (const body of bad) {
      const res = await rule(item.id, scrutineer, body, item.etag);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const error = (res.json as ErrorBody).error;
      expect(error.code).toBe('invalid-request');
      expect(error.issues?.length).toBeGreaterThan(0);
    }
    const noOutcome = await rule(item.id, scrutineer, { note: 'No outcome.' }, item.etag);
    expect((noOutcome.json as ErrorBody).error.issues?.[0]).toMatchObject({
      path: 'outcome',
      message: expect.stringContaining('decline-upheld'),
    });
    const noNote = await rule(item.id, scrutineer, { outcome: 'decline-upheld' }, item.etag);
    expect((noNote.json as ErrorBody).error.issues?.[0]).toMatchObject({
      path: 'note',
      message: expect.stringMatching(/note of the ruling/),
    });
    const still = await h.server.api('/api/slg-items?status=awaiting-ruling', {
      token: scrutineer,
    });
    expect((still.json as { items: Row[] }).items.find((i) => i.id === item.id)?.etag).toBe(
      item.etag,
    );
  });

  it('refuses a note that identifies someone (422) without echoing it', async () => {
    const item = await declinedItem();
    const note = `Agreed at the meeting; queries to ${sample.phone}.`;
    const res = await rule(item.id, scrutineer, { outcome: 'decline-upheld', note }, item.etag);
    expect(res.status).toBe(422);
    expect((res.json as ErrorBody).error.code).toBe('identifiable-data');
    expect(JSON.stringify(res.json)).not.toContain(sample.phone.slice(-6));
  });

  it('is described in the OpenAPI document with If-Match and the outcomes', async () => {
    const doc = (await h.server.api('/api/openapi.json')).json as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string }[];
            requestBody?: {
              content: {
                'application/json': {
                  schema: { properties: { outcome: { enum: string[] } } };
                };
              };
            };
          }
        >
      >;
    };
    const op = doc.paths['/api/slg-items/{id}/ruling']?.post;
    expect(op?.parameters?.map((p) => p.name)).toEqual(['id', 'If-Match']);
    expect(op?.requestBody?.content['application/json'].schema.properties.outcome.enum).toEqual([
      'decline-upheld',
      'partner-to-reconsider',
      'recommendation-withdrawn',
      'recommendation-amended',
    ]);
  });
});
