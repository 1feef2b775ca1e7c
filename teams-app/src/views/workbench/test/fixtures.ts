import {
  lineOfEnquiryLabels,
  linesOfEnquiry,
  scrutinyFunctionLabels,
  scrutinyFunctions,
  type LineOfEnquiry,
  type ScrutinyFunction,
} from '../../../../../src/domain/vocabulary';
import type { CoverageRow, PlanSummary, PlanSummaryActivity } from '../../../api/types';
import { item } from '../../../test/fetchMock';

// Fictional plan figures for the Harbourside demo partnership.
export const activities: PlanSummaryActivity[] = [
  {
    id: 'act-1',
    theme: 'Learning from case reviews',
    title: 'Observe rapid-review panels',
    functions: ['statutory-duties-and-case-reviews'],
    linesOfEnquiry: ['case-review-arrangements'],
    daysAllocated: 4,
    daysLogged: 5.5,
    status: 'in-progress',
    overrun: true,
  },
  {
    id: 'act-2',
    theme: 'Learning from case reviews',
    title: 'Test practice review action plans',
    functions: ['statutory-duties-and-case-reviews', 'assurance'],
    linesOfEnquiry: ['quality-assurance-and-data'],
    daysAllocated: 3,
    daysLogged: 0,
    status: 'planned',
    overrun: false,
  },
  {
    id: 'act-3',
    theme: 'Voice of children and families',
    title: 'Frontline visits with practitioners',
    functions: ['voice-of-children-and-families', 'practitioner-leader-dialogue'],
    linesOfEnquiry: ['voice-of-the-child', 'line-of-sight-on-practice'],
    daysAllocated: 6,
    daysLogged: 2,
    status: 'in-progress',
    overrun: false,
  },
];

function coverage<K extends string>(
  keys: readonly K[],
  labels: Record<K, string>,
  field: 'functions' | 'linesOfEnquiry',
): CoverageRow<K>[] {
  return keys.map((key) => {
    const using = activities.filter((a) => (a[field] as readonly string[]).includes(key));
    return {
      key,
      label: labels[key],
      activities: using.length,
      daysAllocated: using.reduce((t, a) => t + a.daysAllocated, 0),
      daysLogged: using.reduce((t, a) => t + a.daysLogged, 0),
      gap: using.length === 0,
    };
  });
}

const months = [
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
  '2026-12',
  '2027-01',
  '2027-02',
  '2027-03',
];
const actual: Record<string, [number, number]> = {
  '2026-04': [2, 2],
  '2026-05': [3, 5],
  '2026-06': [2.5, 7.5],
};

export const summary: PlanSummary = {
  reportingYear: 2026,
  label: '2026/27',
  start: '2026-04-01',
  end: '2027-03-31',
  today: '2026-06-30',
  pace: {
    phase: 'running',
    elapsedDays: 91,
    daysInYear: 365,
    projectedDays: 30.08,
    runsOutOn: '2027-01-20',
  },
  days: { contracted: 24, allocated: 13, logged: 7.5, remaining: 16.5, unallocated: 11 },
  cost: { dayRate: 650, budget: 15600, spent: 4875, committed: 8450 },
  burnDown: months.map((month, i) => {
    const [logged, cumulative] = actual[month] ?? [null, null];
    return {
      month,
      logged,
      cumulative,
      remaining: cumulative === null ? null : 24 - cumulative,
      ideal: 24 - 2 * (i + 1),
    };
  }),
  activities,
  coverage: {
    functions: coverage<ScrutinyFunction>(scrutinyFunctions, scrutinyFunctionLabels, 'functions'),
    linesOfEnquiry: coverage<LineOfEnquiry>(linesOfEnquiry, lineOfEnquiryLabels, 'linesOfEnquiry'),
  },
  warnings: ['Observe rapid-review panels has used 1.5 days more than allocated.'],
};

export const plan = item('plan-2026', { reportingYear: 2026, daysContracted: 24, dayRate: 650 });

export const planResponse = { plan, summary, activities: [] };

export const observations = [
  item('obs-1', {
    text: 'Audit findings were not shared with the police sub-group.',
    evidenceClass: 'worry',
    partnerIds: ['partner-police'],
    source: 'meeting',
    observedAt: '2026-05-14T09:05:00.000Z',
    status: 'open',
  }),
  item('obs-2', {
    text: 'Health colleagues described a new escalation route.',
    evidenceClass: 'too-early',
    partnerIds: ['partner-icb'],
    source: 'practitioners',
    observedAt: '2026-05-14T09:10:00.000Z',
    status: 'open',
  }),
];

export const findings = [
  item('finding-1', {
    title: 'Audit learning does not reach every partner',
    summary: 'Two meetings showed audit findings stopping at the council.',
    evidenceClass: 'worry',
    partnerIds: ['partner-police'],
    observationIds: ['obs-9'],
    sources: ['meeting'],
  }),
  item('finding-2', {
    title: 'Supervision records show reflective practice',
    summary: 'Case audits and practitioners both described regular reflective supervision.',
    evidenceClass: 'gone-well',
    partnerIds: ['partner-council'],
    observationIds: ['obs-7', 'obs-8'],
    sources: ['audit', 'practitioners'],
  }),
];

export const me = {
  person: item('person-scrutineer', {
    displayName: 'Sam Scrutineer',
    upn: 'scrutineer@harbourside.example',
    entraObjectId: '00000000-0000-0000-0000-000000000001',
    homeTenantId: '00000000-0000-0000-0000-0000000000aa',
    roles: ['scrutineer'],
  }),
  partnership: item('partnership', {
    name: 'Harbourside Safeguarding Children Partnership',
    tenantId: '00000000-0000-0000-0000-0000000000aa',
    recommendationPrefix: 'HSCP',
    caseCodePrefix: 'HSCP-C',
  }),
};

export const noPlan = {
  status: 404,
  body: { error: { code: 'no-plan', message: 'No plan for this reporting year.' } },
};
