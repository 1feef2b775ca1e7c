import { z } from 'zod';
import { rags } from '../../domain/rag.js';
import type {
  DashboardView,
  RagBar,
  TrackerAction,
  TrackerHistoryEntry,
  TrackerImpactCheck,
  TrackerPartner,
  TrackerRow,
  TrackerView,
} from '../../domain/tracker-view.js';
import {
  actionEventKinds,
  actionStatuses,
  channels,
  decisions,
  evidenceClasses,
  impactCheckStatuses,
  linesOfEnquiry,
  partnerKinds,
  priorities,
} from '../../domain/vocabulary.js';

/**
 * The tracker's and the dashboard's JSON for the API description, mirroring
 * src/domain/tracker-view.ts; the assertions at the end fail to compile if the two drift apart.
 */
const rag = z.enum(rags);
const verdict = z.object({ rag, reason: z.string() });
const ragCounts = z.object({
  red: z.number(),
  amber: z.number(),
  paused: z.number(),
  green: z.number(),
});
const rules = z.object({ staleAfterWeeks: z.number().int() });

const historyEntry = z.union([
  z.object({
    kind: z.literal('update'),
    at: z.string(),
    byName: z.string(),
    progress: z.number(),
    narrative: z.string(),
    revisedDate: z.string().optional(),
    evidenceLink: z.string().optional(),
  }),
  z.object({
    kind: z.enum(actionEventKinds),
    at: z.string(),
    byName: z.string(),
    note: z.string(),
  }),
]);

const impactCheck = z.object({
  id: z.string(),
  etag: z.string(),
  monthsAfter: z.number(),
  dueDate: z.string(),
  status: z.enum(impactCheckStatuses),
  outcomeClass: z.enum(evidenceClasses).optional(),
  outcome: z.string().optional(),
});

const trackerAction = z.object({
  id: z.string(),
  description: z.string(),
  ownerName: z.string().optional(),
  targetDate: z.string(),
  dueDate: z.string(),
  status: z.enum(actionStatuses),
  progress: z.number(),
  rag: verdict,
  daysOverdue: z.number(),
  daysSinceUpdate: z.number(),
  verifiedAt: z.string().optional(),
  note: z.string().optional(),
  history: z.array(historyEntry),
  impactChecks: z.array(impactCheck),
});

const trackerPartner = z.object({
  partner: z.object({ id: z.string(), name: z.string(), kind: z.enum(partnerKinds) }),
  rag: verdict,
  response: z
    .object({
      id: z.string(),
      decision: z.enum(decisions),
      rationale: z.string(),
      responderName: z.string(),
      channel: z.enum(channels),
      respondedAt: z.string(),
      daysToRespond: z.number(),
    })
    .optional(),
  actions: z.array(trackerAction),
});

const trackerRow = z.object({
  recommendation: z.object({
    id: z.string(),
    reference: z.string(),
    title: z.string(),
    priority: z.enum(priorities),
    responseDueDate: z.string(),
    issuedAt: z.string(),
    themes: z.array(z.enum(linesOfEnquiry)),
  }),
  rag: verdict,
  ageDays: z.number(),
  partners: z.array(trackerPartner),
});

export const trackerViewSchema = z.object({
  asAt: z.string(),
  today: z.string(),
  isPast: z.boolean(),
  rules,
  reach: z.enum(['all', 'partner']),
  rows: z.array(trackerRow),
  totals: ragCounts,
});

const ragBar = z.object({ key: z.string(), label: z.string(), counts: ragCounts });

export const dashboardViewSchema = z.object({
  asAt: z.string(),
  today: z.string(),
  isPast: z.boolean(),
  headline: z.object({
    recommendations: z.number(),
    openActions: z.number(),
    overdueActions: z.number(),
    awaitingVerification: z.number(),
    verifiedActions: z.number(),
  }),
  ragByPartner: z.array(ragBar),
  ragByTheme: z.array(ragBar),
  ragByPriority: z.array(ragBar),
  overdueAgeing: z.array(
    z.object({
      band: z.enum(['1-30', '31-60', '61-90', '91+']),
      label: z.string(),
      count: z.number(),
    }),
  ),
  responseTimes: z.array(
    z.object({
      partnerId: z.string(),
      label: z.string(),
      medianDays: z.number().nullable(),
      responded: z.number(),
      awaiting: z.number(),
      late: z.number(),
    }),
  ),
  acceptance: z.array(
    z.object({
      partnerId: z.string(),
      label: z.string(),
      accept: z.number(),
      partiallyAccept: z.number(),
      decline: z.number(),
    }),
  ),
  days: z
    .object({ year: z.number(), budget: z.number(), used: z.number(), remaining: z.number() })
    .nullable(),
});

// Compile-time: each schema and its type hold the same values, level by level (a check of the
// whole view alone is not enough: TypeScript stops comparing that deep and assumes a match).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Shallow<T> = { [K in keyof T]: T[K] extends readonly unknown[] ? unknown[] : T[K] };
const _history: Same<z.infer<typeof historyEntry>, TrackerHistoryEntry> = true;
const _check: Same<z.infer<typeof impactCheck>, TrackerImpactCheck> = true;
const _action: Same<Shallow<z.infer<typeof trackerAction>>, Shallow<TrackerAction>> = true;
const _partner: Same<Shallow<z.infer<typeof trackerPartner>>, Shallow<TrackerPartner>> = true;
const _row: Same<Shallow<z.infer<typeof trackerRow>>, Shallow<TrackerRow>> = true;
const _view: Same<Shallow<z.infer<typeof trackerViewSchema>>, Shallow<TrackerView>> = true;
const _bar: Same<z.infer<typeof ragBar>, RagBar> = true;
const _dashboard: Same<z.infer<typeof dashboardViewSchema>, DashboardView> = true;
