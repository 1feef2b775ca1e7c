import type { Action, ActionEvent, ImpactCheck } from '../../../../../src/domain/lists/schema';
import type { TrackerView } from '../../../../../src/domain/tracker-view';
import type {
  ActionEventKind,
  EvidenceClass,
  ImpactCheckStatus,
} from '../../../../../src/domain/vocabulary';
import type { ApiClient } from '../../../api/client';
import type { Item } from '../../../api/types';

export type ImpactCheckItem = Item<ImpactCheck> & {
  /** Why the check did not land on a scrutiny plan, when the server says. */
  note?: string;
};

export interface EvidenceFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
  screening: 'text-checked' | 'attested';
  uploadedAt: string;
}

const actionPath = (id: string) => `/api/actions/${encodeURIComponent(id)}`;

export function getTracker(api: ApiClient): Promise<TrackerView> {
  return api.get<TrackerView>('/api/tracker');
}

/** One act of the scrutineer's; `eventKey` makes a retry store once. */
export function recordActionEvent(
  api: ApiClient,
  actionId: string,
  body: { kind: ActionEventKind; note: string; eventKey: string },
): Promise<{ action: Item<Action>; event: Item<ActionEvent> }> {
  return api.post(`${actionPath(actionId)}/events`, body);
}

/** Schedules (or, when already scheduled, returns) the check due `monthsAfter` verification. */
export function scheduleImpactCheck(
  api: ApiClient,
  actionId: string,
  monthsAfter: number,
): Promise<ImpactCheckItem> {
  return api.post<ImpactCheckItem>(`${actionPath(actionId)}/impact-checks`, { monthsAfter });
}

export interface ImpactOutcome {
  status: Extract<ImpactCheckStatus, 'done' | 'cancelled'>;
  outcomeClass?: EvidenceClass;
  outcome?: string;
}

export function recordImpactOutcome(
  api: ApiClient,
  check: { id: string; etag: string },
  body: ImpactOutcome,
): Promise<ImpactCheckItem> {
  return api.patch<ImpactCheckItem>(`/api/impact-checks/${encodeURIComponent(check.id)}`, body, {
    ifMatch: check.etag,
  });
}

const evidencePath = (actionId: string) =>
  `/api/items/actions/${encodeURIComponent(actionId)}/evidence`;

export async function listEvidence(api: ApiClient, actionId: string): Promise<EvidenceFile[]> {
  return (await api.get<{ files: EvidenceFile[] }>(evidencePath(actionId))).files;
}

/** Raw bytes with the name in X-File-Name; `attested`: the uploader confirmed it names no one. */
export async function uploadEvidence(
  api: ApiClient,
  actionId: string,
  file: File,
  attested: boolean,
): Promise<EvidenceFile> {
  return api.upload<EvidenceFile>(
    `${evidencePath(actionId)}${attested ? '?attested=true' : ''}`,
    file,
    {
      'Content-Type': file.type || 'application/octet-stream',
      'X-File-Name': encodeURIComponent(file.name),
    },
  );
}

export const evidenceContentPath = (fileId: string) =>
  `/api/evidence/${encodeURIComponent(fileId)}/content`;
