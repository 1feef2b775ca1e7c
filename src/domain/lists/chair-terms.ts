import type { ListSchema } from './columns.js';

export const chairTerms = {
  title: 'CF Chair Terms',
  description:
    'Who holds the partnership chair, and from when: the chair rotates, and escalation goes to whoever holds it on the day.',
  columns: {
    personId: { kind: 'ref', label: 'Chair', list: 'people', required: true },
    startsOn: { kind: 'date', label: 'From', required: true, indexed: true },
    /** Empty while the term runs. */
    endsOn: { kind: 'date', label: 'Until' },
  },
} as const satisfies ListSchema;
