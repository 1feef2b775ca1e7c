/**
 * Fictional rows for the SharePoint read bench (scripts/bench-graph.ts): partners, people,
 * recommendations and responses of a large partnership, as the production adapter writes them
 * (`toGraphFields` plus the system columns), for `state.seedItems` on the Graph emulator. Every
 * name and organisation is invented; cases appear only as partnership codes (HSCP-C-2026-14).
 * Values are derived from the row number, so every run seeds the same list.
 */
import { toGraphFields } from '../src/adapters/graph/field-values.js';
import type { Fields } from '../src/domain/lists/schema.js';
import { priorities } from '../src/domain/vocabulary.js';

type GraphRow = Record<string, unknown>;

export const BENCH_TENANT_ID = '5d0c1c57-6a1b-4c1e-9a57-0000000000aa';

const PARTNERS: Fields<'partners'>[] = (
  [
    { name: 'Harbourside Council', kind: 'local-authority' },
    { name: 'Eastshire Constabulary', kind: 'police' },
    { name: 'Coast & Vale ICB', kind: 'health' },
    { name: 'Harbourside College', kind: 'education' },
    { name: 'Brightpath Youth Trust', kind: 'other-relevant-agency' },
    { name: 'Northquay Community Health Trust', kind: 'health' },
    { name: 'Westshire Probation Service', kind: 'other-relevant-agency' },
    { name: 'Saltmarsh Academy Trust', kind: 'education' },
    { name: 'Harbourside Housing Partnership', kind: 'other-relevant-agency' },
    { name: 'Eastshire Fire and Rescue', kind: 'other-relevant-agency' },
    { name: 'Coast & Vale Mental Health Trust', kind: 'health' },
    { name: 'Harbourside Early Years Network', kind: 'education' },
  ] as const
).map((p) => ({ ...p, homeTenantId: BENCH_TENANT_ID }));

const FIRST = ['Aisha', 'Tom', 'Priya', 'Gareth', 'Mei', 'Kwame', 'Rhian', 'Oskar', 'Leila', 'Dev'];
const LAST = ['Noor', 'Hartley', 'Sandhu', 'Price', 'Lin', 'Mensah', 'Evans', 'Berg', 'Haddad'];

const TITLES = [
  'Assure attendance at multi-agency strategy discussions',
  'Record the voice of the child in every core group review',
  'Share police notifications with schools before the next school day',
  'Strengthen escalation when health partners disagree with a threshold decision',
  'Publish a single front-door dataset for the partnership each quarter',
  'Review how neglect is recognised in the early help assessment',
  'Bring youth justice into the exploitation panel as a standing member',
  'Test that learning from rapid reviews reaches frontline supervisors',
  'Set a timescale for return home interviews and report against it',
  'Check that interpreters are booked for every initial child protection conference',
];

const FINDINGS = [
  'the strategy discussion was convened without the school or the health visitor',
  'minutes did not record who would tell the family of the outcome',
  'the referral waited four working days in the police queue before it was shared',
  'supervision notes show the disagreement was resolved informally and not recorded',
  'the assessment did not revisit the chronology after the second incident',
  'partners reported different counts of open cases for the same month',
];

const ASKS = [
  'The partnership should agree a standard for attendance and report against it to the Strategic Leadership Group each quarter.',
  'Each named partner should confirm in writing how the change will be assured, and by whom, within the response period.',
  'The business unit should sample ten cases at the next audit and share the results with every named partner.',
  'Leads should brief frontline managers and confirm that supervision templates have been updated.',
];

const pick = <T>(values: readonly T[], n: number): T =>
  values[((n % values.length) + values.length) % values.length] as T;

const isoDay = (start: string, days: number) =>
  new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The system columns every list carries (who, when, home tenant, channel). */
function stamp(at: string, by: string): GraphRow {
  return {
    cfCreatedAt: at,
    cfCreatedBy: by,
    cfModifiedAt: at,
    cfModifiedBy: by,
    cfHomeTenantId: BENCH_TENANT_ID,
    cfChannel: 'tab',
  };
}

export function partnerRows(): GraphRow[] {
  return PARTNERS.map((p) => ({
    ...toGraphFields('partners', p),
    ...stamp('2026-04-01T09:00:00Z', 'seed'),
  }));
}

/** People spread over the partners (`partnerIds` are the seeded partners' item ids). */
export function peopleRows(count: number, partnerIds: readonly string[]): GraphRow[] {
  const rows: GraphRow[] = [];
  for (let i = 0; i < count; i++) {
    const fields: Fields<'people'> = {
      displayName: `${pick(FIRST, i)} ${pick(LAST, Math.floor(i / FIRST.length) + i)}`,
      upn: `person${i}@harbourside.example`,
      entraObjectId: `0a1b2c3d-0000-4000-8000-${String(1000 + i).padStart(12, '0')}`,
      homeTenantId: BENCH_TENANT_ID,
      jobTitle: i % 3 === 0 ? 'Partner lead' : 'Safeguarding manager',
      partnerId: pick(partnerIds, i),
      roles: i % 3 === 0 ? ['partner-lead'] : [],
    };
    rows.push({ ...toGraphFields('people', fields), ...stamp('2026-04-01T09:00:00Z', 'seed') });
  }
  return rows;
}

/** Recommendations over six reporting years: most issued, some closed, a few drafts. */
export function recommendationRows(count: number, partnerIds: readonly string[]): GraphRow[] {
  const rows: GraphRow[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2021 + (i % 6);
    const seq = Math.floor(i / 6) + 1;
    const status = i % 33 === 0 ? 'draft' : i % 14 === 0 ? 'closed' : 'issued';
    const named = 1 + (i % 3);
    const fields: Fields<'recommendations'> = {
      reference: `HSCP-R-${year}-${String(seq).padStart(4, '0')}`,
      title: pick(TITLES, i),
      text:
        `In HSCP-C-${year}-${(i % 97) + 1} ${pick(FINDINGS, i)}, and in ` +
        `HSCP-C-${year}-${((i * 7) % 97) + 1} ${pick(FINDINGS, i + 3)}. ${pick(ASKS, i)} ` +
        `${pick(ASKS, i + 1)}`,
      priority: pick(priorities, i),
      partnerIds: Array.from({ length: named }, (_, k) => pick(partnerIds, i + k * 5)),
      findingIds: [String((i % 400) + 1), String(((i * 3) % 400) + 1)],
      responseDueDate: isoDay(`${year}-05-01`, (i * 11) % 300),
      status,
      ...(status === 'draft' ? {} : { issuedAt: `${isoDay(`${year}-04-03`, i % 200)}T10:30:00Z` }),
    };
    rows.push({
      ...toGraphFields('recommendations', fields),
      ...stamp(`${year}-04-02T09:00:00Z`, `person${i % 40}`),
    });
  }
  return rows;
}

/** One response for every `every`-th recommendation, from its first named partner. */
export function responseRows(
  recommendations: readonly { id: string; partnerIds: readonly string[] }[],
  responderIds: readonly string[],
  every: number,
): GraphRow[] {
  const rows: GraphRow[] = [];
  recommendations.forEach((r, i) => {
    const partnerId = r.partnerIds[0];
    if (i % every !== 0 || partnerId === undefined) return;
    const fields: Fields<'responses'> = {
      recommendationId: r.id,
      partnerId,
      decision: pick(['accept', 'partially-accept', 'decline'] as const, i),
      rationale:
        'We accept the finding and have asked the named manager to report progress to our safeguarding board in the next quarter.',
      responderId: pick(responderIds, i),
      responderTenantId: BENCH_TENANT_ID,
      channel: i % 4 === 0 ? 'web-link' : 'teams-card',
      respondedAt: '2026-06-01T12:00:00Z',
      responseKey: `${r.id}:${partnerId}`,
    };
    rows.push({ ...toGraphFields('responses', fields), ...stamp('2026-06-01T12:00:00Z', 'seed') });
  });
  return rows;
}
