import { describe, expect, it } from 'vitest';
import type { CaseReviewClock } from '../../../src/domain/case-review-clocks.js';
import type { Observation, WithId } from '../../../src/domain/lists/schema.js';
import type { TrackerView } from '../../../src/domain/tracker-view.js';
import {
  buildYearlyReport,
  type YearlyReportInput,
} from '../../../src/domain/yearly-report/build.js';
import { reportPeriod } from '../../../src/domain/yearly-report/period.js';

const observation = (id: string, extra: Partial<Observation> = {}): WithId<Observation> => ({
  id,
  text: `Observation ${id} about the partnership's practice.`,
  evidenceClass: 'gone-well',
  source: 'meeting',
  observedAt: '2026-06-10T10:00:00+01:00',
  status: 'open',
  ...extra,
});

const verdict = (rag: 'red' | 'amber' | 'paused' | 'green', reason: string) => ({ rag, reason });

const tracker: TrackerView = {
  asAt: '2026-11-22T23:59:59.999Z',
  today: '2026-11-22',
  isPast: false,
  rules: { staleAfterWeeks: 6 },
  reach: 'all',
  totals: { red: 2, amber: 0, paused: 0, green: 0 },
  rows: [
    {
      recommendation: {
        id: 'r1',
        reference: 'HSCP-R-2026-01',
        title: 'Agree an escalation protocol',
        priority: 'high',
        responseDueDate: '2026-11-06',
        issuedAt: '2026-10-23T09:00:00+01:00',
        themes: [],
      },
      rag: verdict('red', 'Overdue by 3 days'),
      ageDays: 30,
      partners: [
        {
          partner: { id: 'p1', name: 'Eastshire Constabulary', kind: 'police' },
          rag: verdict('red', 'Response overdue by 16 days'),
          actions: [],
        },
        {
          partner: { id: 'p2', name: 'Harbourside Council', kind: 'local-authority' },
          rag: verdict('red', 'Overdue by 3 days'),
          response: {
            id: 's2',
            decision: 'accept',
            rationale: 'Agreed.',
            responderName: 'A lead',
            channel: 'teams-card',
            respondedAt: '2026-10-30T10:00:00Z',
            daysToRespond: 7,
          },
          actions: [
            {
              id: 'a1',
              description: 'Publish the protocol',
              targetDate: '2026-11-19',
              dueDate: '2026-11-19',
              status: 'open',
              progress: 40,
              rag: verdict('red', 'Overdue by 3 days'),
              daysOverdue: 3,
              daysSinceUpdate: 10,
              history: [],
              impactChecks: [],
            },
          ],
        },
      ],
    },
  ],
};

function input(extra: Partial<YearlyReportInput> = {}): YearlyReportInput {
  return {
    partnershipName: 'Harbourside Safeguarding Children Partnership',
    period: reportPeriod(2026),
    asAt: '2026-11-22',
    report: { status: 'draft', summaryJudgement: '' },
    partners: [
      { id: 'p1', name: 'Eastshire Constabulary', kind: 'police', homeTenantId: 't' },
    ] as YearlyReportInput['partners'],
    meetings: [
      {
        id: 'm1',
        title: 'Frontline visit: family hub',
        kind: 'frontline-visit',
        startsAt: '2026-06-10T09:00:00+01:00',
      },
    ],
    observations: [],
    findings: [],
    recommendations: [],
    tracker,
    dayLogs: [],
    caseReviews: [],
    disagreements: [],
    ...extra,
  };
}

describe('building the yearly statement', () => {
  it('takes only the period’s observations, and speaks of promoted ones through their finding', () => {
    const model = buildYearlyReport(
      input({
        observations: [
          observation('o1', { meetingId: 'm1', status: 'promoted', findingId: 'f1' }),
          observation('o2', { source: 'voice-of-children-and-families', evidenceClass: 'worry' }),
          observation('o3', { observedAt: '2026-03-20T10:00:00Z' }),
          observation('o4', { observedAt: '2026-12-01T10:00:00Z' }),
        ],
        findings: [
          {
            id: 'f1',
            title: 'Escalation works well',
            summary: 'Practitioners and audit agree.',
            evidenceClass: 'gone-well',
            lineOfEnquiry: 'training-effectiveness',
            observationIds: ['o1'],
            sources: ['audit'],
            createdAt: '2026-06-11T10:00:00Z',
          },
        ],
      }),
    );
    expect(model.goneWell.total).toBe(1);
    expect(model.goneWell.items[0]).toMatchObject({
      kind: 'finding',
      title: 'Escalation works well',
      sources: ['Audit', 'Meeting'],
      observations: 1,
    });
    expect(model.training.total).toBe(1);
    expect(model.worries.items.map((e) => e.text)).toEqual([
      "Observation o2 about the partnership's practice.",
    ]);
    expect(model.voice.total).toBe(1);
    // o3 is before the period and o4 after the as-at date.
    expect(model.method).toMatchObject({
      observations: 2,
      meetingsObserved: 1,
      frontlineVisits: 1,
    });
  });

  it('lists late responses, declines and red or paused actions as areas with little progress', () => {
    const model = buildYearlyReport(input());
    expect(model.recommendations).toHaveLength(1);
    expect(model.recommendations[0]?.partners.map((p) => p.response)).toEqual([
      'Awaiting response',
      'Accept',
    ]);
    expect(model.littleProgress.map((g) => [g.kind, g.partner])).toEqual([
      ['overdue-response', 'Eastshire Constabulary'],
      ['red-action', 'Harbourside Council'],
    ]);
  });

  it('counts the clocks met, late and overdue, and leaves out those that do not apply', () => {
    const clock = (
      name: CaseReviewClock['name'],
      state: CaseReviewClock['state'],
    ): CaseReviewClock => ({
      name,
      label: name,
      state,
    });
    const model = buildYearlyReport(
      input({
        caseReviews: [
          {
            code: 'HSCP-C-2026-14',
            clocks: [
              clock('notification', 'met'),
              clock('rapid-review', 'late'),
              clock('publication', 'not-applicable'),
            ],
          },
          {
            code: 'HSCP-C-2026-15',
            clocks: [
              clock('notification', 'overdue'),
              clock('rapid-review', 'waiting'),
              clock('publication', 'waiting'),
            ],
          },
        ],
      }),
    );
    expect(model.caseReviews.reviews[0]?.clocks).toHaveLength(2);
    expect(model.caseReviews.timeliness.map((t) => [t.name, t.met, t.late, t.overdue])).toEqual([
      ['notification', 1, 0, 1],
      ['rapid-review', 0, 1, 0],
      ['publication', 0, 0, 0],
    ]);
  });

  it('takes the disagreements open during the period, with the median days to resolution', () => {
    const d = (reference: string, raisedOn: string, resolvedOn?: string, days?: number) => ({
      id: reference,
      reference,
      partnerIds: ['p1'],
      matter: 'Thresholds for early help.',
      status: resolvedOn ? ('resolved' as const) : ('open' as const),
      raisedOn,
      ...(resolvedOn ? { resolvedOn, daysToResolution: days } : {}),
    });
    const model = buildYearlyReport(
      input({
        disagreements: [
          d('HSCP-D-2025-1', '2025-05-01', '2025-06-01', 31),
          d('HSCP-D-2026-1', '2026-05-01', '2026-05-11', 10),
          d('HSCP-D-2026-2', '2026-07-01', '2026-07-21', 20),
          d('HSCP-D-2026-3', '2026-09-01'),
        ],
      }),
    );
    expect(model.disagreements.items.map((x) => x.reference)).toEqual([
      'HSCP-D-2026-1',
      'HSCP-D-2026-2',
      'HSCP-D-2026-3',
    ]);
    expect(model.disagreements).toMatchObject({ resolved: 2, medianDaysToResolution: 15 });
  });
});
