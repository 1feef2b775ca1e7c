import type {
  EvidenceClass,
  EvidenceSource,
  LineOfEnquiry,
} from '../../../../src/domain/vocabulary';
import type { ObservationItem } from '../../api/types';
import type { Draft, ObservationFields } from '../../outbox/types';

/** The observation form's state: class and line of enquiry may still be unchosen. */
export interface FormValues {
  text: string;
  evidenceClass: EvidenceClass | '';
  partnerIds: string[];
  lineOfEnquiry: LineOfEnquiry | '';
  source: EvidenceSource;
}

export const emptyValues: FormValues = {
  text: '',
  evidenceClass: '',
  partnerIds: [],
  lineOfEnquiry: '',
  source: 'meeting',
};

export function fieldsFrom(values: FormValues): ObservationFields | null {
  if (!values.evidenceClass) return null;
  return {
    text: values.text.trim(),
    evidenceClass: values.evidenceClass,
    partnerIds: values.partnerIds,
    source: values.source,
    ...(values.lineOfEnquiry ? { lineOfEnquiry: values.lineOfEnquiry } : {}),
  };
}

export function valuesFrom(fields: ObservationFields | ObservationItem | Draft): FormValues {
  return {
    text: fields.text,
    evidenceClass: fields.evidenceClass,
    partnerIds: [...(fields.partnerIds ?? [])],
    lineOfEnquiry: fields.lineOfEnquiry ?? '',
    source: fields.source,
  };
}
