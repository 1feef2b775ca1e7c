import type { ListSchema } from './columns.js';

export const reminderStages = [
  'reminder',
  'overdue',
  'escalation-dsp',
  'escalation-chair',
  'escalation-lsp',
] as const;
export const reminderRoles = ['owner', 'dsp', 'chair', 'lsp'] as const;

export const reminderNotices = {
  title: 'CF Reminder Notices',
  description:
    'Who was reminded of, or had escalated to them, which response or action, at which stage and on which day: each is given once.',
  columns: {
    /** Item, due date, stage and person: a repeated run finds this row instead of telling twice. */
    noticeKey: {
      kind: 'text',
      label: 'Notice key',
      maxLength: 255,
      required: true,
      indexed: true,
      unique: true,
    },
    subjectKind: {
      kind: 'choice',
      label: 'About',
      choices: ['response', 'action'],
      required: true,
    },
    /** The recommendation (a response due) or the action. */
    subjectId: { kind: 'text', label: 'Item', maxLength: 100, required: true, indexed: true },
    partnerId: { kind: 'ref', label: 'Partner', list: 'partners', required: true },
    dueDate: { kind: 'date', label: 'Due', required: true },
    stage: { kind: 'choice', label: 'Stage', choices: reminderStages, required: true },
    stageKey: { kind: 'text', label: 'Stage key', maxLength: 40, required: true },
    personId: { kind: 'ref', label: 'Told', list: 'people', required: true, indexed: true },
    role: { kind: 'choice', label: 'As', choices: reminderRoles, required: true },
    workingDaysToDue: { kind: 'number', label: 'Working days to due', integer: true },
    /** Person ids it had been escalated to by then, comma-separated, in chain order. */
    escalatedTo: { kind: 'text', label: 'Escalated to', maxLength: 255 },
    /** The digest card that carries it (its card ledger key). */
    deliveryKey: { kind: 'text', label: 'Digest', maxLength: 200, required: true, indexed: true },
    date: { kind: 'date', label: 'Day', required: true, indexed: true },
  },
} as const satisfies ListSchema;
