import type { ListSchema } from './columns.js';

/**
 * The email-and-web route to a response, for someone Teams cannot reach: one signed, single-use
 * link per recommendation and person at a time (a new one only once the last has expired or been
 * used). The token in the link carries only the link's id and expiry; everything else is here.
 */
export const responseLinks = {
  title: 'CF Response Links',
  description:
    'Links emailed to partner leads whom Teams cannot reach, so they can respond on the web (signed in).',
  columns: {
    /** Random; the only thing the signed token names. */
    linkId: {
      kind: 'text',
      label: 'Link id',
      maxLength: 64,
      required: true,
      indexed: true,
      unique: true,
    },
    /** recommendation + person + generation: two racing offers write one link, never two. */
    offerKey: {
      kind: 'text',
      label: 'Offer key',
      maxLength: 220,
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
    partnerId: { kind: 'ref', label: 'Partner', list: 'partners', required: true },
    personId: { kind: 'ref', label: 'Sent to', list: 'people', required: true },
    expiresAt: { kind: 'dateTime', label: 'Expires', required: true },
    /** Set once, when the response made through the link is recorded. */
    usedAt: { kind: 'dateTime', label: 'Used' },
    responseId: { kind: 'ref', label: 'Response', list: 'responses' },
    /** When the email with the link was handed to the mailer. */
    emailedAt: { kind: 'dateTime', label: 'Emailed' },
  },
} as const satisfies ListSchema;
