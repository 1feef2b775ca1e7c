import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
  type MockInstance,
} from 'vitest';
import {
  DEMO_TENANT_ID,
  HEALTH_TENANT_ID,
  POLICE_TENANT_ID,
} from '../../../src/server/seed/harbourside.js';
import {
  inputsOf,
  startBotHarness,
  TEAMS_USERS,
  textOf,
  type BotHarness,
  type TeamsUser,
} from './support/bot-harness.js';
import { cardProblems } from './support/card-checks.js';
import { deliveryKeyOf } from '../../../src/domain/deliveries.js';
import { sample } from '../../domain/guard/samples.js';
import { NOT_A_MEMBER, NOT_YOURS, expectOnlyNotice } from './support/notices.js';

/**
 * Responding on the recommendation card, through the real pipeline: hand-built Teams invokes
 * (`adaptiveCard/action`) posted to /api/messages, through the Agents SDK's CloudAdapter and
 * AgentApplication, to the use cases and the SQLite store; replies and card updates go to a fake
 * Bot Connector on loopback.
 */
let h: BotHarness;
let police: string;
let council: string;
let aishaId: string;
let tomId: string;
let samId: string;

beforeAll(async () => {
  h = await startBotHarness();
  police = await h.partnerId('Eastshire Constabulary');
  council = await h.partnerId('Harbourside Council');
  aishaId = await h.personId('aisha.noor@eastshire-police.example');
  tomId = await h.personId('tom.bradley@eastshire-police.example');
  samId = await h.personId('sam.carter@harbourside.example');
});
afterAll(async () => h?.close());
beforeEach(() => {
  h.connector.calls.length = 0;
});

const RESPOND = 'respondToRecommendation';
const REFRESH = 'refreshRecommendation';
const groupChat = { id: '19:scrutiny@thread.v2', conversationType: 'groupChat' as const };

const partial = () => ({
  decision: 'partially-accept',
  rationale:
    'We accept the need for assurance; attendance itself is set by the rota review, which reports in spring.',
  action1What: 'Public protection unit attends every strategy discussion.',
  action1Owner: aishaId,
  action1Due: '2099-01-31',
  action1Evidence: 'Attendance figures from the Front Door log.',
  action2What: 'Report the rota review to the SLG.',
  action2Owner: tomId,
  action2Due: '2099-04-30',
  action2Evidence: 'The review paper and the SLG minute.',
});

async function stored(recommendationId: string) {
  const [responses, actions, slg] = await Promise.all([
    h.repo.all('responses', { field: 'recommendationId', equals: recommendationId }),
    h.repo.all('actions', { field: 'recommendationId', equals: recommendationId }),
    h.repo.all('slgItems', { field: 'recommendationId', equals: recommendationId }),
  ]);
  return { responses, actions, slg };
}

async function expectNothingWritten(recommendationId: string) {
  expect(await stored(recommendationId)).toEqual({ responses: [], actions: [], slg: [] });
  expect(h.connector.calls.filter((c) => c.method === 'PUT')).toEqual([]);
}

const respond = (
  rec: { id: string },
  as: TeamsUser,
  data: Record<string, unknown>,
  extra: { tenantId?: string; id?: string; partnerId?: string } = {},
) =>
  h.invoke({
    as,
    verb: RESPOND,
    data: { recommendationId: rec.id, partnerId: extra.partnerId ?? police, ...data },
    ...(extra.tenantId ? { tenantId: extra.tenantId } : {}),
    ...(extra.id ? { id: extra.id } : {}),
  });

/** The next Strategic Leadership Group meeting on a later day than today, by hand. */
async function expectedSlgMeeting() {
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
  const meetings = (await h.repo.all('meetings'))
    .filter((m) => m.fields.kind === 'strategic-leadership-group')
    .filter(
      (m) =>
        new Date(m.fields.startsAt).toLocaleDateString('en-CA', { timeZone: 'Europe/London' }) >
        today,
    )
    .sort((a, b) => Date.parse(a.fields.startsAt) - Date.parse(b.fields.startsAt));
  return meetings[0]?.id;
}

describe('user-specific views', () => {
  it('the automatic refresh gives the assigned partner lead the form, and only her', async () => {
    const rec = await h.issuedRecommendation([police]);
    const data = { recommendationId: rec.id, partnerId: police };
    const aisha = await h.invoke({
      as: TEAMS_USERS.aisha,
      verb: REFRESH,
      data,
      trigger: 'automatic',
    });
    expect(aisha.status).toBe(200);
    expect(inputsOf(aisha.card).map((i) => i.id)).toEqual(
      expect.arrayContaining(['decision', 'rationale', 'action1What', 'action1Owner']),
    );
    // Owners are the partner's own people, chosen, so each is a person record for reminders.
    const owner = inputsOf(aisha.card).find((i) => i.id === 'action1Owner');
    expect((owner?.choices as { value: string }[]).map((c) => c.value).sort()).toEqual(
      (await h.repo.all('people', { field: 'partnerId', equals: police })).map((p) => p.id).sort(),
    );
    // The refresh goes to the assigned responders, by their Teams ids (MRIs), at most 60.
    expect(aisha.card?.refresh).toMatchObject({
      action: { type: 'Action.Execute', verb: REFRESH, data },
      userIds: [TEAMS_USERS.aisha.id],
    });

    const refreshAs = (other: TeamsUser) =>
      h.invoke({ as: other, verb: REFRESH, data, trigger: 'automatic', conversation: groupChat });
    // The force's other people (its DSP, its chief constable) see where it stands.
    for (const other of [TEAMS_USERS.tom, TEAMS_USERS.rachel]) {
      const seen = await refreshAs(other);
      expect(seen.status).toBe(200);
      expect(inputsOf(seen.card)).toEqual([]);
      expect(seen.card?.actions).toBeUndefined();
      expect(textOf(seen.card)).toContain(
        'Awaiting a response from Eastshire Constabulary (Aisha Noor)',
      );
    }
    // Another partner's lead and a stranger in the same chat see nothing of it.
    for (const [other, notice] of [
      [TEAMS_USERS.sam, NOT_YOURS],
      [TEAMS_USERS.stranger, NOT_A_MEMBER],
    ] as const) {
      const seen = await refreshAs(other);
      expect(seen.status).toBe(200);
      expectOnlyNotice(seen.card, notice);
    }
    // An automatic refresh never updates the shared card (that would trigger another refresh).
    expect(h.connector.calls).toEqual([]);
  });

  it('learns the responders’ Teams ids from their 1:1 chats for everyone’s copy of the card', async () => {
    const rec = await h.issuedRecommendation([police]);
    const data = { recommendationId: rec.id, partnerId: police };
    await h.message({ as: TEAMS_USERS.aisha, text: 'hello' });
    const tom = await h.invoke({
      as: TEAMS_USERS.tom,
      verb: REFRESH,
      data,
      conversation: groupChat,
    });
    expect((tom.card?.refresh as { userIds?: string[] }).userIds).toEqual([TEAMS_USERS.aisha.id]);
  });

  it('a manual refresh and a stale or duplicated card both show the current state', async () => {
    const rec = await h.issuedRecommendation([police]);
    const data = { recommendationId: rec.id, partnerId: police };
    const before = await h.invoke({
      as: TEAMS_USERS.aisha,
      verb: REFRESH,
      data,
      trigger: 'manual',
    });
    expect(inputsOf(before.card).length).toBeGreaterThan(0);
    await respond(rec, TEAMS_USERS.aisha, partial());
    for (const as of [TEAMS_USERS.aisha, TEAMS_USERS.tom]) {
      for (const trigger of ['automatic', 'manual'] as const) {
        const now = await h.invoke({ as, verb: REFRESH, data, trigger });
        expect(inputsOf(now.card)).toEqual([]);
        expect(textOf(now.card)).toContain('Response: Partially accept');
        expect(textOf(now.card)).toContain('Partially accepted by Aisha Noor');
        expect(textOf(now.card)).toContain('2 actions agreed');
      }
    }
  });
});

describe('a response on the card', () => {
  it('records a partial acceptance with its actions and refers it to the next SLG meeting', async () => {
    const rec = await h.issuedRecommendation([police]);
    const res = await respond(rec, TEAMS_USERS.aisha, partial());
    expect(res.status).toBe(200);
    const text = textOf(res.card);
    expect(inputsOf(res.card)).toEqual([]);
    expect(text).toContain('Response: Partially accept');
    expect(text).toMatch(
      /Partially accepted by Aisha Noor for Eastshire Constabulary on .+, through Teams\./,
    );
    expect(text).toContain('1. Public protection unit attends every strategy discussion.');
    expect(text).toContain('Owner: Tom Bradley');
    expect(text).toContain('Target date: 30 April 2099');
    expect(text).toContain('This goes to the Strategic Leadership Group for a ruling');

    const { responses, actions, slg } = await stored(rec.id);
    expect(responses).toHaveLength(1);
    const response = responses[0]!;
    expect(response.fields).toMatchObject({
      partnerId: police,
      decision: 'partially-accept',
      responderId: aishaId,
      responderTenantId: POLICE_TENANT_ID,
      channel: 'teams-card',
      responseKey: `${rec.id}:${police}`,
    });
    expect(response.channel).toBe('teams-card');
    expect(actions.map((a) => a.fields.actionKey).sort()).toEqual([
      `${rec.id}:${police}:1`,
      `${rec.id}:${police}:2`,
    ]);
    expect(actions.map((a) => a.fields.ownerId).sort()).toEqual([aishaId, tomId].sort());
    expect(
      actions.every((a) => a.fields.status === 'open' && a.fields.responseId === response.id),
    ).toBe(true);
    expect(slg).toHaveLength(1);
    expect(slg[0]?.fields).toMatchObject({
      kind: 'partial',
      status: 'awaiting-ruling',
      responseId: response.id,
      partnerId: police,
      itemKey: response.fields.responseKey,
    });
    expect(slg[0]?.fields.meetingId ?? undefined).toBe(await expectedSlgMeeting());

    // Everyone else in the conversation sees the outcome: the shared card is updated, status only.
    const puts = h.connector.calls.filter((c) => c.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]?.path).toMatch(/\/activities\/card-1$/);
    const shared = (puts[0]?.body.attachments as { content: unknown }[])[0]?.content;
    expect(inputsOf(shared)).toEqual([]);
    expect(textOf(shared)).toContain('Partially accepted by Aisha Noor');
    // Once answered, the responder sees what everyone sees.
    expect(shared).toEqual(res.card);
  });

  it('records an acceptance with one action, and sends nothing to the SLG', async () => {
    const rec = await h.issuedRecommendation([police]);
    const {
      action2What: _w,
      action2Owner: _o,
      action2Due: _d,
      action2Evidence: _e,
      ...one
    } = partial();
    const res = await respond(rec, TEAMS_USERS.aisha, { ...one, decision: 'accept' });
    expect(textOf(res.card)).toContain('Response: Accept');
    expect(textOf(res.card)).toContain('Action agreed');
    const { responses, actions, slg } = await stored(rec.id);
    expect(responses.map((r) => r.fields.decision)).toEqual(['accept']);
    expect(actions).toHaveLength(1);
    expect(slg).toEqual([]);
  });

  it('records a decline for the SLG’s ruling, leaving out anything typed in the action slots', async () => {
    const rec = await h.issuedRecommendation([police]);
    const res = await respond(rec, TEAMS_USERS.aisha, {
      ...partial(),
      decision: 'decline',
      rationale:
        'The force attends through the MASH already; we do not agree a separate assurance.',
    });
    expect(textOf(res.card)).toContain('Response: Decline');
    const { responses, actions, slg } = await stored(rec.id);
    expect(responses).toHaveLength(1);
    expect(actions).toEqual([]);
    expect(slg.map((s) => s.fields.kind)).toEqual(['decline']);
  });
});

describe('checked on the server: the card comes back with the problem, nothing is written', () => {
  const cases: [string, () => Record<string, unknown>, RegExp][] = [
    ['no rationale', () => ({ ...partial(), rationale: undefined }), /Give a rationale/],
    ['a rationale of spaces', () => ({ ...partial(), rationale: '  \n\t  ' }), /Give a rationale/],
    [
      'a rationale over the column limit',
      () => ({ ...partial(), rationale: 'x'.repeat(4001) }),
      /4,001 characters long; it can hold at most 4,000/,
    ],
    [
      'no decision',
      () => ({ ...partial(), decision: undefined }),
      /Choose accept, partially accept or decline/,
    ],
    ['a decision that is not one', () => ({ ...partial(), decision: 'maybe' }), /Choose accept/],
    [
      'an acceptance with no action',
      () => ({ decision: 'accept', rationale: 'Agreed in full.' }),
      /propose at least one action/,
    ],
    [
      'an action with no owner, date or evidence',
      () => ({ decision: 'accept', rationale: 'Agreed.', action1What: 'Attend.' }),
      /Action 1: add who owns it, the target date and the evidence expected/,
    ],
    [
      'an owner from another partner',
      () => ({ ...partial(), action2Owner: samId }),
      /Action 2: choose an owner from Eastshire Constabulary's people/,
    ],
    [
      'a target date in the past',
      () => ({ ...partial(), action1Due: '2020-01-31' }),
      /Action 1: the target date is in the past/,
    ],
    [
      'a target date that is not a date',
      () => ({ ...partial(), action1Due: '31/01/2099' }),
      /Action 1: the target date must be a date/,
    ],
    [
      'an action description over its limit',
      () => ({ ...partial(), action1What: 'y'.repeat(2001) }),
      /Action 1: the description is 2,001 characters long/,
    ],
  ];
  it.each(cases)('%s', async (_name, data, message) => {
    const rec = await h.issuedRecommendation([police]);
    const res = await respond(rec, TEAMS_USERS.aisha, data());
    expect(res.status).toBe(200);
    expect(textOf(res.card)).toMatch(message);
    // The form comes back with what was typed, so nothing is lost on a phone.
    expect(inputsOf(res.card).map((i) => i.id)).toContain('rationale');
    const typed = data();
    if (typeof typed.action1What === 'string' && typed.action1What.length < 100)
      expect(inputsOf(res.card).find((i) => i.id === 'action1What')?.value).toBe(typed.action1What);
    await expectNothingWritten(rec.id);
  });

  describe('identifiable data', () => {
    const spies: MockInstance<(...args: unknown[]) => void>[] = [];
    beforeEach(() => {
      for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
        spies.push(vi.spyOn(console, method));
    });
    afterEach(() => {
      spies.splice(0).forEach((s) => s.mockRestore());
    });
    const logged = () =>
      spies
        .flatMap((s) => s.mock.calls.map((c: unknown[]) => c.map((x) => String(x)).join(' ')))
        .join('\n');

    it.each([
      [
        'rationale',
        {
          rationale: `${sample.parentName}, the mother of the child, disagreed; she lives at SW1A 1AA.`,
        },
      ],
      ['an action', { action1What: `Call the family on ${sample.phone} about Child J.` }],
      ['the evidence expected', { action2Evidence: `Letter to ${sample.parentName}, the mother.` }],
    ])(
      'in the %s: the guard’s message on the card, nothing written, nothing logged',
      async (_w, extra) => {
        const rec = await h.issuedRecommendation([police]);
        const res = await respond(rec, TEAMS_USERS.aisha, { ...partial(), ...extra });
        expect(textOf(res.card)).toMatch(/appears to identify a child or family/);
        await expectNothingWritten(rec.id);
        const text = Object.values(extra)[0] as string;
        expect(logged()).not.toContain(text.slice(0, 20));
        for (const leak of ['SW1A', sample.phone, sample.parentName])
          expect(logged()).not.toContain(leak);
      },
    );
  });
});

describe('authorisation from server state, never from the card', () => {
  const politely = /Only Eastshire Constabulary's partner lead can respond to this recommendation/;

  it.each([
    ['the force’s DSP, who is not its partner lead', TEAMS_USERS.tom],
    ['the chief constable', TEAMS_USERS.rachel],
  ])('%s gets a polite read-only card and nothing is written', async (_who, as) => {
    const rec = await h.issuedRecommendation([police]);
    const res = await respond(rec, as, partial());
    expect(res.status).toBe(200);
    expect(textOf(res.card)).toMatch(politely);
    expect(textOf(res.card)).toContain(rec.fields.title);
    expect(inputsOf(res.card)).toEqual([]);
    await expectNothingWritten(rec.id);
  });

  it('another partner’s lead is told it is not theirs, sees nothing of it, and nothing is written', async () => {
    const rec = await h.issuedRecommendation([police]);
    const res = await respond(rec, TEAMS_USERS.sam, partial());
    expect(res.status).toBe(200);
    expectOnlyNotice(res.card, NOT_YOURS);
    await expectNothingWritten(rec.id);
  });

  it.each([
    ['someone the partnership does not know', TEAMS_USERS.stranger, {}],
    ['the partner lead, from another tenant', TEAMS_USERS.aisha, { tenantId: HEALTH_TENANT_ID }],
  ])(
    '%s is told the card is for recorded members, sees nothing of it, and nothing is written',
    async (_who, as, extra) => {
      const rec = await h.issuedRecommendation([police]);
      const res = await respond(rec, as, partial(), extra);
      expect(res.status).toBe(200);
      expectOnlyNotice(res.card, NOT_A_MEMBER);
      await expectNothingWritten(rec.id);
    },
  );

  it('the partner lead as a guest in the partnership’s tenant, or from her home tenant, may respond', async () => {
    for (const tenantId of [DEMO_TENANT_ID, POLICE_TENANT_ID]) {
      const rec = await h.issuedRecommendation([police]);
      const res = await respond(rec, TEAMS_USERS.aisha, partial(), { tenantId });
      expect(textOf(res.card)).toContain('Response: Partially accept');
    }
  });

  it('an activity from a tenant outside the allow-list is not answered and writes nothing', async () => {
    const rec = await h.issuedRecommendation([police]);
    const res = await respond(rec, TEAMS_USERS.aisha, partial(), {
      tenantId: '11111111-2222-4333-8444-555555555555',
    });
    expect(res.card).toBeUndefined();
    await expectNothingWritten(rec.id);
  });

  it('tampered card data: another partner’s id gets the read-only card, nothing for either', async () => {
    const rec = await h.issuedRecommendation([police, council]);
    const res = await respond(rec, TEAMS_USERS.aisha, partial(), { partnerId: council });
    expect(textOf(res.card)).toMatch(/Only Harbourside Council's partner lead can respond/);
    await expectNothingWritten(rec.id);
  });

  it('tampered card data: identity fields in the data are ignored; the activity decides', async () => {
    const rec = await h.issuedRecommendation([police]);
    const res = await respond(rec, TEAMS_USERS.tom, {
      ...partial(),
      aadObjectId: TEAMS_USERS.aisha.aadObjectId,
      responderId: aishaId,
      from: TEAMS_USERS.aisha,
    });
    expect(textOf(res.card)).toMatch(politely);
    await expectNothingWritten(rec.id);
  });

  it('tampered card data: an unknown recommendation, or one not naming the partner, is refused', async () => {
    const rec = await h.issuedRecommendation([council]);
    for (const data of [
      { recommendationId: 'no-such-recommendation', partnerId: police },
      { recommendationId: rec.id, partnerId: police },
      { recommendationId: rec.id },
    ]) {
      const res = await h.invoke({
        as: TEAMS_USERS.aisha,
        verb: RESPOND,
        data: { ...partial(), ...data },
      });
      expect(res.status).toBe(200);
      expect(res.body?.type).toBe('application/vnd.microsoft.activity.message');
      expect(String(res.body?.value)).toMatch(/out of date/);
    }
    await expectNothingWritten(rec.id);
  });

  it('a draft recommendation cannot be answered', async () => {
    const rec = await h.issuedRecommendation([police], { status: 'draft' });
    const res = await respond(rec, TEAMS_USERS.aisha, partial());
    expect(String(res.body?.value)).toMatch(/out of date/);
    await expectNothingWritten(rec.id);
  });
});

describe('exactly once', () => {
  it('the same invoke delivered three times records one response, its actions and one SLG item', async () => {
    const rec = await h.issuedRecommendation([police]);
    const results = [];
    for (let i = 0; i < 3; i++)
      results.push(await respond(rec, TEAMS_USERS.aisha, partial(), { id: 'same-invoke' }));
    for (const r of results) {
      expect(textOf(r.card)).toContain('Partially accepted by Aisha Noor');
      expect(textOf(r.card)).not.toContain('already been recorded');
    }
    const { responses, actions, slg } = await stored(rec.id);
    expect([responses.length, actions.length, slg.length]).toEqual([1, 2, 1]);
    expect(h.connector.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });

  it('a double click (concurrent duplicates) records it once', async () => {
    const rec = await h.issuedRecommendation([police]);
    const results = await Promise.all(
      [1, 2, 3].map(() => respond(rec, TEAMS_USERS.aisha, partial(), { id: 'double-click' })),
    );
    for (const r of results) expect(textOf(r.card)).toContain('Partially accepted by Aisha Noor');
    const { responses, actions, slg } = await stored(rec.id);
    expect([responses.length, actions.length, slg.length]).toEqual([1, 2, 1]);
  });

  it('two responders racing: one response is recorded and the other sees it', async () => {
    const second = await h.repo.create(
      'people',
      {
        displayName: 'Ravi Patel',
        upn: `ravi.patel.${Date.now()}@eastshire-police.example`,
        entraObjectId: '0a1b2c3d-0000-4000-8000-000000000023',
        homeTenantId: POLICE_TENANT_ID,
        jobTitle: 'Detective Chief Inspector',
        partnerId: police,
        roles: ['partner-lead'],
      },
      h.system,
    );
    const ravi = {
      id: '29:ravi-patel',
      aadObjectId: second.fields.entraObjectId,
      name: 'Ravi Patel',
    };
    try {
      for (let round = 0; round < 5; round++) {
        const rec = await h.issuedRecommendation([police]);
        const [a, r] = await Promise.all([
          respond(rec, TEAMS_USERS.aisha, partial()),
          respond(rec, ravi, {
            decision: 'accept',
            rationale: 'Accepted in full.',
            action1What: 'Attend every strategy discussion.',
            action1Owner: second.id,
            action1Due: '2099-02-28',
            action1Evidence: 'The Front Door log.',
          }),
        ]);
        const { responses, actions, slg } = await stored(rec.id);
        expect(responses).toHaveLength(1);
        const winner = responses[0]!.fields;
        const loser = winner.responderId === aishaId ? r : a;
        expect(textOf(loser.card)).toContain('A response had already been recorded');
        expect(inputsOf(loser.card)).toEqual([]);
        // Only the winner's actions, and an SLG item only if the winner's decision needs one.
        expect(actions.every((x) => x.fields.responseId === responses[0]!.id)).toBe(true);
        expect(actions).toHaveLength(winner.decision === 'accept' ? 1 : 2);
        expect(slg).toHaveLength(winner.decision === 'accept' ? 0 : 1);
      }
    } finally {
      await h.repo.update(
        'people',
        second.id,
        { roles: ['delegated-safeguarding-partner'] },
        second.etag,
        h.system,
      );
    }
  });

  it('a retry after a partial failure completes the actions and the SLG item without duplicates', async () => {
    const rec = await h.issuedRecommendation([police]);
    const repo = h.repo;
    const original = repo.create.bind(repo);
    let failed = false;
    const spy = vi.spyOn(repo, 'create').mockImplementation(async (list, fields, ctx) => {
      // The connection drops after the response and its first action are stored.
      if (
        list === 'actions' &&
        !failed &&
        String((fields as { actionKey?: string }).actionKey).endsWith(':2')
      ) {
        failed = true;
        throw new Error('connection reset');
      }
      return original(list, fields, ctx);
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const first = await respond(rec, TEAMS_USERS.aisha, partial(), { id: 'flaky' });
      expect(first.card).toBeUndefined();
      const half = await stored(rec.id);
      expect([half.responses.length, half.actions.length, half.slg.length]).toEqual([1, 1, 0]);
      const retry = await respond(rec, TEAMS_USERS.aisha, partial(), { id: 'flaky' });
      expect(textOf(retry.card)).toContain('2 actions agreed');
      const done = await stored(rec.id);
      expect([done.responses.length, done.actions.length, done.slg.length]).toEqual([1, 2, 1]);
      // The retry wrote what was missing, so everyone else's copy of the card is brought up to date.
      expect(h.connector.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
    } finally {
      spy.mockRestore();
      errors.mockRestore();
    }
  });
});

describe('in chats', () => {
  it('a group chat asking for a recommendation gets the card as everyone sees it: status only', async () => {
    const rec = await h.issuedRecommendation([police]);
    await h.message({ as: TEAMS_USERS.aisha, text: 'hello' });
    h.connector.calls.length = 0;
    await h.message({
      as: TEAMS_USERS.tom,
      text: `<at>Critical Friend</at> where is ${rec.fields.reference.toLowerCase()}?`,
      conversation: groupChat,
    });
    const sent = h.connector.calls.filter((c) => c.method === 'POST');
    expect(sent).toHaveLength(1);
    const card = (sent[0]?.body.attachments as { content: Record<string, unknown> }[])[0]?.content;
    expect(inputsOf(card)).toEqual([]);
    expect(textOf(card)).toContain(`Recommendation ${rec.fields.reference}`);
    // It refreshes into the form for the partner's lead.
    expect((card?.refresh as { userIds?: string[] }).userIds).toEqual([TEAMS_USERS.aisha.id]);
  });

  it('the partner lead asking in her 1:1 chat gets the form', async () => {
    const rec = await h.issuedRecommendation([police]);
    await h.message({ as: TEAMS_USERS.aisha, text: rec.fields.reference });
    const sent = h.connector.calls.filter((c) => c.method === 'POST');
    const card = (sent.at(-1)?.body.attachments as { content: unknown }[])[0]?.content;
    expect(inputsOf(card).map((i) => i.id)).toContain('rationale');
  });

  it('someone the partnership does not know is told so, and an unknown reference is named', async () => {
    const rec = await h.issuedRecommendation([police]);
    await h.message({ as: TEAMS_USERS.stranger, text: rec.fields.reference });
    await h.message({ as: TEAMS_USERS.aisha, text: 'HSCP-R-1999-99' });
    const texts = h.connector.calls.map((c) => String(c.body.text));
    expect(texts).toEqual([
      'Critical Friend shows recommendations only to people the partnership has recorded.',
      'There is no issued recommendation HSCP-R-1999-99.',
    ]);
  });

  it('an Action.Submit fallback (a client without Universal Actions) is answered with a new card', async () => {
    const rec = await h.issuedRecommendation([police]);
    await h.message({
      as: TEAMS_USERS.aisha,
      value: { verb: RESPOND, recommendationId: rec.id, partnerId: police, ...partial() },
    });
    const sent = h.connector.calls.filter((c) => c.method === 'POST');
    const card = (sent.at(-1)?.body.attachments as { content: unknown }[])[0]?.content;
    expect(textOf(card)).toContain('Partially accepted by Aisha Noor');
    expect((await stored(rec.id)).responses).toHaveLength(1);
  });
});

describe('every card the bot produced above', () => {
  it('parses with the adaptivecards SDK, has a verb on every Action.Execute, 1.5, under 20 KB', () => {
    const all = [...h.cards, ...h.sentCards()];
    expect(all.length).toBeGreaterThan(10);
    expect(all.flatMap((c) => cardProblems(c))).toEqual([]);
  });
});

describe('a card Teams did not confirm', () => {
  it('is settled as sent when its recipient refreshes it, so it is never sent twice', async () => {
    const rec = await h.issuedRecommendation([police]);
    const at = new Date().toISOString();
    const row = await h.repo.create(
      'cardDeliveries',
      {
        deliveryKey: deliveryKeyOf(rec.id, aishaId),
        recommendationId: rec.id,
        personId: aishaId,
        partnerId: police,
        status: 'failed',
        attempts: 1,
        uncertainSince: at,
        detail: 'Teams did not confirm the card.',
      },
      { actorId: 'test', homeTenantId: DEMO_TENANT_ID, channel: 'system', at },
    );
    const refreshed = await h.invoke({
      as: TEAMS_USERS.aisha,
      verb: REFRESH,
      data: { recommendationId: rec.id, partnerId: police },
      trigger: 'automatic',
    });
    expect(refreshed.status).toBe(200);
    const after = await h.repo.get('cardDeliveries', row.id);
    expect(after?.fields.status).toBe('sent');
    expect(after?.fields.uncertainSince ?? null).toBeNull();
  });
});
