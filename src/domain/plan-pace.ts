import { round2 } from './plan-numbers.js';
import { dateOfDayNumber, dayNumber, daysInReportingYear, yearBounds } from './plan-year.js';

/** A projection from the first few weeks is noise (a single planning day looks like a sprint). */
export const MIN_DAYS_FOR_PACE = 30;

export interface Pace {
  /** 'before' the year starts, 'running' while today is inside it, 'ended' after 31 March. */
  phase: 'before' | 'running' | 'ended';
  /** Calendar days of the reporting year up to and including today (0 before it starts). */
  elapsedDays: number;
  daysInYear: number;
  /**
   * Days that will have been logged by 31 March if work carries on at the rate so far; null
   * before the year, or in its first MIN_DAYS_FOR_PACE days. After the year, the final total.
   */
  projectedDays: number | null;
  /** The date the contracted days run out at that rate, if inside the year; otherwise null. */
  runsOutOn: string | null;
}

/** Straight-line projection of days logged so far (days per calendar day) over the whole year. */
export function paceOf(year: number, contracted: number, logged: number, today: string): Pace {
  const { start, end } = yearBounds(year);
  const daysInYear = daysInReportingYear(year);
  if (today < start) {
    return { phase: 'before', elapsedDays: 0, daysInYear, projectedDays: null, runsOutOn: null };
  }
  if (today > end) {
    return {
      phase: 'ended',
      elapsedDays: daysInYear,
      daysInYear,
      projectedDays: round2(logged),
      runsOutOn: null,
    };
  }
  const elapsedDays = dayNumber(today) - dayNumber(start) + 1;
  if (elapsedDays < MIN_DAYS_FOR_PACE) {
    return { phase: 'running', elapsedDays, daysInYear, projectedDays: null, runsOutOn: null };
  }
  const rate = logged / elapsedDays;
  let runsOutOn: string | null = null;
  // Only a budget not yet spent can "run out"; an overspent one is its own warning.
  if (rate > 0 && logged < contracted) {
    // contracted / rate; the tolerance stops 100.0000000001 from becoming day 101.
    const dayIndex = Math.ceil((contracted * elapsedDays) / logged - 1e-9);
    if (dayIndex <= daysInYear) runsOutOn = dateOfDayNumber(dayNumber(start) + dayIndex - 1);
  }
  return {
    phase: 'running',
    elapsedDays,
    daysInYear,
    projectedDays: round2(rate * daysInYear),
    runsOutOn,
  };
}
