import { evidenceClasses, type EvidenceClass } from '../../../../src/domain/vocabulary';
import type { ObservationItem } from '../../api/types';
import { evidenceClassLabels } from '../../forms/fields';

export interface ClassGroup {
  value: EvidenceClass;
  label: string;
  items: ObservationItem[];
}

/** Gone well, Too early to judge, Worry: always all three, each oldest first (as heard). */
export function groupByClass(items: readonly ObservationItem[]): ClassGroup[] {
  const inOrder = [...items].sort((a, b) =>
    (a.observedAt ?? a.createdAt).localeCompare(b.observedAt ?? b.createdAt),
  );
  return evidenceClasses.map((value) => ({
    value,
    label: evidenceClassLabels[value],
    items: inOrder.filter((item) => item.evidenceClass === value),
  }));
}
