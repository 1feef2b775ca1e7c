import { ragLabels, type RagVerdict } from '../../domain/rag.js';
import type { TrackerAction, TrackerPartner, TrackerRow } from '../../domain/tracker-view.js';
import {
  decisionLabels,
  evidenceClassLabels,
  lineOfEnquiryLabels,
  priorityLabels,
} from '../../domain/vocabulary.js';
import type { CellValue, SheetModel } from '../ports/spreadsheet.js';
import {
  actionStatusLabels,
  channelLabels,
  historyKindLabels,
  impactCheckStatusLabels,
  londonWallClock,
} from './exports-cells.js';

/** The tracker's views as sheets: one row per recommendation, partner part, action or entry. */

const rag = (v: RagVerdict) => ragLabels[v.rag];

/** Each action with the recommendation and partner it belongs to. */
function eachAction(rows: readonly TrackerRow[]) {
  return rows.flatMap((row) =>
    row.partners.flatMap((part) => part.actions.map((action) => ({ row, part, action }))),
  );
}

const actionKey = (row: TrackerRow, part: TrackerPartner): CellValue[] => [
  row.recommendation.reference,
  part.partner.name,
];

export function recommendationsSheet(rows: readonly TrackerRow[]): SheetModel {
  return {
    name: 'Recommendations',
    columns: [
      { header: 'Reference', kind: 'text', width: 16 },
      { header: 'Title', kind: 'text', width: 40 },
      { header: 'Priority', kind: 'text', width: 10 },
      { header: 'Themes', kind: 'text', width: 30 },
      { header: 'Partners', kind: 'text', width: 30 },
      { header: 'Issued', kind: 'datetime' },
      { header: 'Response due', kind: 'date' },
      { header: 'Age (days)', kind: 'number', width: 11 },
      { header: 'RAG', kind: 'text', width: 9 },
      { header: 'Reason', kind: 'text', width: 36 },
    ],
    rows: rows.map((r) => [
      r.recommendation.reference,
      r.recommendation.title,
      priorityLabels[r.recommendation.priority],
      r.recommendation.themes.map((t) => lineOfEnquiryLabels[t]).join('; '),
      r.partners.map((p) => p.partner.name).join('; '),
      londonWallClock(r.recommendation.issuedAt),
      r.recommendation.responseDueDate,
      r.ageDays,
      rag(r.rag),
      r.rag.reason,
    ]),
  };
}

export function responsesSheet(rows: readonly TrackerRow[]): SheetModel {
  return {
    name: 'Responses',
    columns: [
      { header: 'Reference', kind: 'text', width: 16 },
      { header: 'Partner', kind: 'text', width: 28 },
      { header: 'Decision', kind: 'text', width: 18 },
      { header: 'Rationale', kind: 'text', width: 50 },
      { header: 'Responder', kind: 'text', width: 22 },
      { header: 'Channel', kind: 'text', width: 12 },
      { header: 'Responded', kind: 'datetime' },
      { header: 'Days to respond', kind: 'number', width: 11 },
      { header: 'RAG', kind: 'text', width: 9 },
      { header: 'Reason', kind: 'text', width: 36 },
    ],
    rows: rows.flatMap((row) =>
      row.partners.map((part) => {
        const r = part.response;
        return [
          ...actionKey(row, part),
          r ? decisionLabels[r.decision] : 'Awaiting response',
          r?.rationale ?? null,
          r?.responderName ?? null,
          r ? channelLabels[r.channel] : null,
          londonWallClock(r?.respondedAt),
          r?.daysToRespond ?? null,
          rag(part.rag),
          part.rag.reason,
        ];
      }),
    ),
  };
}

/** The columns that say which action a row is about. */
const actionColumns = [
  { header: 'Reference', kind: 'text', width: 16 },
  { header: 'Partner', kind: 'text', width: 28 },
  { header: 'Action', kind: 'text', width: 44 },
] as const satisfies SheetModel['columns'];

const actionState = (a: TrackerAction): CellValue[] => [
  a.ownerName ?? null,
  a.targetDate,
  a.dueDate,
  actionStatusLabels[a.status],
  a.progress,
  rag(a.rag),
  a.rag.reason,
];

const actionStateColumns = [
  { header: 'Owner', kind: 'text', width: 22 },
  { header: 'Target', kind: 'date' },
  { header: 'Due in force', kind: 'date' },
  { header: 'Status', kind: 'text', width: 16 },
  { header: 'Progress (%)', kind: 'number', width: 11 },
  { header: 'RAG', kind: 'text', width: 9 },
  { header: 'Reason', kind: 'text', width: 36 },
] as const satisfies SheetModel['columns'];

export function actionsSheet(rows: readonly TrackerRow[]): SheetModel {
  return {
    name: 'Actions',
    columns: [
      ...actionColumns,
      ...actionStateColumns,
      { header: 'Days overdue', kind: 'number', width: 11 },
      { header: 'Days since update', kind: 'number', width: 11 },
      { header: 'Verified at', kind: 'datetime' },
      { header: "Scrutineer's note", kind: 'text', width: 40 },
    ],
    rows: eachAction(rows).map(({ row, part, action }) => [
      ...actionKey(row, part),
      action.description,
      ...actionState(action),
      action.daysOverdue,
      action.daysSinceUpdate,
      londonWallClock(action.verifiedAt),
      action.note ?? null,
    ]),
  };
}

/** Named "Update history": Excel keeps the sheet name "History" for itself. */
export function historySheet(rows: readonly TrackerRow[]): SheetModel {
  return {
    name: 'Update history',
    columns: [
      ...actionColumns,
      { header: 'When', kind: 'datetime' },
      { header: 'Who', kind: 'text', width: 22 },
      { header: 'Kind', kind: 'text', width: 10 },
      { header: 'Progress (%)', kind: 'number', width: 11 },
      { header: 'Text', kind: 'text', width: 50 },
      { header: 'Revised date', kind: 'date' },
      { header: 'Evidence link', kind: 'link', width: 40 },
    ],
    rows: eachAction(rows).flatMap(({ row, part, action }) =>
      action.history.map((h): CellValue[] => [
        ...actionKey(row, part),
        action.description,
        londonWallClock(h.at),
        h.byName,
        historyKindLabels[h.kind],
        h.kind === 'update' ? h.progress : null,
        h.kind === 'update' ? h.narrative : h.note,
        h.kind === 'update' ? (h.revisedDate ?? null) : null,
        h.kind === 'update' ? (h.evidenceLink ?? null) : null,
      ]),
    ),
  };
}

export function impactChecksSheet(rows: readonly TrackerRow[]): SheetModel {
  return {
    name: 'Impact checks',
    columns: [
      ...actionColumns,
      { header: 'Months after verification', kind: 'number', width: 12 },
      { header: 'Due', kind: 'date' },
      { header: 'Status', kind: 'text', width: 12 },
      { header: 'Finding', kind: 'text', width: 18 },
      { header: 'What the check found', kind: 'text', width: 50 },
    ],
    rows: eachAction(rows).flatMap(({ row, part, action }) =>
      action.impactChecks.map((c): CellValue[] => [
        ...actionKey(row, part),
        action.description,
        c.monthsAfter,
        c.dueDate,
        impactCheckStatusLabels[c.status],
        c.outcomeClass ? evidenceClassLabels[c.outcomeClass] : null,
        c.outcome ?? null,
      ]),
    ),
  };
}
