import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/application/deps.js';
import type { RequestError } from '../../src/application/errors.js';
import {
  recordActionUpdate,
  type ActionUpdateInput,
} from '../../src/application/use-cases/action-updates.js';
import {
  respondToRecommendation,
  type RespondInput,
} from '../../src/application/use-cases/responses.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { snapshot } from './support/snapshot.js';

/**
 * Field by field: what a partner lead sends beyond what they may set is refused (the API's strict
 * schemas) or never reaches the record (the use cases build every record from the fields they
 * own and server state). A partner writes its response and its updates; never who responded,
 * for which partner, through which channel, the recommendation's or a finding's text, or an
 * action's owner, partner, target or verification.
 */
const AISHA = 'aisha.noor@eastshire-police.example';

let server: TestServer;
let aishaToken: string;
let aisha: Actor;
let beth: Actor;

async function person(upn: string): Promise<Actor> {
  const [p] = await server.deps.repo.all('people', { field: 'upn', equals: upn });
  if (!p) throw new Error(`no ${upn}`);
  return { ...p.fields, id: p.id };
}

beforeAll(async () => {
  server = await startTestServer();
  aishaToken = await server.token(AISHA);
  aisha = await person(AISHA);
  beth = await person('beth.morris@coastvale-icb.example');
}, 60_000);
afterAll(async () => server?.close());

const ctx = () => ({
  actorId: 'test',
  homeTenantId: 'test',
  channel: 'system' as const,
  at: new Date().toISOString(),
});

async function openRecommendation(reference: string) {
  return server.deps.repo.create(
    'recommendations',
    {
      reference,
      title: 'Agree a protocol',
      text: 'Partners should agree one protocol.',
      priority: 'low',
      partnerIds: [aisha.partnerId ?? ''],
      responseDueDate: '2099-01-31',
      status: 'issued',
      issuedAt: new Date().toISOString(),
    },
    ctx(),
  );
}

describe('a response', () => {
  it('records who responded, for which partner and how from the server, whatever the submission adds', async () => {
    const rec = await openRecommendation('HSCP-R-2026-71');
    // Fields a hostile card or client might add: none of them is the responder's to set.
    const hostile = {
      recommendationId: rec.id,
      decision: 'decline',
      rationale: 'Not ours to do.',
      actions: [],
      responderId: beth.id,
      responderTenantId: beth.homeTenantId,
      channel: 'system',
      respondedAt: '2000-01-01T00:00:00Z',
      responseKey: `${rec.id}:${beth.partnerId}`,
      text: 'The recommendation, rewritten.',
      title: 'Rewritten',
      status: 'withdrawn',
    } as unknown as RespondInput;
    const result = await respondToRecommendation(server.deps, aisha, hostile, 'teams-card');
    expect(result.response.fields).toMatchObject({
      responderId: aisha.id,
      responderTenantId: aisha.homeTenantId,
      partnerId: aisha.partnerId,
      channel: 'teams-card',
      responseKey: `${rec.id}:${aisha.partnerId}`,
    });
    expect(result.response.fields.respondedAt > '2026').toBe(true);
    const after = await server.deps.repo.get('recommendations', rec.id);
    expect(after?.etag).toBe(rec.etag);
    expect(after?.fields).toEqual(rec.fields);
  });

  it('through the emailed link takes only decision, rationale and actions: anything else is 400, nothing stored', async () => {
    const before = await snapshot(server);
    const hostile: Record<string, unknown>[] = [
      { decision: 'accept', rationale: 'Agreed.', partnerId: beth.partnerId },
      { decision: 'accept', rationale: 'Agreed.', text: 'The recommendation, rewritten.' },
      { decision: 'accept', rationale: 'Agreed.', responderId: beth.id },
      { decision: 'accept', rationale: 'Agreed.', channel: 'system' },
      {
        decision: 'accept',
        rationale: 'Agreed.',
        actions: [
          {
            description: 'Attend every strategy discussion.',
            ownerId: aisha.id,
            targetDate: '2099-01-31',
            evidenceExpected: 'The log.',
            partnerId: beth.partnerId,
            status: 'verified',
          },
        ],
      },
    ];
    for (const body of hostile) {
      const res = await server.api('/api/respond-links/any-token/response', {
        token: aishaToken,
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json).toMatchObject({ error: { code: 'invalid-request' } });
    }
    expect(await snapshot(server)).toBe(before);
  });

  it('cannot make an owner of another partner’s person', async () => {
    const rec = await openRecommendation('HSCP-R-2026-72');
    const before = await snapshot(server);
    await expect(
      respondToRecommendation(
        server.deps,
        aisha,
        {
          recommendationId: rec.id,
          decision: 'accept',
          rationale: 'Agreed.',
          actions: [
            {
              description: 'Attend every strategy discussion.',
              ownerId: beth.id,
              targetDate: '2099-01-31',
              evidenceExpected: 'The log.',
            },
          ],
        },
        'teams-card',
      ),
    ).rejects.toMatchObject({ status: 400 } satisfies Partial<RequestError>);
    expect(await snapshot(server)).toBe(before);
  });
});

describe('an action update', () => {
  it("adds an update and moves only the status column, never the action's owner, partner, text, target or verification", async () => {
    const action = (await server.deps.repo.all('actions')).find(
      (a) => a.fields.partnerId === aisha.partnerId && a.fields.status !== 'verified',
    );
    if (!action) throw new Error('no open police action');
    const hostile = {
      actionId: action.id,
      submitKey: 'field-level-0001',
      progress: 100,
      narrative: 'All done.',
      ownerId: beth.id,
      partnerId: beth.partnerId,
      status: 'verified',
      description: 'Rewritten.',
      targetDate: '2099-12-31',
      authorId: beth.id,
      at: '2000-01-01T00:00:00Z',
    } as unknown as ActionUpdateInput;
    const { item } = await recordActionUpdate(server.deps, aisha, hostile, 'teams-card');
    expect(item.fields).toMatchObject({ actionId: action.id, authorId: aisha.id, progress: 100 });
    expect(item.fields.at > '2026').toBe(true);
    const after = await server.deps.repo.get('actions', action.id);
    const { status, ...rest } = after?.fields ?? { status: undefined };
    const { status: _was, ...restBefore } = action.fields;
    expect(rest).toEqual(restBefore);
    // 100% claims done: awaiting the scrutineer's verification, never verified by the partner.
    expect(status).toBe('done');
  });

  it('cannot be given on a verified action', async () => {
    const verified = (await server.deps.repo.all('actions')).find(
      (a) => a.fields.partnerId === aisha.partnerId && a.fields.status === 'verified',
    );
    if (!verified) throw new Error('no verified police action');
    const before = await snapshot(server);
    await expect(
      recordActionUpdate(
        server.deps,
        aisha,
        { actionId: verified.id, submitKey: 'field-level-0002', progress: 50, narrative: 'More.' },
        'teams-card',
      ),
    ).rejects.toMatchObject({ status: 409 } satisfies Partial<RequestError>);
    expect(await snapshot(server)).toBe(before);
  });
});

describe("the tracker's own records", () => {
  it("a partner lead cannot change a recommendation's or a finding's text, or attach to a finding", async () => {
    const repo = server.deps.repo;
    const [issued] = (await repo.all('recommendations')).filter(
      (r) => r.fields.status === 'issued' && r.fields.partnerIds.includes(aisha.partnerId ?? ''),
    );
    const [finding] = await repo.all('findings');
    const before = await snapshot(server);
    const patch = await server.api(`/api/recommendations/${issued?.id}`, {
      method: 'PATCH',
      token: aishaToken,
      body: { text: 'Rewritten by the partner.' },
      headers: { 'if-match': issued?.etag ?? '' },
    });
    expect(patch.status).toBe(403);
    const findingPatch = await server.api(`/api/findings/${finding?.id}`, {
      method: 'PATCH',
      token: aishaToken,
      body: { summary: 'Rewritten by the partner.' },
      headers: { 'if-match': finding?.etag ?? '' },
    });
    expect(findingPatch.status).toBe(404);
    const merge = await server.api(`/api/findings/${finding?.id}/observations`, {
      token: aishaToken,
      body: { observationIds: ['x'] },
      headers: { 'if-match': finding?.etag ?? '' },
    });
    expect(merge.status).toBe(403);
    const attach = await server.api(`/api/items/findings/${finding?.id}/evidence`, {
      method: 'POST',
      token: aishaToken,
      body: 'Our view of the finding.',
      headers: { 'x-file-name': 'view.txt', 'content-type': 'text/plain' },
    });
    expect(attach.status).toBe(403);
    expect(await snapshot(server)).toBe(before);
  });

  it('only the scrutineer verifies: the business unit and the partner lead are refused, nothing changes', async () => {
    const action = (await server.deps.repo.all('actions')).find(
      (a) => a.fields.partnerId === aisha.partnerId && a.fields.status === 'done',
    );
    if (!action) throw new Error('no police action awaiting verification');
    const before = await snapshot(server);
    for (const upn of ['business.unit@harbourside.example', AISHA]) {
      const res = await server.api(`/api/actions/${action.id}/events`, {
        token: await server.token(upn),
        body: { kind: 'verified', note: 'The evidence was seen.', eventKey: `verify-${upn}` },
      });
      expect(res.status, upn).toBe(403);
    }
    expect(await snapshot(server)).toBe(before);
    const scrutineer = await server.api(`/api/actions/${action.id}/events`, {
      token: await server.token('scrutineer@harbourside.example'),
      body: { kind: 'verified', note: 'The evidence was seen.', eventKey: 'verify-scrutineer' },
    });
    expect(scrutineer.status).toBe(201);
  });
});
