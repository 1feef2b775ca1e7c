import type { ListSchema } from './columns.js';
import { priorities, recommendationStatuses } from '../vocabulary.js';

export const recommendations = {
  title: 'CF Recommendations',
  description: 'Formal recommendations to the partnership and named partners.',
  columns: {
    reference: {
      kind: 'text',
      label: 'Reference',
      maxLength: 40,
      required: true,
      indexed: true,
      unique: true,
    },
    title: { kind: 'text', label: 'Title', maxLength: 255, required: true, freeText: true },
    text: {
      kind: 'note',
      label: 'Recommendation',
      maxLength: 8000,
      required: true,
      freeText: true,
    },
    priority: { kind: 'choice', label: 'Priority', choices: priorities, required: true },
    partnerIds: { kind: 'refs', label: 'Named partners', list: 'partners', required: true },
    findingIds: { kind: 'refs', label: 'Findings', list: 'findings' },
    responseDueDate: { kind: 'date', label: 'Response due', required: true, indexed: true },
    status: {
      kind: 'choice',
      label: 'Status',
      choices: recommendationStatuses,
      required: true,
      indexed: true,
    },
    issuedAt: { kind: 'dateTime', label: 'Issued' },
  },
} as const satisfies ListSchema;
