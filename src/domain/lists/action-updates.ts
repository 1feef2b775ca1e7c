import type { ListSchema } from './columns.js';

export const actionUpdates = {
  title: 'CF Action Updates',
  description: 'Progress updates on actions; never overwritten.',
  columns: {
    actionId: { kind: 'ref', label: 'Action', list: 'actions', required: true, indexed: true },
    progress: {
      kind: 'number',
      label: 'Progress (%)',
      min: 0,
      max: 100,
      integer: true,
      required: true,
    },
    narrative: { kind: 'note', label: 'Update', maxLength: 4000, required: true, freeText: true },
    evidenceLink: { kind: 'note', label: 'Evidence link', maxLength: 1000 },
    revisedDate: { kind: 'date', label: 'Revised target date' },
    authorId: { kind: 'ref', label: 'Author', list: 'people', required: true },
    at: { kind: 'dateTime', label: 'At', required: true, indexed: true },
    /** One per submitted update card: a retried or double-clicked submit is stored once. */
    updateKey: {
      kind: 'text',
      label: 'Update key',
      maxLength: 120,
      indexed: true,
      unique: true,
    },
  },
} as const satisfies ListSchema;
