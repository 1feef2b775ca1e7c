import { caseReviewClocks, caseReviewHolidaySpan } from '../../domain/case-review-clocks.js';
import { daysToResolution } from '../../domain/disagreements.js';
import type { YearlyReport } from '../../domain/lists/schema.js';
import type { RagRules } from '../../domain/rag.js';
import {
  buildYearlyReport,
  reportAsAt,
  reportPeriod,
  type YearlyReportModel,
} from '../../domain/yearly-report/index.js';
import type { Actor, Deps } from '../deps.js';
import type { HolidayCalendar } from '../ports/holidays.js';
import { londonDate } from './plan.js';
import { buildTrackerView } from './tracker.js';

/** The statement's model as the data stand now (or at the end of the period, once it is over). */
export async function gatherYearlyReport(
  deps: Deps,
  holidays: HolidayCalendar,
  actor: Actor,
  year: number,
  report: YearlyReport | undefined,
  options: { rules?: RagRules | undefined; signedOff?: { at: string; byName: string } } = {},
): Promise<YearlyReportModel> {
  const period = reportPeriod(year);
  const asAt = reportAsAt(period, londonDate(deps.now()));
  const repo = deps.repo;
  const [
    partnerships,
    partners,
    meetings,
    observations,
    findings,
    recommendations,
    plans,
    reviews,
    disagreements,
    tracker,
  ] = await Promise.all([
    repo.all('partnerships'),
    repo.all('partners'),
    repo.all('meetings'),
    repo.all('observations'),
    repo.all('findings'),
    repo.all('recommendations'),
    repo.all('plans', { field: 'reportingYear', equals: year }),
    repo.all('caseReviews'),
    repo.all('disagreements'),
    buildTrackerView(deps, actor, { asAt, ...(options.rules ? { rules: options.rules } : {}) }),
  ]);
  const plan = plans[0];
  const dayLogs = plan ? await repo.all('dayLogs', { field: 'planId', equals: plan.id }) : [];

  // Reviews aware of by the as-at date; the clocks as they stood then.
  const known = reviews.filter((r) => r.fields.awareOn <= asAt);
  const spans = known.map((r) => caseReviewHolidaySpan(r.fields, asAt));
  const holidaySet =
    spans.length > 0
      ? await holidays.holidaysBetween(
          spans.map((s) => s.from).sort()[0] ?? asAt,
          spans
            .map((s) => s.to)
            .sort()
            .at(-1) ?? asAt,
        )
      : new Set<string>();
  const caseReviews = known
    .map((r) => ({ review: r.fields, clocks: caseReviewClocks(r.fields, asAt, holidaySet) }))
    .filter(
      ({ clocks }) =>
        clocks.some((c) => c.state === 'running' || c.state === 'overdue') ||
        clocks.some((c) =>
          [c.startsOn, c.dueOn, c.doneOn].some((d) => !!d && d >= period.from && d <= period.to),
        ),
    )
    .sort((a, b) => (a.review.awareOn < b.review.awareOn ? -1 : 1))
    .map(({ review, clocks }) => ({
      code: review.code,
      ...(review.assuranceNote ? { assuranceNote: review.assuranceNote } : {}),
      clocks,
    }));

  return buildYearlyReport({
    partnershipName: partnerships[0]?.fields.name ?? 'The partnership',
    period,
    asAt,
    report: {
      status: report?.status ?? 'draft',
      summaryJudgement: report?.summaryJudgement ?? '',
      ...(options.signedOff ? { signedOff: options.signedOff } : {}),
    },
    partners: partners.map((p) => ({ ...p.fields, id: p.id })),
    meetings: meetings.map((m) => ({ ...m.fields, id: m.id })),
    observations: observations.map((o) => ({ ...o.fields, id: o.id })),
    findings: findings.map((f) => ({ ...f.fields, id: f.id, createdAt: f.createdAt })),
    recommendations: recommendations.map((r) => ({ ...r.fields, id: r.id })),
    tracker,
    plan: plan?.fields,
    dayLogs: dayLogs.map((l) => l.fields),
    caseReviews,
    disagreements: disagreements.map((d) => ({
      ...d.fields,
      id: d.id,
      daysToResolution: daysToResolution(d.fields),
    })),
  });
}
