import type { Channel } from '../../../../../src/domain/vocabulary';
import type { ApiClient } from '../../../api/client';

/** One audit entry as `GET /api/audit` answers it: names of fields only, never their values. */
export interface AuditRow {
  seq: number;
  at: string;
  actorId: string;
  actorName?: string;
  homeTenantId: string;
  channel: Channel;
  itemList: string;
  itemId: string;
  op: 'create' | 'update';
  itemVersion: number;
  changedFields: string[];
  hash: string;
}

export interface AuditPage {
  entries: AuditRow[];
  nextBefore?: number;
}

export interface AuditFilters {
  list?: string;
  itemId?: string;
  actorId?: string;
}

/** The verifier's answer (`GET /api/audit/verify`). */
export interface AuditVerification {
  ok: boolean;
  summary: string;
  entries: number;
  breaks: { seq: number; kind: 'altered' | 'link' | 'duplicate' }[];
  gaps: { from: number; to: number }[];
  items: { itemList: string; itemId: string; kind: string }[];
}

export const AUDIT_PAGE = 50;

export function getAuditPage(
  api: ApiClient,
  filters: AuditFilters,
  before?: number,
): Promise<AuditPage> {
  const query = new URLSearchParams({ top: String(AUDIT_PAGE) });
  if (filters.list) query.set('list', filters.list);
  if (filters.itemId) query.set('itemId', filters.itemId);
  if (filters.actorId) query.set('actorId', filters.actorId);
  if (before !== undefined) query.set('before', String(before));
  return api.get<AuditPage>(`/api/audit?${query.toString()}`);
}

export function verifyAudit(api: ApiClient): Promise<AuditVerification> {
  return api.get<AuditVerification>('/api/audit/verify');
}
