import type { ListSchema } from './columns.js';
import { lcsprDecisions } from '../vocabulary.js';

/** A case review named only by the partnership's code: nothing here may identify a child. */
export const caseReviews = {
  title: 'CF Case Reviews',
  description:
    'Serious incidents and the statutory clocks that follow: notification, rapid review, local practice review. Codes only.',
  columns: {
    code: {
      kind: 'text',
      label: 'Case code',
      maxLength: 40,
      required: true,
      indexed: true,
      unique: true,
    },
    /** The day the partnership became aware of the serious incident: the notification clock's start. */
    awareOn: { kind: 'date', label: 'Aware on', required: true, indexed: true },
    notifiedOn: { kind: 'date', label: 'Panel notified on' },
    notificationLateReason: {
      kind: 'note',
      label: 'Why the notification was late',
      maxLength: 2000,
      freeText: true,
    },
    rapidReviewOn: { kind: 'date', label: 'Rapid review completed on' },
    rapidReviewLateReason: {
      kind: 'note',
      label: 'Why the rapid review was late',
      maxLength: 2000,
      freeText: true,
    },
    lcsprDecision: {
      kind: 'choice',
      label: 'Local practice review',
      choices: lcsprDecisions,
      required: true,
    },
    decisionOn: { kind: 'date', label: 'Decided on' },
    publishedOn: { kind: 'date', label: 'Review published on' },
    publicationLateReason: {
      kind: 'note',
      label: 'Why publication was late',
      maxLength: 2000,
      freeText: true,
    },
    assuranceNote: {
      kind: 'note',
      label: "Scrutineer's assurance note",
      maxLength: 4000,
      freeText: true,
    },
  },
} as const satisfies ListSchema;
