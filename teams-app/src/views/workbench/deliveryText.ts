import type { Delivery } from '../../api/types';

function who(delivery: Delivery): string {
  return delivery.partnerName
    ? `${delivery.displayName} (${delivery.partnerName})`
    : delivery.displayName;
}

/** One line per person a card went (or did not go) to. */
export function deliveryText(delivery: Delivery): string {
  const detail = delivery.detail ? ` – ${delivery.detail}` : '';
  switch (delivery.status) {
    case 'sent':
      return `Card sent to ${who(delivery)}`;
    case 'pending':
      return `Card queued for ${who(delivery)}${detail}`;
    case 'unreachable':
      return `Not reachable in Teams: ${who(delivery)}${detail}`;
    case 'failed':
      return `Card could not be sent to ${who(delivery)}${detail}`;
  }
}

export function deliverySummary(reference: string, deliveries: readonly Delivery[]): string {
  const count = (status: Delivery['status']) =>
    deliveries.filter((d) => d.status === status).length;
  const parts = [
    `${count('sent')} card${count('sent') === 1 ? '' : 's'} sent`,
    count('pending') > 0 && `${count('pending')} queued`,
    count('unreachable') > 0 && `${count('unreachable')} not reachable in Teams`,
    count('failed') > 0 && `${count('failed')} failed`,
  ].filter((p): p is string => typeof p === 'string');
  return `Recommendation ${reference} issued: ${parts.join(', ')}.`;
}

export interface CardCounts {
  total: number;
  sent: number;
  pending: number;
  unreachable: number;
  failed: number;
}

export function cardCounts(deliveries: readonly Delivery[]): CardCounts {
  const count = (status: Delivery['status']) =>
    deliveries.filter((d) => d.status === status).length;
  return {
    total: deliveries.length,
    sent: count('sent'),
    pending: count('pending'),
    unreachable: count('unreachable'),
    failed: count('failed'),
  };
}

/** The counts in a sentence, e.g. "12 of 40 sent, 2 cannot be reached, 26 still to send." */
export function cardsSummary(deliveries: readonly Delivery[]): string {
  const c = cardCounts(deliveries);
  if (c.total === 0) return 'No cards for this recommendation.';
  const sent =
    c.sent === c.total
      ? c.total === 1
        ? 'The card was sent'
        : `All ${c.total} cards sent`
      : `${c.sent} of ${c.total} sent`;
  const parts = [
    sent,
    c.unreachable > 0 && `${c.unreachable} cannot be reached`,
    c.failed > 0 && `${c.failed} could not be sent`,
    c.pending > 0 && `${c.pending} still to send`,
  ].filter((p): p is string => typeof p === 'string');
  return `${parts.join(', ')}.`;
}
