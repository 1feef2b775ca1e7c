import type { ActionEventKind, ActionStatus } from '../../../../../src/domain/vocabulary';

/** Action statuses in the order the scrutineer works through them. */
export const statusOrder: readonly ActionStatus[] = [
  'done',
  'reopened',
  'open',
  'paused',
  'verified',
];

export const statusLabels: Record<ActionStatus, string> = {
  done: 'Awaiting verification',
  reopened: 'Reopened',
  open: 'Open',
  paused: 'Paused',
  verified: 'Verified',
};

/** The scrutineer's acts, as buttons and form names say them. */
export const actLabels: Record<ActionEventKind, string> = {
  verified: 'Verify',
  reopened: 'Reopen',
  paused: 'Pause',
  resumed: 'Resume',
};

/** Which acts the server allows from each status (it refuses the others with 409). */
export const actsFrom: Record<ActionStatus, readonly ActionEventKind[]> = {
  done: ['verified', 'reopened', 'paused'],
  verified: ['reopened'],
  open: ['paused'],
  reopened: ['paused'],
  paused: ['resumed'],
};

export const noteLabel = (kind: ActionEventKind) =>
  kind === 'verified' ? 'Evidence seen' : 'Reason';

export const noteHint: Record<ActionEventKind, string> = {
  verified:
    'What you saw that shows the action is done: documents, audits, conversations. Name no child or family.',
  reopened: 'Why the action is not done after all. Name no child or family.',
  paused: 'Why the action is paused, and until when if known. Name no child or family.',
  resumed: 'Why work on the action starts again. Name no child or family.',
};

export const doneText: Record<ActionEventKind, string> = {
  verified: 'verified',
  reopened: 'reopened',
  paused: 'paused',
  resumed: 'resumed',
};
