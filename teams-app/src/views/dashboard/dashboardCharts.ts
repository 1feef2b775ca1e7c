import type { DashboardView, RagBar } from '../../../../src/domain/tracker-view';
import { ragLabels, rags } from '../../../../src/domain/rag';
import type { Bar, Series } from './BarChart';
import type { TableData } from './DataTable';

/** Everything one chart needs, worked out from the view so the chart and its table agree. */
export interface ChartSpec {
  title: string;
  summary: string;
  series: Series[];
  bars: Bar[];
  table: TableData;
  shares?: boolean;
  marker?: { value: number; label: string };
}

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
export const fmt = (n: number) => number.format(n);
const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);
const plural = (n: number, one: string, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

const ragSeries: Series[] = rags.map((r) => ({ key: r, label: ragLabels[r], look: r }));

export function ragChart(title: string, by: string, bars: readonly RagBar[]): ChartSpec {
  const parts = bars.map((b) => {
    const counts = rags.map((r) => `${b.counts[r]} ${ragLabels[r].toLowerCase()}`).join(', ');
    return `${b.label}: ${counts}`;
  });
  return {
    title,
    summary: bars.length
      ? `${title}, in partner parts of recommendations. ${parts.join('; ')}.`
      : `${title}: nothing to show yet.`,
    series: ragSeries,
    bars: bars.map((b) => {
      const values = rags.map((r) => b.counts[r]);
      return {
        key: b.key,
        label: b.label,
        values,
        note: `${values.reduce((a, v) => a + v, 0)} in all`,
      };
    }),
    table: {
      columns: [by, ...rags.map((r) => ragLabels[r]), 'Total'],
      rows: bars.map((b) => {
        const values = rags.map((r) => b.counts[r]);
        return [b.label, ...values.map(String), String(values.reduce((a, v) => a + v, 0))];
      }),
    },
  };
}

export function ageingChart(view: DashboardView): ChartSpec {
  const title = 'Overdue actions by how long overdue';
  const total = view.overdueAgeing.reduce((a, b) => a + b.count, 0);
  return {
    title,
    summary: `${title}: ${plural(total, 'action')} overdue. ${view.overdueAgeing
      .map((b) => `${b.label}: ${b.count}`)
      .join('; ')}.`,
    series: [{ key: 'count', label: 'Overdue actions', look: 'red' }],
    bars: view.overdueAgeing.map((b) => ({
      key: b.band,
      label: b.label,
      values: [b.count],
      note: plural(b.count, 'action'),
    })),
    table: {
      columns: ['Days overdue', 'Actions'],
      rows: view.overdueAgeing.map((b) => [b.label, String(b.count)]),
    },
  };
}

export function responseChart(view: DashboardView): ChartSpec {
  const title = 'Response times by partner';
  const median = (m: number | null) => (m === null ? 'no responses yet' : plural(m, 'day'));
  return {
    title,
    summary: `${title}, median days from issue to response. ${view.responseTimes
      .map(
        (r) =>
          `${r.label}: ${median(r.medianDays)}; ${r.responded} responded, ${r.awaiting} awaiting, ${r.late} late`,
      )
      .join('. ')}.`,
    series: [{ key: 'median', label: 'Median days to respond', look: 'brand' }],
    bars: view.responseTimes.map((r) => ({
      key: r.partnerId,
      label: r.label,
      values: [r.medianDays ?? 0],
      note:
        r.medianDays === null ? 'No responses' : `${plural(r.medianDays, 'day')}, ${r.late} late`,
    })),
    table: {
      columns: ['Partner', 'Median days to respond', 'Responded', 'Awaiting', 'Late'],
      rows: view.responseTimes.map((r) => [
        r.label,
        r.medianDays === null ? '–' : fmt(r.medianDays),
        String(r.responded),
        String(r.awaiting),
        String(r.late),
      ]),
    },
  };
}

export function acceptanceChart(view: DashboardView): ChartSpec {
  const title = 'Acceptance of recommendations by partner';
  const rows = view.acceptance.map((a) => {
    const total = a.accept + a.partiallyAccept + a.decline;
    return {
      a,
      total,
      shares: [
        percent(a.accept, total),
        percent(a.partiallyAccept, total),
        percent(a.decline, total),
      ],
    };
  });
  return {
    title,
    summary: `${title}, as shares of each partner's responses. ${rows
      .map(({ a, total, shares: [acc, part, dec] }) =>
        total
          ? `${a.label}: ${acc}% accepted, ${part}% partially accepted, ${dec}% declined, of ${plural(total, 'response')}`
          : `${a.label}: no responses yet`,
      )
      .join('; ')}.`,
    series: [
      { key: 'accept', label: 'Accept', look: 'green' },
      { key: 'partially', label: 'Partially accept', look: 'amber' },
      { key: 'decline', label: 'Decline', look: 'red' },
    ],
    shares: true,
    bars: rows.map(({ a, total, shares }) => ({
      key: a.partnerId,
      label: a.label,
      values: [a.accept, a.partiallyAccept, a.decline],
      note: total ? shares.map((s) => `${s}%`).join(' · ') : 'No responses',
    })),
    table: {
      columns: ['Partner', 'Accept', 'Partially accept', 'Decline', 'Responses'],
      rows: rows.map(({ a, total, shares: [acc, part, dec] }) => [
        a.label,
        `${a.accept} (${acc}%)`,
        `${a.partiallyAccept} (${part}%)`,
        `${a.decline} (${dec}%)`,
        String(total),
      ]),
    },
  };
}

/** The reporting year that starts in April `year`, e.g. "2026 to 2027". */
export const reportingYear = (year: number) => `${year} to ${year + 1}`;

export function daysChart(days: NonNullable<DashboardView['days']>): ChartSpec {
  const title = 'Days of scrutiny used';
  const within = Math.min(days.used, days.budget);
  const over = Math.max(days.used - days.budget, 0);
  const yearText = reportingYear(days.year);
  return {
    title,
    summary:
      `${title} in ${yearText}: ${fmt(days.used)} of ${plural(days.budget, 'day')} budgeted, ` +
      (over > 0 ? `${fmt(over)} over budget.` : `${fmt(days.remaining)} remaining.`),
    // The over-budget series (and its key) only when the days are overspent.
    series: [
      { key: 'used', label: 'Used', look: 'brand' },
      ...(over > 0 ? [{ key: 'over', label: 'Over budget', look: 'over' as const }] : []),
    ],
    marker: { value: days.budget, label: `Budget, ${plural(days.budget, 'day')}` },
    bars: [
      {
        key: 'used',
        label: yearText,
        values: over > 0 ? [within, over] : [within],
        note: `${fmt(days.used)} of ${fmt(days.budget)}`,
      },
    ],
    table: {
      columns: ['Reporting year', 'Budget (days)', 'Used (days)', 'Remaining (days)'],
      rows: [[yearText, fmt(days.budget), fmt(days.used), fmt(days.remaining)]],
    },
  };
}
