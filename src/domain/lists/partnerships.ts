import type { ListSchema } from './columns.js';

export const partnerships = {
  title: 'CF Partnership',
  description: 'The partnership this site belongs to (one item).',
  columns: {
    name: { kind: 'text', label: 'Name', maxLength: 200, required: true },
    tenantId: { kind: 'text', label: 'Home tenant id', maxLength: 36, required: true },
    recommendationPrefix: {
      kind: 'text',
      label: 'Recommendation reference prefix',
      maxLength: 20,
      required: true,
    },
    caseCodePrefix: { kind: 'text', label: 'Case code prefix', maxLength: 20, required: true },
    /** How references are built, e.g. `{prefix}-R-{year}-{seq:2}`; empty means that default. */
    recommendationScheme: {
      kind: 'text',
      label: 'Recommendation reference scheme',
      maxLength: 60,
    },
  },
} as const satisfies ListSchema;
