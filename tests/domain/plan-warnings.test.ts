import { describe, expect, it } from 'vitest';
import { summarisePlan } from '../../src/domain/plan.js';
import { MIN_DAYS_FOR_PACE, paceOf } from '../../src/domain/plan-pace.js';
import { scrutinyFunctions } from '../../src/domain/vocabulary.js';
import { activity, log, plan } from './plan-fixtures.js';

/** One activity per scrutiny function, so coverage adds no warnings unless a test wants it. */
const coveringAll = (daysEach = 1) =>
  scrutinyFunctions.map((f, i) =>
    activity(`f${i}`, { functions: [f], daysAllocated: daysEach, title: `Activity f${i}` }),
  );

describe('paceOf', () => {
  it('projects days logged per calendar day over the whole year', () => {
    // 1 April to 30 September is 183 days; 18 / 183 × 365 = 35.9
    const p = paceOf(2026, 24, 18, '2026-09-30');
    expect(p).toEqual({
      phase: 'running',
      elapsedDays: 183,
      daysInYear: 365,
      projectedDays: 35.9,
      runsOutOn: '2026-11-30', // day ceil(24 × 183 / 18) = 244 of the year
    });
  });

  it('uses 366 days in a year with 29 February', () => {
    const p = paceOf(2027, 24, 10, '2027-09-30');
    expect(p.daysInYear).toBe(366);
    expect(p.projectedDays).toBe(20); // 10 / 183 × 366
  });

  it('does not project in the first weeks', () => {
    expect(paceOf(2026, 24, 5, '2026-04-29').projectedDays).toBeNull();
    expect(MIN_DAYS_FOR_PACE).toBe(30);
    const day30 = paceOf(2026, 24, 5, '2026-04-30');
    expect(day30.elapsedDays).toBe(30);
    expect(day30.runsOutOn).toBe('2026-08-22'); // day 144
  });

  it('does not say the budget runs out when it would last the year', () => {
    expect(paceOf(2026, 24, 10, '2026-11-22').runsOutOn).toBeNull();
  });

  it('does not say the budget runs out once it already has', () => {
    expect(paceOf(2026, 24, 24, '2026-11-22').runsOutOn).toBeNull();
  });

  it('counts 31 March as the last day, and 1 April as the first', () => {
    expect(paceOf(2026, 24, 20, '2027-03-31')).toMatchObject({
      phase: 'running',
      elapsedDays: 365,
      projectedDays: 20,
    });
    expect(paceOf(2026, 24, 0, '2026-04-01')).toMatchObject({ phase: 'running', elapsedDays: 1 });
  });

  it('reports before and after the year', () => {
    expect(paceOf(2026, 24, 0, '2026-03-31')).toMatchObject({
      phase: 'before',
      elapsedDays: 0,
      projectedDays: null,
    });
    expect(paceOf(2026, 24, 21.5, '2027-04-01')).toMatchObject({
      phase: 'ended',
      projectedDays: 21.5,
      runsOutOn: null,
    });
  });
});

describe('plan warnings', () => {
  it('says nothing when the plan is on track and covers every function', () => {
    const activities = coveringAll(3);
    const logs = activities.map((a, i) => log(a.id, `2026-0${4 + (i % 5)}-10`, 2));
    // 14 days by 22 November: projected 21.65 of 24, within the 80% line.
    const s = summarisePlan(plan(), activities, logs, '2026-11-22');
    expect(s.days.logged).toBe(14);
    expect(s.warnings).toEqual([]);
  });

  it('warns when more days are allocated than contracted', () => {
    const s = summarisePlan(
      plan({ daysContracted: 24 }),
      [...coveringAll(3), activity('extra', { daysAllocated: 5 })],
      [],
      '2026-04-10',
    );
    expect(s.days.allocated).toBe(26);
    expect(s.warnings).toEqual(['Days allocated (26) exceed the 24 contracted.']);
  });

  it('warns when more days are logged than contracted', () => {
    const s = summarisePlan(
      plan({ daysContracted: 1.5 }),
      [activity('a', { functions: [...scrutinyFunctions], daysAllocated: 1.5 })],
      [log('a', '2026-04-02', 1), log('a', '2026-04-03', 1)],
      '2026-04-10',
    );
    expect(s.warnings).toEqual([
      'Days logged (2) exceed the 1.5 contracted.',
      'Activity a: days logged (2) exceed the 1.5 allocated.',
    ]);
  });

  it('warns when the contract is used up before the year ends, not after', () => {
    const activities = [activity('a', { functions: [...scrutinyFunctions], daysAllocated: 2 })];
    const logs = [log('a', '2026-04-02', 1), log('a', '2026-05-02', 1)];
    const during = summarisePlan(plan({ daysContracted: 2 }), activities, logs, '2026-06-01');
    expect(during.warnings).toEqual([
      'All 2 contracted days are used, and the reporting year has not ended.',
    ]);
    const after = summarisePlan(plan({ daysContracted: 2 }), activities, logs, '2027-04-02');
    expect(after.warnings).toEqual([]);
  });

  it('names each scrutiny function no activity covers', () => {
    const activities = coveringAll().filter(
      (a) =>
        !a.functions?.includes('voice-of-children-and-families') &&
        !a.functions?.includes('advice-on-disagreements'),
    );
    const s = summarisePlan(plan(), activities, [], '2026-04-10');
    expect(s.warnings).toEqual([
      'No activity covers: The voice of children and families.',
      'No activity covers: Independent advice when partners disagree; escalation.',
    ]);
  });

  it('projects when the budget runs out at the pace so far', () => {
    const activities = coveringAll(3);
    const s = summarisePlan(
      plan(),
      activities,
      [
        log('f0', '2026-04-15', 2),
        log('f1', '2026-05-15', 2),
        log('f2', '2026-06-15', 2),
        log('f3', '2026-07-15', 2),
        log('f4', '2026-08-15', 2),
        log('f5', '2026-09-15', 2),
        log('f6', '2026-09-16', 2),
        log('f6', '2026-09-17', 2),
        log('f0', '2026-09-18', 2),
      ],
      '2026-09-30',
    );
    expect(s.days.logged).toBe(18);
    expect(s.pace.runsOutOn).toBe('2026-11-30');
    expect(s.warnings).toEqual([
      'At this rate the budget runs out in November 2026.',
      'Activity f0: days logged (4) exceed the 3 allocated.',
      'Activity f6: days logged (4) exceed the 3 allocated.',
    ]);
  });

  it('projects a budget that runs out in the new calendar year', () => {
    // 12 days by 30 September: 24 days would be reached on day 366, so not this year...
    const quiet = summarisePlan(
      plan(),
      coveringAll(3),
      [
        log('f0', '2026-04-10', 2),
        ...Array.from({ length: 5 }, (_, i) => log(`f${i + 1}`, `2026-0${5 + i}-10`, 2)),
      ],
      '2026-09-30',
    );
    expect(quiet.days.logged).toBe(12);
    expect(quiet.warnings).toEqual([]);
    // ...but 14 days by then reaches 24 on day ceil(24 × 183 / 14) = 314, 8 February 2027.
    const busy = summarisePlan(
      plan(),
      coveringAll(3),
      [...quiet.activities.map((a) => log(a.id, '2026-06-20', 2))],
      '2026-09-30',
    );
    expect(busy.days.logged).toBe(14);
    expect(busy.pace.runsOutOn).toBe('2027-02-08');
    expect(busy.warnings).toEqual(['At this rate the budget runs out in February 2027.']);
  });

  it('warns when the pace would leave contracted days unused', () => {
    const s = summarisePlan(
      plan(),
      coveringAll(3),
      [
        log('f0', '2026-05-01', 2),
        log('f1', '2026-06-01', 2),
        log('f2', '2026-07-01', 2),
        log('f3', '2026-08-01', 2),
        log('f4', '2026-09-01', 2),
      ],
      '2026-11-22',
    );
    // 10 / 236 × 365 = 15.47, below 80% of 24
    expect(s.warnings).toEqual([
      'At this rate only 15.47 of the 24 contracted days will be used by 31 March 2027.',
    ]);
  });

  it('notices a month with nothing logged, but not in the first weeks', () => {
    const early = summarisePlan(plan(), coveringAll(3), [], '2026-04-29');
    expect(early.warnings).toEqual([]);
    const later = summarisePlan(plan(), coveringAll(3), [], '2026-05-15');
    expect(later.warnings).toEqual([
      'No days have been logged in the first 45 days of the reporting year.',
    ]);
  });

  it('orders warnings: money, pace, coverage, activities', () => {
    const s = summarisePlan(
      plan({ daysContracted: 3 }),
      [activity('a', { functions: ['assurance'], daysAllocated: 4, title: 'Audit' })],
      [log('a', '2026-04-10', 2), log('a', '2026-05-10', 2), log('a', '2026-05-11', 0.5)],
      '2026-06-01',
    );
    expect(s.warnings[0]).toBe('Days logged (4.5) exceed the 3 contracted.');
    expect(s.warnings[1]).toBe('Days allocated (4) exceed the 3 contracted.');
    expect(s.warnings.slice(2, 8)).toHaveLength(6);
    expect(s.warnings.slice(2, 8).every((w) => w.startsWith('No activity covers: '))).toBe(true);
    expect(s.warnings[8]).toBe('Audit: days logged (4.5) exceed the 4 allocated.');
    expect(s.warnings).toHaveLength(9);
  });
});
