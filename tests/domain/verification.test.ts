import { describe, expect, it } from 'vitest';
import {
  ACT_NOTE_MAX,
  actFrom,
  addCalendarMonths,
  checkAct,
  checkActNote,
  impactCheckActivity,
  impactCheckDueDate,
  impactCheckKey,
} from '../../src/domain/verification.js';
import { actionEventKinds, actionStatuses } from '../../src/domain/vocabulary.js';

describe('which acts are legal from which status', () => {
  const legal: Record<string, string[]> = {
    verified: ['done'],
    reopened: ['verified', 'done'],
    paused: ['open', 'reopened', 'done'],
    resumed: ['paused'],
  };
  for (const kind of actionEventKinds)
    for (const status of actionStatuses)
      it(`${kind} from ${status}: ${legal[kind]?.includes(status) ? 'legal' : 'refused'}`, () => {
        const r = checkAct(status, kind);
        expect(r.ok).toBe(legal[kind]?.includes(status) ?? false);
        if (!r.ok) {
          expect(r.error.code).toBe('illegal-transition');
          expect(r.error.message).toMatch(/\.$/);
        }
      });

  it('says why in plain words', () => {
    const r = checkAct('open', 'verified');
    expect(r.ok ? '' : r.error.message).toBe(
      'This action is not reported done yet, so it cannot be verified.',
    );
    const p = checkAct('verified', 'paused');
    expect(p.ok ? '' : p.error.message).toMatch(/verified and closed/);
    const q = checkAct('open', 'resumed');
    expect(q.ok ? '' : q.error.message).toMatch(/not paused/);
    expect(actFrom.verified).toEqual(['done']);
  });
});

describe('the note an act needs', () => {
  it('verify needs the evidence seen; the others a reason', () => {
    const v = checkActNote('verified', '   ');
    expect(v.ok ? '' : v.error.message).toMatch(/evidence/);
    const r = checkActNote('reopened', undefined);
    expect(r.ok ? '' : r.error.message).toMatch(/reason/);
    expect(checkActNote('paused', '  Waiting for the new rota.  ')).toEqual({
      ok: true,
      value: 'Waiting for the new rota.',
    });
  });

  it('is capped at the list column’s length', () => {
    expect(checkActNote('verified', 'x'.repeat(ACT_NOTE_MAX)).ok).toBe(true);
    const long = checkActNote('verified', 'x'.repeat(ACT_NOTE_MAX + 1));
    expect(long.ok ? '' : long.error.message).toMatch(/at most 4,000/);
  });
});

describe('impact check due dates', () => {
  it('adds calendar months, clamped to the month end', () => {
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-11-22', 12)).toBe('2027-11-22');
    expect(addCalendarMonths('2026-12-15', 3)).toBe('2027-03-15');
    expect(impactCheckDueDate('2026-05-31', 6)).toBe('2026-11-30');
  });

  it('one key per action and interval', () => {
    expect(impactCheckKey('a1', 6)).toBe('a1:6');
    expect(impactCheckKey('a1', 6)).not.toBe(impactCheckKey('a1', 12));
  });
});

describe('the plan activity an impact check becomes', () => {
  it('is a half-day assurance activity under "Impact checks"', () => {
    expect(impactCheckActivity('HSCP-R-2026-01', 'Agree the format.')).toEqual({
      theme: 'Impact checks',
      title: 'Impact check: HSCP-R-2026-01 — Agree the format.',
      functions: ['assurance'],
      daysAllocated: 0.5,
      status: 'planned',
    });
  });

  it('cuts a long description to fit 255 characters', () => {
    const { title } = impactCheckActivity('HSCP-R-2026-01', 'word '.repeat(200));
    expect(title.length).toBeLessThanOrEqual(255);
    expect(title.startsWith('Impact check: HSCP-R-2026-01 — word')).toBe(true);
    expect(title.endsWith('…')).toBe(true);
  });
});
