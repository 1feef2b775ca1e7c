import { ragLabels, type RagRules } from '../../domain/rag.js';
import {
  decisionLabels,
  evidenceClassLabels,
  lineOfEnquiryLabels,
  linesOfEnquiry,
  priorityLabels,
  type LineOfEnquiry,
} from '../../domain/vocabulary.js';
import type { Actor, Deps } from '../deps.js';
import { invalid } from '../errors.js';
import type { EvidenceStore } from '../ports/evidence.js';
import type { CellValue, SheetModel } from '../ports/spreadsheet.js';
import { londonWallClock } from './exports-cells.js';
import { aboutSheet, asAtWords, clockWords, partnershipName, type ExportFile } from './exports.js';
import { actionsSheet, impactChecksSheet } from './exports-tracker-sheets.js';
import { inspectionEvidence } from './inspection-pack-evidence.js';
import { buildTrackerView } from './tracker.js';
import { requireWholeView } from './visibility.js';

export const isLineOfEnquiry = (value: string): value is LineOfEnquiry =>
  (linesOfEnquiry as readonly string[]).includes(value);

/** `frontline-visit` → "Frontline visit". */
const words = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replace(/-/g, ' ');

export interface InspectionPackOptions {
  theme: string;
  /** Where the server is reached, for absolute evidence links; without it links are text. */
  baseUrl?: string | undefined;
  rules?: RagRules | undefined;
}

/**
 * What an inspector asks for on one line of enquiry: the findings on it, the recommendations
 * drawn from them with each partner's response, their actions and RAG, the evidence files behind
 * all of these, and the impact checks. Whole-view readers only (it spans every partner).
 */
export async function inspectionPackWorkbook(
  deps: Deps,
  evidence: Pick<EvidenceStore, 'list'>,
  actor: Actor,
  options: InspectionPackOptions,
): Promise<ExportFile> {
  requireWholeView(actor, 'export an inspection pack');
  const theme = options.theme;
  if (!isLineOfEnquiry(theme))
    throw invalid(
      'invalid-theme',
      `theme must be one of the lines of enquiry: ${linesOfEnquiry.join(', ')}; not "${theme}".`,
    );
  const [view, partnership, findings, recommendations, partners] = await Promise.all([
    buildTrackerView(deps, actor, { rules: options.rules }),
    partnershipName(deps),
    deps.repo.all('findings'),
    deps.repo.all('recommendations'),
    deps.repo.all('partners'),
  ]);
  const partnerName = new Map(partners.map((p) => [p.id, p.fields.name]));
  const onTheme = findings
    .filter((f) => f.fields.lineOfEnquiry === theme)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const findingIds = new Set(onTheme.map((f) => f.id));
  const recommendationIds = new Set(
    recommendations
      .filter((r) => (r.fields.findingIds ?? []).some((id) => findingIds.has(id)))
      .map((r) => r.id),
  );
  const textOf = new Map(recommendations.map((r) => [r.id, r.fields.text]));
  const rows = view.rows.filter((row) => recommendationIds.has(row.recommendation.id));

  const findingsSheet: SheetModel = {
    name: 'Findings',
    columns: [
      { header: 'Title', kind: 'text', width: 36 },
      { header: 'Class', kind: 'text', width: 16 },
      { header: 'Sources', kind: 'text', width: 28 },
      { header: 'Partners', kind: 'text', width: 28 },
      { header: 'Evidence summary', kind: 'text', width: 70 },
      { header: 'Recorded', kind: 'datetime' },
    ],
    rows: onTheme.map((f): CellValue[] => [
      f.fields.title,
      evidenceClassLabels[f.fields.evidenceClass],
      (f.fields.sources ?? []).map(words).join('; '),
      (f.fields.partnerIds ?? []).map((id) => partnerName.get(id) ?? id).join('; '),
      f.fields.summary,
      londonWallClock(f.createdAt),
    ]),
  };

  const responsesSheet: SheetModel = {
    name: 'Recommendations and responses',
    columns: [
      { header: 'Reference', kind: 'text', width: 16 },
      { header: 'Title', kind: 'text', width: 36 },
      { header: 'Priority', kind: 'text', width: 10 },
      { header: 'Recommendation', kind: 'text', width: 60 },
      { header: 'Issued', kind: 'datetime' },
      { header: 'Partner', kind: 'text', width: 28 },
      { header: 'Decision', kind: 'text', width: 18 },
      { header: 'Rationale', kind: 'text', width: 50 },
      { header: 'Responded', kind: 'datetime' },
      { header: 'RAG', kind: 'text', width: 9 },
      { header: 'Reason', kind: 'text', width: 36 },
    ],
    rows: rows.flatMap((row) =>
      row.partners.map((part): CellValue[] => [
        row.recommendation.reference,
        row.recommendation.title,
        priorityLabels[row.recommendation.priority],
        textOf.get(row.recommendation.id) ?? null,
        londonWallClock(row.recommendation.issuedAt),
        part.partner.name,
        part.response ? decisionLabels[part.response.decision] : 'Awaiting response',
        part.response?.rationale ?? null,
        londonWallClock(part.response?.respondedAt),
        ragLabels[part.rag.rag],
        part.rag.reason,
      ]),
    ),
  };

  const evidenceSheet = await inspectionEvidence(deps, evidence, {
    findings: onTheme,
    rows,
    baseUrl: options.baseUrl,
  });

  const label = lineOfEnquiryLabels[theme];
  const about = aboutSheet(
    [
      ['Partnership', partnership],
      ['Contents', `Inspection pack: ${label}`],
      ['Line of enquiry', `${label} (${theme})`],
      ['As at', asAtWords(view)],
      ['Exported by', `${actor.displayName} (${actor.roles.join(', ')})`],
      ['Exported at', clockWords(deps.now().toISOString())],
      [
        'In this pack',
        `${onTheme.length} findings, ${rows.length} recommendations, ${evidenceSheet.rows.length} evidence files`,
      ],
    ],
    view.rules,
  );
  return {
    fileName: `critical-friend-inspection-pack-${theme}-${view.today}.xlsx`,
    book: {
      properties: {
        title: `${partnership}: inspection pack, ${label}`,
        creator: actor.displayName,
        created: deps.now().toISOString(),
      },
      sheets: [
        about,
        findingsSheet,
        responsesSheet,
        actionsSheet(rows),
        evidenceSheet,
        impactChecksSheet(rows),
      ],
    },
  };
}
