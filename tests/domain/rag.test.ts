import { describe, expect, it } from 'vitest';
import {
  actionAsAt,
  actionRag,
  defaultRagRules,
  partnerRag,
  worst,
  type ActionState,
  type EventRecord,
  type RagVerdict,
  type UpdateRecord,
} from '../../src/domain/rag.js';

const action = { createdAt: '2026-09-01T09:00:00.000Z', targetDate: '2026-12-31' };
const update = (at: string, progress: number, revisedDate?: string): UpdateRecord => ({
  at,
  progress,
  ...(revisedDate ? { revisedDate } : {}),
});
const act = (at: string, kind: EventRecord['kind'], note = `${kind} note`): EventRecord => ({
  at,
  kind,
  note,
});
const state = (updates: UpdateRecord[], events: EventRecord[], asAt = '2026-11-30T23:59:59.999Z') =>
  actionAsAt(action, updates, events, asAt);

describe('actionAsAt: the action as it stood at an instant', () => {
  it('does not exist before it was created, and is open with nothing done right after', () => {
    expect(state([], [], '2026-09-01T08:59:59.999Z')).toBeUndefined();
    expect(state([], [], '2026-09-01T09:00:00.000Z')).toEqual({
      status: 'open',
      dueDate: '2026-12-31',
      progress: 0,
      lastActivityAt: '2026-09-01T09:00:00.000Z',
    });
  });

  it('follows the timeline: progress, the owner’s claim of done, verification; later records are ignored', () => {
    const updates = [
      update('2026-09-10T10:00:00.000Z', 40),
      update('2026-10-01T10:00:00.000Z', 100),
    ];
    const events = [act('2026-10-05T10:00:00.000Z', 'verified', 'Saw the minutes.')];
    expect(state(updates, events, '2026-09-20T00:00:00.000Z')).toMatchObject({
      status: 'open',
      progress: 40,
      lastActivityAt: '2026-09-10T10:00:00.000Z',
    });
    expect(state(updates, events, '2026-10-02T00:00:00.000Z')).toMatchObject({
      status: 'done',
      progress: 100,
    });
    const verified = state(updates, events);
    expect(verified).toMatchObject({
      status: 'verified',
      verifiedAt: '2026-10-05T10:00:00.000Z',
      note: 'Saw the minutes.',
    });
  });

  it('an update below 100% withdraws a claim of done', () => {
    const s = state(
      [update('2026-10-01T10:00:00.000Z', 100), update('2026-10-03T10:00:00.000Z', 80)],
      [],
    );
    expect(s?.status).toBe('open');
    expect(s?.progress).toBe(80);
  });

  it('applies an update before an act recorded at the same instant, whatever the input order', () => {
    const at = '2026-10-01T10:00:00.000Z';
    // The verification would be illegal on an open action; with the update first it stands.
    const s = state([update(at, 100)], [act(at, 'verified')]);
    expect(s?.status).toBe('verified');
    expect(s?.verifiedAt).toBe(at);
    // Acts at the same instant as each other keep their recorded order.
    const pausedThenResumed = state(
      [update('2026-10-01T10:00:00.000Z', 100)],
      [act('2026-10-02T10:00:00.000Z', 'paused'), act('2026-10-02T10:00:00.000Z', 'resumed')],
    );
    expect(pausedThenResumed?.status).toBe('done');
  });

  it('pause then resume returns to the status before the pause, done or reopened', () => {
    const fromDone = state(
      [update('2026-10-01T10:00:00.000Z', 100)],
      [act('2026-10-02T10:00:00.000Z', 'paused'), act('2026-10-09T10:00:00.000Z', 'resumed')],
    );
    expect(fromDone?.status).toBe('done');
    expect(fromDone?.lastActivityAt).toBe('2026-10-09T10:00:00.000Z');

    const fromReopened = state(
      [update('2026-10-01T10:00:00.000Z', 100)],
      [
        act('2026-10-02T10:00:00.000Z', 'verified'),
        act('2026-10-03T10:00:00.000Z', 'reopened'),
        act('2026-10-04T10:00:00.000Z', 'paused', 'Waiting for the new system.'),
      ],
    );
    expect(fromReopened).toMatchObject({ status: 'paused', note: 'Waiting for the new system.' });
    const resumed = state(
      [update('2026-10-01T10:00:00.000Z', 100)],
      [
        act('2026-10-02T10:00:00.000Z', 'verified'),
        act('2026-10-03T10:00:00.000Z', 'reopened'),
        act('2026-10-04T10:00:00.000Z', 'paused'),
        act('2026-10-20T10:00:00.000Z', 'resumed'),
      ],
    );
    expect(resumed?.status).toBe('reopened');
  });

  it('a claim made while paused takes effect on resuming; so does its withdrawal', () => {
    const claimed = state(
      [update('2026-10-01T10:00:00.000Z', 40), update('2026-10-05T10:00:00.000Z', 100)],
      [act('2026-10-02T10:00:00.000Z', 'paused'), act('2026-10-09T10:00:00.000Z', 'resumed')],
    );
    expect(claimed?.status).toBe('done');
    const withdrawn = state(
      [update('2026-10-01T10:00:00.000Z', 100), update('2026-10-05T10:00:00.000Z', 60)],
      [act('2026-10-02T10:00:00.000Z', 'paused'), act('2026-10-09T10:00:00.000Z', 'resumed')],
    );
    expect(withdrawn?.status).toBe('open');
  });

  it('an update while paused records progress but does not end the pause', () => {
    const s = state(
      [update('2026-10-05T10:00:00.000Z', 100)],
      [act('2026-10-01T10:00:00.000Z', 'paused')],
    );
    expect(s).toMatchObject({ status: 'paused', progress: 100 });
  });

  it('reopening clears the verification and counts as activity', () => {
    const s = state(
      [update('2026-10-01T10:00:00.000Z', 100)],
      [
        act('2026-10-02T10:00:00.000Z', 'verified', 'Saw the audit.'),
        act('2026-11-01T10:00:00.000Z', 'reopened', 'Night shifts were left out.'),
      ],
    );
    expect(s).toMatchObject({
      status: 'reopened',
      note: 'Night shifts were left out.',
      lastActivityAt: '2026-11-01T10:00:00.000Z',
    });
    expect(s?.verifiedAt).toBeUndefined();
  });

  it('the latest revised date is in force; an update without one keeps it; a later one is not yet', () => {
    const updates = [
      update('2026-10-01T10:00:00.000Z', 20, '2027-01-31'),
      update('2026-10-15T10:00:00.000Z', 30),
      update('2026-12-15T10:00:00.000Z', 60, '2027-03-31'),
    ];
    expect(state(updates, [])?.dueDate).toBe('2027-01-31');
    expect(state(updates, [], '2026-12-16T00:00:00.000Z')?.dueDate).toBe('2027-03-31');
  });
});

const base: ActionState = {
  status: 'open',
  dueDate: '2026-12-31',
  progress: 10,
  lastActivityAt: '2026-10-01T10:00:00.000Z',
};

describe('actionRag: the rules', () => {
  it('is stale (red) at exactly N weeks without an update, amber the day before', () => {
    expect(actionRag(base, '2026-11-11', defaultRagRules)).toEqual({
      rag: 'amber',
      reason: 'On track',
    });
    expect(actionRag(base, '2026-11-12', defaultRagRules)).toEqual({
      rag: 'red',
      reason: 'No update for 6 weeks',
    });
    // The setting moves the boundary.
    expect(actionRag(base, '2026-10-15', { staleAfterWeeks: 2 }).rag).toBe('red');
    expect(actionRag(base, '2026-10-14', { staleAfterWeeks: 2 }).rag).toBe('amber');
  });

  it('counts the quiet weeks from the day of the last update in England, not in UTC', () => {
    // 00:30 on 2 October in summer time is still 1 October in UTC.
    const justAfterMidnight = { ...base, lastActivityAt: '2026-10-01T23:30:00.000Z' };
    expect(actionRag(justAfterMidnight, '2026-10-15', { staleAfterWeeks: 2 }).rag).toBe('amber');
    expect(actionRag(justAfterMidnight, '2026-10-16', { staleAfterWeeks: 2 }).rag).toBe('red');
  });

  it('is overdue (red) one day after the date in force, on track on the day itself', () => {
    const recent = { ...base, lastActivityAt: '2026-12-20T10:00:00.000Z' };
    expect(actionRag(recent, '2026-12-31', defaultRagRules).rag).toBe('amber');
    expect(actionRag(recent, '2027-01-01', defaultRagRules)).toEqual({
      rag: 'red',
      reason: 'Overdue by 1 day',
    });
    expect(actionRag(recent, '2027-01-03', defaultRagRules).reason).toBe('Overdue by 3 days');
  });

  it('says overdue before stale when both hold', () => {
    expect(actionRag(base, '2027-02-01', defaultRagRules).reason).toBe('Overdue by 32 days');
  });

  it('green only when verified; done is amber awaiting verification, even past its date', () => {
    expect(actionRag({ ...base, status: 'verified' }, '2027-06-01', defaultRagRules).rag).toBe(
      'green',
    );
    expect(actionRag({ ...base, status: 'done' }, '2027-06-01', defaultRagRules)).toEqual({
      rag: 'amber',
      reason: "Done; awaiting the scrutineer's verification",
    });
  });

  it('paused gives the reason, whatever the dates; reopened says so when on track', () => {
    expect(
      actionRag({ ...base, status: 'paused', note: 'Waiting' }, '2027-06-01', defaultRagRules),
    ).toEqual({ rag: 'paused', reason: 'Paused: Waiting' });
    const reopened = {
      ...base,
      status: 'reopened' as const,
      lastActivityAt: '2026-11-01T10:00:00Z',
    };
    expect(actionRag(reopened, '2026-11-10', defaultRagRules).reason).toBe('Reopened; on track');
  });
});

const verdict = (rag: RagVerdict['rag'], reason: string = rag): RagVerdict => ({ rag, reason });

describe('partnerRag: a partner’s part in a recommendation', () => {
  const due = '2026-12-18';
  it('no response: amber until the due date (inclusive), red after it', () => {
    expect(partnerRag({ responseDueDate: due, actions: [] }, '2026-12-18')).toEqual({
      rag: 'amber',
      reason: 'Awaiting response',
    });
    expect(partnerRag({ responseDueDate: due, actions: [] }, '2026-12-19')).toEqual({
      rag: 'red',
      reason: 'Response overdue by 1 day',
    });
  });

  it('a decline is red, whatever its actions', () => {
    expect(
      partnerRag({ responseDueDate: due, decision: 'decline', actions: [] }, '2026-11-01'),
    ).toEqual({ rag: 'red', reason: 'Declined; referred to the SLG for a ruling' });
  });

  it('an acceptance with no actions is amber; with actions, the worst of them', () => {
    expect(
      partnerRag({ responseDueDate: due, decision: 'accept', actions: [] }, '2027-03-01'),
    ).toEqual({ rag: 'amber', reason: 'Accepted; no actions recorded yet' });
    expect(
      partnerRag(
        {
          responseDueDate: due,
          decision: 'partially-accept',
          actions: [verdict('green'), verdict('paused', 'Paused: x')],
        },
        '2027-03-01',
      ),
    ).toEqual({ rag: 'paused', reason: 'Paused: x' });
  });
});

describe('worst', () => {
  it('orders red over amber over paused over green, and keeps the first on a tie', () => {
    expect(worst([verdict('green'), verdict('paused')]).rag).toBe('paused');
    expect(worst([verdict('paused'), verdict('amber')]).rag).toBe('amber');
    expect(worst([verdict('amber'), verdict('red'), verdict('green')]).rag).toBe('red');
    expect(worst([verdict('red', 'first'), verdict('red', 'second')]).reason).toBe('first');
    expect(worst([])).toEqual({ rag: 'amber', reason: 'Nothing recorded yet' });
  });
});
