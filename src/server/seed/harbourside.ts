import type { ChangeContext, Repository } from '../../application/ports/repository.js';
import type { Fields } from '../../domain/lists/schema.js';
import { seedHarboursideCases } from './harbourside-cases.js';

/**
 * The fictional Harbourside Safeguarding Children Partnership. Every person, organisation and
 * tenant id is invented; cases appear only as partnership codes.
 */
export const DEMO_TENANT_ID = '5d0c1c57-6a1b-4c1e-9a57-0000000000aa';
export const POLICE_TENANT_ID = '5d0c1c57-6a1b-4c1e-9a57-0000000000bb';
export const HEALTH_TENANT_ID = '5d0c1c57-6a1b-4c1e-9a57-0000000000cc';

/** Object ids are fixed so the Agents Playground user can be a demo person. */
export const oid = (n: number) => `0a1b2c3d-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const DEMO_POLICE_LEAD_OID = oid(21);

type PersonSeed = Omit<Fields<'people'>, 'partnerId' | 'delegatedPartnerId'> & {
  partner?: string;
  dsp?: string;
};

const partners: Record<string, Fields<'partners'>> = {
  council: { name: 'Harbourside Council', kind: 'local-authority', homeTenantId: DEMO_TENANT_ID },
  police: { name: 'Eastshire Constabulary', kind: 'police', homeTenantId: POLICE_TENANT_ID },
  icb: { name: 'Coast & Vale ICB', kind: 'health', homeTenantId: HEALTH_TENANT_ID },
  college: { name: 'Harbourside College', kind: 'education', homeTenantId: DEMO_TENANT_ID },
  youth: {
    name: 'Brightpath Youth Trust',
    kind: 'other-relevant-agency',
    homeTenantId: DEMO_TENANT_ID,
  },
};

const person = (
  n: number,
  displayName: string,
  upn: string,
  jobTitle: string,
  roles: Fields<'people'>['roles'],
  tenant: string,
  partner?: string,
  dsp?: string,
): [string, PersonSeed] => [
  upn,
  {
    displayName,
    upn,
    jobTitle,
    roles,
    entraObjectId: oid(n),
    homeTenantId: tenant,
    ...(partner ? { partner } : {}),
    ...(dsp ? { dsp } : {}),
  },
];

const people = new Map<string, PersonSeed>([
  person(
    1,
    'Morgan Ellis',
    'scrutineer@harbourside.example',
    'Independent Scrutineer',
    ['scrutineer'],
    DEMO_TENANT_ID,
  ),
  person(
    2,
    'Priya Shah',
    'business.unit@harbourside.example',
    'Partnership Business Manager',
    ['business-unit'],
    DEMO_TENANT_ID,
  ),
  person(
    10,
    'Helen Rowe',
    'chief.executive@harbourside.example',
    'Chief Executive, Harbourside Council',
    ['lead-safeguarding-partner'],
    DEMO_TENANT_ID,
    'council',
  ),
  person(
    11,
    'David Okafor',
    'dcs@harbourside.example',
    'Director of Children’s Services',
    ['delegated-safeguarding-partner', 'partnership-chair'],
    DEMO_TENANT_ID,
    'council',
  ),
  person(
    12,
    'Sam Carter',
    'sam.carter@harbourside.example',
    'Head of Safeguarding and Quality Assurance',
    ['partner-lead'],
    DEMO_TENANT_ID,
    'council',
    'dcs@harbourside.example',
  ),
  person(
    20,
    'Rachel Finch',
    'chief.constable@eastshire-police.example',
    'Chief Constable',
    ['lead-safeguarding-partner'],
    POLICE_TENANT_ID,
    'police',
  ),
  person(
    22,
    'Tom Bradley',
    'tom.bradley@eastshire-police.example',
    'Detective Chief Superintendent',
    ['delegated-safeguarding-partner'],
    POLICE_TENANT_ID,
    'police',
  ),
  person(
    21,
    'Aisha Noor',
    'aisha.noor@eastshire-police.example',
    'Detective Superintendent, Public Protection',
    ['partner-lead'],
    POLICE_TENANT_ID,
    'police',
    'tom.bradley@eastshire-police.example',
  ),
  person(
    30,
    'Gareth Lloyd',
    'chief.executive@coastvale-icb.example',
    'Chief Executive, Coast & Vale ICB',
    ['lead-safeguarding-partner'],
    HEALTH_TENANT_ID,
    'icb',
  ),
  person(
    31,
    'Fiona Grant',
    'fiona.grant@coastvale-icb.example',
    'Chief Nursing Officer',
    ['delegated-safeguarding-partner'],
    HEALTH_TENANT_ID,
    'icb',
  ),
  person(
    32,
    'Beth Morris',
    'beth.morris@coastvale-icb.example',
    'Designated Nurse for Safeguarding Children',
    ['partner-lead'],
    HEALTH_TENANT_ID,
    'icb',
    'fiona.grant@coastvale-icb.example',
  ),
  person(
    40,
    'Owen Price',
    'owen.price@harbourside-college.example',
    'Designated Safeguarding Lead',
    ['partner-lead'],
    DEMO_TENANT_ID,
    'college',
  ),
  person(
    50,
    'Lena Kowalski',
    'lena.kowalski@brightpath.example',
    'Head of Safeguarding',
    ['partner-lead'],
    DEMO_TENANT_ID,
    'youth',
  ),
]);

const meetings: (Fields<'meetings'> & { key: string })[] = [
  {
    key: 'slg-apr',
    title: 'Strategic Leadership Group, April 2026',
    kind: 'strategic-leadership-group',
    startsAt: '2026-04-21T10:00:00+01:00',
  },
  {
    key: 'lr-may',
    title: 'Learning and Review sub-group, May 2026',
    kind: 'sub-group',
    startsAt: '2026-05-14T14:00:00+01:00',
  },
  {
    key: 'audit-jun',
    title: 'Multi-agency audit: neglect, June 2026',
    kind: 'audit',
    startsAt: '2026-06-10T09:30:00+01:00',
  },
  {
    key: 'slg-jul',
    title: 'Strategic Leadership Group, July 2026',
    kind: 'strategic-leadership-group',
    startsAt: '2026-07-21T10:00:00+01:00',
  },
  {
    key: 'visit-sep',
    title: 'Front Door visit (MASH practitioners)',
    kind: 'frontline-visit',
    startsAt: '2026-09-09T13:00:00+01:00',
  },
  {
    key: 'slg-oct',
    title: 'Strategic Leadership Group, October 2026',
    kind: 'strategic-leadership-group',
    startsAt: '2026-10-20T10:00:00+01:00',
  },
  {
    key: 'slg-jan',
    title: 'Strategic Leadership Group, January 2027',
    kind: 'strategic-leadership-group',
    startsAt: '2027-01-19T10:00:00+00:00',
  },
];

type ObsSeed = Omit<Fields<'observations'>, 'status' | 'meetingId' | 'partnerIds'> & {
  meeting: string;
  partners: string[];
  finding?: string;
};
const observations: ObsSeed[] = [
  {
    meeting: 'slg-apr',
    partners: ['council', 'police', 'icb'],
    evidenceClass: 'gone-well',
    source: 'meeting',
    lineOfEnquiry: 'leadership',
    observedAt: '2026-04-21T10:40:00+01:00',
    text: 'All three statutory partners were represented at the right level and challenged each other openly on the neglect priority.',
  },
  {
    meeting: 'slg-apr',
    partners: ['council'],
    evidenceClass: 'worry',
    source: 'data',
    lineOfEnquiry: 'quality-assurance-and-data',
    observedAt: '2026-04-21T11:15:00+01:00',
    text: 'The performance report had no multi-agency measures; every indicator came from children’s social care alone.',
    finding: 'data',
  },
  {
    meeting: 'lr-may',
    partners: ['police', 'icb'],
    evidenceClass: 'too-early',
    source: 'meeting',
    lineOfEnquiry: 'case-review-arrangements',
    observedAt: '2026-05-14T14:30:00+01:00',
    text: 'The new rapid review template for HSCP-C-2026-03 focused on analysis rather than chronology; impact on learning not yet visible.',
  },
  {
    meeting: 'audit-jun',
    partners: ['police', 'council'],
    evidenceClass: 'worry',
    source: 'audit',
    lineOfEnquiry: 'line-of-sight-on-practice',
    observedAt: '2026-06-10T12:00:00+01:00',
    text: 'In 4 of 9 audited cases police were not invited to the strategy discussion although they held relevant information.',
    finding: 'strategy',
  },
  {
    meeting: 'audit-jun',
    partners: ['icb'],
    evidenceClass: 'gone-well',
    source: 'audit',
    lineOfEnquiry: 'line-of-sight-on-practice',
    observedAt: '2026-06-10T12:20:00+01:00',
    text: 'Health visitors’ records showed consistent use of the neglect screening tool in every audited case.',
  },
  {
    meeting: 'slg-jul',
    partners: [],
    evidenceClass: 'worry',
    source: 'meeting',
    lineOfEnquiry: 'voice-of-the-child',
    observedAt: '2026-07-21T11:00:00+01:00',
    text: 'No item on the agenda drew on what children and families have told the partnership this year.',
    finding: 'voice',
  },
  {
    meeting: 'visit-sep',
    partners: ['police', 'council'],
    evidenceClass: 'worry',
    source: 'practitioners',
    lineOfEnquiry: 'line-of-sight-on-practice',
    observedAt: '2026-09-09T14:10:00+01:00',
    text: 'Front Door practitioners said police attendance at strategy discussions depends on which shift is on duty.',
    finding: 'strategy',
  },
  {
    meeting: 'visit-sep',
    partners: ['council'],
    evidenceClass: 'gone-well',
    source: 'practitioners',
    lineOfEnquiry: 'space-for-reflection-and-learning',
    observedAt: '2026-09-09T14:40:00+01:00',
    text: 'Practitioners valued the monthly reflective sessions and could name a change in practice that came from one.',
  },
  {
    meeting: 'slg-oct',
    partners: ['college', 'youth'],
    evidenceClass: 'too-early',
    source: 'meeting',
    lineOfEnquiry: 'training-effectiveness',
    observedAt: '2026-10-20T10:50:00+01:00',
    text: 'Education and voluntary sector partners have joined the training offer; attendance is up but impact on referrals is not yet evaluated.',
  },
  {
    meeting: 'slg-oct',
    partners: ['council', 'police', 'icb'],
    evidenceClass: 'worry',
    source: 'voice-of-children-and-families',
    lineOfEnquiry: 'voice-of-the-child',
    observedAt: '2026-10-20T11:30:00+01:00',
    text: 'Feedback from the young people’s panel has not been reported to the Strategic Leadership Group since it was collected in the spring.',
    finding: 'voice',
  },
];

const findings: Record<
  string,
  Omit<Fields<'findings'>, 'observationIds' | 'partnerIds'> & { partners: string[] }
> = {
  strategy: {
    title: 'Police are not consistently part of strategy discussions',
    summary:
      'Audit (4 of 9 cases) and Front Door practitioners both show that police attendance at strategy discussions depends on availability rather than need.',
    evidenceClass: 'worry',
    lineOfEnquiry: 'line-of-sight-on-practice',
    partners: ['police', 'council'],
    sources: ['audit', 'practitioners'],
  },
  voice: {
    title: 'The voice of children and families does not reach the SLG',
    summary:
      'Feedback collected from the young people’s panel has not informed strategic discussion this year.',
    evidenceClass: 'worry',
    lineOfEnquiry: 'voice-of-the-child',
    partners: ['council', 'police', 'icb'],
    sources: ['meeting', 'voice-of-children-and-families'],
  },
  data: {
    title: 'The SLG has no multi-agency performance picture',
    summary: 'Performance reports draw only on children’s social care data.',
    evidenceClass: 'worry',
    lineOfEnquiry: 'quality-assurance-and-data',
    partners: ['council'],
    sources: ['data'],
  },
};

/** Seeds the demo partnership into an empty store. Returns false if the store already has data. */
export async function seedHarbourside(repo: Repository, now: Date = new Date()): Promise<boolean> {
  if ((await repo.query('partnerships', { top: 1 })).items.length > 0) return false;
  const ctx: ChangeContext = {
    actorId: 'system:seed',
    homeTenantId: DEMO_TENANT_ID,
    channel: 'system',
    at: now.toISOString(),
  };
  await repo.create(
    'partnerships',
    {
      name: 'Harbourside Safeguarding Children Partnership',
      tenantId: DEMO_TENANT_ID,
      recommendationPrefix: 'HSCP',
      caseCodePrefix: 'HSCP-C',
    },
    ctx,
  );
  const partnerId = new Map<string, string>();
  for (const [key, fields] of Object.entries(partners))
    partnerId.set(key, (await repo.create('partners', fields, ctx)).id);
  const personId = new Map<string, string>();
  for (const [upn, { partner, dsp: _dsp, ...fields }] of people) {
    personId.set(
      upn,
      (
        await repo.create(
          'people',
          { ...fields, ...(partner ? { partnerId: partnerId.get(partner) ?? null } : {}) },
          ctx,
        )
      ).id,
    );
  }
  for (const [upn, { dsp }] of people) {
    if (!dsp) continue;
    const item = await repo.get('people', personId.get(upn) ?? '');
    if (item)
      await repo.update(
        'people',
        item.id,
        { delegatedPartnerId: personId.get(dsp) ?? null },
        item.etag,
        ctx,
      );
  }
  // The chair rotates between the DSPs: escalation goes to whoever holds it on the day.
  for (const [upn, startsOn, endsOn] of [
    ['dcs@harbourside.example', '2026-04-01', '2026-12-31'],
    ['tom.bradley@eastshire-police.example', '2027-01-01', undefined],
  ] as const) {
    await repo.create(
      'chairTerms',
      { personId: personId.get(upn) ?? '', startsOn, ...(endsOn ? { endsOn } : {}) },
      ctx,
    );
  }
  const meetingId = new Map<string, string>();
  for (const { key, ...fields } of meetings)
    meetingId.set(key, (await repo.create('meetings', fields, ctx)).id);
  const ids = (keys: string[]) => keys.flatMap((k) => partnerId.get(k) ?? []);
  const byFinding = new Map<string, string[]>();
  const observationItems = [];
  for (const { meeting, partners: ps, finding, ...fields } of observations) {
    const item = await repo.create(
      'observations',
      { ...fields, partnerIds: ids(ps), meetingId: meetingId.get(meeting) ?? null, status: 'open' },
      ctx,
    );
    observationItems.push(item);
    if (finding) byFinding.set(finding, [...(byFinding.get(finding) ?? []), item.id]);
  }
  const findingId = new Map<string, string>();
  for (const [key, { partners: ps, ...fields }] of Object.entries(findings)) {
    const observationIds = byFinding.get(key) ?? [];
    const f = await repo.create(
      'findings',
      { ...fields, partnerIds: ids(ps), observationIds },
      ctx,
    );
    findingId.set(key, f.id);
    for (const o of observationItems.filter((x) => observationIds.includes(x.id))) {
      await repo.update('observations', o.id, { status: 'promoted', findingId: f.id }, o.etag, ctx);
    }
  }
  // One recommendation already issued (the council has answered, the police have not), one draft.
  const issued = await repo.create(
    'recommendations',
    {
      reference: 'HSCP-R-2026-01',
      title: 'Bring the voice of children and families to every SLG meeting',
      text: 'The SLG should receive a standing item, at every meeting, on what children, young people and families have told partners, and record what it changed as a result.',
      priority: 'high',
      partnerIds: ids(['council', 'police']),
      findingIds: [findingId.get('voice') ?? ''],
      responseDueDate: '2026-12-18',
      status: 'issued',
      issuedAt: '2026-10-23T09:00:00+01:00',
    },
    ctx,
  );
  const carter = personId.get('sam.carter@harbourside.example') ?? '';
  const councilResponse = await repo.create(
    'responses',
    {
      recommendationId: issued.id,
      partnerId: partnerId.get('council') ?? '',
      decision: 'accept',
      rationale:
        'Agreed. The business unit will add a standing item from the January 2027 meeting, drawing on the young people’s panel.',
      responderId: carter,
      responderTenantId: DEMO_TENANT_ID,
      channel: 'teams-card',
      respondedAt: '2026-10-30T16:05:00Z',
      responseKey: `${issued.id}:${partnerId.get('council') ?? ''}`,
    },
    { ...ctx, actorId: carter, channel: 'teams-card' },
  );
  await repo.create(
    'actions',
    {
      recommendationId: issued.id,
      responseId: councilResponse.id,
      partnerId: partnerId.get('council') ?? '',
      description:
        'Agree with the young people’s panel how the standing item will gather and present what children and families say.',
      ownerId: carter,
      targetDate: '2026-11-13',
      evidenceExpected: 'The agreed format, and the panel’s notes of the session that agreed it.',
      status: 'open',
      actionKey: `${issued.id}:${partnerId.get('council') ?? ''}:0`,
    },
    { ...ctx, actorId: carter, channel: 'teams-card' },
  );
  await repo.create(
    'recommendations',
    {
      reference: 'HSCP-R-2026-02',
      title: 'Build a multi-agency performance dataset',
      text: 'Partners should agree a core multi-agency dataset, with police and health measures, for the SLG by the end of the reporting year.',
      priority: 'medium',
      partnerIds: ids(['council', 'icb', 'police']),
      findingIds: [findingId.get('data') ?? ''],
      responseDueDate: '2027-01-29',
      status: 'draft',
    },
    ctx,
  );
  await seedHarboursideCases(repo, ctx, (key) => partnerId.get(key));
  return true;
}
