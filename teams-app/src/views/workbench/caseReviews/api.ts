import type { CaseReviewClock } from '../../../../../src/domain/case-review-clocks';
import type { CaseReview } from '../../../../../src/domain/lists/schema';
import type { ApiClient } from '../../../api/client';
import type { Item } from '../../../api/types';

/** A case review as the API returns it, with its statutory clocks. */
export type CaseReviewRow = Item<CaseReview> & { clocks: CaseReviewClock[] };

export type CaseReviewBody = Partial<Record<keyof CaseReview, string | null>>;

export function getCaseReviews(api: ApiClient): Promise<CaseReviewRow[]> {
  return api.getItems<CaseReviewRow>('/api/case-reviews');
}

export function createCaseReview(api: ApiClient, body: CaseReviewBody): Promise<CaseReviewRow> {
  return api.post<CaseReviewRow>('/api/case-reviews', body);
}

/** With the review's etag, so a stale form is refused (412). */
export function updateCaseReview(
  api: ApiClient,
  review: Pick<CaseReviewRow, 'id' | 'etag'>,
  body: CaseReviewBody,
): Promise<CaseReviewRow> {
  return api.patch<CaseReviewRow>(`/api/case-reviews/${encodeURIComponent(review.id)}`, body, {
    ifMatch: review.etag,
  });
}
