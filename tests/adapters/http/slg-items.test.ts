import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, TEAMS_USERS, type BotHarness } from '../teams/support/bot-harness.js';

/** GET /api/slg-items: what the Strategic Leadership Group is to rule on, for the tab. */
let h: BotHarness;
let token: string;
let police: string;

beforeAll(async () => {
  h = await startBotHarness();
  token = await h.server.token('chief.executive@harbourside.example');
  police = await h.partnerId('Eastshire Constabulary');
});
afterAll(async () => h?.close());

type Row = {
  id: string;
  etag: string;
  kind: string;
  status: string;
  reference: string;
  recommendationTitle: string;
  partnerName: string;
  decision?: string;
  rationale?: string;
  responderName?: string;
  meeting?: { id: string; title: string; startsAt: string };
};

async function respondOnCard(decision: 'decline' | 'partially-accept' | 'accept') {
  const rec = await h.issuedRecommendation([police]);
  const aisha = await h.personId('aisha.noor@eastshire-police.example');
  await h.invoke({
    as: TEAMS_USERS.aisha,
    verb: 'respondToRecommendation',
    data: {
      recommendationId: rec.id,
      partnerId: police,
      decision,
      rationale: `Our rationale for ${decision}.`,
      action1What: 'Attend every strategy discussion.',
      action1Owner: aisha,
      action1Due: '2099-01-31',
      action1Evidence: 'The Front Door log.',
    },
  });
  return rec;
}

describe('GET /api/slg-items', () => {
  it('needs a signed-in person', async () => {
    expect((await h.server.api('/api/slg-items')).status).toBe(401);
  });

  it('lists partial acceptances and declines with what the tab shows, not acceptances', async () => {
    const declined = await respondOnCard('decline');
    const partial = await respondOnCard('partially-accept');
    const accepted = await respondOnCard('accept');
    const res = await h.server.api('/api/slg-items', { token });
    expect(res.status).toBe(200);
    const items = (res.json as { items: Row[] }).items;
    const byRef = new Map(items.map((i) => [i.reference, i]));
    expect(byRef.get(declined.fields.reference)).toMatchObject({
      kind: 'decline',
      status: 'awaiting-ruling',
      recommendationTitle: 'Assure police attendance at strategy discussions',
      partnerName: 'Eastshire Constabulary',
      decision: 'decline',
      rationale: 'Our rationale for decline.',
      responderName: 'Aisha Noor',
    });
    expect(byRef.get(partial.fields.reference)?.kind).toBe('partial');
    expect(byRef.has(accepted.fields.reference)).toBe(false);
    const meeting = byRef.get(declined.fields.reference)?.meeting;
    if (meeting) {
      expect(meeting.title).toMatch(/Strategic Leadership Group/);
      expect(Date.parse(meeting.startsAt)).toBeGreaterThan(Date.now() - 86_400_000);
    }
    // Soonest meeting first; items with no meeting in the calendar yet come last.
    const times = items.map((i) => (i.meeting ? Date.parse(i.meeting.startsAt) : Infinity));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('filters by status and refuses an unknown one', async () => {
    await respondOnCard('decline');
    const awaiting = await h.server.api('/api/slg-items?status=awaiting-ruling', { token });
    expect((awaiting.json as { items: Row[] }).items.length).toBeGreaterThan(0);
    const ruled = await h.server.api('/api/slg-items?status=ruled', { token });
    expect((ruled.json as { items: Row[] }).items).toEqual([]);
    expect((await h.server.api('/api/slg-items?status=maybe', { token })).status).toBe(400);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await h.server.api('/api/openapi.json')).json as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.paths['/api/slg-items']?.get).toBeDefined();
  });
});
