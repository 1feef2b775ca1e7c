import { Field, Select } from '@fluentui/react-components';
import type { EvidenceSource, LineOfEnquiry } from '../../../../src/domain/vocabulary';
import { lineOfEnquiryOptions, observationColumns as columns } from '../../forms/observationFields';
import { sourceOptions } from './sourceOptions';

interface EnquiryAndSourceProps {
  lineOfEnquiry: LineOfEnquiry | '';
  source: EvidenceSource;
  onChange: (change: { lineOfEnquiry?: LineOfEnquiry | ''; source?: EvidenceSource }) => void;
  disabled?: boolean;
}

/** The two optional details; both keep their choice for the next observation. */
export function EnquiryAndSource({
  lineOfEnquiry,
  source,
  onChange,
  disabled,
}: EnquiryAndSourceProps) {
  return (
    <>
      <Field label={columns.lineOfEnquiry.label}>
        <Select
          value={lineOfEnquiry}
          disabled={disabled}
          onChange={(_, data) => onChange({ lineOfEnquiry: data.value as LineOfEnquiry | '' })}
        >
          <option value="">None</option>
          {lineOfEnquiryOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={columns.source.label}>
        <Select
          value={source}
          disabled={disabled}
          onChange={(_, data) => onChange({ source: data.value as EvidenceSource })}
        >
          {sourceOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}
