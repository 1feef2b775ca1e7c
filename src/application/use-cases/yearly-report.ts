import type { YearlyReport } from '../../domain/lists/schema.js';
import type { RagRules } from '../../domain/rag.js';
import {
  checklist,
  reportPeriod,
  type ChecklistSection,
  type YearlyReportModel,
} from '../../domain/yearly-report/index.js';
import type { Channel } from '../../domain/vocabulary.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { RequestError } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import type { EvidenceStore } from '../ports/evidence.js';
import type { HolidayCalendar } from '../ports/holidays.js';
import { ConflictError, type StoredItem } from '../ports/repository.js';
import type { ReportRenderer } from '../ports/report-renderer.js';
import { createOnce } from './create-once.js';
import { assertCurrent, requireIfMatch } from './etag.js';
import { requireRole } from './authorise.js';
import { requireWholeView } from './visibility.js';
import { gatherYearlyReport } from './yearly-report-gather.js';

/** What the yearly report needs beyond the repository. */
export interface YearlyReportDeps {
  /** Where the signed-off statement and its data are frozen, against the yearlyReports item. */
  evidence: EvidenceStore;
  renderer: ReportRenderer;
  /** For the case-review clocks' working days. */
  holidays: HolidayCalendar;
  rules?: RagRules;
}

export const reportKeyOf = (year: number) => `yearly:${year}`;

export async function findReport(
  deps: Deps,
  year: number,
): Promise<StoredItem<'yearlyReports'> | undefined> {
  const [report] = await deps.repo.all('yearlyReports', {
    field: 'reportKey',
    equals: reportKeyOf(year),
  });
  return report;
}

/** `yearly-statement-2026-27.docx`. */
export const statementFileName = (year: number, extension: string) =>
  `yearly-statement-${reportPeriod(year).label.replace('/', '-')}.${extension}`;

const isSignedOff = (r: YearlyReport | undefined) => r?.status === 'signed-off';

const signedOffAlready = () =>
  new RequestError(
    409,
    'signed-off',
    'This yearly report has been signed off: the statement is frozen and can no longer be changed.',
  );

/** The statement as a document: the frozen one once signed off, otherwise drafted from the data now. */
export async function yearlyStatement(
  deps: Deps,
  report: YearlyReportDeps,
  actor: Actor,
  year: number,
): Promise<{ name: string; contentType: string; content: Uint8Array }> {
  requireWholeView(actor, 'read the yearly report');
  const stored = await findReport(deps, year);
  const name = statementFileName(year, report.renderer.extension);
  if (isSignedOff(stored?.fields) && stored?.fields.snapshotFileId) {
    const file = await report.evidence.get(stored.fields.snapshotFileId);
    const content = await report.evidence.content(stored.fields.snapshotFileId);
    if (!file || !content)
      throw new RequestError(404, 'not-found', 'The signed-off statement’s file is missing.');
    return { name, contentType: file.contentType, content };
  }
  const model = await gatherYearlyReport(deps, report.holidays, actor, year, stored?.fields, {
    rules: report.rules,
  });
  return {
    name,
    contentType: report.renderer.contentType,
    content: await report.renderer.render(model),
  };
}

/** The frozen model of a signed-off report (the JSON stored beside the document). */
async function frozenModel(
  report: YearlyReportDeps,
  stored: StoredItem<'yearlyReports'>,
): Promise<YearlyReportModel | undefined> {
  const files = await report.evidence.list('yearlyReports', stored.id);
  const json = files.find((f) => f.name.endsWith('.json'));
  const content = json ? await report.evidence.content(json.id) : undefined;
  return content ? (JSON.parse(new TextDecoder().decode(content)) as YearlyReportModel) : undefined;
}

/** Which sections Working Together expects and which are thin, for the year (frozen once signed off). */
export async function yearlyChecklist(
  deps: Deps,
  report: YearlyReportDeps,
  actor: Actor,
  year: number,
): Promise<{
  report: StoredItem<'yearlyReports'> | undefined;
  period: { from: string; to: string };
  sections: ChecklistSection[];
}> {
  requireWholeView(actor, 'read the yearly report');
  const stored = await findReport(deps, year);
  const frozen =
    stored && isSignedOff(stored.fields) ? await frozenModel(report, stored) : undefined;
  const model =
    frozen ??
    (await gatherYearlyReport(deps, report.holidays, actor, year, stored?.fields, {
      rules: report.rules,
    }));
  return {
    report: stored,
    period: { from: model.period.from, to: model.period.to },
    sections: checklist(model),
  };
}

/**
 * Writes the scrutineer's summary judgement (the one section that is theirs alone). The first
 * write creates the year's report; later ones need its etag. Refused once signed off.
 */
export async function writeSummary(
  deps: Deps,
  actor: Actor,
  year: number,
  summaryJudgement: string,
  ifMatch: string | undefined,
  channel: Channel,
): Promise<{ item: StoredItem<'yearlyReports'>; created: boolean }> {
  requireRole(actor, ['scrutineer'], 'write the summary judgement');
  assertNoIdentifiableData('yearlyReports', { summaryJudgement });
  const ctx = changeContext(deps, actor, channel);
  const stored = await findReport(deps, year);
  if (!stored) {
    const { item, created } = await createOnce(
      deps.repo,
      'yearlyReports',
      { year, reportKey: reportKeyOf(year), status: 'draft', summaryJudgement },
      ctx,
    );
    // Someone else started the report first: theirs stands until this one is based on it.
    if (!created) throw new ConflictError('yearlyReports', item.id);
    return { item, created };
  }
  const etag = requireIfMatch(ifMatch);
  assertCurrent('yearlyReports', stored, etag);
  if (isSignedOff(stored.fields)) throw signedOffAlready();
  const item = await deps.repo.update('yearlyReports', stored.id, { summaryJudgement }, etag, ctx);
  return { item, created: false };
}

/**
 * The scrutineer signs the statement off: it is rendered from the data as they stand, stored
 * with its model as JSON in the evidence store against the report, and frozen. From then on the
 * statement is the stored file and the summary cannot change.
 */
export async function signOffYearlyReport(
  deps: Deps,
  report: YearlyReportDeps,
  actor: Actor,
  year: number,
  ifMatch: string | undefined,
  channel: Channel,
): Promise<StoredItem<'yearlyReports'>> {
  requireRole(actor, ['scrutineer'], 'sign off the yearly report');
  const stored = await findReport(deps, year);
  if (!stored)
    throw new RequestError(
      409,
      'no-summary',
      'Write the summary judgement before signing the yearly report off.',
    );
  const etag = requireIfMatch(ifMatch);
  assertCurrent('yearlyReports', stored, etag);
  if (isSignedOff(stored.fields)) throw signedOffAlready();
  if (!stored.fields.summaryJudgement?.trim())
    throw new RequestError(
      409,
      'no-summary',
      'Write the summary judgement before signing the yearly report off.',
    );

  const ctx = changeContext(deps, actor, channel);
  const model = await gatherYearlyReport(
    deps,
    report.holidays,
    actor,
    year,
    { ...stored.fields, status: 'signed-off' },
    { rules: report.rules, signedOff: { at: ctx.at, byName: actor.displayName } },
  );
  const document = await report.renderer.render(model);
  const json = new TextEncoder().encode(JSON.stringify(model));
  const put = async (name: string, contentType: string, content: Uint8Array) =>
    report.evidence.put(
      {
        name,
        contentType,
        itemList: 'yearlyReports',
        itemId: stored.id,
        // Drawn only from fields the guard checked when they were stored.
        screening: 'text-checked',
        sha256: await sha256Hex(content),
      },
      content,
      ctx,
    );
  const file = await put(
    statementFileName(year, report.renderer.extension),
    report.renderer.contentType,
    document,
  );
  await put(statementFileName(year, 'json'), 'application/json', json);
  return deps.repo.update(
    'yearlyReports',
    stored.id,
    { status: 'signed-off', signedOffAt: ctx.at, signedOffById: actor.id, snapshotFileId: file.id },
    etag,
    ctx,
  );
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const view = new Uint8Array(bytes.byteLength);
  view.set(bytes);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', view));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
