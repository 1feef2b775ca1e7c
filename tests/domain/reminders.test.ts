import { describe, expect, it } from 'vitest';
import {
  chairOnDate,
  DEFAULT_REMINDER_POLICY,
  digestKeyOf,
  noticesFor,
  policyProblem,
  stageOn,
  type Directory,
  type DueItem,
} from '../../src/domain/reminders.js';

/** England and Wales bank holidays around Christmas 2026 (GOV.UK's list, by hand). */
const holidays = new Set(['2026-12-25', '2026-12-28', '2027-01-01']);
const policy = DEFAULT_REMINDER_POLICY; // remind 5 and 1 before; overdue +1; DSP +5, chair +10, LSPs +15

/** Due Friday 18 December 2026. */
const due = '2026-12-18';

describe('stageOn: the latest stage an item has reached, in working days', () => {
  it.each([
    ['2026-12-10', undefined, undefined],
    ['2026-12-11', 'reminder-5', 5], // five working days before Friday 18th
    ['2026-12-16', 'reminder-5', 2],
    ['2026-12-17', 'reminder-1', 1],
    ['2026-12-18', 'reminder-1', 0], // on the day: the latest reminder still stands
    ['2026-12-21', 'overdue', -1], // the next working day
    ['2026-12-24', 'overdue', -4],
    // +5 skips Christmas Day and the Boxing Day substitute (Monday 28th).
    ['2026-12-29', 'escalation-dsp', -5],
    ['2027-01-05', 'escalation-dsp', -9], // New Year's Day is not counted
    ['2027-01-06', 'escalation-chair', -10],
    ['2027-01-13', 'escalation-lsp', -15],
    ['2027-06-01', 'escalation-lsp', -114], // counted independently (weekdays less the three holidays here)
  ])('on %s: %s', (today, stageKey, days) => {
    const s = stageOn(due, today, holidays, policy);
    expect(s?.stageKey).toBe(stageKey);
    expect(s?.workingDaysToDue).toBe(days);
  });

  it('never reminds after the due date, even over a weekend before it goes overdue', () => {
    // Due Friday; on Saturday nothing new has started: the reminder-1 would be stale.
    expect(stageOn(due, '2026-12-19', holidays, policy)).toBeUndefined();
    expect(stageOn(due, '2026-12-20', holidays, policy)).toBeUndefined();
  });

  it('a day missed is caught up with the latest stage only', () => {
    // Nothing ran from the 11th to the 22nd: the run on the 22nd gives overdue, not reminders.
    expect(stageOn(due, '2026-12-22', holidays, policy)?.stage).toBe('overdue');
  });

  it('a reminder on the day itself when the policy asks for 0', () => {
    const p = { ...policy, remindBefore: [0] };
    expect(stageOn(due, '2026-12-18', holidays, p)?.stageKey).toBe('reminder-0');
    expect(stageOn(due, '2026-12-17', holidays, p)).toBeUndefined();
  });

  it('counts across Easter 2027 (Good Friday and Easter Monday)', () => {
    const easter = new Set(['2027-03-26', '2027-03-29']);
    // Due Thursday 25 March: +1 working day is Tuesday 30 March.
    expect(stageOn('2027-03-25', '2027-03-29', easter, policy)).toBeUndefined();
    expect(stageOn('2027-03-25', '2027-03-30', easter, policy)?.stageKey).toBe('overdue');
  });
});

const people = {
  owner: 'p-owner',
  lead2: 'p-lead2',
  dsp: 'p-dsp',
  dsp2: 'p-dsp2',
  chairUntilNewYear: 'p-chair-a',
  chairFromNewYear: 'p-chair-b',
  lsp1: 'p-lsp1',
  lsp2: 'p-lsp2',
};
const dir: Directory = {
  dspOf: (id) => ({ [people.owner]: people.dsp, [people.lead2]: people.dsp2 })[id] ?? undefined,
  chairOn: (date) =>
    chairOnDate(
      [
        { personId: people.chairUntilNewYear, startsOn: '2026-04-01', endsOn: '2026-12-31' },
        { personId: people.chairFromNewYear, startsOn: '2027-01-01' },
      ],
      date,
    ),
  lsps: [people.lsp1, people.lsp2],
};
const action: DueItem = {
  kind: 'action',
  subjectId: 'a-1',
  partnerId: 'partner-police',
  dueDate: due,
  ownerIds: [people.owner],
};
const told = (today: string, item = action, d = dir) =>
  noticesFor(item, today, holidays, policy, d).map((n) => [n.personId, n.role, n.stageKey]);

describe('noticesFor: who is told, as the chain climbs', () => {
  it('reminders and overdue go to the owner only', () => {
    expect(told('2026-12-11')).toEqual([[people.owner, 'owner', 'reminder-5']]);
    expect(told('2026-12-21')).toEqual([[people.owner, 'owner', 'overdue']]);
  });

  it('each escalation tells everyone already in the chain and the next person', () => {
    expect(told('2026-12-29')).toEqual([
      [people.owner, 'owner', 'escalation-dsp'],
      [people.dsp, 'dsp', 'escalation-dsp'],
    ]);
    // The chair on 6 January 2027 is the one whose term began on New Year's Day.
    expect(told('2027-01-06')).toEqual([
      [people.owner, 'owner', 'escalation-chair'],
      [people.dsp, 'dsp', 'escalation-chair'],
      [people.chairFromNewYear, 'chair', 'escalation-chair'],
    ]);
    expect(told('2027-01-13').map(([p, r]) => [p, r])).toEqual([
      [people.owner, 'owner'],
      [people.dsp, 'dsp'],
      [people.chairFromNewYear, 'chair'],
      [people.lsp1, 'lsp'],
      [people.lsp2, 'lsp'],
    ]);
  });

  it('the chair is whoever holds it on the day of the run', () => {
    const early = { ...action, dueDate: '2026-12-01' }; // chair stage on 15 December 2026
    expect(told('2026-12-15', early)).toContainEqual([
      people.chairUntilNewYear,
      'chair',
      'escalation-chair',
    ]);
  });

  it('a person in two places is told once, in the nearest role', () => {
    // The owner's DSP also chairs and is an LSP.
    const d: Directory = { ...dir, chairOn: () => people.dsp, lsps: [people.dsp, people.lsp1] };
    expect(told('2027-01-13', action, d)).toEqual([
      [people.owner, 'owner', 'escalation-lsp'],
      [people.dsp, 'dsp', 'escalation-lsp'],
      [people.lsp1, 'lsp', 'escalation-lsp'],
    ]);
  });

  it('a response with two leads escalates to each lead’s DSP', () => {
    const response: DueItem = {
      kind: 'response',
      subjectId: 'r-1',
      partnerId: 'partner-police',
      dueDate: due,
      ownerIds: [people.owner, people.lead2],
    };
    expect(told('2026-12-29', response).map(([p]) => p)).toEqual([
      people.owner,
      people.lead2,
      people.dsp,
      people.dsp2,
    ]);
  });

  it('skips a missing DSP and a vacant chair, and tells nobody about an item nobody owns', () => {
    const d: Directory = { dspOf: () => undefined, chairOn: () => undefined, lsps: [] };
    expect(told('2027-01-13', action, d)).toEqual([[people.owner, 'owner', 'escalation-lsp']]);
    expect(told('2027-01-13', { ...action, ownerIds: [] })).toEqual([]);
  });

  it('keys a notice by item, due date, stage and person, so a revised date starts again', () => {
    const [first] = noticesFor(action, '2026-12-21', holidays, policy, dir);
    const [again] = noticesFor(action, '2026-12-22', holidays, policy, dir);
    expect(again?.noticeKey).toBe(first?.noticeKey); // the same stage the next day: told once
    const revised = { ...action, dueDate: '2027-01-29' };
    const [later] = noticesFor(revised, '2027-01-22', holidays, policy, dir);
    expect(later?.noticeKey).not.toBe(first?.noticeKey);
    expect(later?.stageKey).toBe('reminder-5');
  });

  it('says who it has been escalated to so far', () => {
    const notices = noticesFor(action, '2027-01-06', holidays, policy, dir);
    expect(notices[0]?.escalatedTo).toEqual([people.dsp, people.chairFromNewYear]);
  });
});

describe('policyProblem', () => {
  it('accepts the default and refuses escalation out of order or fractional', () => {
    expect(policyProblem(policy)).toBeUndefined();
    expect(policyProblem({ ...policy, escalateAfter: { dsp: 10, chair: 5, lsp: 15 } })).toMatch(
      /in order/,
    );
    expect(policyProblem({ ...policy, overdueAfter: 0 })).toMatch(/in order/);
    expect(policyProblem({ ...policy, remindBefore: [2.5] })).toMatch(/whole numbers/);
    expect(policyProblem({ ...policy, escalateAfter: { dsp: 5, chair: 10, lsp: -1 } })).toMatch(
      /whole numbers/,
    );
  });
});

describe('chairOnDate and digestKeyOf', () => {
  it('takes the latest term that covers the date; none when there is a gap', () => {
    const terms = [
      { personId: 'a', startsOn: '2026-01-01' },
      { personId: 'b', startsOn: '2026-07-01', endsOn: '2026-09-30' },
    ];
    expect(chairOnDate(terms, '2026-06-30')).toBe('a');
    expect(chairOnDate(terms, '2026-07-01')).toBe('b');
    expect(chairOnDate(terms, '2026-10-01')).toBe('a');
    expect(chairOnDate([{ personId: 'c', startsOn: '2027-01-01' }], '2026-12-31')).toBeUndefined();
  });

  it('one digest per person per day', () => {
    expect(digestKeyOf('p1', '2026-12-21')).toBe('digest:p1:2026-12-21');
    expect(digestKeyOf('p1', '2026-12-22')).not.toBe(digestKeyOf('p1', '2026-12-21'));
  });
});
