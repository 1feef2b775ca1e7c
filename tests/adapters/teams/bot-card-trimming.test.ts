import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, oid } from '../../../src/server/seed/harbourside.js';
import {
  inputsOf,
  startBotHarness,
  TEAMS_USERS,
  textOf,
  walk,
  type BotHarness,
  type TeamsUser,
} from './support/bot-harness.js';
import { cardProblems } from './support/card-checks.js';
import { NOT_YOURS, expectOnlyNotice } from './support/notices.js';

/**
 * A card shows a person only what the API would show them. The ids a card carries
 * (recommendationId, partnerId, actionId) can be forged in an invoke, so each is checked against
 * the person's reach: the whole view reads everything, a partner's people their own partner's
 * work, and nobody else anything. Through the real pipeline, as in the other bot tests.
 */
let h: BotHarness;
let police: string;
let council: string;
let samId: string;

beforeAll(async () => {
  h = await startBotHarness();
  police = await h.partnerId('Eastshire Constabulary');
  council = await h.partnerId('Harbourside Council');
  samId = await h.personId('sam.carter@harbourside.example');
});
afterAll(async () => h?.close());
beforeEach(() => {
  h.connector.calls.length = 0;
});

const RESPOND = 'respondToRecommendation';
const REFRESH = 'refreshRecommendation';
const UPDATE = 'updateAction';
const REFRESH_ACTION = 'refreshAction';
const groupChat = { id: '19:trimming@thread.v2', conversationType: 'groupChat' as const };

/** The scrutineer, from the demo partnership (not among the harness's Teams users). */
const MORGAN: TeamsUser = {
  id: '29:morgan-ellis',
  aadObjectId: oid(1),
  name: 'Morgan Ellis',
};

const WITHHELD =
  "Harbourside Council has responded. Only its own people and the partnership's leads can read the response.";

/** What the council's lead says on its card: words that must not reach another partner. */
const COUNCIL_RATIONALE =
  'The council accepts part of this: the Front Door rota is ours, the strategy discussions are not.';
const COUNCIL_ACTION = 'Front Door manager reviews the strategy discussion rota monthly.';

const councilResponse = () => ({
  decision: 'partially-accept',
  rationale: COUNCIL_RATIONALE,
  action1What: COUNCIL_ACTION,
  action1Owner: samId,
  action1Due: '2099-02-28',
  action1Evidence: 'The monthly rota review note.',
});

/** A recommendation for the council alone, with words that must not appear on a police card. */
const councilOnly = () =>
  h.issuedRecommendation([council], {
    title: 'Publish the Front Door threshold guidance to all council teams',
    text: 'Harbourside Council should publish its Front Door threshold guidance and check that every team uses it.',
  });

async function stored(recommendationId: string) {
  const [responses, actions, slg] = await Promise.all([
    h.repo.all('responses', { field: 'recommendationId', equals: recommendationId }),
    h.repo.all('actions', { field: 'recommendationId', equals: recommendationId }),
    h.repo.all('slgItems', { field: 'recommendationId', equals: recommendationId }),
  ]);
  return { responses, actions, slg };
}

/** An open council action owned by this person, on a council recommendation it has answered. */
async function councilAction(ownerId: string) {
  const rec = await councilOnly();
  const response = await h.repo.create(
    'responses',
    {
      recommendationId: rec.id,
      partnerId: council,
      decision: 'accept',
      rationale: 'Agreed.',
      responderId: samId,
      responderTenantId: DEMO_TENANT_ID,
      channel: 'teams-card',
      respondedAt: new Date().toISOString(),
      responseKey: `${rec.id}:${council}`,
    },
    h.system,
  );
  return h.repo.create(
    'actions',
    {
      recommendationId: rec.id,
      responseId: response.id,
      partnerId: council,
      description: COUNCIL_ACTION,
      ownerId,
      targetDate: '2099-04-30',
      evidenceExpected: 'The monthly rota review note.',
      status: 'open',
      actionKey: `${rec.id}:${council}:1`,
    },
    h.system,
  );
}

const actionUpdates = (actionId: string) =>
  h.repo.all('actionUpdates', { field: 'actionId', equals: actionId });

/** An invoke about another partner's action is answered as for an unknown one: no card. */
function expectNothingOfTheAction(res: { card?: Record<string, unknown> }) {
  expectOnlyNotice(res.card, NOT_YOURS);
  expect(JSON.stringify(res.card)).not.toContain(COUNCIL_ACTION);
}

const posted = () => h.connector.calls.filter((c) => c.method === 'POST');
const postedCards = () =>
  posted().flatMap((c) =>
    ((c.body.attachments ?? []) as { content: Record<string, unknown> }[]).map((a) => a.content),
  );

describe('a recommendation naming two partners', () => {
  it('one partner’s response is withheld from the other’s lead, and read in full by its own lead, the executives and the scrutineer', async () => {
    const rec = await h.issuedRecommendation([police, council]);
    const data = { recommendationId: rec.id, partnerId: council };
    const answered = await h.invoke({
      as: TEAMS_USERS.sam,
      verb: RESPOND,
      data: { ...data, ...councilResponse() },
    });
    expect(textOf(answered.card)).toContain(COUNCIL_RATIONALE);
    expect((await stored(rec.id)).responses).toHaveLength(1);
    // The council chat's shared copy shows the response as recorded.
    const shared = h.connector.calls.filter((c) => c.method === 'PUT');
    expect(shared).toHaveLength(1);
    expect(JSON.stringify(shared[0]?.body)).toContain(COUNCIL_ACTION);

    // The police lead may read the recommendation (it names her force), not the council's answer.
    for (const trigger of ['automatic', 'manual'] as const) {
      const aisha = await h.invoke({ as: TEAMS_USERS.aisha, verb: REFRESH, data, trigger });
      const text = textOf(aisha.card);
      expect(text).toContain(rec.fields.title);
      expect(text).toContain(WITHHELD);
      for (const hidden of [COUNCIL_RATIONALE, COUNCIL_ACTION, 'Response:', 'accepted by'])
        expect(text).not.toContain(hidden);
      expect(JSON.stringify(aisha.card)).not.toContain(COUNCIL_RATIONALE);
      expect(inputsOf(aisha.card)).toEqual([]);
      expect(aisha.card?.actions).toBeUndefined();
    }

    // The council's own lead, a chief constable (an executive) and the scrutineer read it all.
    for (const as of [TEAMS_USERS.sam, TEAMS_USERS.rachel, MORGAN]) {
      const seen = await h.invoke({ as, verb: REFRESH, data });
      const text = textOf(seen.card);
      expect(text).toContain('Response: Partially accept');
      expect(text).toContain('Partially accepted by Sam Carter');
      expect(text).toContain(COUNCIL_RATIONALE);
      expect(text).toContain(COUNCIL_ACTION);
      expect(text).not.toContain('has responded. Only its own people');
      expect(inputsOf(seen.card)).toEqual([]);
    }
  });
});

describe('forged ids on a card', () => {
  it('a recommendation naming only another partner: the police lead is told it is not hers, and nothing of it leaks or is written', async () => {
    const rec = await councilOnly();
    const data = { recommendationId: rec.id, partnerId: council };
    const answers = [
      await h.invoke({ as: TEAMS_USERS.aisha, verb: REFRESH, data, trigger: 'automatic' }),
      await h.invoke({ as: TEAMS_USERS.aisha, verb: REFRESH, data, trigger: 'manual' }),
      await h.invoke({
        as: TEAMS_USERS.aisha,
        verb: RESPOND,
        data: { ...data, ...councilResponse() },
      }),
    ];
    // The Action.Submit fallback (clients without Universal Actions) answers with a new card.
    await h.message({
      as: TEAMS_USERS.aisha,
      value: { verb: RESPOND, ...data, ...councilResponse() },
    });
    const fallback = postedCards();
    expect(fallback).toHaveLength(1);
    const cards = [...answers.map((a) => a.card), ...fallback];
    for (const card of cards) {
      expectOnlyNotice(card, NOT_YOURS);
      const json = JSON.stringify(card);
      for (const leak of [
        rec.id,
        rec.fields.reference,
        rec.fields.title,
        rec.fields.text,
        'Police attendance at strategy discussions',
        'Harbourside Council',
      ])
        expect(json).not.toContain(leak);
    }
    expect(await stored(rec.id)).toEqual({ responses: [], actions: [], slg: [] });
    expect(h.connector.calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });

  it('another partner’s action: refreshing or submitting it shows nothing of it and writes nothing', async () => {
    const action = await councilAction(samId);
    // The council's lead records an update, so a stale form would be an overtaken one.
    const own = await h.invoke({
      as: TEAMS_USERS.sam,
      verb: UPDATE,
      data: {
        actionId: action.id,
        submitKey: '9d8c7b6a-0000-4000-8000-00000000c0c0',
        progress: 20,
        narrative: 'Rota review scheduled.',
      },
    });
    expect(textOf(own.card)).toContain('Your update was recorded');
    const before = await actionUpdates(action.id);
    expect(before).toHaveLength(1);

    expectNothingOfTheAction(
      await h.invoke({
        as: TEAMS_USERS.aisha,
        verb: REFRESH_ACTION,
        data: { actionId: action.id },
      }),
    );
    expectNothingOfTheAction(
      await h.invoke({
        as: TEAMS_USERS.aisha,
        verb: REFRESH_ACTION,
        data: { actionId: action.id, again: true },
        trigger: 'automatic',
      }),
    );
    const typed = { progress: 100, narrative: 'All done.' };
    for (const form of [
      { submitKey: '9d8c7b6a-0000-4000-8000-0000000a15ha' },
      // A form older than the council's update takes the "overtaken" path first.
      { submitKey: '9d8c7b6a-0000-4000-8000-0000000a15hb', after: '' },
    ]) {
      expectNothingOfTheAction(
        await h.invoke({
          as: TEAMS_USERS.aisha,
          verb: UPDATE,
          data: { actionId: action.id, ...form, ...typed },
          conversation: groupChat,
        }),
      );
    }
    expect(await actionUpdates(action.id)).toEqual(before);
  });

  it('the owner of another partner’s action still gets its form: ownership, not organisation, decides', async () => {
    const aishaId = await h.personId('aisha.noor@eastshire-police.example');
    const action = await councilAction(aishaId);
    const res = await h.invoke({
      as: TEAMS_USERS.aisha,
      verb: REFRESH_ACTION,
      data: { actionId: action.id },
    });
    expect(textOf(res.card)).toContain(COUNCIL_ACTION);
    expect(inputsOf(res.card).map((i) => i.id)).toContain('narrative');
    expect(walk(res.card).some((e) => e.verb === UPDATE)).toBe(true);
  });
});

describe('a reference named in a chat', () => {
  it('in a group chat, a partner lead gets only her own partner’s card (the scrutineer gets both); a reference for others only is not there for her', async () => {
    const both = await h.issuedRecommendation([police, council]);
    await h.message({
      as: TEAMS_USERS.aisha,
      text: both.fields.reference,
      conversation: groupChat,
    });
    const cards = postedCards();
    expect(cards).toHaveLength(1);
    expect(textOf(cards[0])).toContain(
      `Recommendation ${both.fields.reference} for Eastshire Constabulary`,
    );
    expect(JSON.stringify(cards)).not.toContain('Harbourside Council');
    // The card in a group chat is the one everyone sees: status only.
    expect(inputsOf(cards[0])).toEqual([]);

    h.connector.calls.length = 0;
    const other = await councilOnly();
    await h.message({
      as: TEAMS_USERS.aisha,
      text: other.fields.reference,
      conversation: groupChat,
    });
    expect(postedCards()).toEqual([]);
    expect(posted().map((c) => c.body.text)).toEqual([
      `There is no issued recommendation ${other.fields.reference}.`,
    ]);
    expect(JSON.stringify(h.connector.calls)).not.toContain(other.fields.title);

    // The scrutineer (the whole view) asking for the same reference gets a card per partner.
    h.connector.calls.length = 0;
    await h.message({ as: MORGAN, text: both.fields.reference, conversation: groupChat });
    expect(postedCards().map((c) => textOf(c).split('\n')[0])).toEqual([
      `Recommendation ${both.fields.reference} for Eastshire Constabulary`,
      `Recommendation ${both.fields.reference} for Harbourside Council`,
    ]);
  });
});

describe('every card answered above', () => {
  it('parses with the adaptivecards SDK, 1.5, a verb on every Action.Execute, under 20 KB', () => {
    const all = [...h.cards, ...h.sentCards()];
    expect(all.length).toBeGreaterThan(10);
    for (const card of all) expect(cardProblems(card)).toEqual([]);
  });
});
