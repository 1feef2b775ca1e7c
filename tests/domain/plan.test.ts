import { describe, expect, it } from 'vitest';
import { summarisePlan } from '../../src/domain/plan.js';
import {
  lineOfEnquiryLabels,
  linesOfEnquiry,
  scrutinyFunctionLabels,
  scrutinyFunctions,
} from '../../src/domain/vocabulary.js';
import { activity, log, plan } from './plan-fixtures.js';

describe('summarisePlan: days and cost', () => {
  const activities = [
    activity('a', { daysAllocated: 10 }),
    activity('b', { daysAllocated: 8.5 }),
    activity('other', { daysAllocated: 99 }, 'plan-2'),
  ];
  const logs = [
    log('a', '2026-04-10', 1),
    log('a', '2026-05-10', 0.5),
    log('b', '2026-06-01', 2),
    log('other', '2026-06-02', 2, 'plan-2'),
  ];
  const s = summarisePlan(plan(), activities, logs, '2026-11-22');

  it('sums days allocated and logged for this plan only', () => {
    expect(s.days).toEqual({
      contracted: 24,
      allocated: 18.5,
      logged: 3.5,
      remaining: 20.5,
      unallocated: 5.5,
    });
  });

  it('costs the days at the day rate', () => {
    expect(s.cost).toEqual({
      dayRate: 650,
      budget: 24 * 650,
      spent: 3.5 * 650,
      committed: 18.5 * 650,
    });
  });

  it('states the year', () => {
    expect(s).toMatchObject({
      reportingYear: 2026,
      label: '2026/27',
      start: '2026-04-01',
      end: '2027-03-31',
      today: '2026-11-22',
    });
  });

  it('lists only this plan’s activities with their days logged', () => {
    expect(s.activities.map((a) => [a.id, a.daysAllocated, a.daysLogged])).toEqual([
      ['a', 10, 1.5],
      ['b', 8.5, 2],
    ]);
  });
});

describe('summarisePlan: rounding', () => {
  it('keeps days to 2 places and money to the penny, without float noise', () => {
    const s = summarisePlan(
      plan({ daysContracted: 0.3, dayRate: 612.37 }),
      [activity('a', { daysAllocated: 0.1 }), activity('b', { daysAllocated: 0.2 })],
      [log('a', '2026-04-02', 0.25), log('a', '2026-04-03', 0.25), log('b', '2026-04-04', 0.25)],
      '2026-05-01',
    );
    expect(s.days.allocated).toBe(0.3); // 0.1 + 0.2 is 0.30000000000000004 in floating point
    expect(s.days.unallocated).toBe(0);
    expect(s.days.logged).toBe(0.75);
    expect(s.days.remaining).toBe(-0.45);
    expect(s.cost.budget).toBe(183.71); // 0.3 × 612.37 = 183.711
    expect(s.cost.spent).toBe(459.28); // 0.75 × 612.37 = 459.2775
    expect(s.cost.committed).toBe(183.71);
  });
});

describe('summarisePlan: activities', () => {
  it('flags an overrun only when logged exceeds allocated', () => {
    const s = summarisePlan(
      plan(),
      [activity('exact', { daysAllocated: 1 }), activity('over', { daysAllocated: 1 })],
      [
        log('exact', '2026-04-02', 1),
        log('over', '2026-04-02', 0.75),
        log('over', '2026-04-03', 0.5),
      ],
      '2026-05-01',
    );
    expect(s.activities.map((a) => [a.id, a.daysLogged, a.overrun])).toEqual([
      ['exact', 1, false],
      ['over', 1.25, true],
    ]);
  });

  it('carries theme, title, tags and status, with repeated tags once', () => {
    const s = summarisePlan(
      plan(),
      [
        activity('a', {
          theme: 'Neglect strategy',
          title: 'Audit',
          functions: ['assurance', 'assurance'],
          linesOfEnquiry: ['leadership'],
          status: 'in-progress',
        }),
      ],
      [],
      '2026-05-01',
    );
    expect(s.activities[0]).toEqual({
      id: 'a',
      theme: 'Neglect strategy',
      title: 'Audit',
      functions: ['assurance'],
      linesOfEnquiry: ['leadership'],
      daysAllocated: 2,
      daysLogged: 0,
      status: 'in-progress',
      overrun: false,
    });
  });

  it('treats missing tags as none', () => {
    const s = summarisePlan(
      plan(),
      [activity('a', { functions: null, linesOfEnquiry: undefined })],
      [],
      '2026-05-01',
    );
    expect(s.activities[0]?.functions).toEqual([]);
    expect(s.coverage.functions.every((f) => f.gap)).toBe(true);
  });
});

describe('summarisePlan: coverage', () => {
  const s = summarisePlan(
    plan(),
    [
      activity('a', {
        daysAllocated: 3,
        functions: ['assurance', 'support-and-challenge'],
        linesOfEnquiry: ['leadership'],
      }),
      activity('b', {
        daysAllocated: 2,
        functions: ['assurance'],
        linesOfEnquiry: ['leadership', 'voice-of-the-child'],
      }),
    ],
    [log('a', '2026-04-02', 1), log('b', '2026-04-03', 0.5)],
    '2026-05-01',
  );

  it('lists all seven scrutiny functions in vocabulary order, with labels', () => {
    expect(s.coverage.functions.map((f) => f.key)).toEqual([...scrutinyFunctions]);
    expect(s.coverage.functions.map((f) => f.label)).toEqual(
      scrutinyFunctions.map((k) => scrutinyFunctionLabels[k]),
    );
  });

  it('counts the activities and days behind each function and marks the gaps', () => {
    const byKey = Object.fromEntries(s.coverage.functions.map((f) => [f.key, f]));
    expect(byKey.assurance).toMatchObject({
      activities: 2,
      daysAllocated: 5,
      daysLogged: 1.5,
      gap: false,
    });
    expect(byKey['support-and-challenge']).toMatchObject({
      activities: 1,
      daysAllocated: 3,
      daysLogged: 1,
      gap: false,
    });
    expect(s.coverage.functions.filter((f) => f.gap).map((f) => f.key)).toEqual([
      'statutory-duties-and-case-reviews',
      'voice-of-children-and-families',
      'practitioner-leader-dialogue',
      'advice-on-disagreements',
      'arrangements-and-yearly-report',
    ]);
  });

  it('does the same for every line of enquiry', () => {
    expect(s.coverage.linesOfEnquiry.map((l) => l.key)).toEqual([...linesOfEnquiry]);
    expect(s.coverage.linesOfEnquiry[0]?.label).toBe(lineOfEnquiryLabels[linesOfEnquiry[0]]);
    const leadership = s.coverage.linesOfEnquiry.find((l) => l.key === 'leadership');
    expect(leadership).toMatchObject({ activities: 2, daysAllocated: 5, daysLogged: 1.5 });
    expect(s.coverage.linesOfEnquiry.filter((l) => !l.gap).map((l) => l.key)).toEqual([
      'voice-of-the-child',
      'leadership',
    ]);
  });
});

describe('summarisePlan: burn-down', () => {
  const logs = [
    log('a', '2026-04-01', 1),
    log('a', '2026-04-30', 0.5),
    log('a', '2026-06-15', 2),
    log('a', '2026-11-03', 1),
  ];

  it('has twelve months with monthly and cumulative actuals up to the current month', () => {
    const s = summarisePlan(plan(), [activity('a')], logs, '2026-11-22');
    expect(s.burnDown).toHaveLength(12);
    expect(
      s.burnDown.slice(0, 8).map((p) => [p.month, p.logged, p.cumulative, p.remaining]),
    ).toEqual([
      ['2026-04', 1.5, 1.5, 22.5],
      ['2026-05', 0, 1.5, 22.5],
      ['2026-06', 2, 3.5, 20.5],
      ['2026-07', 0, 3.5, 20.5],
      ['2026-08', 0, 3.5, 20.5],
      ['2026-09', 0, 3.5, 20.5],
      ['2026-10', 0, 3.5, 20.5],
      ['2026-11', 1, 4.5, 19.5],
    ]);
  });

  it('leaves actuals null for months not yet begun', () => {
    const s = summarisePlan(plan(), [activity('a')], logs, '2026-11-22');
    for (const p of s.burnDown.slice(8)) {
      expect(p).toMatchObject({ logged: null, cumulative: null, remaining: null });
    }
    expect(s.burnDown[8]?.month).toBe('2026-12');
  });

  it('counts the first day of a month as that month begun', () => {
    const s = summarisePlan(plan(), [activity('a')], logs, '2026-12-01');
    expect(s.burnDown[8]).toMatchObject({ month: '2026-12', logged: 0, cumulative: 4.5 });
    expect(s.burnDown[9]?.cumulative).toBeNull();
  });

  it('draws the ideal line from the contract down to nothing at the end of March', () => {
    const s = summarisePlan(plan({ daysContracted: 24 }), [], [], '2026-11-22');
    expect(s.burnDown.map((p) => p.ideal)).toEqual([22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0]);
    const odd = summarisePlan(plan({ daysContracted: 20 }), [], [], '2026-11-22');
    expect(odd.burnDown[0]?.ideal).toBe(18.33);
    expect(odd.burnDown[11]?.ideal).toBe(0);
  });

  it('has every month’s actuals once the year is over, and none before it begins', () => {
    const after = summarisePlan(plan(), [activity('a')], logs, '2027-06-01');
    expect(after.burnDown.every((p) => p.cumulative !== null)).toBe(true);
    expect(after.burnDown[11]?.cumulative).toBe(4.5);
    const before = summarisePlan(plan(), [activity('a')], [], '2026-03-31');
    expect(before.burnDown.every((p) => p.logged === null)).toBe(true);
  });

  it('goes negative once more days are logged than contracted', () => {
    const s = summarisePlan(
      plan({ daysContracted: 1 }),
      [activity('a')],
      [log('a', '2026-04-02', 2)],
      '2026-04-20',
    );
    expect(s.burnDown[0]?.remaining).toBe(-1);
    expect(s.days.remaining).toBe(-1);
  });

  it('leaves out, and warns about, entries dated outside the reporting year', () => {
    const s = summarisePlan(
      plan(),
      [activity('a')],
      [log('a', '2026-03-31', 1), log('a', '2026-04-01', 1), log('a', '2027-04-01', 1)],
      '2026-11-22',
    );
    expect(s.days.logged).toBe(1);
    expect(s.activities[0]?.daysLogged).toBe(1);
    expect(s.warnings).toContain(
      '2 day-log entries are dated outside the reporting year and are not counted.',
    );
  });
});
