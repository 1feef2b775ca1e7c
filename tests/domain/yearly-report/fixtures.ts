import type { EvidenceItem, YearlyReportModel } from '../../../src/domain/yearly-report/model.js';
import { reportPeriod } from '../../../src/domain/yearly-report/period.js';

export const evidenceItem = (extra: Partial<EvidenceItem> = {}): EvidenceItem => ({
  kind: 'observation',
  date: '2026-06-10',
  text: 'Practitioners described the new escalation route as clear and quick.',
  evidenceClass: 'gone-well',
  sources: ['Meeting'],
  partners: [],
  ...extra,
});

const none = { total: 0, items: [] };

/** An empty statement for 2026/27: every section starts from nothing. */
export function emptyModel(extra: Partial<YearlyReportModel> = {}): YearlyReportModel {
  return {
    partnershipName: 'Harbourside Safeguarding Children Partnership',
    period: reportPeriod(2026),
    asAt: '2026-11-22',
    status: 'draft',
    summaryJudgement: '',
    method: {
      meetingsByKind: [],
      meetingsObserved: 0,
      frontlineVisits: 0,
      audits: 0,
      observations: 0,
      findings: 0,
      days: null,
    },
    goneWell: none,
    tooEarly: none,
    worries: none,
    recommendations: [],
    littleProgress: [],
    caseReviews: { reviews: [], timeliness: [] },
    voice: none,
    training: none,
    disagreements: { items: [], resolved: 0, medianDaysToResolution: null, withAdvice: 0 },
    ...extra,
  };
}
