import type { Paragraph, Table } from 'docx';
import { ragLabels, type Rag } from '../../domain/rag.js';
import { lineOfEnquiryLabels } from '../../domain/vocabulary.js';
import type {
  ClockLine,
  EvidenceList,
  ProgressGapKind,
  YearlyReportModel,
} from '../../domain/yearly-report/model.js';
import { longDate } from '../../domain/yearly-report/period.js';
import {
  sectionTitle,
  summaryPrompts,
  type SectionKey,
} from '../../domain/yearly-report/sections.js';
import {
  bullet,
  count,
  guidance,
  h1,
  h2,
  item,
  para,
  paragraphsOf,
  table,
} from './docx-report-parts.js';

type Block = Paragraph | Table;

/** The body of the statement, section by section, in the checklist's order. */
export function bodyOf(m: YearlyReportModel): Block[] {
  const heading = (key: SectionKey) => h1(sectionTitle(key));
  return [
    heading('summary'),
    ...summary(m),
    heading('method'),
    ...method(m),
    heading('gone-well'),
    ...evidence(m.goneWell, 'what has gone well'),
    heading('too-early'),
    ...evidence(m.tooEarly, 'what shows promise but is too early to judge'),
    heading('worries'),
    ...evidence(m.worries, 'worries that need addressing'),
    heading('recommendations'),
    ...recommendations(m),
    heading('little-progress'),
    ...littleProgress(m),
    heading('case-reviews'),
    ...caseReviews(m),
    heading('voice'),
    ...evidence(m.voice, 'the voice of children and families'),
    heading('training'),
    ...evidence(m.training, 'the effectiveness of training'),
    heading('disagreements'),
    ...disagreements(m),
  ];
}

function summary(m: YearlyReportModel): Block[] {
  if (m.summaryJudgement.trim()) return paragraphsOf(m.summaryJudgement);
  return [
    guidance(
      'The scrutineer has not written the summary judgement yet. It is theirs alone to write; it should answer:',
    ),
    ...summaryPrompts.map((p) => guidance(p, true)),
  ];
}

const days = (n: number) => count(n, 'day');
const money = (n: number) =>
  `£${n.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;

function method(m: YearlyReportModel): Block[] {
  const x = m.method;
  const out: Block[] = [
    para(
      `In ${m.period.label} the scrutineer observed ${count(x.meetingsObserved, 'meeting, visit or audit', 'meetings, visits and audits')}, ` +
        `including ${count(x.frontlineVisits, 'frontline visit')} and ${count(x.audits, 'audit')}, ` +
        `filed ${count(x.observations, 'observation')} and drew ${count(x.findings, 'finding')} from the evidence.`,
    ),
  ];
  if (x.meetingsByKind.length) {
    out.push(h2('Meetings observed'));
    out.push(
      table(
        ['Kind of meeting', 'Observed'],
        x.meetingsByKind.map((k) => [k.label, String(k.count)]),
        [3, 1],
      ),
    );
  }
  out.push(h2('Days of scrutiny'));
  out.push(
    x.days
      ? para(
          `${days(x.days.used)} used of the ${days(x.days.contracted)} contracted (${days(x.days.remaining)} remaining), ` +
            `at ${money(x.days.dayRate)} a day: ${money(x.days.used * x.days.dayRate)} so far.`,
        )
      : para(
          `No scrutiny plan was recorded for ${m.period.label}, so days cannot be set against a budget.`,
        ),
  );
  return out;
}

function evidence(list: EvidenceList, about: string): Block[] {
  if (list.total === 0) return [para(`No evidence about ${about} was recorded in the period.`)];
  const out: Block[] = [
    para(`${count(list.total, 'piece', 'pieces')} of evidence about ${about}.`),
  ];
  const findings = list.items.filter((e) => e.kind === 'finding');
  const observations = list.items.filter((e) => e.kind === 'observation');
  const source = (e: (typeof list.items)[number]) =>
    [
      `${longDate(e.date)}`,
      e.sources.length ? `Sources: ${e.sources.join(', ')}` : '',
      e.lineOfEnquiry ? `Line of enquiry: ${lineOfEnquiryLabels[e.lineOfEnquiry]}` : '',
      e.partners.length ? `Partners: ${e.partners.join(', ')}` : '',
      e.meeting ? `At: ${e.meeting}` : '',
      e.observations ? `Drawn from ${count(e.observations, 'observation')}` : '',
    ]
      .filter(Boolean)
      .join('. ') + '.';
  if (findings.length) {
    out.push(h2('Findings'));
    for (const f of findings) out.push(...item(f.title, f.text, source(f)));
  }
  if (observations.length) {
    out.push(h2('Observations not yet drawn into a finding'));
    for (const o of observations) out.push(...item(undefined, o.text, source(o)));
  }
  const more = list.total - list.items.length;
  if (more > 0) out.push(para(`And ${more} more, listed in the workbench.`));
  return out;
}

function recommendations(m: YearlyReportModel): Block[] {
  if (m.recommendations.length === 0)
    return [para('No recommendation was issued in the period or open during it.')];
  const parts = m.recommendations.flatMap((r) => r.partners.length);
  return [
    para(
      `${count(m.recommendations.length, 'recommendation')} issued in the period or still open, ` +
        `with ${count(
          parts.reduce((a, b) => a + b, 0),
          'named partner',
        )} between them. ` +
        `Progress is as at ${longDate(m.asAt)}, by the tracker's rules.`,
    ),
    table(
      ['Reference', 'Recommendation', 'Partner', 'Response', 'Actions verified', 'Progress'],
      m.recommendations.flatMap((r) =>
        r.partners.map((p) => [
          r.reference,
          `${r.title} (issued ${longDate(r.issuedOn)})`,
          p.name,
          p.respondedOn ? `${p.response}, ${longDate(p.respondedOn)}` : p.response,
          `${p.verified} of ${p.actions}`,
          progress(p.rag, p.reason),
        ]),
      ),
      [3, 4, 3, 3, 2, 4],
    ),
  ];
}

/** "Red: Overdue by 3 days"; a reason that already names its RAG ("Paused: ...") stands alone. */
const progress = (rag: Rag, reason: string) =>
  reason.startsWith(ragLabels[rag]) ? reason : `${ragLabels[rag]}: ${reason}`;

const gapWords: Record<ProgressGapKind, string> = {
  'red-action': 'Action (red)',
  'paused-action': 'Action (paused)',
  decline: 'Declined',
  'overdue-response': 'Response overdue',
};

function littleProgress(m: YearlyReportModel): Block[] {
  if (m.recommendations.length === 0)
    return [para('There were no recommendations against which to judge progress.')];
  if (m.littleProgress.length === 0)
    return [para('No action was red or paused, no partner declined, and no response was late.')];
  return [
    para(
      `${count(m.littleProgress.length, 'area', 'areas')} with little or no progress as at ${longDate(m.asAt)}.`,
    ),
    table(
      ['Reference', 'Partner', 'What', 'Subject', 'Why'],
      m.littleProgress.map((g) => [g.reference, g.partner, gapWords[g.kind], g.subject, g.reason]),
      [3, 3, 2, 5, 4],
    ),
  ];
}

function clockState(c: ClockLine): string {
  const late = c.late !== undefined ? ` by ${c.late} ${c.lateUnit ?? 'days'}` : '';
  switch (c.state) {
    case 'met':
      return 'Met';
    case 'late':
      return `Late${late}`;
    case 'overdue':
      return `Overdue${late}`;
    case 'running':
      return 'Running';
    case 'waiting':
      return 'Not started';
    default:
      return 'Not applicable';
  }
}

function caseReviews(m: YearlyReportModel): Block[] {
  const c = m.caseReviews;
  if (c.reviews.length === 0) return [para('No case review was under way in the period.')];
  const out: Block[] = [
    para(
      `${count(c.reviews.length, 'case review')} in the period, named by partnership code only. ` +
        'Notification to the national Panel is due within 5 working days of awareness, the rapid review within 15 working days of notification, and a local child safeguarding practice review is published within 6 months of the decision to hold one.',
    ),
    h2('Timeliness by clock'),
    table(
      ['Clock', 'Met', 'Late', 'Overdue', 'Running'],
      c.timeliness.map((t) => [
        t.label,
        String(t.met),
        String(t.late),
        String(t.overdue),
        String(t.running),
      ]),
      [4, 1, 1, 1, 1],
    ),
    h2('Each review'),
    table(
      ['Case', 'Clock', 'Due', 'Done', 'State'],
      c.reviews.flatMap((r) =>
        r.clocks.map((k) => [
          r.code,
          k.label,
          k.dueOn ? longDate(k.dueOn) : '',
          k.doneOn ? longDate(k.doneOn) : '',
          clockState(k),
        ]),
      ),
      [3, 3, 2, 2, 2],
    ),
  ];
  const reasons = c.reviews.flatMap((r) =>
    r.clocks
      .filter((k) => k.state === 'late' || k.state === 'overdue')
      .map((k) => `${r.code}, ${k.label.toLowerCase()}: ${k.lateReason ?? 'no reason recorded'}`),
  );
  if (reasons.length) {
    out.push(h2('Why clocks were missed'));
    out.push(...reasons.map(bullet));
  }
  const notes = c.reviews.filter((r) => r.assuranceNote);
  if (notes.length) {
    out.push(h2('Assurance notes'));
    for (const r of notes)
      out.push(...item(r.code, r.assuranceNote ?? '', 'The scrutineer’s assurance note.'));
  }
  return out;
}

function disagreements(m: YearlyReportModel): Block[] {
  const d = m.disagreements;
  if (d.items.length === 0)
    return [para('No disagreement between partners was recorded in the period.')];
  const out: Block[] = [
    para(
      `${count(d.items.length, 'disagreement')} in the period; ${d.resolved} resolved` +
        (d.medianDaysToResolution === null
          ? '.'
          : `, in a median of ${count(d.medianDaysToResolution, 'day')}.`) +
        ` Independent advice was given on ${d.withAdvice}.`,
    ),
    table(
      ['Reference', 'Parties', 'Raised', 'Resolved', 'Days', 'Status'],
      d.items.map((x) => [
        x.reference,
        x.parties.join(', '),
        longDate(x.raisedOn),
        x.resolvedOn ? longDate(x.resolvedOn) : '',
        x.daysToResolution === undefined ? '' : String(x.daysToResolution),
        x.status.charAt(0).toUpperCase() + x.status.slice(1),
      ]),
      [3, 4, 2, 2, 1, 2],
    ),
  ];
  const advised = d.items.filter((x) => x.advice);
  if (advised.length) {
    out.push(h2('Advice given'));
    for (const x of advised)
      out.push(
        ...item(
          x.reference,
          x.advice ?? '',
          x.adviceOn ? `Advice given on ${longDate(x.adviceOn)}.` : 'Independent advice.',
        ),
      );
  }
  return out;
}
