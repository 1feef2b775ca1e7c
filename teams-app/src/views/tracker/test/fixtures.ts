import type { DashboardView, TrackerView } from '../../../../../src/domain/tracker-view';

const council = {
  id: 'partner-council',
  name: 'Harbourside Council',
  kind: 'local-authority' as const,
};
const police = { id: 'partner-police', name: 'Harbourside Police', kind: 'police' as const };
const icb = { id: 'partner-icb', name: 'Harbourside ICB', kind: 'health' as const };

/** A tracker with two recommendations: one red for the police, one green for the ICB. */
export const trackerView: TrackerView = {
  asAt: '2026-11-22T13:00:00.000Z',
  today: '2026-11-22',
  isPast: false,
  rules: { staleAfterWeeks: 6 },
  reach: 'all',
  totals: { red: 1, amber: 1, paused: 0, green: 1 },
  rows: [
    {
      recommendation: {
        id: 'rec-1',
        reference: 'HSCP-R-2026-01',
        title: 'Agree one multi-agency audit schedule',
        priority: 'high',
        responseDueDate: '2026-06-12',
        issuedAt: '2026-05-15T10:00:00.000Z',
        themes: ['quality-assurance-and-data'],
      },
      rag: { rag: 'red', reason: 'Overdue by 12 days' },
      ageDays: 191,
      partners: [
        {
          partner: council,
          rag: { rag: 'amber', reason: 'Awaiting response' },
          actions: [],
        },
        {
          partner: police,
          rag: { rag: 'red', reason: 'Overdue by 12 days' },
          response: {
            id: 'resp-1',
            decision: 'partially-accept',
            rationale: 'We accept the schedule but not the date; budget setting is in July.',
            responderName: 'Alex Fictional',
            channel: 'teams-card',
            respondedAt: '2026-05-20T14:30:00.000Z',
            daysToRespond: 5,
          },
          actions: [
            {
              id: 'action-1',
              description: 'Publish the joint audit calendar',
              ownerName: 'Pat Police-Lead',
              targetDate: '2026-10-01',
              dueDate: '2026-11-10',
              status: 'open',
              progress: 40,
              rag: { rag: 'red', reason: 'Overdue by 12 days' },
              daysOverdue: 12,
              daysSinceUpdate: 30,
              history: [
                {
                  kind: 'update',
                  at: '2026-09-01T09:00:00.000Z',
                  byName: 'Pat Police-Lead',
                  progress: 20,
                  narrative: 'Draft calendar shared with the council.',
                },
                {
                  kind: 'update',
                  at: '2026-10-23T09:00:00.000Z',
                  byName: 'Pat Police-Lead',
                  progress: 40,
                  narrative: 'Waiting for the health dates.',
                  revisedDate: '2026-11-10',
                  evidenceLink: 'https://harbourside.example/calendar',
                },
              ],
              impactChecks: [],
            },
          ],
        },
      ],
    },
    {
      recommendation: {
        id: 'rec-2',
        reference: 'HSCP-R-2026-02',
        title: 'Train staff on hearing the child',
        priority: 'medium',
        responseDueDate: '2026-07-01',
        issuedAt: '2026-06-01T10:00:00.000Z',
        themes: ['voice-of-the-child'],
      },
      rag: { rag: 'green', reason: 'Done and verified' },
      ageDays: 174,
      partners: [
        {
          partner: icb,
          rag: { rag: 'green', reason: 'Done and verified' },
          response: {
            id: 'resp-2',
            decision: 'accept',
            rationale: 'Agreed: the safeguarding team will run it.',
            responderName: 'Jo Fictional',
            channel: 'tab',
            respondedAt: '2026-06-10T10:00:00.000Z',
            daysToRespond: 9,
          },
          actions: [
            {
              id: 'action-2',
              description: 'Run two training sessions',
              targetDate: '2026-09-30',
              dueDate: '2026-09-30',
              status: 'verified',
              progress: 100,
              rag: { rag: 'green', reason: 'Done and verified' },
              daysOverdue: 0,
              daysSinceUpdate: 60,
              verifiedAt: '2026-10-05T10:00:00.000Z',
              note: 'Attendance lists and feedback seen.',
              history: [
                {
                  kind: 'update',
                  at: '2026-09-20T10:00:00.000Z',
                  byName: 'Jo Fictional',
                  progress: 100,
                  narrative: 'Both sessions held.',
                },
                {
                  kind: 'verified',
                  at: '2026-10-05T10:00:00.000Z',
                  byName: 'Sam Scrutineer',
                  note: 'Attendance lists and feedback seen.',
                },
              ],
              impactChecks: [
                {
                  id: 'ic-1',
                  etag: '"ic-1,1"',
                  monthsAfter: 6,
                  dueDate: '2027-04-05',
                  status: 'scheduled',
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

export const dashboardView: DashboardView = {
  asAt: '2026-11-22T13:00:00.000Z',
  today: '2026-11-22',
  isPast: false,
  headline: {
    recommendations: 2,
    openActions: 1,
    overdueActions: 1,
    awaitingVerification: 0,
    verifiedActions: 1,
  },
  ragByPartner: [
    {
      key: 'partner-council',
      label: 'Harbourside Council',
      counts: { red: 0, amber: 1, paused: 0, green: 0 },
    },
    {
      key: 'partner-police',
      label: 'Harbourside Police',
      counts: { red: 2, amber: 1, paused: 1, green: 3 },
    },
    {
      key: 'partner-icb',
      label: 'Harbourside ICB',
      counts: { red: 0, amber: 0, paused: 0, green: 1 },
    },
  ],
  ragByTheme: [
    {
      key: 'voice-of-the-child',
      label: 'Voice of the child',
      counts: { red: 0, amber: 0, paused: 0, green: 1 },
    },
  ],
  ragByPriority: [
    { key: 'high', label: 'High', counts: { red: 1, amber: 1, paused: 0, green: 0 } },
    { key: 'medium', label: 'Medium', counts: { red: 0, amber: 0, paused: 0, green: 1 } },
  ],
  overdueAgeing: [
    { band: '1-30', label: '1 to 30 days', count: 4 },
    { band: '31-60', label: '31 to 60 days', count: 2 },
    { band: '61-90', label: '61 to 90 days', count: 0 },
    { band: '91+', label: 'More than 90 days', count: 1 },
  ],
  responseTimes: [
    {
      partnerId: 'partner-council',
      label: 'Harbourside Council',
      medianDays: null,
      responded: 0,
      awaiting: 1,
      late: 1,
    },
    {
      partnerId: 'partner-police',
      label: 'Harbourside Police',
      medianDays: 5,
      responded: 3,
      awaiting: 1,
      late: 0,
    },
  ],
  acceptance: [
    {
      partnerId: 'partner-police',
      label: 'Harbourside Police',
      accept: 3,
      partiallyAccept: 1,
      decline: 1,
    },
    {
      partnerId: 'partner-icb',
      label: 'Harbourside ICB',
      accept: 1,
      partiallyAccept: 0,
      decline: 0,
    },
  ],
  days: { year: 2026, budget: 30, used: 12.5, remaining: 17.5 },
};
