import type { TrackerAction, TrackerView } from '../../../../../../src/domain/tracker-view';
import type { ScrutineerTask } from '../../../../../../src/domain/tracker-view';

// Fictional actions for the Harbourside demo partnership.
const base = {
  targetDate: '2026-09-30',
  dueDate: '2026-09-30',
  daysOverdue: 0,
  daysSinceUpdate: 3,
  history: [],
  impactChecks: [],
} satisfies Partial<TrackerAction>;

export const awaiting: TrackerAction = {
  ...base,
  id: 'action-1',
  description: 'Send audit summaries to the police sub-group',
  ownerName: 'Jo Marsh',
  status: 'done',
  progress: 100,
  rag: { rag: 'amber', reason: 'Done, awaiting verification' },
};

export const verified: TrackerAction = {
  ...base,
  id: 'action-2',
  description: 'Publish the escalation protocol',
  status: 'verified',
  progress: 100,
  verifiedAt: '2026-06-01T10:00:00.000Z',
  note: 'Saw the protocol on the partnership website.',
  rag: { rag: 'green', reason: 'Done and verified' },
  impactChecks: [
    {
      id: 'check-1',
      etag: '"check-1-1"',
      monthsAfter: 3,
      dueDate: '2026-09-01',
      status: 'scheduled',
    },
  ],
};

export const paused: TrackerAction = {
  ...base,
  id: 'action-3',
  description: 'Audit supervision records',
  status: 'paused',
  progress: 40,
  note: 'Waiting for the new case system.',
  rag: { rag: 'paused', reason: 'Paused: Waiting for the new case system.' },
};

export const open: TrackerAction = {
  ...base,
  id: 'action-4',
  description: 'Train front-door staff in escalation',
  status: 'open',
  progress: 20,
  rag: { rag: 'red', reason: 'No update for 7 weeks' },
};

export const tracker: TrackerView = {
  asAt: '2026-11-22T12:00:00.000Z',
  today: '2026-11-22',
  isPast: false,
  rules: { staleAfterWeeks: 6 },
  reach: 'all',
  totals: { red: 1, amber: 1, paused: 0, green: 0 },
  rows: [
    {
      recommendation: {
        id: 'rec-1',
        reference: 'HSCP-R-2026-01',
        title: 'Share audit learning with all partners',
        priority: 'high',
        responseDueDate: '2026-05-30',
        issuedAt: '2026-05-01T09:00:00.000Z',
        themes: ['quality-assurance-and-data'],
      },
      rag: { rag: 'red', reason: 'No update for 7 weeks' },
      ageDays: 205,
      partners: [
        {
          partner: { id: 'partner-police', name: 'Harbourside Police', kind: 'police' },
          rag: { rag: 'amber', reason: 'On track' },
          actions: [verified, awaiting, paused],
        },
        {
          partner: { id: 'partner-council', name: 'Harbourside Council', kind: 'local-authority' },
          rag: { rag: 'red', reason: 'No update for 7 weeks' },
          actions: [open],
        },
      ],
    },
  ],
};

export const tasks: ScrutineerTask[] = [
  {
    kind: 'impact-check',
    impactCheckId: 'check-9',
    actionId: 'action-9',
    recommendationReference: 'HSCP-R-2025-04',
    partnerName: 'Harbourside ICB',
    description: 'Run the neglect toolkit refresher',
    monthsAfter: 12,
    dueDate: '2027-03-01',
    due: false,
  },
  {
    kind: 'verify',
    actionId: 'action-1',
    recommendationReference: 'HSCP-R-2026-01',
    partnerName: 'Harbourside Police',
    description: 'Send audit summaries to the police sub-group',
    since: '2026-11-20T09:00:00.000Z',
  },
  {
    kind: 'impact-check',
    impactCheckId: 'check-1',
    actionId: 'action-2',
    recommendationReference: 'HSCP-R-2026-01',
    partnerName: 'Harbourside Police',
    description: 'Publish the escalation protocol',
    monthsAfter: 3,
    dueDate: '2026-09-01',
    due: true,
  },
];
