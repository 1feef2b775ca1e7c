import type { ListSchema } from './columns.js';
import { evidenceClasses, impactCheckStatuses } from '../vocabulary.js';

export const impactChecks = {
  title: 'CF Impact Checks',
  description:
    'Checks, months after an action was verified, that it made a difference; each lands on the scrutiny plan.',
  columns: {
    actionId: { kind: 'ref', label: 'Action', list: 'actions', required: true, indexed: true },
    recommendationId: {
      kind: 'ref',
      label: 'Recommendation',
      list: 'recommendations',
      required: true,
      indexed: true,
    },
    monthsAfter: {
      kind: 'number',
      label: 'Months after',
      min: 1,
      max: 24,
      integer: true,
      required: true,
    },
    dueDate: { kind: 'date', label: 'Due', required: true, indexed: true },
    /** The plan activity the check was put on, so its days count against the budget. */
    planActivityId: { kind: 'ref', label: 'Plan activity', list: 'planActivities' },
    status: {
      kind: 'choice',
      label: 'Status',
      choices: impactCheckStatuses,
      required: true,
      indexed: true,
    },
    outcomeClass: { kind: 'choice', label: 'Finding', choices: evidenceClasses },
    outcome: { kind: 'note', label: 'What the check found', maxLength: 4000, freeText: true },
    completedAt: { kind: 'dateTime', label: 'Completed' },
    /** Action and months: scheduling the same check twice stores it once. */
    checkKey: {
      kind: 'text',
      label: 'Check key',
      maxLength: 120,
      required: true,
      indexed: true,
      unique: true,
    },
  },
} as const satisfies ListSchema;
