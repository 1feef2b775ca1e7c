import type { ListSchema } from './columns.js';

/** Why the last try did not end in a card (kept to explain the status, never a user's words). */
export const deliveryErrors = [
  'throttled',
  'server-error',
  'timeout',
  'connection',
  'interrupted',
  'blocked',
  'not-installed',
  'rejected',
  'not-confirmed',
] as const;
export type DeliveryError = (typeof deliveryErrors)[number];

export const cardDeliveries = {
  title: 'CF Card Deliveries',
  description:
    'Each card to each person: the outbox the delivery worker sends from, and the record of what Teams said.',
  columns: {
    /** What the card is: a recommendation to respond to (the default), or a reminder digest. */
    kind: { kind: 'choice', label: 'Card', choices: ['recommendation', 'digest'] as const },
    /** recommendation id + person id (a digest: person + day): a re-issue or a retry finds this
     *  row instead of adding one. */
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
      indexed: true,
    },
    personId: { kind: 'ref', label: 'Recipient', list: 'people', required: true },
    /** Whose part of the recommendation the card is about. */
    partnerId: { kind: 'ref', label: 'Partner', list: 'partners' },
    status: {
      kind: 'choice',
      label: 'Status',
      choices: ['pending', 'sent', 'unreachable', 'failed'] as const,
      required: true,
      indexed: true,
    },
    activityId: { kind: 'text', label: 'Activity id', maxLength: 255 },
    detail: { kind: 'text', label: 'Detail', maxLength: 255 },
    /** Sends tried (a 429 does not count: Teams refused before doing anything). */
    attempts: { kind: 'number', label: 'Attempts', min: 0, integer: true },
    /** A pending row is not picked up before this. */
    nextAttemptAt: { kind: 'dateTime', label: 'Next attempt' },
    /** The worker holding the row, until leaseUntil; after that anyone may take it over. */
    leaseOwner: { kind: 'text', label: 'Lease owner', maxLength: 100 },
    leaseUntil: { kind: 'dateTime', label: 'Lease until' },
    /** Written before each send and cleared with its outcome: set on a row nobody holds means a
     *  worker stopped between sending and recording, so the card may have arrived. */
    inFlightSince: { kind: 'dateTime', label: 'Send started' },
    /** Teams did not say whether the last send arrived: reconcile before any resend. */
    uncertainSince: { kind: 'dateTime', label: 'Unconfirmed since' },
    lastError: { kind: 'choice', label: 'Last error', choices: deliveryErrors },
    sentAt: { kind: 'dateTime', label: 'Sent' },
  },
} as const satisfies ListSchema;
