import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped,
  caseCodeProblem,
  caseReviewClocks,
  caseReviewHolidaySpan,
  caseReviewProblems,
  clockText,
  type CaseReviewClock,
  type ClockName,
} from '../../src/domain/case-review-clocks.js';
import type { CaseReview } from '../../src/domain/lists/schema.js';

// England and Wales bank holidays, 2026 and New Year 2027 (Boxing Day 2026 is a Saturday: the
// substitute day is Monday 28 December).
const holidays = new Set([
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
]);

const review = (fields: Partial<CaseReview> = {}): CaseReview => ({
  code: 'HSCP-C-2026-14',
  awareOn: '2026-06-19',
  lcsprDecision: 'pending',
  ...fields,
});

const clockOf = (r: CaseReview, name: ClockName, today = '2027-06-30'): CaseReviewClock => {
  const found = caseReviewClocks(r, today, holidays).find((c) => c.name === name);
  if (!found) throw new Error(`no ${name} clock`);
  return found;
};

describe('notification clock (5 working days from awareness)', () => {
  it('aware on a Friday: due the next Friday; met when notified on the day', () => {
    const c = clockOf(review({ awareOn: '2026-06-19', notifiedOn: '2026-06-26' }), 'notification');
    expect(c).toMatchObject({ startsOn: '2026-06-19', dueOn: '2026-06-26', state: 'met' });
    expect(c.late).toBeUndefined();
  });

  it('skips Good Friday and Easter Monday', () => {
    // Thursday 2 April 2026: 3 and 6 April are bank holidays, so the fifth working day is 13 April.
    expect(clockOf(review({ awareOn: '2026-04-02' }), 'notification').dueOn).toBe('2026-04-13');
  });

  it('aware on the Friday before Christmas: skips Christmas, the weekend and the substitute day', () => {
    expect(clockOf(review({ awareOn: '2026-12-18' }), 'notification').dueOn).toBe('2026-12-29');
  });

  it('counts lateness in working days and carries the reason', () => {
    const c = clockOf(
      review({
        awareOn: '2026-06-19',
        notifiedOn: '2026-06-30',
        notificationLateReason: '  Not recognised as notifiable at first.  ',
      }),
      'notification',
    );
    expect(c).toMatchObject({
      state: 'late',
      dueOn: '2026-06-26',
      doneOn: '2026-06-30',
      late: 2,
      lateUnit: 'working days',
      lateReason: 'Not recognised as notifiable at first.',
    });
    expect(clockText(c)).toBe(
      'Late by 2 working days; reason: Not recognised as notifiable at first.',
    );
  });

  it('lateness across Christmas does not count the bank holidays', () => {
    // Due 29 December; notified 4 January 2027: 30, 31 December and 4 January (1 January is off).
    const c = clockOf(review({ awareOn: '2026-12-18', notifiedOn: '2027-01-04' }), 'notification');
    expect(c).toMatchObject({ state: 'late', late: 3 });
    expect(clockText(c)).toBe('Late by 3 working days; no reason recorded');
  });

  it('running until the due date, overdue the day after, with working days so far', () => {
    const r = review({ awareOn: '2026-06-19' });
    expect(clockOf(r, 'notification', '2026-06-26').state).toBe('running');
    const overdue = clockOf(r, 'notification', '2026-06-29');
    expect(overdue).toMatchObject({ state: 'overdue', late: 1, lateUnit: 'working days' });
    expect(clockText(overdue)).toBe('Overdue by 1 working day');
  });

  it('awareness recorded for a later day is waiting', () => {
    expect(clockOf(review({ awareOn: '2026-07-01' }), 'notification', '2026-06-30').state).toBe(
      'waiting',
    );
  });
});

describe('rapid review clock (15 working days from notification)', () => {
  it('waits until the Panel is notified', () => {
    const c = clockOf(review(), 'rapid-review');
    expect(c.state).toBe('waiting');
    expect(c.dueOn).toBeUndefined();
  });

  it('skips the early May bank holiday', () => {
    const c = clockOf(
      review({ awareOn: '2026-04-08', notifiedOn: '2026-04-14', rapidReviewOn: '2026-05-06' }),
      'rapid-review',
    );
    expect(c).toMatchObject({ startsOn: '2026-04-14', dueOn: '2026-05-06', state: 'met' });
  });

  it('across Christmas and New Year', () => {
    const c = clockOf(
      review({ awareOn: '2026-12-16', notifiedOn: '2026-12-18', rapidReviewOn: '2027-01-15' }),
      'rapid-review',
    );
    expect(c).toMatchObject({ dueOn: '2027-01-13', state: 'late', late: 2 });
  });
});

describe('publication clock (6 months from the decision)', () => {
  it('is not applicable when no practice review is held', () => {
    const c = clockOf(
      review({ lcsprDecision: 'no-lcspr', decisionOn: '2026-07-01' }),
      'publication',
    );
    expect(c.state).toBe('not-applicable');
    expect(clockText(c)).toBe('Not applicable');
  });

  it('waits while the decision is pending', () => {
    expect(clockOf(review({ decisionOn: '2026-07-01' }), 'publication').state).toBe('waiting');
  });

  it('clamps to the end of a shorter month, leap years included', () => {
    expect(addMonthsClamped('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsClamped('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonthsClamped('2026-10-06', 6)).toBe('2027-04-06');
    const c = clockOf(
      review({ lcsprDecision: 'lcspr', decisionOn: '2026-08-31', publishedOn: '2027-03-02' }),
      'publication',
    );
    expect(c).toMatchObject({ dueOn: '2027-02-28', state: 'late', late: 2, lateUnit: 'days' });
  });

  it('runs, then is overdue by calendar days', () => {
    const r = review({ lcsprDecision: 'lcspr', decisionOn: '2026-10-06' });
    expect(clockOf(r, 'publication', '2026-11-22')).toMatchObject({
      state: 'running',
      dueOn: '2027-04-06',
    });
    expect(clockOf(r, 'publication', '2027-04-16')).toMatchObject({ state: 'overdue', late: 10 });
  });
});

describe('caseReviewHolidaySpan', () => {
  it('covers every due date the clocks work out', () => {
    const r = review({ awareOn: '2026-12-16', notifiedOn: '2026-12-18' });
    const span = caseReviewHolidaySpan(r, '2026-12-20');
    expect(span.from).toBe('2026-12-16');
    for (const c of caseReviewClocks(r, '2026-12-20', holidays))
      if (c.dueOn && c.name !== 'publication') expect(c.dueOn <= span.to).toBe(true);
    expect(span.to >= '2027-01-13').toBe(true);
  });

  it('reaches today when today is the latest date', () => {
    const span = caseReviewHolidaySpan(review({ awareOn: '2026-04-01' }), '2026-11-22');
    expect(span.from).toBe('2026-04-01');
    expect(span.to > '2026-11-22').toBe(true);
  });
});

describe('case code and date checks', () => {
  it('accepts partnership codes and refuses anything else, saying the pattern', () => {
    expect(caseCodeProblem('HSCP-C-2026-14')).toBeUndefined();
    expect(caseCodeProblem('AB-C-2026-1')).toBeUndefined();
    for (const bad of ['hscp-c-2026-14', 'HSCP-2026-14', 'HSCP-C-26-14', 'HSCP-C-2026-12345'])
      expect(caseCodeProblem(bad)?.message).toMatch(/such as HSCP-C-2026-14/);
  });

  it('refuses dates out of order', () => {
    const fields = (r: CaseReview) => caseReviewProblems(r).map((p) => p.field);
    expect(fields(review({ awareOn: '2026-06-19', notifiedOn: '2026-06-18' }))).toEqual([
      'notifiedOn',
    ]);
    expect(fields(review({ notifiedOn: '2026-06-22', rapidReviewOn: '2026-06-21' }))).toEqual([
      'rapidReviewOn',
    ]);
    expect(fields(review({ rapidReviewOn: '2026-06-30' }))).toEqual(['rapidReviewOn']);
    expect(
      fields(
        review({ lcsprDecision: 'lcspr', decisionOn: '2026-09-01', publishedOn: '2026-08-31' }),
      ),
    ).toEqual(['publishedOn']);
    expect(
      fields(
        review({ lcsprDecision: 'no-lcspr', decisionOn: '2026-09-01', publishedOn: '2027-01-01' }),
      ),
    ).toEqual(['publishedOn']);
    expect(
      fields(
        review({
          notifiedOn: '2026-06-19',
          rapidReviewOn: '2026-06-19',
          lcsprDecision: 'lcspr',
          decisionOn: '2026-07-01',
          publishedOn: '2026-07-01',
        }),
      ),
    ).toEqual([]);
  });
});
