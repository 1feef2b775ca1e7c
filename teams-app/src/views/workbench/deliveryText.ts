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
