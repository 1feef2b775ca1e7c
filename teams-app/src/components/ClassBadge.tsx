import { Badge } from '@fluentui/react-components';
import type { EvidenceClass } from '../../../src/domain/vocabulary';
import { evidenceClassLabels } from '../forms/fields';

const colours = {
  'gone-well': 'success',
  'too-early': 'warning',
  worry: 'danger',
} as const satisfies Record<EvidenceClass, string>;

/** The class in words (colour only reinforces it). */
export function ClassBadge({ value }: { value: EvidenceClass }) {
  return (
    <Badge appearance="tint" color={colours[value]} shape="rounded">
      {evidenceClassLabels[value]}
    </Badge>
  );
}
