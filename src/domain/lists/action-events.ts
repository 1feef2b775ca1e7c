import type { ListSchema } from './columns.js';
import { actionEventKinds } from '../vocabulary.js';

export const actionEvents = {
  title: 'CF Action Events',
  description:
    "The scrutineer's acts on an action (verified, reopened, paused, resumed), with the evidence seen or the reason; never overwritten.",
  columns: {
    actionId: { kind: 'ref', label: 'Action', list: 'actions', required: true, indexed: true },
    kind: { kind: 'choice', label: 'Act', choices: actionEventKinds, required: true },
    /** Verified: the evidence the scrutineer saw. Reopened, paused, resumed: the reason. */
    note: {
      kind: 'note',
      label: 'Evidence seen or reason',
      maxLength: 4000,
      required: true,
      freeText: true,
    },
    byId: { kind: 'ref', label: 'By', list: 'people', required: true },
    at: { kind: 'dateTime', label: 'At', required: true, indexed: true },
    /** One per submitted act: a retried or double-clicked submit is stored once. */
    eventKey: {
      kind: 'text',
      label: 'Event key',
      maxLength: 120,
      required: true,
      indexed: true,
      unique: true,
    },
  },
} as const satisfies ListSchema;
