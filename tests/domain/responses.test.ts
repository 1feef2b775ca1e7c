import { describe, expect, it } from 'vitest';
import type { Meeting, WithId } from '../../src/domain/lists/schema.js';
import {
  actionKey,
  checkSubmission,
  isCalendarDate,
  londonDate,
  MAX_PROPOSED_ACTIONS,
  nextSlgMeeting,
  sameSubmission,
  slgKindFor,
  type ProposedActionDraft,
} from '../../src/domain/responses.js';

const context = {
  ownerIds: new Set(['aisha', 'tom']),
  partnerName: 'Eastshire Constabulary',
  today: '2026-11-22',
};
const action = (extra: ProposedActionDraft = {}): ProposedActionDraft => ({
  description: 'Attend every strategy discussion.',
  ownerId: 'aisha',
  targetDate: '2027-01-31',
  evidenceExpected: 'The Front Door log.',
  ...extra,
});
const problems = (r: ReturnType<typeof checkSubmission>) =>
  r.ok ? [] : r.error.message.split('\n');

describe('checking a response as submitted', () => {
  it('accepts a partial acceptance with actions, trimming what was typed', () => {
    const r = checkSubmission(
      {
        decision: 'partially-accept',
        rationale: '  In part.  ',
        actions: [action(), {}, action({ ownerId: 'tom', description: '  Report back.  ' })],
      },
      context,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        decision: 'partially-accept',
        rationale: 'In part.',
        actions: [
          { slot: 1, ...action(), evidenceExpected: 'The Front Door log.' },
          {
            slot: 3,
            description: 'Report back.',
            ownerId: 'tom',
            targetDate: '2027-01-31',
            evidenceExpected: 'The Front Door log.',
          },
        ],
      },
    });
  });

  it('requires a decision and a rationale that is not blank and fits its column', () => {
    expect(problems(checkSubmission({ actions: [action()] }, context))).toEqual([
      'Choose accept, partially accept or decline.',
      'Give a rationale: every response needs one, whatever the decision.',
    ]);
    expect(
      problems(checkSubmission({ decision: 'decline', rationale: ' \n ', actions: [] }, context)),
    ).toEqual(['Give a rationale: every response needs one, whatever the decision.']);
    expect(
      problems(
        checkSubmission({ decision: 'decline', rationale: 'x'.repeat(4001), actions: [] }, context),
      ),
    ).toEqual([
      'The rationale is 4,001 characters long; it can hold at most 4,000. Please shorten it.',
    ]);
    expect(
      checkSubmission({ decision: 'decline', rationale: 'x'.repeat(4000), actions: [] }, context)
        .ok,
    ).toBe(true);
  });

  it('requires at least one complete action to accept or partially accept, none to decline', () => {
    for (const decision of ['accept', 'partially-accept'])
      expect(
        problems(checkSubmission({ decision, rationale: 'Yes.', actions: [{}, {}] }, context))[0],
      ).toMatch(/propose at least one action/);
    const declined = checkSubmission(
      { decision: 'decline', rationale: 'No.', actions: [action()] },
      context,
    );
    expect(declined.ok && declined.value.actions).toEqual([]);
  });

  it('reports every incomplete or invalid action slot at once', () => {
    expect(
      problems(
        checkSubmission(
          {
            decision: 'accept',
            rationale: 'Yes.',
            actions: [
              action({ ownerId: '', evidenceExpected: ' ' }),
              action({ ownerId: 'someone-else' }),
              action({ targetDate: '2026-11-21' }),
              action({ targetDate: '2027-02-30' }),
              action({ description: 'd'.repeat(2001) }),
            ],
          },
          context,
        ),
      ),
    ).toEqual([
      'Action 1: add who owns it and the evidence expected.',
      "Action 2: choose an owner from Eastshire Constabulary's people.",
      'Action 3: the target date is in the past; choose today or later.',
      'Action 4: the target date must be a date such as 2027-03-31.',
      'Action 5: the description is 2,001 characters long; it can hold at most 2,000. Please shorten it.',
    ]);
  });

  it('takes today as a target date, and refuses more actions than the card has slots', () => {
    expect(
      checkSubmission(
        { decision: 'accept', rationale: 'Yes.', actions: [action({ targetDate: '2026-11-22' })] },
        context,
      ).ok,
    ).toBe(true);
    const six = Array.from({ length: MAX_PROPOSED_ACTIONS + 1 }, () => action());
    expect(
      problems(checkSubmission({ decision: 'accept', rationale: 'Yes.', actions: six }, context)),
    ).toEqual(['Propose at most 5 actions on the card.']);
  });
});

describe('exactly once', () => {
  it('knows a retry of the same submission from someone else’s response', () => {
    const recorded = { responderId: 'aisha', decision: 'accept' as const, rationale: 'Yes.' };
    expect(sameSubmission(recorded, 'aisha', { decision: 'accept', rationale: ' Yes. ' })).toBe(
      true,
    );
    expect(sameSubmission(recorded, 'ravi', { decision: 'accept', rationale: 'Yes.' })).toBe(false);
    expect(sameSubmission(recorded, 'aisha', { decision: 'decline', rationale: 'Yes.' })).toBe(
      false,
    );
    expect(sameSubmission(recorded, 'aisha', { decision: 'accept', rationale: 'Yes!' })).toBe(
      false,
    );
  });

  it('keys each action by the response and its slot', () => {
    expect(actionKey('rec:partner', 2)).toBe('rec:partner:2');
  });
});

describe('the Strategic Leadership Group', () => {
  it('rules on partial acceptances and declines, not on acceptances', () => {
    expect(slgKindFor('accept')).toBeUndefined();
    expect(slgKindFor('partially-accept')).toBe('partial');
    expect(slgKindFor('decline')).toBe('decline');
  });

  const meeting = (id: string, kind: Meeting['kind'], startsAt: string): WithId<Meeting> => ({
    id,
    title: id,
    kind,
    startsAt,
  });
  const meetings = [
    meeting('slg-today', 'strategic-leadership-group', '2026-11-22T10:00:00+00:00'),
    meeting('audit-soon', 'audit', '2026-11-25T10:00:00+00:00'),
    meeting('slg-apr', 'strategic-leadership-group', '2027-04-20T10:00:00+01:00'),
    meeting('slg-jan', 'strategic-leadership-group', '2027-01-19T10:00:00+00:00'),
    meeting('slg-past', 'strategic-leadership-group', '2026-10-20T10:00:00+01:00'),
  ];

  it('refers an item to its next meeting: the first SLG meeting after today', () => {
    expect(nextSlgMeeting(meetings, '2026-11-22')?.id).toBe('slg-jan');
    expect(nextSlgMeeting(meetings, '2026-11-21')?.id).toBe('slg-today');
    expect(nextSlgMeeting(meetings, '2027-04-20')).toBeUndefined();
  });

  it('counts days in England, whatever the server’s clock', () => {
    expect(londonDate('2026-06-30T23:30:00Z')).toBe('2026-07-01');
    expect(londonDate('2026-12-31T23:30:00Z')).toBe('2026-12-31');
  });
});

describe('dates', () => {
  it.each([
    ['2027-03-31', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['31/03/2027', false],
    ['2027-3-31', false],
    ['', false],
  ])('%s is a calendar date: %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});
