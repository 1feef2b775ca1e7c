import type { SlgItem } from '../../../src/domain/lists/schema';
import type { SlgRulingOutcome } from '../../../src/domain/lists/slg-items';
import type { Decision } from '../../../src/domain/vocabulary';
import type { ApiClient } from './client';
import type { Item } from './types';

/** An item for the Strategic Leadership Group's ruling, with what the list shows beside it. */
export type SlgItemRow = Item<SlgItem> & {
  reference: string;
  recommendationTitle: string;
  partnerName: string;
  decision?: Decision;
  rationale?: string;
  responderName?: string;
  meeting?: { id: string; title: string; startsAt: string };
};

export interface SlgRuling {
  outcome: SlgRulingOutcome;
  note: string;
}

/** Every item, awaiting ruling or ruled, soonest meeting first. */
export function getSlgItems(api: ApiClient): Promise<SlgItemRow[]> {
  return api.getItems<SlgItemRow>('/api/slg-items');
}

/** Records the ruling once; `etag` is the item's, so a stale form is refused (412). */
export function recordSlgRuling(
  api: ApiClient,
  item: Pick<SlgItemRow, 'id' | 'etag'>,
  ruling: SlgRuling,
): Promise<SlgItemRow> {
  return api.post<SlgItemRow>(`/api/slg-items/${encodeURIComponent(item.id)}/ruling`, ruling, {
    ifMatch: item.etag,
  });
}
