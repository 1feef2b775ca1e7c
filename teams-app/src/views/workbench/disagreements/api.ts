import type { Disagreement } from '../../../../../src/domain/lists/schema';
import type { ApiClient } from '../../../api/client';
import type { Item } from '../../../api/types';

/** A disagreement as the API returns it, with days to resolution once resolved. */
export type DisagreementRow = Item<Disagreement> & { daysToResolution?: number };

export type DisagreementBody = Partial<
  Record<Exclude<keyof Disagreement, 'partnerIds'>, string | null> & { partnerIds: string[] }
>;

export function getDisagreements(api: ApiClient): Promise<DisagreementRow[]> {
  return api.getItems<DisagreementRow>('/api/disagreements');
}

export function createDisagreement(
  api: ApiClient,
  body: DisagreementBody,
): Promise<DisagreementRow> {
  return api.post<DisagreementRow>('/api/disagreements', body);
}

/** With the disagreement's etag, so a stale form is refused (412). */
export function updateDisagreement(
  api: ApiClient,
  item: Pick<DisagreementRow, 'id' | 'etag'>,
  body: DisagreementBody,
): Promise<DisagreementRow> {
  return api.patch<DisagreementRow>(`/api/disagreements/${encodeURIComponent(item.id)}`, body, {
    ifMatch: item.etag,
  });
}
