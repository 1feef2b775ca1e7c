import type { ListSchema } from './columns.js';

/** `held`: kept here (the embedded mailer sends nothing); `sent`/`failed`: a mail service's answer. */
export const emailStatuses = ['held', 'sent', 'failed'] as const;
export type EmailStatus = (typeof emailStatuses)[number];

export const emailOutbox = {
  title: 'CF Email Outbox',
  description:
    'Emails the app has written (links for people Teams cannot reach), for the business unit to read or pass on.',
  columns: {
    /** What the email is for (e.g. `response-link:<linkId>`): the same email is written once. */
    messageKey: {
      kind: 'text',
      label: 'Message key',
      maxLength: 200,
      required: true,
      indexed: true,
      unique: true,
    },
    to: { kind: 'text', label: 'To', maxLength: 255, required: true },
    subject: { kind: 'text', label: 'Subject', maxLength: 255, required: true },
    body: { kind: 'note', label: 'Body', maxLength: 8000, required: true },
    status: {
      kind: 'choice',
      label: 'Status',
      choices: emailStatuses,
      required: true,
      indexed: true,
    },
    recommendationId: {
      kind: 'ref',
      label: 'Recommendation',
      list: 'recommendations',
      indexed: true,
    },
  },
} as const satisfies ListSchema;
