import type { BurnDownMonth, PlanSummary } from '../../../api/types';
import { formatDays, formatMonth, formatNumber, reportingYearLabel } from './planFormat';

/** Months with actual figures (future months have none). */
export function actualMonths(months: readonly BurnDownMonth[]) {
  return months.filter(
    (m): m is BurnDownMonth & { cumulative: number; remaining: number } =>
      m.cumulative !== null && m.remaining !== null,
  );
}

/** The chart's text alternative: where the year stands against the ideal line. */
export function burnDownSummary(summary: PlanSummary): string {
  const year = reportingYearLabel(summary.reportingYear);
  const last = actualMonths(summary.burnDown).at(-1);
  if (!last) {
    return `Burn-down for ${year}: no days logged yet, ${formatDays(summary.days.contracted)} contracted.`;
  }
  return (
    `Burn-down for ${year}: ${formatNumber(last.cumulative)} of ` +
    `${formatDays(summary.days.contracted)} logged up to ${formatMonth(last.month)}; ` +
    `${formatDays(last.remaining)} remaining against an ideal of ${formatDays(last.ideal)}.`
  );
}

/** A round step for about four gridlines up to `max`. */
export function tickStep(max: number): number {
  const raw = Math.max(max, 1) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw);
  return step ?? 10 * magnitude;
}
