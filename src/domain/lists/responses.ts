import type { ListSchema } from './columns.js';
import { channels, decisions } from '../vocabulary.js';

export const responses = {
  title: 'CF Responses',
  description: "Each named partner's response to a recommendation.",
  columns: {
    recommendationId: {
      kind: 'ref',
      label: 'Recommendation',
      list: 'recommendations',
      required: true,
      indexed: true,
    },
    partnerId: { kind: 'ref', label: 'Partner', list: 'partners', required: true },
    decision: { kind: 'choice', label: 'Decision', choices: decisions, required: true },
    rationale: {
      kind: 'note',
      label: 'Rationale',
      maxLength: 4000,
      required: true,
      freeText: true,
    },
    responderId: { kind: 'ref', label: 'Responder', list: 'people', required: true },
    responderTenantId: {
      kind: 'text',
      label: 'Responder home tenant',
      maxLength: 36,
      required: true,
    },
    channel: { kind: 'choice', label: 'Channel', choices: channels, required: true },
    respondedAt: { kind: 'dateTime', label: 'Responded', required: true },
    /** recommendation + partner: SharePoint itself refuses a second response. */
    responseKey: {
      kind: 'text',
      label: 'Response key',
      maxLength: 100,
      required: true,
      indexed: true,
      unique: true,
    },
  },
} as const satisfies ListSchema;
