import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionUpdateCardView } from '../../../src/application/use-cases/action-updates.js';
import { actionUpdateCard } from '../../../src/adapters/teams/cards/action-update-card.js';
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
import { sample } from '../../domain/guard/samples.js';
import { NOT_A_MEMBER, NOT_YOURS, expectOnlyNotice } from './support/notices.js';

/** Updating an action's progress on its card, through the real bot pipeline. */
let h: BotHarness;
let police: string;
let tomId: string;

beforeAll(async () => {
  h = await startBotHarness();
  police = await h.partnerId('Eastshire Constabulary');
  tomId = await h.personId('tom.bradley@eastshire-police.example');
});
afterAll(async () => h?.close());
beforeEach(() => {
  h.connector.calls.length = 0;
});

const UPDATE = 'updateAction';
const REFRESH = 'refreshAction';

/** An open action owned by Tom Bradley (police), on a recommendation the police accepted. */
async function tomsAction(status: 'open' | 'verified' = 'open') {
  const rec = await h.issuedRecommendation([police]);
  const response = await h.repo.create(
    'responses',
    {
      recommendationId: rec.id,
      partnerId: police,
      decision: 'accept',
      rationale: 'Agreed.',
      responderId: await h.personId('aisha.noor@eastshire-police.example'),
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
      status,
      actionKey: `${rec.id}:${police}:1`,
    },
    h.system,
  );
}

const DESCRIPTION = 'Report the rota review to the SLG.';

/** Another partner's action: only a notice card, nothing of the action. */
function expectNotShown(res: { card?: Record<string, unknown> }) {
  expect(textOf(res.card)).toBe(NOT_YOURS);
  expect(inputsOf(res.card)).toEqual([]);
  expect(res.card?.actions).toBeUndefined();
  expect(JSON.stringify(res.card)).not.toContain(DESCRIPTION);
}

const updates = (actionId: string) =>
  h.repo.all('actionUpdates', { field: 'actionId', equals: actionId });

const submit = (
  actionId: string,
  as: TeamsUser,
  data: Record<string, unknown>,
  submitKey = '6c1f2d3e-4a5b-4c6d-8e7f-001122334455',
) =>
  h.invoke({
    as,
    verb: UPDATE,
    data: {
      actionId,
      submitKey,
      progress: 40,
      narrative: 'Terms of reference agreed; the review team meets weekly.',
      evidenceLink: 'https://harbourside.example/evidence/rota-review',
      revisedDate: '',
      ...data,
    },
  });

describe('the action update card', () => {
  it('gives the owner the form with a fresh submit key, and anyone else the status', async () => {
    const action = await tomsAction();
    const owner = await h.invoke({
      as: TEAMS_USERS.tom,
      verb: REFRESH,
      data: { actionId: action.id },
      trigger: 'automatic',
    });
    expect(inputsOf(owner.card).map((i) => i.id)).toEqual([
      'progress',
      'narrative',
      'evidenceLink',
      'revisedDate',
    ]);
    const again = await h.invoke({
      as: TEAMS_USERS.tom,
      verb: REFRESH,
      data: { actionId: action.id },
    });
    const key = (card: unknown) =>
      (walk(card).find((e) => e.verb === UPDATE)?.data as { submitKey: string }).submitKey;
    expect(key(owner.card)).toMatch(/^[0-9a-f-]{36}$/);
    expect(key(again.card)).not.toBe(key(owner.card));
    const seenBy = (other: TeamsUser) =>
      h.invoke({ as: other, verb: REFRESH, data: { actionId: action.id } });
    // The chief constable (the whole view) sees where it stands, without the form.
    const rachel = await seenBy(TEAMS_USERS.rachel);
    expect(textOf(rachel.card)).toContain(DESCRIPTION);
    expect(inputsOf(rachel.card)).toEqual([]);
    expect(walk(rachel.card).find((e) => e.verb === UPDATE)).toBeUndefined();
    // Another partner's lead and a stranger see nothing of it.
    expectNotShown(await seenBy(TEAMS_USERS.sam));
    expectOnlyNotice((await seenBy(TEAMS_USERS.stranger)).card, NOT_A_MEMBER);
  });

  it('records an update by the owner as a new item, and confirms it', async () => {
    const action = await tomsAction();
    const res = await submit(action.id, TEAMS_USERS.tom, { revisedDate: '2099-05-31' });
    expect(textOf(res.card)).toContain('Your update was recorded');
    expect(textOf(res.card)).toContain('Latest update: 40% done');
    expect(textOf(res.card)).toContain('Target date: 31 May 2099');
    expect(inputsOf(res.card)).toEqual([]);
    const [u] = await updates(action.id);
    expect(u?.fields).toMatchObject({
      progress: 40,
      narrative: 'Terms of reference agreed; the review team meets weekly.',
      evidenceLink: 'https://harbourside.example/evidence/rota-review',
      revisedDate: '2099-05-31',
      authorId: tomId,
    });
    expect(u?.channel).toBe('teams-card');
    // A second update is another item: the history is never overwritten.
    await submit(
      action.id,
      TEAMS_USERS.tom,
      { progress: 70, narrative: 'Draft paper circulated.' },
      'a1b2c3d4-0000-4000-8000-000000000002',
    );
    expect((await updates(action.id)).map((x) => x.fields.progress).sort()).toEqual([40, 70]);
  });

  it('the partner’s lead may update it too', async () => {
    const action = await tomsAction();
    const res = await submit(action.id, TEAMS_USERS.aisha, {});
    expect(textOf(res.card)).toContain('Your update was recorded');
    expect(await updates(action.id)).toHaveLength(1);
  });

  it('the same submit delivered three times, or double-clicked, is stored once', async () => {
    const action = await tomsAction();
    for (let i = 0; i < 3; i++) await submit(action.id, TEAMS_USERS.tom, {});
    await Promise.all([1, 2, 3].map(() => submit(action.id, TEAMS_USERS.tom, {})));
    expect(await updates(action.id)).toHaveLength(1);
  });

  const submitAs = (actionId: string, as: TeamsUser, extra: { tenantId?: string } = {}) =>
    h.invoke({
      as,
      verb: UPDATE,
      data: {
        actionId,
        submitKey: '6c1f2d3e-4a5b-4c6d-8e7f-001122334455',
        progress: 50,
        narrative: 'Done.',
      },
      ...extra,
    });

  it('the chief constable gets the status only and nothing is written', async () => {
    const action = await tomsAction();
    const res = await submitAs(action.id, TEAMS_USERS.rachel);
    expect(textOf(res.card)).toMatch(
      /Only the action's owner or their organisation's partner lead/,
    );
    expect(textOf(res.card)).toContain(DESCRIPTION);
    expect(inputsOf(res.card)).toEqual([]);
    expect(await updates(action.id)).toEqual([]);
  });

  it('another partner’s lead sees nothing of it and nothing is written', async () => {
    const action = await tomsAction();
    expectNotShown(await submitAs(action.id, TEAMS_USERS.sam));
    expect(await updates(action.id)).toEqual([]);
  });

  it.each([
    ['someone unknown', TEAMS_USERS.stranger, {}],
    ['the owner, from a tenant that is not his', TEAMS_USERS.tom, { tenantId: HEALTH_TENANT_ID }],
  ])(
    '%s is told the card is for recorded members and nothing is written',
    async (_who, as, extra) => {
      const action = await tomsAction();
      const res = await submitAs(action.id, as, extra);
      expectOnlyNotice(res.card, NOT_A_MEMBER);
      expect(await updates(action.id)).toEqual([]);
    },
  );

  it.each([
    ['progress over 100', { progress: 150 }, /whole number from 0 to 100/],
    ['progress not a number', { progress: 'lots' }, /whole number from 0 to 100/],
    ['no narrative', { narrative: '   ' }, /Say what has happened/],
    ['a link that is not a web address', { evidenceLink: 'javascript:alert(1)' }, /web address/],
    ['a revised date in the past', { revisedDate: '2020-01-01' }, /revised date is in the past/],
    [
      'identifiable text',
      { narrative: `Spoke to ${sample.parentName}, the mother of the child.` },
      /identify a child or family/,
    ],
  ])(
    '%s: the card comes back with the problem and what was typed; nothing written',
    async (_n, data, message) => {
      const action = await tomsAction();
      const key = '6c1f2d3e-4a5b-4c6d-8e7f-00112233aaaa';
      const res = await submit(action.id, TEAMS_USERS.tom, data, key);
      expect(textOf(res.card)).toMatch(message);
      expect(inputsOf(res.card).map((i) => i.id)).toContain('narrative');
      // The corrected submit is still the same update: it keeps its key.
      expect(
        (walk(res.card).find((e) => e.verb === UPDATE)?.data as { submitKey: string }).submitKey,
      ).toBe(key);
      expect(await updates(action.id)).toEqual([]);
    },
  );

  it('a verified action is closed to updates', async () => {
    const action = await tomsAction('verified');
    const res = await submit(action.id, TEAMS_USERS.tom, {});
    expect(inputsOf(res.card)).toEqual([]);
    expect(await updates(action.id)).toEqual([]);
  });

  it('the use case builds the view the card function renders, for the scheduler to send', async () => {
    const action = await tomsAction();
    const tom = (await h.repo.get('people', tomId))!;
    const view = await actionUpdateCardView(h.server.deps, action.id, {
      ...tom.fields,
      id: tom.id,
    });
    expect(view).toMatchObject({
      mode: 'update',
      ownerName: 'Tom Bradley',
      targetDate: '2099-04-30',
    });
    expect(actionUpdateCard(view).version).toBe('1.5');
  });
});

describe('every card the bot produced above', () => {
  it('parses with the adaptivecards SDK, has a verb on every Action.Execute, 1.5, under 20 KB', () => {
    const all = [...h.cards, ...h.sentCards()];
    expect(all.length).toBeGreaterThan(10);
    expect(all.flatMap((c) => cardProblems(c))).toEqual([]);
  });
});
