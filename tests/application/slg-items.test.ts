import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/application/deps.js';
import { RequestError } from '../../src/application/errors.js';
import { ConflictError } from '../../src/application/ports/repository.js';
import {
  identifyPerson,
  respondToRecommendation,
} from '../../src/application/use-cases/responses.js';
import { listSlgItems, recordSlgRuling } from '../../src/application/use-cases/slg-items.js';
import { slgRulingOutcomes } from '../../src/domain/lists/slg-items.js';
import { DEMO_POLICE_LEAD_OID, POLICE_TENANT_ID } from '../../src/server/seed/harbourside.js';
import { startBotHarness, type BotHarness } from '../adapters/teams/support/bot-harness.js';
import { sample } from '../domain/guard/samples.js';

/** The Strategic Leadership Group's ruling on a partial acceptance or a decline. */
let h: BotHarness;
let police: string;
let aisha: Actor;
let scrutineer: Actor;
let businessUnit: Actor;
let chiefExecutive: Actor;

async function actor(upn: string): Promise<Actor> {
  const [p] = await h.repo.all('people', { field: 'upn', equals: upn });
  if (!p) throw new Error(`no person ${upn}`);
  return { ...p.fields, id: p.id };
}

beforeAll(async () => {
  h = await startBotHarness();
  police = await h.partnerId('Eastshire Constabulary');
  const found = await identifyPerson(h.server.deps, DEMO_POLICE_LEAD_OID, POLICE_TENANT_ID);
  if (!found) throw new Error('Aisha Noor is not in the demo partnership');
  aisha = found;
  scrutineer = await actor('scrutineer@harbourside.example');
  businessUnit = await actor('business.unit@harbourside.example');
  chiefExecutive = await actor('chief.executive@harbourside.example');
});
afterAll(async () => h?.close());

/** A decline (or partial acceptance) on a new recommendation: one item awaiting a ruling. */
async function referred(decision: 'decline' | 'partially-accept' = 'decline') {
  const rec = await h.issuedRecommendation([police]);
  const result = await respondToRecommendation(
    h.server.deps,
    aisha,
    {
      recommendationId: rec.id,
      partnerId: police,
      decision,
      rationale: `The force's reasons to ${decision}.`,
      actions:
        decision === 'decline'
          ? []
          : [
              {
                description: 'Attend every strategy discussion.',
                ownerId: aisha.id,
                targetDate: '2099-01-31',
                evidenceExpected: 'The Front Door log.',
              },
            ],
    },
    'teams-card',
  );
  if (!result.slgItem) throw new Error('no SLG item was created');
  return { rec, item: result.slgItem };
}

const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (e) {
    if (e instanceof RequestError) return { status: e.status, code: e.code, message: e.message };
    if (e instanceof ConflictError) return { status: 412, code: 'conflict', message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
};

const current = async (id: string) => {
  const item = await h.repo.get('slgItems', id);
  if (!item) throw new Error(`no SLG item ${id}`);
  return item;
};

describe('recording the SLG ruling', () => {
  it('sets the outcome, the note, ruled and when; keeps who and the channel', async () => {
    const { rec, item } = await referred();
    const before = Date.now();
    const row = await recordSlgRuling(
      h.server.deps,
      scrutineer,
      item.id,
      { outcome: 'partner-to-reconsider', note: '  The SLG asked the force to think again.  ' },
      item.etag,
    );
    expect(row.item.fields).toMatchObject({
      status: 'ruled',
      outcome: 'partner-to-reconsider',
      rulingNote: 'The SLG asked the force to think again.',
    });
    expect(Date.parse(row.item.fields.ruledAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(row).toMatchObject({
      reference: rec.fields.reference,
      recommendationTitle: rec.fields.title,
      partnerName: 'Eastshire Constabulary',
      decision: 'decline',
      responderName: 'Aisha Noor',
    });
    expect(row.item.etag).not.toBe(item.etag);
    const versions = await h.repo.history('slgItems', item.id);
    const last = versions[versions.length - 1];
    expect(last).toMatchObject({ modifiedBy: scrutineer.id, channel: 'tab' });
    expect(last?.fields.status).toBe('ruled');
    expect(versions[0]?.fields.status).toBe('awaiting-ruling');

    const ruled = await listSlgItems(h.server.deps, scrutineer, 'ruled');
    expect(ruled.map((r) => r.item.id)).toContain(item.id);
    const awaiting = await listSlgItems(h.server.deps, scrutineer, 'awaiting-ruling');
    expect(awaiting.map((r) => r.item.id)).not.toContain(item.id);
  });

  it('is for the scrutineer and the business unit only', async () => {
    const { item } = await referred('partially-accept');
    for (const who of [chiefExecutive, aisha]) {
      expect(
        await refusal(
          recordSlgRuling(
            h.server.deps,
            who,
            item.id,
            { outcome: 'decline-upheld', note: 'Upheld.' },
            item.etag,
          ),
        ),
      ).toMatchObject({ status: 403 });
    }
    expect((await current(item.id)).fields.status).toBe('awaiting-ruling');
    const row = await recordSlgRuling(
      h.server.deps,
      businessUnit,
      item.id,
      { outcome: 'recommendation-amended', note: 'The SLG amended the recommendation.' },
      item.etag,
    );
    expect(row.item.fields.outcome).toBe('recommendation-amended');
    expect(row.item.modifiedBy).toBe(businessUnit.id);
  });

  it('is given once: a second ruling is a conflict and the first stands', async () => {
    const { item } = await referred();
    const first = await recordSlgRuling(
      h.server.deps,
      scrutineer,
      item.id,
      { outcome: 'decline-upheld', note: 'The decline stands.' },
      item.etag,
    );
    // With the ruled item's own etag: refused as already ruled.
    expect(
      await refusal(
        recordSlgRuling(
          h.server.deps,
          businessUnit,
          item.id,
          { outcome: 'recommendation-withdrawn', note: 'Withdrawn.' },
          first.item.etag,
        ),
      ),
    ).toMatchObject({ status: 409, code: 'already-ruled' });
    // With the etag read before the first ruling: stale.
    expect(
      await refusal(
        recordSlgRuling(
          h.server.deps,
          businessUnit,
          item.id,
          { outcome: 'recommendation-withdrawn', note: 'Withdrawn.' },
          item.etag,
        ),
      ),
    ).toMatchObject({ status: 412 });
    expect((await current(item.id)).fields).toMatchObject({
      outcome: 'decline-upheld',
      rulingNote: 'The decline stands.',
    });
  });

  it('needs the etag, a known item, an outcome and a note', async () => {
    const { item } = await referred();
    const rule = (id: string, note: string, etag: string | undefined) =>
      recordSlgRuling(h.server.deps, scrutineer, id, { outcome: 'decline-upheld', note }, etag);
    expect(await refusal(rule(item.id, 'Upheld.', undefined))).toMatchObject({ status: 428 });
    expect(await refusal(rule(item.id, 'Upheld.', '  '))).toMatchObject({ status: 428 });
    expect(await refusal(rule(item.id, 'Upheld.', '"not-the-etag"'))).toMatchObject({
      status: 412,
    });
    expect(await refusal(rule('no-such-item', 'Upheld.', item.etag))).toMatchObject({
      status: 404,
    });
    expect(await refusal(rule(item.id, '   ', item.etag))).toMatchObject({
      status: 400,
      code: 'note-required',
    });
    expect(
      await refusal(
        recordSlgRuling(
          h.server.deps,
          scrutineer,
          item.id,
          { outcome: 'maybe' as (typeof slgRulingOutcomes)[number], note: 'Upheld.' },
          item.etag,
        ),
      ),
    ).toMatchObject({ status: 400, code: 'invalid-outcome' });
    expect((await current(item.id)).etag).toBe(item.etag);
  });

  it('refuses a note that identifies someone, without repeating it', async () => {
    const { item } = await referred();
    const note = `Agreed at the meeting; queries to ${sample.phone}.`;
    const refused = await refusal(
      recordSlgRuling(
        h.server.deps,
        scrutineer,
        item.id,
        { outcome: 'decline-upheld', note },
        item.etag,
      ),
    );
    expect(refused).toMatchObject({ status: 422, code: 'identifiable-data' });
    expect(refused.message).not.toContain(sample.phone);
    const after = await current(item.id);
    expect(after.etag).toBe(item.etag);
    expect(after.fields.rulingNote ?? undefined).toBeUndefined();
  });
});
