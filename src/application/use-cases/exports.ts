import { ragLabels, rags, type RagRules } from '../../domain/rag.js';
import type { TrackerView } from '../../domain/tracker-view.js';
import type { Actor, Deps } from '../deps.js';
import type { CellValue, SheetModel, WorkbookModel } from '../ports/spreadsheet.js';
import { londonWallClock, ragRulesInWords } from './exports-cells.js';
import {
  actionsSheet,
  historySheet,
  impactChecksSheet,
  recommendationsSheet,
  responsesSheet,
} from './exports-tracker-sheets.js';
import { buildTrackerView } from './tracker.js';

/** A workbook to send, and the name to save it under. */
export interface ExportFile {
  book: WorkbookModel;
  fileName: string;
}

export async function partnershipName(deps: Deps): Promise<string> {
  const [partnership] = await deps.repo.all('partnerships');
  return partnership?.fields.name ?? 'The partnership';
}

/** "22/11/2026 14:05 (England)", for the cover sheet, where a line of words reads best. */
export function clockWords(instant: string): string {
  const wall = londonWallClock(instant) ?? instant;
  const [date = '', time = ''] = wall.split('T');
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} ${time.slice(0, 5)} (England)`;
}

export function asAtWords(view: Pick<TrackerView, 'asAt' | 'isPast'>): string {
  return view.isPast
    ? `${clockWords(view.asAt)}: the end of that day, as the tracker then stood`
    : `${clockWords(view.asAt)}: now`;
}

/** The cover sheet: what the workbook is, as at when, for whom, and how RAG is decided. */
export function aboutSheet(lines: [string, CellValue][], rules: RagRules): SheetModel {
  return {
    name: 'About',
    columns: [
      { header: 'About this workbook', kind: 'text', width: 26 },
      { header: 'Detail', kind: 'text', width: 70 },
    ],
    rows: [
      ...lines,
      [null, null],
      ['RAG rules', null],
      ...ragRulesInWords(rules).map(([k, v]): [string, string] => [k, v]),
    ],
  };
}

const who = (actor: Actor) => `${actor.displayName} (${actor.roles.join(', ')})`;

/**
 * The tracker as an Excel workbook, one sheet per view, as the reader may see it: partner people
 * get only their own partner's rows (the trimming is buildTrackerView's, not repeated here).
 */
export async function trackerWorkbook(
  deps: Deps,
  actor: Actor,
  options: { asAt?: string | undefined; rules?: RagRules | undefined } = {},
): Promise<ExportFile> {
  const [view, partnership] = await Promise.all([
    buildTrackerView(deps, actor, options),
    partnershipName(deps),
  ]);
  const partner =
    view.reach === 'partner' && actor.partnerId
      ? (await deps.repo.get('partners', actor.partnerId))?.fields.name
      : undefined;
  const reach =
    view.reach === 'all'
      ? 'The whole partnership'
      : `Only ${partner ?? 'your partner'}'s part of each recommendation naming it`;
  const about = aboutSheet(
    [
      ['Partnership', partnership],
      ['Contents', 'The action tracker: recommendations, responses, actions and their history'],
      ['As at', asAtWords(view)],
      ['Exported by', who(actor)],
      ['Exported at', clockWords(deps.now().toISOString())],
      ['Shows', reach],
      [
        'RAG totals (partner parts)',
        rags.map((r) => `${ragLabels[r]} ${view.totals[r]}`).join(', '),
      ],
    ],
    view.rules,
  );
  return {
    fileName: `critical-friend-tracker-${view.today}.xlsx`,
    book: {
      properties: {
        title: `${partnership}: action tracker as at ${view.today}`,
        creator: actor.displayName,
        created: deps.now().toISOString(),
      },
      sheets: [
        about,
        recommendationsSheet(view.rows),
        responsesSheet(view.rows),
        actionsSheet(view.rows),
        historySheet(view.rows),
        impactChecksSheet(view.rows),
      ],
    },
  };
}
