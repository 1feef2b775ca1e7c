import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { EvidenceClass } from '../../../../src/domain/vocabulary';
import { evidenceClassOptions, observationColumns as columns } from '../../forms/observationFields';

interface ClassRadiosProps {
  value: EvidenceClass | '';
  onChange: (value: EvidenceClass) => void;
  disabled?: boolean;
}

export function ClassRadios({ value, onChange, disabled }: ClassRadiosProps) {
  return (
    <Field label={columns.evidenceClass.label}>
      <RadioGroup
        value={value}
        disabled={disabled}
        onChange={(_, data) => onChange(data.value as EvidenceClass)}
      >
        {evidenceClassOptions.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} />
        ))}
      </RadioGroup>
    </Field>
  );
}
