import { calendarDaysBetween, type FieldProblem } from './case-review-clocks.js';
import type { Disagreement } from './lists/schema.js';
import type { DisagreementStatus } from './vocabulary.js';

/** Disagreements between partners and the scrutineer's independent advice (function 6). */

export const disagreementStatusLabels: Record<DisagreementStatus, string> = {
  open: 'Open',
  resolved: 'Resolved',
  escalated: 'Escalated',
};

export const DISAGREEMENT_REFERENCE_PATTERN = /^[A-Z]{2,8}-D-\d{4}-\d{1,4}$/;

/** Calendar days from raised to resolved; undefined until it is resolved. */
export function daysToResolution(d: Disagreement): number | undefined {
  return d.resolvedOn ? calendarDaysBetween(d.raisedOn, d.resolvedOn) : undefined;
}

/** What cannot be so: a disagreement is between partners, and resolves after it is raised. */
export function disagreementProblems(d: Disagreement): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!DISAGREEMENT_REFERENCE_PATTERN.test(d.reference))
    out.push({
      field: 'reference',
      message: `Write the reference as the partnership's code, such as HSCP-D-2026-3 (2 to 8 capital letters, -D-, the year, a number): "${d.reference.slice(0, 40)}" is not one.`,
    });
  if (new Set(d.partnerIds).size < 2)
    out.push({
      field: 'partnerIds',
      message: 'Name at least two partners: a disagreement is between partners.',
    });
  if (d.status === 'resolved' && !d.resolvedOn)
    out.push({ field: 'resolvedOn', message: 'Record when the disagreement was resolved.' });
  if (d.resolvedOn && d.resolvedOn < d.raisedOn)
    out.push({
      field: 'resolvedOn',
      message: 'A disagreement cannot be resolved before it was raised.',
    });
  return out;
}
