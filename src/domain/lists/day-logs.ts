import type { ListSchema } from './columns.js';

export const dayLogs = {
  title: 'CF Day Log',
  description: 'Days the scrutineer worked, against a plan activity.',
  columns: {
    planId: { kind: 'ref', label: 'Plan', list: 'plans', required: true, indexed: true },
    activityId: {
      kind: 'ref',
      label: 'Activity',
      list: 'planActivities',
      required: true,
      indexed: true,
    },
    date: { kind: 'date', label: 'Date', required: true, indexed: true },
    days: { kind: 'number', label: 'Days', min: 0.25, max: 2, required: true },
    note: { kind: 'text', label: 'Note', maxLength: 255, freeText: true },
    /** Client-generated, so a resent entry is never counted twice. */
    idempotencyKey: {
      kind: 'text',
      label: 'Idempotency key',
      maxLength: 100,
      indexed: true,
      unique: true,
    },
  },
} as const satisfies ListSchema;
