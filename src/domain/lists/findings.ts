import type { ListSchema } from './columns.js';
import { evidenceClasses, evidenceSources, linesOfEnquiry } from '../vocabulary.js';

export const findings = {
  title: 'CF Findings',
  description: 'Judgements drawn from observations.',
  columns: {
    title: { kind: 'text', label: 'Title', maxLength: 255, required: true, freeText: true },
    summary: {
      kind: 'note',
      label: 'Evidence summary',
      maxLength: 8000,
      required: true,
      freeText: true,
    },
    evidenceClass: {
      kind: 'choice',
      label: 'Class',
      choices: evidenceClasses,
      required: true,
      indexed: true,
    },
    lineOfEnquiry: { kind: 'choice', label: 'Line of enquiry', choices: linesOfEnquiry },
    partnerIds: { kind: 'refs', label: 'Partners', list: 'partners' },
    observationIds: { kind: 'refs', label: 'Observations', list: 'observations' },
    sources: { kind: 'multiChoice', label: 'Sources', choices: evidenceSources },
  },
} as const satisfies ListSchema;
