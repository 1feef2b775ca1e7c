import type { ListSchema } from './columns.js';
import {
  evidenceClasses,
  evidenceSources,
  linesOfEnquiry,
  observationStatuses,
} from '../observation-vocabulary.js';

export const observations = {
  title: 'CF Observations',
  description: 'What the scrutineer saw or heard, as it happened.',
  columns: {
    text: { kind: 'note', label: 'Observation', maxLength: 4000, required: true, freeText: true },
    evidenceClass: {
      kind: 'choice',
      label: 'Class',
      choices: evidenceClasses,
      required: true,
      indexed: true,
    },
    lineOfEnquiry: { kind: 'choice', label: 'Line of enquiry', choices: linesOfEnquiry },
    partnerIds: { kind: 'refs', label: 'Partners concerned', list: 'partners' },
    source: { kind: 'choice', label: 'Source', choices: evidenceSources, required: true },
    meetingId: { kind: 'ref', label: 'Meeting', list: 'meetings', indexed: true },
    observedAt: { kind: 'dateTime', label: 'Observed', required: true, indexed: true },
    status: {
      kind: 'choice',
      label: 'Status',
      choices: observationStatuses,
      required: true,
      indexed: true,
    },
    findingId: { kind: 'ref', label: 'Finding', list: 'findings', indexed: true },
    /** Client-generated, so a resent observation is never stored twice. */
    idempotencyKey: {
      kind: 'text',
      label: 'Idempotency key',
      maxLength: 100,
      indexed: true,
      unique: true,
    },
  },
} as const satisfies ListSchema;
