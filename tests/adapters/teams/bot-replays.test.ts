import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HEALTH_TENANT_ID } from '../../../src/server/seed/harbourside.js';
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
import { NOT_A_MEMBER, NOT_YOURS, expectOnlyNotice } from './support/notices.js';

/**
 * Replayed, reordered and forwarded card invokes, through the real pipeline: what is recorded
 * once stays recorded once, an old card never overwrites or silently overtakes a newer record, and
 * a card in someone else's hands records nothing.
 */
let h: BotHarness;
let police: string;
let aishaId: string;
let tomId: string;

beforeAll(async () => {
  h = await startBotHarness();
  police = await h.partnerId('Eastshire Constabulary');
  aishaId = await h.personId('aisha.noor@eastshire-police.example');
  tomId = await h.personId('tom.bradley@eastshire-police.example');
});
afterAll(async () => h?.close());
beforeEach(() => {
  h.connector.calls.length = 0;
});

const RESPOND = 'respondToRecommendation';
const UPDATE = 'updateAction';
const REFRESH_ACTION = 'refreshAction';
const groupChat = { id: '19:forwarded@thread.v2', conversationType: 'groupChat' as const };

const accept = () => ({
  decision: 'accept',
  rationale: 'We accept it in full; the unit will attend every strategy discussion.',
  action1What: 'Public protection unit attends every strategy discussion.',
  action1Owner: aishaId,
  action1Due: '2099-01-31',
  action1Evidence: 'Attendance figures.',
});

const respond = (
  recommendationId: string,
  as: TeamsUser,
  data: Record<string, unknown>,
  extra: { id?: string; conversation?: typeof groupChat } = {},
) =>
  h.invoke({
    as,
    verb: RESPOND,
    data: { recommendationId, partnerId: police, ...data },
    ...(extra.id ? { id: extra.id } : {}),
    ...(extra.conversation ? { conversation: extra.conversation } : {}),
  });

const responses = (recommendationId: string) =>
  h.repo.all('responses', { field: 'recommendationId', equals: recommendationId });
const sharedUpdates = () => h.connector.calls.filter((c) => c.method === 'PUT');

/** An open action owned by Tom Bradley on an accepted recommendation. */
async function tomsAction() {
  const rec = await h.issuedRecommendation([police]);
  const response = await h.repo.create(
    'responses',
    {
      recommendationId: rec.id,
      partnerId: police,
      decision: 'accept',
      rationale: 'Agreed.',
      responderId: aishaId,
      responderTenantId: HEALTH_TENANT_ID,
      channel: 'teams-card',
      respondedAt: new Date().toISOString(),
      responseKey: `${rec.id}:${police}`,
    },
    h.system,
  );
  return h.repo.create(
    'actions',
    {
      recommendationId: rec.id,
      responseId: response.id,
      partnerId: police,
      description: 'Report the rota review to the SLG.',
      ownerId: tomId,
      targetDate: '2099-04-30',
      evidenceExpected: 'The SLG minute.',
      status: 'open',
      actionKey: `${rec.id}:${police}:1`,
    },
    h.system,
  );
}

const updates = async (actionId: string) =>
  (await h.repo.all('actionUpdates', { field: 'actionId', equals: actionId })).sort((a, b) =>
    a.fields.at.localeCompare(b.fields.at),
  );

/** The update form as this person's card shows it now: what its submit will carry. */
async function openForm(actionId: string, as: TeamsUser) {
  const res = await h.invoke({ as, verb: REFRESH_ACTION, data: { actionId } });
  const submit = walk(res.card).find((e) => e.verb === UPDATE);
  if (!submit) throw new Error('no update form on the card');
  return submit.data as { actionId: string; submitKey: string; after: string };
}

const submitForm = (
  form: { actionId: string; submitKey: string; after?: string },
  as: TeamsUser,
  typed: { progress: number; narrative: string },
  id?: string,
) => h.invoke({ as, verb: UPDATE, data: { ...form, ...typed }, ...(id ? { id } : {}) });

describe('a response invoke replayed or arriving late', () => {
  it('delivered twice with the same activity id: recorded once, and the second answer shows it', async () => {
    const rec = await h.issuedRecommendation([police]);
    const first = await respond(rec.id, TEAMS_USERS.aisha, accept(), { id: 'replayed-1' });
    const second = await respond(rec.id, TEAMS_USERS.aisha, accept(), { id: 'replayed-1' });
    expect(await responses(rec.id)).toHaveLength(1);
    for (const r of [first, second]) {
      expect(textOf(r.card)).toContain('Accepted by Aisha Noor');
      expect(inputsOf(r.card)).toEqual([]);
    }
    expect(sharedUpdates()).toHaveLength(1);
  });

  it('an old card submitted after the response was recorded does not overwrite it', async () => {
    const rec = await h.issuedRecommendation([police]);
    await respond(rec.id, TEAMS_USERS.aisha, accept());
    const [recorded] = await responses(rec.id);
    h.connector.calls.length = 0;
    // The same person, a second copy of the card (another chat), another decision and invoke id.
    const late = await respond(rec.id, TEAMS_USERS.aisha, {
      decision: 'decline',
      rationale: 'On reflection we decline: the rota is a matter for the force.',
    });
    expect(textOf(late.card)).toMatch(
      /A response had already been recorded, so yours was not added/,
    );
    expect(textOf(late.card)).toContain('Response: Accept');
    expect(await responses(rec.id)).toEqual([recorded]);
    expect(sharedUpdates()).toEqual([]);
  });
});

describe('an action update replayed, reordered or overtaken', () => {
  it('the same submit key on a new activity id (a retry): recorded once, the answer says so', async () => {
    const action = await tomsAction();
    const form = await openForm(action.id, TEAMS_USERS.tom);
    const typed = { progress: 30, narrative: 'Terms of reference agreed.' };
    const first = await submitForm(form, TEAMS_USERS.tom, typed, 'try-1');
    const retry = await submitForm(form, TEAMS_USERS.tom, typed, 'try-2');
    expect(await updates(action.id)).toHaveLength(1);
    for (const r of [first, retry]) {
      expect(textOf(r.card)).toContain('Your update was recorded');
      expect(textOf(r.card)).toContain('Latest update: 30% done');
    }
  });

  it('an older card submitted after a newer update comes back with the newer one; nothing is recorded until it is sent again', async () => {
    const action = await tomsAction();
    const tomsOldCard = await openForm(action.id, TEAMS_USERS.tom);
    expect(tomsOldCard.after).toBe('');
    // The partner's lead reports 60% on her own card meanwhile.
    const aishas = await openForm(action.id, TEAMS_USERS.aisha);
    await submitForm(aishas, TEAMS_USERS.aisha, { progress: 60, narrative: 'Review half done.' });
    const [newer] = await updates(action.id);

    const typed = { progress: 30, narrative: 'Terms of reference agreed.' };
    const res = await submitForm(tomsOldCard, TEAMS_USERS.tom, typed);
    expect(textOf(res.card)).toMatch(/A newer update was recorded after this card was opened/);
    expect(textOf(res.card)).toContain('Latest update: 60% done');
    expect(await updates(action.id)).toEqual([newer]);
    // What he typed is kept, and the card now knows the newer update.
    const again = walk(res.card).find((e) => e.verb === UPDATE)?.data as {
      submitKey: string;
      after: string;
    };
    expect(inputsOf(res.card).find((i) => i.id === 'narrative')?.value).toBe(typed.narrative);
    expect(again.after).toBe(newer?.fields.at);

    // Sent again from the card he now has, it is recorded as its own, later update.
    const confirmed = await submitForm({ actionId: action.id, ...again }, TEAMS_USERS.tom, typed);
    expect(textOf(confirmed.card)).toContain('Your update was recorded');
    const all = await updates(action.id);
    expect(all.map((u) => u.fields.progress)).toEqual([60, 30]);
    expect(all[1]?.fields.at && newer && all[1].fields.at > newer.fields.at).toBe(true);
  });

  it('a replay of a recorded submit is answered as recorded, even after a newer update', async () => {
    const action = await tomsAction();
    const form = await openForm(action.id, TEAMS_USERS.tom);
    const typed = { progress: 30, narrative: 'Terms of reference agreed.' };
    await submitForm(form, TEAMS_USERS.tom, typed);
    const aishas = await openForm(action.id, TEAMS_USERS.aisha);
    await submitForm(aishas, TEAMS_USERS.aisha, { progress: 60, narrative: 'Review half done.' });
    const replay = await submitForm(form, TEAMS_USERS.tom, typed);
    expect(textOf(replay.card)).toContain('Your update was recorded');
    expect((await updates(action.id)).map((u) => u.fields.progress)).toEqual([30, 60]);
  });
});

describe('a forwarded card, clicked by someone it was not for', () => {
  it('a response card clicked by the force’s DSP, who is not its partner lead, shows where it stands and records nothing', async () => {
    const rec = await h.issuedRecommendation([police]);
    const res = await respond(rec.id, TEAMS_USERS.tom, accept(), { conversation: groupChat });
    expect(textOf(res.card)).toMatch(/Only Eastshire Constabulary's partner lead can respond/);
    expect(textOf(res.card)).toContain(rec.fields.title);
    expect(inputsOf(res.card)).toEqual([]);
    expect(await responses(rec.id)).toEqual([]);
    expect(sharedUpdates()).toEqual([]);
  });

  it.each([
    ['another partner’s lead', TEAMS_USERS.sam, NOT_YOURS],
    ['someone the partnership does not know', TEAMS_USERS.stranger, NOT_A_MEMBER],
  ])(
    'a response card clicked by %s in the chat it was forwarded to shows nothing and records nothing',
    async (_who, as, notice) => {
      const rec = await h.issuedRecommendation([police]);
      const res = await respond(rec.id, as, accept(), { conversation: groupChat });
      expectOnlyNotice(res.card, notice);
      expect(await responses(rec.id)).toEqual([]);
      expect(sharedUpdates()).toEqual([]);
    },
  );

  it('an action update card (with its submit key) clicked by someone else records nothing', async () => {
    const action = await tomsAction();
    const tomsCard = await openForm(action.id, TEAMS_USERS.tom);
    const clickedBy = (as: TeamsUser) =>
      h.invoke({
        as,
        verb: UPDATE,
        data: { ...tomsCard, progress: 100, narrative: 'All done.' },
        conversation: groupChat,
      });
    // The chief constable (the whole view) sees where it stands.
    const rachel = await clickedBy(TEAMS_USERS.rachel);
    expect(textOf(rachel.card)).toMatch(
      /Only the action's owner or their organisation's partner lead/,
    );
    expect(inputsOf(rachel.card)).toEqual([]);
    // Another partner's lead is answered as for an unknown action: no card, nothing of it.
    const sam = await clickedBy(TEAMS_USERS.sam);
    expect(textOf(sam.card)).toBe(NOT_YOURS);
    expect(JSON.stringify(sam.card)).not.toContain(action.fields.description);
    // A stranger is told the card is for recorded members.
    expectOnlyNotice((await clickedBy(TEAMS_USERS.stranger)).card, NOT_A_MEMBER);
    expect(await updates(action.id)).toEqual([]);
  });
});

describe('every card answered above', () => {
  it('parses with the adaptivecards SDK, 1.5, a verb on every Action.Execute, under 20 KB', () => {
    expect(h.cards.length).toBeGreaterThan(10);
    for (const card of h.cards) expect(cardProblems(card)).toEqual([]);
  });
});
