import type { ClockName, ClockState } from '../case-review-clocks.js';
import type { Rag } from '../rag.js';
import type {
  DisagreementStatus,
  EvidenceClass,
  LineOfEnquiry,
  MeetingKind,
  Priority,
  ReportStatus,
} from '../vocabulary.js';
import type { ReportPeriod } from './period.js';

/**
 * The Independent Scrutineer's statement for one reporting year, as data: what the renderer
 * turns into a Word document and what is frozen as JSON at sign-off. Dates are `YYYY-MM-DD`.
 */
export interface YearlyReportModel {
  partnershipName: string;
  period: ReportPeriod;
  /** The figures are as at the end of this day: the period's end, or today while it runs. */
  asAt: string;
  status: ReportStatus;
  /** The scrutineer's own words; empty until written. */
  summaryJudgement: string;
  signedOff?: { at: string; byName: string };
  method: MethodSection;
  goneWell: EvidenceList;
  tooEarly: EvidenceList;
  worries: EvidenceList;
  recommendations: RecommendationLine[];
  littleProgress: ProgressGap[];
  caseReviews: CaseReviewSection;
  voice: EvidenceList;
  training: EvidenceList;
  disagreements: DisagreementSection;
}

export interface MethodSection {
  meetingsByKind: { kind: MeetingKind; label: string; count: number }[];
  /** Meetings of every kind the scrutineer observed (filed observations at). */
  meetingsObserved: number;
  frontlineVisits: number;
  audits: number;
  observations: number;
  findings: number;
  /** From the year's scrutiny plan; null when there is none. */
  days: { contracted: number; used: number; remaining: number; dayRate: number } | null;
}

/** A piece of evidence: a finding (with the sources behind it) or an observation not yet in one. */
export interface EvidenceItem {
  kind: 'finding' | 'observation';
  date: string;
  title?: string;
  text: string;
  evidenceClass: EvidenceClass;
  lineOfEnquiry?: LineOfEnquiry;
  /** Where it came from, in words: "Frontline visit", "Audit"... */
  sources: string[];
  partners: string[];
  /** The meeting an observation was made at. */
  meeting?: string;
  /** For a finding: how many observations it draws on. */
  observations?: number;
}

/** Evidence for a section: every item is counted, the most recent few are listed. */
export interface EvidenceList {
  total: number;
  items: EvidenceItem[];
}

export interface RecommendationLine {
  reference: string;
  title: string;
  priority: Priority;
  issuedOn: string;
  rag: Rag;
  reason: string;
  partners: {
    name: string;
    /** 'Accept', 'Partially accept', 'Decline', or 'Awaiting response'. */
    response: string;
    respondedOn?: string;
    actions: number;
    verified: number;
    rag: Rag;
    reason: string;
  }[];
}

export type ProgressGapKind = 'red-action' | 'paused-action' | 'decline' | 'overdue-response';

export interface ProgressGap {
  kind: ProgressGapKind;
  reference: string;
  partner: string;
  /** The action, or the recommendation's title for a decline or a late response. */
  subject: string;
  /** Why, in the tracker's words: "Overdue by 12 days", "Paused: ...". */
  reason: string;
}

export interface ClockLine {
  name: ClockName;
  label: string;
  state: ClockState;
  dueOn?: string;
  doneOn?: string;
  late?: number;
  lateUnit?: string;
  lateReason?: string;
}

export interface CaseReviewSection {
  reviews: { code: string; clocks: ClockLine[]; assuranceNote?: string }[];
  /** Per clock: how many met, late, overdue (not done, past due) and still running. */
  timeliness: {
    name: ClockName;
    label: string;
    met: number;
    late: number;
    overdue: number;
    running: number;
  }[];
}

export interface DisagreementSection {
  items: {
    reference: string;
    parties: string[];
    status: DisagreementStatus;
    raisedOn: string;
    resolvedOn?: string;
    daysToResolution?: number;
    advice?: string;
    adviceOn?: string;
  }[];
  resolved: number;
  /** Median calendar days from raised to resolved, over those resolved; null when none was. */
  medianDaysToResolution: number | null;
  withAdvice: number;
}
