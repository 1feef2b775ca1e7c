import type { CaseReviewClock } from '../case-review-clocks.js';
import type {
  DayLog,
  Disagreement,
  Finding,
  Meeting,
  Observation,
  Partner,
  Plan,
  Recommendation,
  WithId,
} from '../lists/schema.js';
import { round2, sum } from '../plan-numbers.js';
import type { TrackerView } from '../tracker-view.js';
import { decisionLabels, meetingKinds, type ReportStatus } from '../vocabulary.js';
import type {
  CaseReviewSection,
  DisagreementSection,
  EvidenceItem,
  EvidenceList,
  MethodSection,
  ProgressGap,
  RecommendationLine,
  YearlyReportModel,
} from './model.js';
import { inPeriod, instantWithin, type ReportPeriod } from './period.js';
import { LISTED_PER_SECTION } from './sections.js';
import { meetingKindWords, sourceWords } from './words.js';

/** Everything the statement is drawn from, read by the use case; this module only selects. */
export interface YearlyReportInput {
  partnershipName: string;
  period: ReportPeriod;
  asAt: string;
  report: {
    status: ReportStatus;
    summaryJudgement: string;
    signedOff?: { at: string; byName: string };
  };
  partners: WithId<Partner>[];
  meetings: WithId<Meeting>[];
  observations: WithId<Observation>[];
  /** With the instant each was created: a finding has no date of its own. */
  findings: (WithId<Finding> & { createdAt: string })[];
  recommendations: WithId<Recommendation>[];
  /** The tracker as at `asAt`. */
  tracker: TrackerView;
  plan?: Plan | undefined;
  dayLogs: DayLog[];
  caseReviews: { code: string; assuranceNote?: string; clocks: CaseReviewClock[] }[];
  disagreements: (WithId<Disagreement> & { daysToResolution?: number | undefined })[];
}

export function buildYearlyReport(input: YearlyReportInput): YearlyReportModel {
  const { period } = input;
  const partnerName = nameOf(input.partners);
  const meetingById = new Map(input.meetings.map((m) => [m.id, m]));
  const untilAsAt = input.asAt < period.to ? input.asAt : period.to;
  const observations = input.observations.filter((o) =>
    instantWithin(o.observedAt, period.from, untilAsAt),
  );
  const inYear = new Set(observations.map((o) => o.id));
  const findings = input.findings.filter(
    (f) =>
      instantWithin(f.createdAt, period.from, untilAsAt) ||
      (f.observationIds ?? []).some((id) => inYear.has(id)),
  );
  const findingIds = new Set(findings.map((f) => f.id));
  // An observation drawn into a finding speaks through the finding.
  const loose = observations.filter((o) => !o.findingId || !findingIds.has(o.findingId));

  const evidence: EvidenceItem[] = [
    ...findings.map((f) => fromFinding(f, observations, partnerName)),
    ...loose.map((o) => fromObservation(o, meetingById, partnerName)),
  ].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const select = (keep: (e: EvidenceItem) => boolean): EvidenceList => {
    const all = evidence.filter(keep);
    return { total: all.length, items: all.slice(0, LISTED_PER_SECTION) };
  };

  const recommendations = recommendationLines(input);
  return {
    partnershipName: input.partnershipName,
    period,
    asAt: input.asAt,
    status: input.report.status,
    summaryJudgement: input.report.summaryJudgement,
    ...(input.report.signedOff ? { signedOff: input.report.signedOff } : {}),
    method: method(input, observations, meetingById, findings.length),
    goneWell: select((e) => e.evidenceClass === 'gone-well'),
    tooEarly: select((e) => e.evidenceClass === 'too-early'),
    worries: select((e) => e.evidenceClass === 'worry'),
    recommendations,
    littleProgress: progressGaps(input.tracker, new Set(recommendations.map((r) => r.reference))),
    caseReviews: caseReviews(input.caseReviews),
    voice: select(
      (e) =>
        e.lineOfEnquiry === 'voice-of-the-child' ||
        e.sources.includes(sourceWords['voice-of-children-and-families']),
    ),
    training: select((e) => e.lineOfEnquiry === 'training-effectiveness'),
    disagreements: disagreements(input, partnerName),
  };
}

const nameOf = (partners: WithId<Partner>[]) => {
  const names = new Map(partners.map((p) => [p.id, p.name]));
  return (id: string) => names.get(id) ?? 'Unknown partner';
};

function fromFinding(
  f: WithId<Finding> & { createdAt: string },
  observations: WithId<Observation>[],
  partnerName: (id: string) => string,
): EvidenceItem {
  const own = observations.filter((o) => (f.observationIds ?? []).includes(o.id));
  const sources = new Set([...(f.sources ?? []), ...own.map((o) => o.source)]);
  const dates = own.map((o) => o.observedAt.slice(0, 10)).sort();
  return {
    kind: 'finding',
    date: dates.at(-1) ?? f.createdAt.slice(0, 10),
    title: f.title,
    text: f.summary,
    evidenceClass: f.evidenceClass,
    ...(f.lineOfEnquiry ? { lineOfEnquiry: f.lineOfEnquiry } : {}),
    sources: [...sources].map((s) => sourceWords[s]),
    partners: (f.partnerIds ?? []).map(partnerName),
    observations: (f.observationIds ?? []).length,
  };
}

function fromObservation(
  o: WithId<Observation>,
  meetingById: Map<string, WithId<Meeting>>,
  partnerName: (id: string) => string,
): EvidenceItem {
  const meeting = o.meetingId ? meetingById.get(o.meetingId) : undefined;
  return {
    kind: 'observation',
    date: o.observedAt.slice(0, 10),
    text: o.text,
    evidenceClass: o.evidenceClass,
    ...(o.lineOfEnquiry ? { lineOfEnquiry: o.lineOfEnquiry } : {}),
    sources: [sourceWords[o.source]],
    partners: (o.partnerIds ?? []).map(partnerName),
    ...(meeting ? { meeting: meeting.title } : {}),
  };
}

function method(
  input: YearlyReportInput,
  observations: WithId<Observation>[],
  meetingById: Map<string, WithId<Meeting>>,
  findings: number,
): MethodSection {
  const observed = new Set(observations.flatMap((o) => (o.meetingId ? [o.meetingId] : [])));
  const kinds = [...observed].flatMap((id) => {
    const m = meetingById.get(id);
    return m ? [m.kind] : [];
  });
  const count = (kind: string) => kinds.filter((k) => k === kind).length;
  const used = round2(
    sum(input.dayLogs.filter((l) => inPeriod(l.date, input.period)).map((l) => l.days)),
  );
  return {
    meetingsByKind: meetingKinds
      .map((kind) => ({ kind, label: meetingKindWords[kind], count: count(kind) }))
      .filter((k) => k.count > 0),
    meetingsObserved: kinds.length,
    frontlineVisits: count('frontline-visit'),
    audits: count('audit'),
    observations: observations.length,
    findings,
    days: input.plan
      ? {
          contracted: input.plan.daysContracted,
          used,
          remaining: round2(input.plan.daysContracted - used),
          dayRate: input.plan.dayRate,
        }
      : null,
  };
}

/** Issued in the period, or issued earlier and still open: what the year's progress is about. */
function recommendationLines(input: YearlyReportInput): RecommendationLine[] {
  const status = new Map(input.recommendations.map((r) => [r.id, r.status]));
  return input.tracker.rows
    .filter((row) => {
      const issued = row.recommendation.issuedAt.slice(0, 10);
      if (issued > input.period.to) return false;
      return issued >= input.period.from || status.get(row.recommendation.id) !== 'closed';
    })
    .map((row) => ({
      reference: row.recommendation.reference,
      title: row.recommendation.title,
      priority: row.recommendation.priority,
      issuedOn: row.recommendation.issuedAt.slice(0, 10),
      rag: row.rag.rag,
      reason: row.rag.reason,
      partners: row.partners.map((p) => ({
        name: p.partner.name,
        response: p.response ? decisionLabels[p.response.decision] : 'Awaiting response',
        ...(p.response ? { respondedOn: p.response.respondedAt.slice(0, 10) } : {}),
        actions: p.actions.length,
        verified: p.actions.filter((a) => a.status === 'verified').length,
        rag: p.rag.rag,
        reason: p.rag.reason,
      })),
    }));
}

/** Red and paused actions, declines and late responses among the statement's recommendations. */
function progressGaps(tracker: TrackerView, references: Set<string>): ProgressGap[] {
  const gaps: ProgressGap[] = [];
  for (const row of tracker.rows) {
    const reference = row.recommendation.reference;
    if (!references.has(reference)) continue;
    for (const p of row.partners) {
      const partner = p.partner.name;
      if (!p.response) {
        if (p.rag.rag === 'red')
          gaps.push({
            kind: 'overdue-response',
            reference,
            partner,
            subject: row.recommendation.title,
            reason: p.rag.reason,
          });
        continue;
      }
      if (p.response.decision === 'decline')
        gaps.push({
          kind: 'decline',
          reference,
          partner,
          subject: row.recommendation.title,
          reason: p.rag.reason,
        });
      for (const a of p.actions) {
        if (a.rag.rag === 'red' || a.rag.rag === 'paused')
          gaps.push({
            kind: a.rag.rag === 'red' ? 'red-action' : 'paused-action',
            reference,
            partner,
            subject: a.description,
            reason: a.rag.reason,
          });
      }
    }
  }
  return gaps;
}

function caseReviews(reviews: YearlyReportInput['caseReviews']): CaseReviewSection {
  const lines = reviews.map((r) => ({
    code: r.code,
    clocks: r.clocks
      .filter((c) => c.state !== 'not-applicable')
      .map((c) => ({
        name: c.name,
        label: c.label,
        state: c.state,
        ...(c.dueOn ? { dueOn: c.dueOn } : {}),
        ...(c.doneOn ? { doneOn: c.doneOn } : {}),
        ...(c.late !== undefined ? { late: c.late } : {}),
        ...(c.lateUnit ? { lateUnit: c.lateUnit } : {}),
        ...(c.lateReason ? { lateReason: c.lateReason } : {}),
      })),
    ...(r.assuranceNote ? { assuranceNote: r.assuranceNote } : {}),
  }));
  const names = new Map<string, string>();
  for (const r of reviews) for (const c of r.clocks) names.set(c.name, c.label);
  const clocks = (['notification', 'rapid-review', 'publication'] as const).filter((n) =>
    names.has(n),
  );
  return {
    reviews: lines,
    timeliness: clocks.map((name) => {
      const states = lines.flatMap((r) => r.clocks.filter((c) => c.name === name));
      const n = (state: string) => states.filter((c) => c.state === state).length;
      return {
        name,
        label: names.get(name) ?? name,
        met: n('met'),
        late: n('late'),
        overdue: n('overdue'),
        running: n('running'),
      };
    }),
  };
}

function disagreements(
  input: YearlyReportInput,
  partnerName: (id: string) => string,
): DisagreementSection {
  const { from, to } = input.period;
  const items = input.disagreements
    .filter((d) => d.raisedOn <= to && (!d.resolvedOn || d.resolvedOn >= from))
    .sort((a, b) => (a.raisedOn < b.raisedOn ? -1 : 1))
    .map((d) => ({
      reference: d.reference,
      parties: d.partnerIds.map(partnerName),
      status: d.status,
      raisedOn: d.raisedOn,
      ...(d.resolvedOn ? { resolvedOn: d.resolvedOn } : {}),
      ...(d.daysToResolution !== undefined ? { daysToResolution: d.daysToResolution } : {}),
      ...(d.advice ? { advice: d.advice } : {}),
      ...(d.adviceOn ? { adviceOn: d.adviceOn } : {}),
    }));
  const days = items
    .flatMap((d) => (d.daysToResolution !== undefined ? [d.daysToResolution] : []))
    .sort((a, b) => a - b);
  return {
    items,
    resolved: days.length,
    medianDaysToResolution: median(days),
    withAdvice: items.filter((d) => d.advice).length,
  };
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return round2(value);
}
