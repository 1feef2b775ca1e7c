import type { ListSchema } from './columns.js';
import { actionStatuses } from '../vocabulary.js';

export const actions = {
  title: 'CF Actions',
  description: 'What a partner committed to do in response.',
  columns: {
    recommendationId: {
      kind: 'ref',
      label: 'Recommendation',
      list: 'recommendations',
      required: true,
      indexed: true,
    },
    responseId: { kind: 'ref', label: 'Response', list: 'responses', required: true },
    partnerId: { kind: 'ref', label: 'Partner', list: 'partners', required: true, indexed: true },
    description: {
      kind: 'note',
      label: 'Action',
      maxLength: 2000,
      required: true,
      freeText: true,
    },
    ownerId: { kind: 'ref', label: 'Owner', list: 'people', indexed: true },
    targetDate: { kind: 'date', label: 'Target date', required: true, indexed: true },
    evidenceExpected: {
      kind: 'note',
      label: 'Evidence expected',
      maxLength: 2000,
      freeText: true,
    },
    status: {
      kind: 'choice',
      label: 'Status',
      choices: actionStatuses,
      required: true,
      indexed: true,
    },
    /** The response's key and the action's slot on the card: a retried submit writes it once. */
    actionKey: {
      kind: 'text',
      label: 'Action key',
      maxLength: 120,
      indexed: true,
      unique: true,
    },
  },
} as const satisfies ListSchema;
