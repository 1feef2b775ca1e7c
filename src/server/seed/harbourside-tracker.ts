import type { ChangeContext, Repository } from '../../application/ports/repository.js';
import type { Fields } from '../../domain/lists/schema.js';
import { reportingYearOf } from '../../domain/plan-year.js';
import { londonDate } from '../../domain/responses.js';
import {
  actionEventKey,
  impactCheckActivity,
  impactCheckDueDate,
  impactCheckKey,
} from '../../domain/verification.js';
import type { ActionEventKind, ActionStatus, Decision, Priority } from '../../domain/vocabulary.js';
import { DEMO_TENANT_ID } from './harbourside.js';

/**
 * Recommendations further along than the seed's first one, so the tracker and the dashboard show
 * every RAG state: verified (green), reopened and on track, done awaiting verification (amber),
 * overdue, stale and an unanswered recommendation past its due date (red), and paused with a
 * reason. Every date is counted back from the seed's clock, so the states hold whenever it runs.
 * Everything is fictional; no child or family is named.
 */

/** `daysAgo` days before the seed's clock (negative: after it). */
type Ago = number;

interface ActionSeed {
  description: string;
  owner: string;
  /** The target date, as days ago (negative: still to come). */
  target: Ago;
  evidenceExpected: string;
  updates: { at: Ago; progress: number; narrative: string; evidenceLink?: string }[];
  acts?: { at: Ago; kind: ActionEventKind; note: string }[];
  /** Months after verification: an impact check scheduled then. */
  impactCheck?: 3 | 6 | 12;
}

interface PartSeed {
  partner: string;
  response: { at: Ago; decision: Decision; rationale: string; by: string };
  actions: ActionSeed[];
}

interface RecommendationSeed {
  reference: string;
  title: string;
  text: string;
  priority: Priority;
  finding: string;
  issued: Ago;
  responseDue: Ago;
  partners: string[];
  parts: PartSeed[];
}

const SCRUTINEER = 'scrutineer@harbourside.example';
const AISHA = 'aisha.noor@eastshire-police.example';
const TOM = 'tom.bradley@eastshire-police.example';
const SAM = 'sam.carter@harbourside.example';
const BETH = 'beth.morris@coastvale-icb.example';
const LENA = 'lena.kowalski@brightpath.example';

const STRATEGY = 'Police are not consistently part of strategy discussions';
const VOICE = 'The voice of children and families does not reach the SLG';
const DATA = 'The SLG has no multi-agency performance picture';

const recommendations: RecommendationSeed[] = [
  {
    reference: 'HSCP-R-2026-03',
    title: 'Make police attendance at strategy discussions routine',
    text: 'Eastshire Constabulary and Harbourside Council should make sure the police join every strategy discussion where they may hold relevant information, whatever the shift, and show the SLG that they do.',
    priority: 'high',
    finding: STRATEGY,
    issued: 120,
    responseDue: 92,
    partners: ['Eastshire Constabulary', 'Harbourside Council'],
    parts: [
      {
        partner: 'Eastshire Constabulary',
        response: {
          at: 100,
          decision: 'accept',
          rationale:
            'Agreed. Public protection will name a duty officer for strategy discussions on every shift and audit attendance each quarter.',
          by: AISHA,
        },
        actions: [
          {
            description:
              'Publish a duty rota that names an officer for strategy discussions on every shift.',
            owner: TOM,
            target: 40,
            evidenceExpected: 'The published rota and four weeks of the Front Door log.',
            updates: [
              { at: 80, progress: 40, narrative: 'Draft rota shared with Front Door managers.' },
              {
                at: 52,
                progress: 100,
                narrative: 'Rota published and in use on all shifts.',
                evidenceLink: 'https://intranet.eastshire-police.example/public-protection/rota',
              },
            ],
            acts: [
              {
                at: 45,
                kind: 'verified',
                note: 'Saw the published rota and four weeks of the Front Door log: a named officer joined every strategy discussion.',
              },
            ],
            impactCheck: 3,
          },
          {
            description:
              'Audit police attendance at strategy discussions every quarter and report it to the SLG.',
            owner: AISHA,
            target: -30,
            evidenceExpected: 'The quarterly audit reports and the SLG minutes that received them.',
            updates: [
              { at: 75, progress: 50, narrative: 'Audit method agreed with the council.' },
              {
                at: 50,
                progress: 100,
                narrative: 'First quarterly audit reported to the SLG.',
              },
              {
                at: 8,
                progress: 70,
                narrative: 'Night shifts added to the audit sample; report due at the next SLG.',
              },
            ],
            acts: [
              {
                at: 44,
                kind: 'verified',
                note: 'Read the first quarterly audit and the SLG minute that received it.',
              },
              {
                at: 20,
                kind: 'reopened',
                note: 'The second quarter shows attendance falling on night shifts; the audit must cover every shift before this can close.',
              },
            ],
          },
          {
            description: 'Train duty officers on the thresholds for joining a strategy discussion.',
            owner: TOM,
            target: -25,
            evidenceExpected: 'Attendance lists and the evaluation of the sessions.',
            updates: [
              {
                at: 60,
                progress: 30,
                narrative: 'Training plan agreed; the first two sessions are booked.',
              },
            ],
          },
        ],
      },
      {
        partner: 'Harbourside Council',
        response: {
          at: 96,
          decision: 'partially-accept',
          rationale:
            'Agreed for the Front Door. Changes to the out-of-hours service will follow its own review in the spring.',
          by: SAM,
        },
        actions: [
          {
            description: 'Add a field for police attendance to the strategy discussion record.',
            owner: SAM,
            target: 12,
            evidenceExpected: 'A screenshot of the changed record and a month of completed fields.',
            updates: [
              {
                at: 30,
                progress: 60,
                narrative: 'The change request is with the case management system supplier.',
              },
            ],
          },
          {
            description:
              'Brief Front Door team managers on inviting the police to every strategy discussion.',
            owner: SAM,
            target: -14,
            evidenceExpected: 'The briefing notes and the list of managers briefed.',
            updates: [
              { at: 40, progress: 50, narrative: 'Half of the team managers briefed.' },
              {
                at: 4,
                progress: 100,
                narrative: 'All team managers briefed; the notes are on the intranet.',
                evidenceLink: 'https://intranet.harbourside.example/front-door/briefing',
              },
            ],
          },
          {
            description:
              'Check a monthly sample of strategy discussions for police attendance and tell the team managers what it shows.',
            owner: SAM,
            target: -45,
            evidenceExpected: 'The monthly sample results.',
            updates: [
              { at: 35, progress: 20, narrative: 'Sampling method agreed.' },
              {
                at: 6,
                progress: 45,
                narrative: 'Two monthly samples done; police attendance was recorded in both.',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    reference: 'HSCP-R-2026-04',
    title: 'Add health measures to the partnership’s performance report',
    text: 'Coast & Vale ICB should agree with the business unit the health measures the SLG will see every quarter alongside children’s social care data.',
    priority: 'medium',
    finding: DATA,
    issued: 90,
    responseDue: 60,
    partners: ['Coast & Vale ICB'],
    parts: [
      {
        partner: 'Coast & Vale ICB',
        response: {
          at: 70,
          decision: 'accept',
          rationale: 'Agreed, subject to the regional data-sharing agreement.',
          by: BETH,
        },
        actions: [
          {
            description: 'Agree the health measures the SLG will see each quarter.',
            owner: BETH,
            target: -40,
            evidenceExpected: 'The agreed list of measures and the first quarterly report.',
            updates: [
              {
                at: 50,
                progress: 40,
                narrative: 'Draft list of measures shared with the business unit.',
              },
            ],
            acts: [
              {
                at: 21,
                kind: 'paused',
                note: 'Waiting for the regional data-sharing agreement: the ICB cannot share the measures until it is signed.',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    reference: 'HSCP-R-2026-05',
    title: 'Bring the youth forum’s feedback to the partnership',
    text: 'Brightpath Youth Trust should summarise what its youth forum tells it in each quarterly report to the partnership, and say what changed as a result.',
    priority: 'low',
    finding: VOICE,
    issued: 150,
    responseDue: 120,
    partners: ['Brightpath Youth Trust'],
    parts: [
      {
        partner: 'Brightpath Youth Trust',
        response: {
          at: 130,
          decision: 'accept',
          rationale: 'Agreed; the forum has asked for this itself.',
          by: LENA,
        },
        actions: [
          {
            description:
              'Add a summary of the youth forum’s feedback, and what changed, to each quarterly report to the partnership.',
            owner: LENA,
            target: 60,
            evidenceExpected: 'Two quarterly reports with the summary.',
            updates: [
              { at: 100, progress: 50, narrative: 'First summary drafted with the forum.' },
              {
                at: 66,
                progress: 100,
                narrative: 'Two quarterly reports sent with the forum’s summary.',
              },
            ],
            acts: [
              {
                at: 58,
                kind: 'verified',
                note: 'Read two quarterly reports, each with the forum’s feedback and what changed as a result.',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    reference: 'HSCP-R-2026-06',
    title: 'Include strategy discussion thresholds in designated safeguarding lead training',
    text: 'Harbourside College should make sure its designated safeguarding leads know when a strategy discussion is needed and how to take part in one.',
    priority: 'medium',
    finding: STRATEGY,
    issued: 40,
    responseDue: 10,
    partners: ['Harbourside College'],
    parts: [],
  },
];

const DAY_MS = 86_400_000;

/** The status column follows the record (the tracker works it out from updates and acts). */
function statusOf(a: ActionSeed): ActionStatus {
  let status: ActionStatus = 'open';
  const steps = [
    ...a.updates.map((u) => ({ at: u.at, progress: u.progress as number | undefined })),
    ...(a.acts ?? []).map((e) => ({ at: e.at, kind: e.kind })),
  ].sort((x, y) => y.at - x.at);
  for (const s of steps) {
    if ('kind' in s) status = s.kind === 'resumed' ? 'open' : s.kind;
    else if (status !== 'verified' && status !== 'paused')
      status = (s.progress ?? 0) >= 100 ? 'done' : status === 'done' ? 'open' : status;
  }
  return status;
}

/**
 * Seeds the tracker's demo records into the demo partnership. Returns false when they are there
 * already or the demo partnership is not (a store that was never seeded with it).
 */
export async function seedHarboursideTracker(
  repo: Repository,
  now: Date = new Date(),
): Promise<boolean> {
  const [first] = recommendations;
  if (!first) return false;
  const existing = await repo.all('recommendations', {
    field: 'reference',
    equals: first.reference,
  });
  if (existing.length > 0) return false;
  const partnerId = new Map((await repo.all('partners')).map((p) => [p.fields.name, p.id]));
  const personId = new Map((await repo.all('people')).map((p) => [p.fields.upn, p.id]));
  const findingId = new Map((await repo.all('findings')).map((f) => [f.fields.title, f.id]));
  const scrutineer = personId.get(SCRUTINEER);
  if (!scrutineer || !partnerId.has('Eastshire Constabulary')) return false;

  const instant = (ago: Ago) => new Date(now.getTime() - ago * DAY_MS).toISOString();
  const date = (ago: Ago) => londonDate(instant(ago));
  const ctx = (ago: Ago, actorId = 'system:seed'): ChangeContext => ({
    actorId,
    homeTenantId: DEMO_TENANT_ID,
    channel: actorId === 'system:seed' ? 'system' : 'teams-card',
    at: instant(ago),
  });
  const id = (map: Map<string, string>, key: string) => map.get(key) ?? '';

  for (const r of recommendations) {
    const rec = await repo.create(
      'recommendations',
      {
        reference: r.reference,
        title: r.title,
        text: r.text,
        priority: r.priority,
        partnerIds: r.partners.map((p) => id(partnerId, p)),
        findingIds: findingId.has(r.finding) ? [id(findingId, r.finding)] : [],
        responseDueDate: date(r.responseDue),
        status: 'issued',
        issuedAt: instant(r.issued),
      },
      ctx(r.issued),
    );
    for (const part of r.parts) {
      const partner = id(partnerId, part.partner);
      const responder = id(personId, part.response.by);
      const responseKey = `${rec.id}:${partner}`;
      const response = await repo.create(
        'responses',
        {
          recommendationId: rec.id,
          partnerId: partner,
          decision: part.response.decision,
          rationale: part.response.rationale,
          responderId: responder,
          responderTenantId: DEMO_TENANT_ID,
          channel: 'teams-card',
          respondedAt: instant(part.response.at),
          responseKey,
        },
        ctx(part.response.at, responder),
      );
      for (const [slot, a] of part.actions.entries()) {
        const owner = id(personId, a.owner);
        const action = await repo.create(
          'actions',
          {
            recommendationId: rec.id,
            responseId: response.id,
            partnerId: partner,
            description: a.description,
            ownerId: owner,
            targetDate: date(a.target),
            evidenceExpected: a.evidenceExpected,
            status: statusOf(a),
            actionKey: `${responseKey}:${slot}`,
          },
          ctx(part.response.at, responder),
        );
        for (const [n, u] of a.updates.entries()) {
          const fields: Fields<'actionUpdates'> = {
            actionId: action.id,
            progress: u.progress,
            narrative: u.narrative,
            authorId: owner,
            at: instant(u.at),
            updateKey: `seed:${action.id}:${n}`,
            ...(u.evidenceLink ? { evidenceLink: u.evidenceLink } : {}),
          };
          await repo.create('actionUpdates', fields, ctx(u.at, owner));
        }
        for (const [n, e] of (a.acts ?? []).entries()) {
          await repo.create(
            'actionEvents',
            {
              actionId: action.id,
              kind: e.kind,
              note: e.note,
              byId: scrutineer,
              at: instant(e.at),
              eventKey: actionEventKey(action.id, `seed-${n}`),
            },
            { ...ctx(e.at, scrutineer), channel: 'tab' },
          );
        }
        const verified = (a.acts ?? []).find((e) => e.kind === 'verified');
        if (a.impactCheck && verified)
          await seedImpactCheck(repo, {
            action: { id: action.id, recommendationId: rec.id, description: a.description },
            reference: r.reference,
            monthsAfter: a.impactCheck,
            verifiedOn: date(verified.at),
            ctx: { ...ctx(verified.at, scrutineer), channel: 'tab' },
          });
      }
    }
  }
  return true;
}

/** Scheduled as the scrutineer would, and put on the plan of its due date's year if there is one. */
async function seedImpactCheck(
  repo: Repository,
  c: {
    action: { id: string; recommendationId: string; description: string };
    reference: string;
    monthsAfter: 3 | 6 | 12;
    verifiedOn: string;
    ctx: ChangeContext;
  },
): Promise<void> {
  const dueDate = impactCheckDueDate(c.verifiedOn, c.monthsAfter);
  const [plan] = await repo.all('plans', {
    field: 'reportingYear',
    equals: reportingYearOf(dueDate),
  });
  const activity = plan
    ? await repo.create(
        'planActivities',
        { ...impactCheckActivity(c.reference, c.action.description), planId: plan.id },
        c.ctx,
      )
    : undefined;
  await repo.create(
    'impactChecks',
    {
      actionId: c.action.id,
      recommendationId: c.action.recommendationId,
      monthsAfter: c.monthsAfter,
      dueDate,
      status: 'scheduled',
      checkKey: impactCheckKey(c.action.id, c.monthsAfter),
      ...(activity ? { planActivityId: activity.id } : {}),
    },
    c.ctx,
  );
}
