import { describe, expect, it } from 'vitest';
import {
  londonClock,
  londonInstant,
  parseSendHours,
  sendWindowAt,
} from '../../src/domain/send-window.js';

const holidays = new Set(['2026-12-25', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29']);
const at = (iso: string) => Date.parse(iso);
const window = (iso: string) => {
  const w = sendWindowAt(at(iso), holidays);
  return { open: w.open, opensAt: new Date(w.opensAt).toISOString() };
};

describe('sendWindowAt: reminders only in working hours on working days (England)', () => {
  it('open from 08:00 to 18:00 on a working day, in winter (GMT)', () => {
    expect(window('2026-11-23T08:00:00Z').open).toBe(true);
    expect(window('2026-11-23T17:59:00Z').open).toBe(true);
    expect(window('2026-11-23T07:59:00Z')).toEqual({
      open: false,
      opensAt: '2026-11-23T08:00:00.000Z',
    });
    expect(window('2026-11-23T18:00:00Z')).toEqual({
      open: false,
      opensAt: '2026-11-24T08:00:00.000Z',
    });
  });

  it('follows British Summer Time', () => {
    expect(window('2026-07-01T07:30:00Z').open).toBe(true); // 08:30 BST
    expect(window('2026-07-01T06:30:00Z')).toEqual({
      open: false,
      opensAt: '2026-07-01T07:00:00.000Z', // 08:00 BST
    });
    expect(window('2026-07-01T17:00:00Z').open).toBe(false); // 18:00 BST
  });

  it('holds a weekend to Monday, across the change of the clocks', () => {
    // Saturday 24 October 2026; the clocks go back on the 25th: Monday 08:00 GMT.
    expect(window('2026-10-24T10:00:00Z')).toEqual({
      open: false,
      opensAt: '2026-10-26T08:00:00.000Z',
    });
    // Saturday 28 March 2026; the clocks go forward on the 29th: Monday 08:00 BST.
    expect(window('2026-03-28T10:00:00Z')).toEqual({
      open: false,
      opensAt: '2026-03-30T07:00:00.000Z',
    });
  });

  it('skips bank holidays: Christmas Eve evening waits until Tuesday 29 December', () => {
    expect(window('2026-12-24T18:30:00Z')).toEqual({
      open: false,
      opensAt: '2026-12-29T08:00:00.000Z',
    });
    expect(window('2026-12-25T11:00:00Z').open).toBe(false);
    // Good Friday and Easter Monday 2027: Thursday evening waits until Tuesday (BST).
    expect(window('2027-03-25T19:00:00Z').opensAt).toBe('2027-03-30T07:00:00.000Z');
  });

  it('takes other hours', () => {
    const hours = parseSendHours('09:30-16:00');
    if (!hours) throw new Error('should parse');
    expect(sendWindowAt(at('2026-11-23T09:29:00Z'), holidays, hours).open).toBe(false);
    expect(sendWindowAt(at('2026-11-23T09:30:00Z'), holidays, hours).open).toBe(true);
    expect(sendWindowAt(at('2026-11-23T16:00:00Z'), holidays, hours).open).toBe(false);
  });
});

describe('parseSendHours, londonClock, londonInstant', () => {
  it('parses spans and refuses nonsense', () => {
    expect(parseSendHours('08:00-18:00')).toEqual({ from: 480, until: 1080 });
    expect(parseSendHours(' 7:30 - 24:00 ')).toEqual({ from: 450, until: 1440 });
    for (const bad of ['18:00-08:00', '08:00', '25:00-26:00', '08:60-09:00', 'nine to five']) {
      expect(parseSendHours(bad)).toBeUndefined();
    }
  });

  it('reads the wall clock in England', () => {
    expect(londonClock(at('2026-07-01T23:30:00Z'))).toEqual({ date: '2026-07-02', minutes: 30 });
    expect(londonClock(at('2026-12-01T23:30:00Z'))).toEqual({ date: '2026-12-01', minutes: 1410 });
    expect(new Date(londonInstant('2026-07-02', 9 * 60)).toISOString()).toBe(
      '2026-07-02T08:00:00.000Z',
    );
  });
});
