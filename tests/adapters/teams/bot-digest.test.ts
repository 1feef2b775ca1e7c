import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { oid } from '../../../src/server/seed/harbourside.js';
import {
  inputsOf,
  startBotHarness,
  TEAMS_USERS,
  textOf,
  type BotHarness,
} from './support/bot-harness.js';
import { parseCard } from './support/card-checks.js';

/**
 * The reminder digest's verbs through the real bot pipeline: refresh, and opening an item's own
 * card. The seed's open action is Sam Carter's (council), escalated to his DSP, David Okafor.
 */
let h: BotHarness;
let sam: string;
let david: string;
let actionId: string;
let council: string;
const david29 = { id: '29:david-okafor', aadObjectId: oid(11), name: 'David Okafor' };
const DAY = '2026-11-23';
const key = (personId: string) => `digest:${personId}:${DAY}`;

beforeAll(async () => {
  h = await startBotHarness();
  sam = await h.personId('sam.carter@harbourside.example');
  david = await h.personId('dcs@harbourside.example');
  council = await h.partnerId('Harbourside Council');
  const [action] = await h.repo.all('actions', { field: 'partnerId', equals: council });
  actionId = action?.id ?? '';
  // The notices the day's run would have written (see tests/application/reminders.test.ts).
  for (const [personId, role] of [
    [sam, 'owner'],
    [david, 'dsp'],
  ] as const) {
    await h.repo.create(
      'reminderNotices',
      {
        noticeKey: `action:${actionId}:${council}:2026-11-13:escalation-dsp:${personId}`,
        subjectKind: 'action',
        subjectId: actionId,
        partnerId: council,
        dueDate: '2026-11-13',
        stage: 'escalation-dsp',
        stageKey: 'escalation-dsp',
        personId,
        role,
        workingDaysToDue: -6,
        escalatedTo: david,
        deliveryKey: key(personId),
        date: DAY,
      },
      h.system,
    );
  }
});
afterAll(async () => h?.close());
beforeEach(() => {
  h.connector.calls.length = 0;
});

const REFRESH = 'refreshDigest';
const OPEN = 'openDigestItem';

describe('the reminder digest card', () => {
  it('refreshes for its recipient only; anyone else gets no digest', async () => {
    const mine = await h.invoke({
      as: TEAMS_USERS.sam,
      verb: REFRESH,
      data: { deliveryKey: key(sam) },
      trigger: 'automatic',
    });
    expect(mine.card).toBeDefined();
    expect(parseCard(mine.card ?? {}).events).toEqual([]);
    expect(textOf(mine.card)).toContain('HSCP-R-2026-01');
    expect(textOf(mine.card)).toContain('Escalated to: David Okafor');
    const theirs = await h.invoke({
      as: TEAMS_USERS.aisha,
      verb: REFRESH,
      data: { deliveryKey: key(sam) },
    });
    expect(theirs.card).toBeUndefined();
    expect(JSON.stringify(theirs.body)).not.toContain('HSCP-R-2026-01');
  });

  it('"Give an update" posts the action card with the form for its owner', async () => {
    const res = await h.invoke({
      as: TEAMS_USERS.sam,
      verb: OPEN,
      data: { deliveryKey: key(sam), kind: 'action', subjectId: actionId },
    });
    expect(textOf(res.card)).toContain('The card for the action on HSCP-R-2026-01 is below.');
    const posted = h.connector.cards.at(-1);
    expect(inputsOf(posted).map((i) => i.id)).toEqual([
      'progress',
      'narrative',
      'evidenceLink',
      'revisedDate',
    ]);
  });

  it('the DSP it was escalated to opens it and sees where it stands, with no form', async () => {
    const res = await h.invoke({
      as: david29,
      verb: OPEN,
      data: { deliveryKey: key(david), kind: 'action', subjectId: actionId },
    });
    expect(res.card).toBeDefined();
    const posted = h.connector.cards.at(-1);
    expect(textOf(posted)).toContain('Agree with the young people');
    expect(inputsOf(posted)).toEqual([]);
  });

  it('opens only what the digest carries for the person clicking; nothing is posted otherwise', async () => {
    const sentBefore = h.connector.cards.length;
    const tampered = [
      // Someone else's digest key.
      {
        as: TEAMS_USERS.aisha,
        data: { deliveryKey: key(sam), kind: 'action', subjectId: actionId },
      },
      // An item the digest does not carry.
      { as: TEAMS_USERS.sam, data: { deliveryKey: key(sam), kind: 'action', subjectId: 'other' } },
      // Not the shape the card sends.
      {
        as: TEAMS_USERS.sam,
        data: { deliveryKey: key(sam), kind: 'anything', subjectId: actionId },
      },
    ];
    for (const t of tampered) {
      const res = await h.invoke({ as: t.as, verb: OPEN, data: t.data });
      expect(res.card).toBeUndefined();
    }
    expect(h.connector.cards.length).toBe(sentBefore);
  });

  it('a refresh settles an unconfirmed digest as sent, without a second card', async () => {
    const row = await h.repo.create(
      'cardDeliveries',
      {
        kind: 'digest',
        deliveryKey: key(sam),
        personId: sam,
        status: 'pending',
        attempts: 1,
        uncertainSince: new Date().toISOString(),
        lastError: 'timeout',
      },
      h.system,
    );
    const posted = h.connector.cards.length;
    await h.invoke({
      as: TEAMS_USERS.sam,
      verb: REFRESH,
      data: { deliveryKey: key(sam) },
      trigger: 'automatic',
      replyToId: 'digest-activity-1',
    });
    expect(h.connector.cards.length).toBe(posted);
    const after = await h.repo.get('cardDeliveries', row.id);
    expect([after?.fields.status, after?.fields.activityId]).toEqual(['sent', 'digest-activity-1']);
  });
});
