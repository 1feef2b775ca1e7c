import type { ApiClient } from './client';
import type { Delivery } from './types';

const base = (recommendationId: string) =>
  `/api/recommendations/${encodeURIComponent(recommendationId)}/deliveries`;

/** Where each card for an issued recommendation is (pending, sent, unreachable or failed). */
export async function getDeliveries(api: ApiClient, recommendationId: string): Promise<Delivery[]> {
  const body = await api.get<{ deliveries: Delivery[] }>(base(recommendationId));
  return body.deliveries;
}

/** Sends a failed or unreachable card again (scrutineer); answers with every card's status. */
export async function resendCard(
  api: ApiClient,
  recommendationId: string,
  personId: string,
): Promise<Delivery[]> {
  const body = await api.post<{ deliveries: Delivery[] }>(
    `${base(recommendationId)}/${encodeURIComponent(personId)}/resend`,
  );
  return body.deliveries;
}

export type WebLinkOffer =
  | {
      outcome: 'offered';
      linkId?: string;
      expiresAt?: string;
      created?: boolean;
      /** False when the link was made but the email could not be sent (see `mail`). */
      emailed?: boolean;
      mail?: string;
    }
  /** `reason`: not-open, not-a-responder, already-responded or no-address. */
  | { outcome: 'skipped'; reason?: string };

/** Emails a partner lead a single-use link to respond on the web (scrutineer or business unit). */
export function emailResponseLink(
  api: ApiClient,
  recommendationId: string,
  personId: string,
): Promise<WebLinkOffer> {
  return api.post<WebLinkOffer>(
    `${base(recommendationId)}/${encodeURIComponent(personId)}/web-link`,
  );
}
