import { defaultRagRules } from '../../../src/domain/rag.js';
import type { TrackerAction, TrackerView } from '../../../src/domain/tracker-view.js';

/** A small tracker as the view contract describes it (fictional Harbourside partners). */

const action = (over: Partial<TrackerAction>): TrackerAction => ({
  id: 'a1',
  description: 'Publish one escalation protocol for all partners',
  ownerName: 'Priya Shah',
  targetDate: '2026-09-30',
  dueDate: '2026-10-31',
  status: 'open',
  progress: 60,
  rag: { rag: 'red', reason: 'Overdue by 22 days' },
  daysOverdue: 22,
  daysSinceUpdate: 30,
  history: [],
  impactChecks: [],
  ...over,
});

export const trackerFixture: TrackerView = {
  asAt: '2026-11-22T12:00:00.000Z',
  today: '2026-11-22',
  isPast: false,
  rules: defaultRagRules,
  reach: 'all',
  totals: { red: 1, amber: 1, paused: 0, green: 1 },
  rows: [
    {
      recommendation: {
        id: 'r1',
        reference: 'HSCP-R-2026-01',
        title: 'Agree an escalation protocol',
        priority: 'high',
        responseDueDate: '2026-03-31',
        issuedAt: '2026-03-02T10:15:00.000Z',
        themes: ['voice-of-the-child', 'leadership'],
      },
      rag: { rag: 'red', reason: 'Overdue by 22 days' },
      ageDays: 265,
      partners: [
        {
          partner: { id: 'p1', name: 'Eastshire Constabulary', kind: 'police' },
          rag: { rag: 'red', reason: 'Overdue by 22 days' },
          response: {
            id: 'resp1',
            decision: 'partially-accept',
            rationale: 'We accept the protocol but not the timescale.',
            responderName: 'Aisha Noor',
            channel: 'teams-card',
            respondedAt: '2026-03-20T09:00:00.000Z',
            daysToRespond: 18,
          },
          actions: [
            action({
              history: [
                {
                  kind: 'update',
                  at: '2026-10-23T15:45:00.000Z',
                  byName: 'Priya Shah',
                  progress: 60,
                  narrative: 'Draft protocol agreed at the sub-group.',
                  revisedDate: '2026-10-31',
                  evidenceLink: 'https://harbourside.example/docs/protocol-draft',
                },
              ],
            }),
          ],
        },
        {
          partner: { id: 'p2', name: 'Harbourside City Council', kind: 'local-authority' },
          rag: { rag: 'green', reason: 'Done and verified' },
          response: {
            id: 'resp2',
            decision: 'accept',
            rationale: 'Agreed in full.',
            responderName: 'Tom Reyes',
            channel: 'tab',
            respondedAt: '2026-03-10T11:30:00.000Z',
            daysToRespond: 8,
          },
          actions: [
            action({
              id: 'a2',
              description: 'Train duty managers in the escalation route',
              status: 'verified',
              progress: 100,
              rag: { rag: 'green', reason: 'Done and verified' },
              daysOverdue: 0,
              daysSinceUpdate: 40,
              verifiedAt: '2026-10-14T13:00:00.000Z',
              note: 'Training register and feedback seen.',
              history: [
                {
                  kind: 'verified',
                  at: '2026-10-14T13:00:00.000Z',
                  byName: 'Sam Scrutineer',
                  note: 'Training register and feedback seen.',
                },
              ],
              impactChecks: [
                {
                  id: 'ic1',
                  etag: '"ic1,1"',
                  monthsAfter: 3,
                  dueDate: '2027-01-14',
                  status: 'scheduled',
                },
              ],
            }),
          ],
        },
      ],
    },
    {
      recommendation: {
        id: 'r2',
        reference: 'HSCP-R-2026-02',
        title: 'Hear from children in reviews',
        priority: 'medium',
        responseDueDate: '2026-12-31',
        issuedAt: '2026-11-01T09:00:00.000Z',
        themes: ['voice-of-the-child'],
      },
      rag: { rag: 'amber', reason: 'Awaiting response' },
      ageDays: 21,
      partners: [
        {
          partner: { id: 'p1', name: 'Eastshire Constabulary', kind: 'police' },
          rag: { rag: 'amber', reason: 'Awaiting response' },
          actions: [],
        },
      ],
    },
  ],
};
