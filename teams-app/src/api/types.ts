import type {
  Finding,
  Meeting,
  Observation,
  Partner,
  Recommendation,
} from '../../../src/domain/lists/schema';

/** Every item the API returns carries these alongside its schema fields. */
export interface ItemMeta {
  id: string;
  etag: string;
  version: number;
  createdAt: string;
  modifiedAt: string;
  modifiedBy: string;
}

export type Item<T> = T & ItemMeta;

export type PartnerItem = Item<Partner>;
export type MeetingItem = Item<Meeting>;
export type ObservationItem = Item<Observation>;
export type FindingItem = Item<Finding>;
export type RecommendationItem = Item<Recommendation>;

export interface DevPerson {
  upn: string;
  displayName: string;
  roles: string[];
  partnerName?: string;
}

export interface TokenResponse {
  access_token: string;
  expires_in: number;
}

export type DeliveryStatus = 'sent' | 'pending' | 'unreachable' | 'failed';

export interface Delivery {
  personId: string;
  displayName: string;
  partnerName: string;
  status: DeliveryStatus;
  detail?: string;
}

export interface IssueResult {
  recommendation: RecommendationItem;
  deliveries: Delivery[];
}

// Workbench (issue #3): the scrutiny plan, triangulation and reference scheme.
import type {
  DayLog,
  Partnership,
  Person,
  Plan,
  PlanActivity,
} from '../../../src/domain/lists/schema';

export type PartnershipItem = Item<Partnership>;
export type PersonItem = Item<Person>;
export type PlanItem = Item<Plan>;
export type PlanActivityItem = Item<PlanActivity>;
export type DayLogItem = Item<DayLog>;

export interface Me {
  person: PersonItem;
  partnership: PartnershipItem;
}

// The plan summary and triangulation shapes are the domain's own (one definition, server and tab).
import type { PlanSummary } from '../../../src/domain/plan';
import type { TriangulationRow } from '../../../src/domain/triangulation';
export type {
  ActivitySummary as PlanSummaryActivity,
  BurnDownPoint as BurnDownMonth,
  CoverageRow,
  PlanSummary,
} from '../../../src/domain/plan';
export type { TriangulationRow } from '../../../src/domain/triangulation';

export interface PlanSummaryResponse {
  plan: PlanItem;
  summary: PlanSummary;
  activities: PlanActivityItem[];
}

export interface Triangulation {
  rows: TriangulationRow[];
}

export interface NextReference {
  reference: string;
  scheme: string;
}

// Plan changes (PATCH bodies): only the fields that changed are sent, with the item's etag.
export type PlanPatch = Partial<Pick<Plan, 'daysContracted' | 'dayRate'>>;
export type PlanActivityPatch = Partial<
  Pick<
    PlanActivity,
    'theme' | 'title' | 'functions' | 'linesOfEnquiry' | 'daysAllocated' | 'status'
  >
>;
