import type { ListSchema } from './columns.js';

export const cardDeliveries = {
  title: 'CF Card Deliveries',
  description: 'Each card sent to each person, so a resend or refresh finds it.',
  columns: {
    deliveryKey: {
      kind: 'text',
      label: 'Delivery key',
      maxLength: 200,
      required: true,
      indexed: true,
      unique: true,
    },
    recommendationId: {
      kind: 'ref',
      label: 'Recommendation',
      list: 'recommendations',
      required: true,
      indexed: true,
    },
    personId: { kind: 'ref', label: 'Recipient', list: 'people', required: true },
    status: {
      kind: 'choice',
      label: 'Status',
      choices: ['pending', 'sent', 'unreachable', 'failed'] as const,
      required: true,
      indexed: true,
    },
    activityId: { kind: 'text', label: 'Activity id', maxLength: 255 },
    detail: { kind: 'text', label: 'Detail', maxLength: 255 },
  },
} as const satisfies ListSchema;
