import type { YearlyReportModel } from '../../../src/domain/yearly-report/model.js';
import { emptyModel, evidenceItem } from '../../domain/yearly-report/fixtures.js';

/** A statement with something in every section: fictional Harbourside evidence, codes only. */
export function fullModel(extra: Partial<YearlyReportModel> = {}): YearlyReportModel {
  const finding = evidenceItem({
    kind: 'finding',
    title: 'Escalation works well',
    text: 'Practitioners and the audit agree the escalation route is clear and quick.',
    sources: ['Audit', 'Practitioners'],
    partners: ['Eastshire Constabulary'],
    observations: 3,
  });
  return emptyModel({
    method: {
      meetingsByKind: [
        { kind: 'strategic-leadership-group', label: 'Strategic Leadership Group', count: 3 },
        { kind: 'frontline-visit', label: 'Frontline visits', count: 2 },
      ],
      meetingsObserved: 5,
      frontlineVisits: 2,
      audits: 0,
      observations: 12,
      findings: 4,
      days: { contracted: 24, used: 9.5, remaining: 14.5, dayRate: 650 },
    },
    goneWell: { total: 2, items: [finding, evidenceItem()] },
    tooEarly: {
      total: 1,
      items: [
        evidenceItem({ evidenceClass: 'too-early', text: 'The new training offer has started.' }),
      ],
    },
    worries: {
      total: 1,
      items: [
        evidenceItem({
          evidenceClass: 'worry',
          text: 'Attendance at strategy discussions is patchy.',
        }),
      ],
    },
    recommendations: [
      {
        reference: 'HSCP-R-2026-01',
        title: 'Agree an escalation protocol',
        priority: 'high',
        issuedOn: '2026-10-23',
        rag: 'red',
        reason: 'Overdue by 3 days',
        partners: [
          {
            name: 'Eastshire Constabulary',
            response: 'Accept',
            respondedOn: '2026-10-30',
            actions: 2,
            verified: 1,
            rag: 'red',
            reason: 'Overdue by 3 days',
          },
          {
            name: 'Harbourside Council',
            response: 'Awaiting response',
            actions: 0,
            verified: 0,
            rag: 'amber',
            reason: 'Awaiting response',
          },
        ],
      },
    ],
    littleProgress: [
      {
        kind: 'red-action',
        reference: 'HSCP-R-2026-01',
        partner: 'Eastshire Constabulary',
        subject: 'Publish the escalation protocol',
        reason: 'Overdue by 3 days',
      },
    ],
    caseReviews: {
      reviews: [
        {
          code: 'HSCP-C-2026-14',
          clocks: [
            {
              name: 'notification',
              label: 'Notification',
              state: 'met',
              dueOn: '2026-05-08',
              doneOn: '2026-05-06',
            },
            {
              name: 'rapid-review',
              label: 'Rapid review',
              state: 'late',
              dueOn: '2026-05-27',
              doneOn: '2026-05-29',
              late: 2,
              lateUnit: 'working days',
              lateReason: 'The health chronology arrived late.',
            },
          ],
          assuranceNote: 'The partners have changed how chronologies are requested.',
        },
      ],
      timeliness: [
        { name: 'notification', label: 'Notification', met: 1, late: 0, overdue: 0, running: 0 },
        { name: 'rapid-review', label: 'Rapid review', met: 0, late: 1, overdue: 0, running: 0 },
      ],
    },
    voice: {
      total: 1,
      items: [
        evidenceItem({
          text: 'Young people said their plans were explained to them.',
          sources: ['Children and families'],
        }),
      ],
    },
    training: {
      total: 1,
      items: [
        evidenceItem({
          lineOfEnquiry: 'training-effectiveness',
          text: 'Staff used the neglect tool after training.',
        }),
      ],
    },
    disagreements: {
      items: [
        {
          reference: 'HSCP-D-2026-1',
          parties: ['Eastshire Constabulary', 'Harbourside Council'],
          status: 'resolved',
          raisedOn: '2026-07-01',
          resolvedOn: '2026-07-21',
          daysToResolution: 20,
          advice: 'Agree thresholds at the next sub-group, with the chair.',
          adviceOn: '2026-07-08',
        },
      ],
      resolved: 1,
      medianDaysToResolution: 20,
      withAdvice: 1,
    },
    ...extra,
  });
}
