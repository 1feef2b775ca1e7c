import type { Rag, RagRules, RagVerdict } from './rag.js';
import type {
  ActionEventKind,
  ActionStatus,
  Channel,
  Decision,
  EvidenceClass,
  ImpactCheckStatus,
  LineOfEnquiry,
  PartnerKind,
  Priority,
} from './vocabulary.js';

/**
 * The JSON the tracker, the dashboard and the scrutineer's task list answer with: one contract
 * for the server that builds them and the tab that shows them. Instants are ISO 8601; dates are
 * `YYYY-MM-DD` (England).
 */

export interface TrackerView {
  /** The instant the view is as at: now, or the end of the asked-for day (England). */
  asAt: string;
  /** The calendar date of `asAt` (England), from which overdue days are counted. */
  today: string;
  /** True when the view is of a past date, not now. */
  isPast: boolean;
  rules: RagRules;
  /** `partner`: trimmed to the reader's own partner's items. */
  reach: 'all' | 'partner';
  rows: TrackerRow[];
  /** Partner parts (recommendation × named partner) by RAG, over all rows. */
  totals: Record<Rag, number>;
}

export interface TrackerRow {
  recommendation: {
    id: string;
    reference: string;
    title: string;
    priority: Priority;
    responseDueDate: string;
    issuedAt: string;
    /** The lines of enquiry of the findings behind it: the tracker's themes. */
    themes: LineOfEnquiry[];
  };
  /** The worst of its partners'. */
  rag: RagVerdict;
  /** Days since it was issued, as at the view's date. */
  ageDays: number;
  partners: TrackerPartner[];
}

export interface TrackerPartner {
  partner: { id: string; name: string; kind: PartnerKind };
  rag: RagVerdict;
  response?: {
    id: string;
    decision: Decision;
    rationale: string;
    responderName: string;
    channel: Channel;
    respondedAt: string;
    /** Calendar days from issue to response. */
    daysToRespond: number;
  };
  actions: TrackerAction[];
}

export interface TrackerAction {
  id: string;
  description: string;
  ownerName?: string;
  targetDate: string;
  /** The target in force: the latest revised date. */
  dueDate: string;
  status: ActionStatus;
  progress: number;
  rag: RagVerdict;
  /** 0 unless overdue. */
  daysOverdue: number;
  daysSinceUpdate: number;
  verifiedAt?: string;
  /** The scrutineer's last note: evidence seen, or the reason for reopening or pausing. */
  note?: string;
  /** Updates and the scrutineer's acts, oldest first, up to the as-at instant. */
  history: TrackerHistoryEntry[];
  impactChecks: TrackerImpactCheck[];
}

export type TrackerHistoryEntry =
  | {
      kind: 'update';
      at: string;
      byName: string;
      progress: number;
      narrative: string;
      revisedDate?: string;
      evidenceLink?: string;
    }
  | { kind: ActionEventKind; at: string; byName: string; note: string };

export interface TrackerImpactCheck {
  id: string;
  /** The check's current etag, for recording its outcome (If-Match). */
  etag: string;
  monthsAfter: number;
  dueDate: string;
  status: ImpactCheckStatus;
  outcomeClass?: EvidenceClass;
  outcome?: string;
}

/** One bar of a chart: a partner, a theme or a priority, with its counts by RAG. */
export interface RagBar {
  key: string;
  label: string;
  counts: Record<Rag, number>;
}

export interface DashboardView {
  asAt: string;
  today: string;
  isPast: boolean;
  headline: {
    recommendations: number;
    openActions: number;
    overdueActions: number;
    awaitingVerification: number;
    verifiedActions: number;
  };
  /** Counted in partner parts (recommendation × named partner), as the tracker's totals are. */
  ragByPartner: RagBar[];
  ragByTheme: RagBar[];
  ragByPriority: RagBar[];
  /** Overdue actions by how long overdue. */
  overdueAgeing: { band: '1-30' | '31-60' | '61-90' | '91+'; label: string; count: number }[];
  responseTimes: {
    partnerId: string;
    label: string;
    /** Median calendar days from issue to response; null when none has responded. */
    medianDays: number | null;
    responded: number;
    awaiting: number;
    /** Awaiting and past the response due date. */
    late: number;
  }[];
  acceptance: {
    partnerId: string;
    label: string;
    accept: number;
    partiallyAccept: number;
    decline: number;
  }[];
  /** The scrutiny plan's day budget for the reporting year of `today`, when there is a plan. */
  days: { year: number; budget: number; used: number; remaining: number } | null;
}

/** What comes back to the scrutineer as a task: actions to verify, impact checks due. */
export type ScrutineerTask =
  | {
      kind: 'verify';
      actionId: string;
      recommendationReference: string;
      partnerName: string;
      description: string;
      /** When the owner reported it done. */
      since: string;
    }
  | {
      kind: 'impact-check';
      impactCheckId: string;
      actionId: string;
      recommendationReference: string;
      partnerName: string;
      description: string;
      monthsAfter: number;
      dueDate: string;
      /** Due on or before today. */
      due: boolean;
    };
