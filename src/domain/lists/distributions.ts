import type { ListSchema } from './columns.js';
import { distributionRecipients } from '../vocabulary.js';

/** When a signed-off yearly report went to whom: the distribution log. */
export const distributions = {
  title: 'CF Report Distributions',
  description:
    'When each yearly report was sent to the national Panel, to Foundations and to others.',
  columns: {
    reportId: {
      kind: 'ref',
      label: 'Report',
      list: 'yearlyReports',
      required: true,
      indexed: true,
    },
    recipient: {
      kind: 'choice',
      label: 'Sent to',
      choices: distributionRecipients,
      required: true,
    },
    /** Named only when the recipient is `other`. */
    recipientName: { kind: 'text', label: 'Recipient name', maxLength: 200, freeText: true },
    sentOn: { kind: 'date', label: 'Sent on', required: true },
    note: { kind: 'text', label: 'Note', maxLength: 255, freeText: true },
    recordedById: { kind: 'ref', label: 'Recorded by', list: 'people', required: true },
    distributionKey: {
      kind: 'text',
      label: 'Distribution key',
      maxLength: 120,
      required: true,
      indexed: true,
      unique: true,
    },
  },
} as const satisfies ListSchema;
