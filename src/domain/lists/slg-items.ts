import type { ListSchema } from './columns.js';

/** Why a response goes to the Strategic Leadership Group: it is not a full acceptance. */
export const slgItemKinds = ['partial', 'decline'] as const;
export type SlgItemKind = (typeof slgItemKinds)[number];

export const slgItemStatuses = ['awaiting-ruling', 'ruled'] as const;
export type SlgItemStatus = (typeof slgItemStatuses)[number];

/** What the Strategic Leadership Group decided about a partial acceptance or a decline. */
export const slgRulingOutcomes = [
  'decline-upheld',
  'partner-to-reconsider',
  'recommendation-withdrawn',
  'recommendation-amended',
] as const;
export type SlgRulingOutcome = (typeof slgRulingOutcomes)[number];

export const slgRulingOutcomeLabels: Record<SlgRulingOutcome, string> = {
  'decline-upheld': 'Decline upheld',
  'partner-to-reconsider': 'Partner to reconsider',
  'recommendation-withdrawn': 'Recommendation withdrawn',
  'recommendation-amended': 'Recommendation amended',
};

export const slgItems = {
  title: 'CF SLG Items',
  description:
    "Partial acceptances and declines awaiting the Strategic Leadership Group's ruling: a decline is never silently dropped.",
  columns: {
    recommendationId: {
      kind: 'ref',
      label: 'Recommendation',
      list: 'recommendations',
      required: true,
      indexed: true,
    },
    partnerId: { kind: 'ref', label: 'Partner', list: 'partners', required: true },
    responseId: { kind: 'ref', label: 'Response', list: 'responses', required: true },
    kind: { kind: 'choice', label: 'Kind', choices: slgItemKinds, required: true },
    status: {
      kind: 'choice',
      label: 'Status',
      choices: slgItemStatuses,
      required: true,
      indexed: true,
    },
    /** The next SLG meeting after the response, when one is in the calendar. */
    meetingId: { kind: 'ref', label: 'SLG meeting', list: 'meetings', indexed: true },
    /** Set with the ruling; empty while the item awaits it. */
    outcome: { kind: 'choice', label: 'Outcome', choices: slgRulingOutcomes },
    rulingNote: { kind: 'note', label: 'Ruling', maxLength: 4000, freeText: true },
    ruledAt: { kind: 'dateTime', label: 'Ruled' },
    /** The response's key: one item per response, so a retried submit cannot refer it twice. */
    itemKey: {
      kind: 'text',
      label: 'Item key',
      maxLength: 100,
      required: true,
      indexed: true,
      unique: true,
    },
  },
} as const satisfies ListSchema;
