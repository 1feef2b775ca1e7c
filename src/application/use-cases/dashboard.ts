import { rags, type Rag, type RagRules } from '../../domain/rag.js';
import type {
  DashboardView,
  RagBar,
  TrackerPartner,
  TrackerRow,
  TrackerView,
} from '../../domain/tracker-view.js';
import {
  lineOfEnquiryLabels,
  linesOfEnquiry,
  priorities,
  priorityLabels,
} from '../../domain/vocabulary.js';
import type { Actor, Deps } from '../deps.js';
import { scrutinyDays } from './dashboard-days.js';
import { buildTrackerView } from './tracker.js';
import { requireWholeView } from './visibility.js';

const zero = (): Record<Rag, number> =>
  Object.fromEntries(rags.map((r) => [r, 0])) as Record<Rag, number>;

type Part = { row: TrackerRow; part: TrackerPartner };

/** Partner parts counted by RAG under each key they belong to, in the keys' order. */
function bars(
  parts: readonly Part[],
  keys: readonly { key: string; label: string }[],
  keysOf: (p: Part) => readonly string[],
  keepEmpty: boolean,
): RagBar[] {
  const counts = new Map(keys.map((k) => [k.key, zero()]));
  for (const p of parts)
    for (const key of keysOf(p)) {
      const c = counts.get(key);
      if (c) c[p.part.rag.rag] += 1;
    }
  return keys
    .map((k) => ({ ...k, counts: counts.get(k.key) ?? zero() }))
    .filter((b) => keepEmpty || rags.some((r) => b.counts[r] > 0));
}

const NO_THEME = 'none';

const ageingBands = [
  { band: '1-30', label: '1 to 30 days', from: 1, to: 30 },
  { band: '31-60', label: '31 to 60 days', from: 31, to: 60 },
  { band: '61-90', label: '61 to 90 days', from: 61, to: 90 },
  { band: '91+', label: 'More than 90 days', from: 91, to: Infinity },
] as const;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The dashboard's figures from a tracker view: the same rules, counted for charts. */
export function summariseTracker(view: TrackerView): Omit<DashboardView, 'days'> {
  const parts: Part[] = view.rows.flatMap((row) => row.partners.map((part) => ({ row, part })));
  const actions = parts.flatMap((p) => p.part.actions);
  // Partners in the order they first appear (the rows are in reference order).
  const partners = [
    ...new Map(parts.map((p) => [p.part.partner.id, p.part.partner.name])).entries(),
  ].map(([key, label]) => ({ key, label }));
  const partsOf = (partnerId: string) => parts.filter((p) => p.part.partner.id === partnerId);
  return {
    asAt: view.asAt,
    today: view.today,
    isPast: view.isPast,
    headline: {
      recommendations: view.rows.length,
      // Still being worked on; done-awaiting-verification and paused ones are counted apart.
      openActions: actions.filter((a) => a.status === 'open' || a.status === 'reopened').length,
      overdueActions: actions.filter((a) => a.daysOverdue > 0).length,
      awaitingVerification: actions.filter((a) => a.status === 'done').length,
      verifiedActions: actions.filter((a) => a.status === 'verified').length,
    },
    ragByPartner: bars(parts, partners, (p) => [p.part.partner.id], false),
    ragByTheme: bars(
      parts,
      [
        ...linesOfEnquiry.map((key) => ({ key, label: lineOfEnquiryLabels[key] })),
        { key: NO_THEME, label: 'No theme recorded' },
      ],
      (p) => (p.row.recommendation.themes.length ? p.row.recommendation.themes : [NO_THEME]),
      false,
    ),
    ragByPriority: bars(
      parts,
      priorities.map((key) => ({ key, label: priorityLabels[key] })),
      (p) => [p.row.recommendation.priority],
      true,
    ),
    overdueAgeing: ageingBands.map(({ band, label, from, to }) => ({
      band,
      label,
      count: actions.filter((a) => a.daysOverdue >= from && a.daysOverdue <= to).length,
    })),
    responseTimes: partners.map(({ key, label }) => {
      const mine = partsOf(key);
      const awaiting = mine.filter((p) => !p.part.response);
      return {
        partnerId: key,
        label,
        medianDays: median(mine.flatMap((p) => p.part.response?.daysToRespond ?? [])),
        responded: mine.length - awaiting.length,
        awaiting: awaiting.length,
        late: awaiting.filter((p) => p.row.recommendation.responseDueDate < view.today).length,
      };
    }),
    acceptance: partners.map(({ key, label }) => {
      const decisions = partsOf(key).flatMap((p) => p.part.response?.decision ?? []);
      return {
        partnerId: key,
        label,
        accept: decisions.filter((d) => d === 'accept').length,
        partiallyAccept: decisions.filter((d) => d === 'partially-accept').length,
        decline: decisions.filter((d) => d === 'decline').length,
      };
    }),
  };
}

/**
 * The executive view, read-only, for whole-view readers (executives, the scrutineer, the
 * business unit): the tracker's own RAG counted by partner, theme and priority, and more.
 */
export async function buildDashboard(
  deps: Deps,
  actor: Actor,
  options: { asAt?: string | undefined; rules?: RagRules | undefined } = {},
): Promise<DashboardView> {
  requireWholeView(actor, 'see the executive dashboard');
  const view = await buildTrackerView(deps, actor, options);
  return { ...summariseTracker(view), days: await scrutinyDays(deps, view.today) };
}
