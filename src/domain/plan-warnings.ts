import { formatDays } from './plan-numbers.js';
import type { Pace } from './plan-pace.js';
import { monthName } from './plan-year.js';

/** Below this share of the contract, a projection is worth saying out loud: days would go unused. */
export const UNDERUSE_SHARE = 0.8;

export interface WarningInput {
  days: { contracted: number; allocated: number; logged: number };
  end: string;
  pace: Pace;
  activities: readonly { title: string; daysAllocated: number; daysLogged: number }[];
  /** Labels of scrutiny functions no activity covers (statutory, so always worth a warning). */
  uncoveredFunctions: readonly string[];
  /** Day logs dated outside the reporting year, which the summary leaves out. */
  outsideYear: number;
}

/**
 * Plain sentences, most pressing first: money, then pace, then coverage, then activities.
 * Uncovered lines of enquiry are shown in the coverage table but not warned about: they are a
 * checklist, not the statutory functions.
 */
export function planWarnings(input: WarningInput): string[] {
  const { days, pace } = input;
  const c = formatDays(days.contracted);
  const out: string[] = [];

  if (days.logged > days.contracted) {
    out.push(`Days logged (${formatDays(days.logged)}) exceed the ${c} contracted.`);
  } else if (days.logged === days.contracted && days.contracted > 0 && pace.phase === 'running') {
    out.push(`All ${c} contracted days are used, and the reporting year has not ended.`);
  }
  if (days.allocated > days.contracted) {
    out.push(`Days allocated (${formatDays(days.allocated)}) exceed the ${c} contracted.`);
  }

  if (pace.phase === 'running' && pace.projectedDays !== null) {
    if (pace.runsOutOn) {
      out.push(`At this rate the budget runs out in ${monthName(pace.runsOutOn)}.`);
    } else if (days.logged === 0) {
      out.push(
        `No days have been logged in the first ${pace.elapsedDays} days of the reporting year.`,
      );
    } else if (pace.projectedDays < days.contracted * UNDERUSE_SHARE) {
      out.push(
        `At this rate only ${formatDays(pace.projectedDays)} of the ${c} contracted days will be used by ${longDate(input.end)}.`,
      );
    }
  }

  for (const label of input.uncoveredFunctions) out.push(`No activity covers: ${label}.`);

  for (const a of input.activities) {
    if (a.daysLogged > a.daysAllocated) {
      out.push(
        `${a.title}: days logged (${formatDays(a.daysLogged)}) exceed the ${formatDays(a.daysAllocated)} allocated.`,
      );
    }
  }

  if (input.outsideYear > 0) {
    out.push(
      input.outsideYear === 1
        ? 'One day-log entry is dated outside the reporting year and is not counted.'
        : `${input.outsideYear} day-log entries are dated outside the reporting year and are not counted.`,
    );
  }
  return out;
}

/** '2027-03-31' -> '31 March 2027'. */
const longDate = (iso: string) => `${Number(iso.slice(8, 10))} ${monthName(iso)}`;
