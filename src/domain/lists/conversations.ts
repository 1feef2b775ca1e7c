import type { ListSchema } from './columns.js';

export const conversations = {
  title: 'CF Conversations',
  description: 'Where the bot can reach each person in Teams (stored when the app is installed).',
  columns: {
    entraObjectId: {
      kind: 'text',
      label: 'Entra object id',
      maxLength: 36,
      required: true,
      indexed: true,
      unique: true,
    },
    tenantId: { kind: 'text', label: 'Tenant id', maxLength: 36, required: true },
    conversationId: { kind: 'note', label: 'Conversation id', maxLength: 1000, required: true },
    serviceUrl: { kind: 'note', label: 'Service URL', maxLength: 1000, required: true },
    reference: {
      kind: 'note',
      label: 'Conversation reference (JSON)',
      maxLength: 8000,
      required: true,
    },
  },
} as const satisfies ListSchema;
