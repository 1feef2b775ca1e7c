import type { ListSchema } from './columns.js';
import { meetingKinds } from '../vocabulary.js';

export const meetings = {
  title: 'CF Meetings',
  description: 'Meetings and visits the scrutineer observes.',
  columns: {
    title: { kind: 'text', label: 'Title', maxLength: 255, required: true, freeText: true },
    kind: { kind: 'choice', label: 'Kind', choices: meetingKinds, required: true, indexed: true },
    startsAt: { kind: 'dateTime', label: 'Starts', required: true, indexed: true },
    teamsMeetingId: {
      kind: 'text',
      label: 'Teams meeting id',
      maxLength: 255,
      indexed: true,
      unique: true,
    },
  },
} as const satisfies ListSchema;
