import type { TrackerRow, TrackerView } from '../../../../src/domain/tracker-view';
import { rags, ragLabels, type Rag } from '../../../../src/domain/rag';
import {
  lineOfEnquiryLabels,
  priorities,
  priorityLabels,
  type LineOfEnquiry,
  type Priority,
} from '../../../../src/domain/vocabulary';

/** Empty string: no filter on that field. */
export interface TrackerFilters {
  partner: string;
  theme: string;
  priority: '' | Priority;
  rag: '' | Rag;
}

export const noFilters: TrackerFilters = { partner: '', theme: '', priority: '', rag: '' };

export interface Choice {
  value: string;
  label: string;
}

/** The choices each filter offers: only partners and themes that occur in the view. */
export function filterChoices(view: TrackerView) {
  const partners = new Map<string, string>();
  const themes = new Set<LineOfEnquiry>();
  for (const row of view.rows) {
    row.recommendation.themes.forEach((t) => themes.add(t));
    row.partners.forEach((p) => partners.set(p.partner.id, p.partner.name));
  }
  const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label, 'en-GB');
  return {
    partner: [...partners].map(([value, label]) => ({ value, label })).sort(byLabel),
    theme: [...themes].map((t) => ({ value: t, label: lineOfEnquiryLabels[t] })).sort(byLabel),
    priority: priorities.map((p) => ({ value: p, label: priorityLabels[p] })),
    rag: rags.map((r) => ({ value: r, label: ragLabels[r] })),
  };
}

/**
 * Rows narrowed by the filters. Partner and RAG apply to each partner's part of a recommendation
 * (the unit the totals count), so a row keeps only the parts that match and goes if none does.
 */
export function filterRows(rows: readonly TrackerRow[], filters: TrackerFilters): TrackerRow[] {
  return rows.flatMap((row) => {
    const rec = row.recommendation;
    if (filters.priority && rec.priority !== filters.priority) return [];
    if (filters.theme && !rec.themes.some((t) => t === filters.theme)) return [];
    if (!filters.partner && !filters.rag) return [row];
    const parts = row.partners.filter(
      (p) =>
        (!filters.partner || p.partner.id === filters.partner) &&
        (!filters.rag || p.rag.rag === filters.rag),
    );
    return parts.length ? [{ ...row, partners: parts }] : [];
  });
}
