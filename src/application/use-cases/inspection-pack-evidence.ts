import type { TrackerRow } from '../../domain/tracker-view.js';
import type { Deps } from '../deps.js';
import type { EvidenceFile, EvidenceStore } from '../ports/evidence.js';
import type { StoredItem } from '../ports/repository.js';
import type { CellValue, SheetModel } from '../ports/spreadsheet.js';
import { londonWallClock } from './exports-cells.js';
import type { EvidenceList } from './evidence.js';

/** One item that may carry evidence files, and how the sheet names it. */
interface Holder {
  list: EvidenceList;
  id: string;
  kind: string;
  about: string;
  partner: string;
}

/** The evidence store is asked per item; a few at a time keeps SharePoint from throttling. */
const AT_ONCE = 8;

async function filesOf(
  evidence: Pick<EvidenceStore, 'list'>,
  holders: readonly Holder[],
): Promise<{ holder: Holder; file: EvidenceFile }[]> {
  const out: { holder: Holder; file: EvidenceFile }[] = [];
  for (let i = 0; i < holders.length; i += AT_ONCE) {
    const batch = holders.slice(i, i + AT_ONCE);
    const lists = await Promise.all(batch.map((h) => evidence.list(h.list, h.id)));
    lists.forEach((files, j) => {
      const holder = batch[j];
      if (holder) for (const file of files) out.push({ holder, file });
    });
  }
  return out;
}

/** The evidence download, absolute when the server's address is known (else text, unlinked). */
export const evidenceUrl = (baseUrl: string | undefined, fileId: string) =>
  `${(baseUrl ?? '').replace(/\/+$/, '')}/api/evidence/${encodeURIComponent(fileId)}/content`;

/**
 * The evidence files behind an inspection pack: on its findings (and the observations they were
 * drawn from), on the responses, on the actions and on their updates.
 */
export async function inspectionEvidence(
  deps: Deps,
  evidence: Pick<EvidenceStore, 'list'>,
  scope: {
    findings: readonly StoredItem<'findings'>[];
    rows: readonly TrackerRow[];
    baseUrl: string | undefined;
  },
): Promise<SheetModel> {
  const holders: Holder[] = [];
  for (const f of scope.findings) {
    holders.push({
      list: 'findings',
      id: f.id,
      kind: 'Finding',
      about: f.fields.title,
      partner: '',
    });
    for (const id of f.fields.observationIds ?? [])
      holders.push({
        list: 'observations',
        id,
        kind: 'Observation',
        about: `Behind the finding "${f.fields.title}"`,
        partner: '',
      });
  }
  const actionIds = new Map<string, Holder>();
  for (const row of scope.rows)
    for (const part of row.partners) {
      const ref = row.recommendation.reference;
      if (part.response)
        holders.push({
          list: 'responses',
          id: part.response.id,
          kind: 'Response',
          about: `${ref}: response`,
          partner: part.partner.name,
        });
      for (const a of part.actions) {
        const holder: Holder = {
          list: 'actions',
          id: a.id,
          kind: 'Action',
          about: `${ref}: ${a.description}`,
          partner: part.partner.name,
        };
        holders.push(holder);
        actionIds.set(a.id, holder);
      }
    }
  if (actionIds.size > 0) {
    const updates = await deps.repo.all('actionUpdates');
    for (const u of updates) {
      const action = actionIds.get(u.fields.actionId);
      if (action)
        holders.push({
          list: 'actionUpdates',
          id: u.id,
          kind: 'Action update',
          about: `${action.about} (update of ${londonWallClock(u.fields.at)?.slice(0, 10) ?? ''})`,
          partner: action.partner,
        });
    }
  }
  // An observation behind two findings is listed once.
  const seen = new Set<string>();
  const unique = holders.filter((h) => {
    const key = `${h.list}|${h.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const files = await filesOf(evidence, unique);
  return {
    name: 'Evidence',
    columns: [
      { header: 'Attached to', kind: 'text', width: 16 },
      { header: 'About', kind: 'text', width: 50 },
      { header: 'Partner', kind: 'text', width: 28 },
      { header: 'File', kind: 'text', width: 36 },
      { header: 'Uploaded', kind: 'datetime' },
      { header: 'Screening', kind: 'text', width: 20 },
      { header: 'Link', kind: 'link', width: 50 },
    ],
    rows: files.map(({ holder, file }): CellValue[] => [
      holder.kind,
      holder.about,
      holder.partner || null,
      file.name,
      londonWallClock(file.uploadedAt),
      file.screening === 'text-checked' ? 'Text checked' : 'Attested',
      evidenceUrl(scope.baseUrl, file.id),
    ]),
  };
}
