import type { FieldsOf, ListSchema } from './columns.js';
import { partnerships } from './partnerships.js';
import { partners } from './partners.js';
import { people } from './people.js';
import { meetings } from './meetings.js';
import { observations } from './observations.js';
import { findings } from './findings.js';
import { recommendations } from './recommendations.js';
import { responses } from './responses.js';
import { actions } from './actions.js';
import { actionUpdates } from './action-updates.js';
import { plans } from './plans.js';
import { planActivities } from './plan-activities.js';
import { dayLogs } from './day-logs.js';
import { conversations } from './conversations.js';
import { cardDeliveries } from './card-deliveries.js';
import { slgItems } from './slg-items.js';
import { responseLinks } from './response-links.js';
import { emailOutbox } from './email-outbox.js';
import { chairTerms } from './chair-terms.js';
import { reminderNotices } from './reminder-notices.js';
import { actionEvents } from './action-events.js';
import { impactChecks } from './impact-checks.js';
import { caseReviews } from './case-reviews.js';
import { disagreements } from './disagreements.js';
import { yearlyReports } from './yearly-reports.js';
import { distributions } from './distributions.js';
import { auditTrail } from './audit-trail.js';

/**
 * The one source of truth for every list the app keeps. Each becomes a SharePoint list in the
 * partnership's site and a table in the embedded store; the API schemas and forms derive from it.
 * Text columns stay within SharePoint's 255-character single-line limit; longer text is a note.
 */
export const lists = {
  partnerships,
  partners,
  people,
  meetings,
  observations,
  findings,
  recommendations,
  responses,
  actions,
  actionUpdates,
  plans,
  planActivities,
  dayLogs,
  conversations,
  cardDeliveries,
  slgItems,
  responseLinks,
  emailOutbox,
  chairTerms,
  reminderNotices,
  actionEvents,
  impactChecks,
  caseReviews,
  disagreements,
  yearlyReports,
  distributions,
  auditTrail,
} as const satisfies Record<string, ListSchema>;

export type Lists = typeof lists;
export type ListName = keyof Lists;
export const listNames = Object.keys(lists) as ListName[];

/** The fields of an item in list L. */
export type Fields<L extends ListName> = FieldsOf<Lists[L]>;

export type Partnership = Fields<'partnerships'>;
export type Partner = Fields<'partners'>;
export type Person = Fields<'people'>;
export type Meeting = Fields<'meetings'>;
export type Observation = Fields<'observations'>;
export type Finding = Fields<'findings'>;
export type Recommendation = Fields<'recommendations'>;
export type Response = Fields<'responses'>;
export type Action = Fields<'actions'>;
export type ActionUpdate = Fields<'actionUpdates'>;
export type Plan = Fields<'plans'>;
export type PlanActivity = Fields<'planActivities'>;
export type DayLog = Fields<'dayLogs'>;
export type SlgItem = Fields<'slgItems'>;
export type ActionEvent = Fields<'actionEvents'>;
export type ImpactCheck = Fields<'impactChecks'>;
export type CaseReview = Fields<'caseReviews'>;
export type Disagreement = Fields<'disagreements'>;
export type YearlyReport = Fields<'yearlyReports'>;
export type Distribution = Fields<'distributions'>;
export type AuditEntry = Fields<'auditTrail'>;

/** An item with its id, as the domain sees it. */
export type WithId<T> = T & { id: string };
