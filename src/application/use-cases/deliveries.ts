import {
  confirmedByCard,
  deliveryKeyOf,
  details,
  resendPatch,
  type DeliveryStatus,
} from '../../domain/deliveries.js';
import { leadsFor } from '../../domain/people.js';
import type { Recommendation, WithId } from '../../domain/lists/schema.js';
import type { Actor, Deps } from '../deps.js';
import { notFound, RequestError } from '../errors.js';
import { ConflictError, DuplicateError, type ChangeContext } from '../ports/repository.js';
import { requireRole } from './authorise.js';

/** One person's card, as the tab shows it. */
export interface Delivery {
  personId: string;
  displayName: string;
  partnerName: string;
  status: DeliveryStatus;
  detail?: string;
}

/** Who a change by the delivery machinery is recorded as. */
export const systemChange = (deps: Deps, homeTenantId = ''): ChangeContext => ({
  actorId: 'system:card-delivery',
  homeTenantId,
  channel: 'system',
  at: deps.now().toISOString(),
});

/**
 * Writes one pending ledger row per partner lead named by the recommendation (the outbox the
 * delivery worker sends from). Idempotent: the row's key is recommendation + person, so a second
 * call, a retried request or a crash recovery finds the existing row instead of adding one.
 */
export async function ensureDeliveries(
  deps: Deps,
  recommendation: WithId<Recommendation>,
  ctx: ChangeContext,
): Promise<void> {
  const people = (await deps.repo.all('people')).map((p) => ({ ...p.fields, id: p.id }));
  const now = deps.now().toISOString();
  const rows = recommendation.partnerIds.flatMap((partnerId) =>
    leadsFor(partnerId, people).map((lead) => ({
      deliveryKey: deliveryKeyOf(recommendation.id, lead.id),
      recommendationId: recommendation.id,
      personId: lead.id,
      partnerId,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: now,
      detail: details.queued,
    })),
  );
  // In one go (a fan-out may reach 1,000 rows); a row already there is a DuplicateError, which
  // is the idempotency working. Any other failure is raised once every row has been tried.
  const results = await deps.repo.createMany('cardDeliveries', rows, ctx);
  const failed = results.find((r) => !r.ok && !(r.error instanceof DuplicateError));
  if (failed && !failed.ok) throw failed.error;
}

/**
 * Recommendations issued in the last `withinMs` whose ledger was never written (the server stopped
 * between issuing and writing it): writes it now. Run when the worker starts. Older ones are left
 * alone: they were issued before the ledger existed, or their cards were dealt with long ago.
 */
export async function recoverMissingDeliveries(
  deps: Deps,
  withinMs = 24 * 3_600_000,
): Promise<number> {
  let recovered = 0;
  const since = deps.now().getTime() - withinMs;
  for (const rec of await deps.repo.all('recommendations', { field: 'status', equals: 'issued' })) {
    if (!rec.fields.issuedAt || Date.parse(rec.fields.issuedAt) < since) continue;
    const page = await deps.repo.query('cardDeliveries', {
      filter: { field: 'recommendationId', equals: rec.id },
      top: 1,
    });
    if (page.items.length > 0) continue;
    await ensureDeliveries(deps, { ...rec.fields, id: rec.id }, systemChange(deps));
    recovered++;
  }
  return recovered;
}

/**
 * Each named partner's leads and where their card is, in the recommendation's partner order.
 * Empty for a draft: nothing is queued before issue.
 */
export async function deliveriesFor(deps: Deps, recommendationId: string): Promise<Delivery[]> {
  const rec = await deps.repo.get('recommendations', recommendationId);
  if (!rec) throw notFound(`There is no recommendation ${recommendationId}.`);
  if (rec.fields.status === 'draft') return [];
  const rows = await deps.repo.all('cardDeliveries', {
    field: 'recommendationId',
    equals: recommendationId,
  });
  const everyone = (await deps.repo.all('people')).map((p) => ({ ...p.fields, id: p.id }));
  const people = new Map(everyone.map((p) => [p.id, p]));
  const out: Delivery[] = [];
  for (const partnerId of rec.fields.partnerIds) {
    const partnerName = (await deps.repo.get('partners', partnerId))?.fields.name ?? partnerId;
    const mine = rows.filter(
      (r) => (r.fields.partnerId ?? people.get(r.fields.personId)?.partnerId) === partnerId,
    );
    for (const row of mine) {
      out.push({
        personId: row.fields.personId,
        displayName: people.get(row.fields.personId)?.displayName ?? 'Unknown person',
        partnerName,
        status: row.fields.status,
        ...(row.fields.detail ? { detail: row.fields.detail } : {}),
      });
    }
    // Leads with no row yet (the ledger is being written, or is recovered at the next start).
    const queued = new Set(mine.map((r) => r.fields.personId));
    const leads = leadsFor(partnerId, everyone);
    for (const lead of leads.filter((l) => !queued.has(l.id))) {
      out.push({
        personId: lead.id,
        displayName: lead.displayName,
        partnerName,
        status: 'pending',
        detail: details.queued,
      });
    }
    if (mine.length === 0 && leads.length === 0) {
      out.push({
        personId: '',
        displayName: '(no lead)',
        partnerName,
        status: 'unreachable',
        detail: `${partnerName} has no partner lead recorded.`,
      });
    }
  }
  return out;
}

/**
 * The recipient acted on the card (a refresh or a response arrives from their Teams client, signed
 * by the Bot Connector), which proves the card is in their chat. Marks the ledger row sent: this
 * settles an unconfirmed send without any resend. The bot calls it with the invoke's activity id.
 */
export async function confirmDeliveredByCard(
  deps: Deps,
  input: { recommendationId: string; personId: string; activityId?: string },
): Promise<boolean> {
  return confirmDeliveredByKey(deps, {
    deliveryKey: deliveryKeyOf(input.recommendationId, input.personId),
    personId: input.personId,
    ...(input.activityId ? { activityId: input.activityId } : {}),
  });
}

/** As confirmDeliveredByCard, for any card in the ledger (a digest), by its key. */
export async function confirmDeliveredByKey(
  deps: Deps,
  input: { deliveryKey: string; personId: string; activityId?: string },
): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await deps.repo.all('cardDeliveries', {
      field: 'deliveryKey',
      equals: input.deliveryKey,
    });
    // Only the card's own recipient proves it arrived.
    if (!row || row.fields.personId !== input.personId) return false;
    const patch = confirmedByCard(row.fields, input.activityId, deps.now().getTime());
    if (!patch) return false;
    try {
      await deps.repo.update('cardDeliveries', row.id, patch, row.etag, systemChange(deps));
      return true;
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e; // a worker wrote meanwhile: read again
    }
  }
  return false;
}

/**
 * The scrutineer sends a card again after a failure, or after the person installed the app. A
 * card held because Teams never confirmed it may already be in their chat: the scrutineer is told
 * to ask them first, and this is the decision to send anyway.
 */
export async function resendDelivery(
  deps: Deps,
  actor: Actor,
  recommendationId: string,
  personId: string,
): Promise<void> {
  requireRole(actor, ['scrutineer'], 'resend cards');
  const [row] = await deps.repo.all('cardDeliveries', {
    field: 'deliveryKey',
    equals: deliveryKeyOf(recommendationId, personId),
  });
  if (!row) throw notFound('No card was sent to this person for this recommendation.');
  if (row.fields.status === 'pending' || row.fields.status === 'sent') {
    throw new RequestError(
      409,
      'not-resendable',
      row.fields.status === 'sent'
        ? 'This card has been sent.'
        : 'This card is still being sent; wait for the outcome.',
    );
  }
  await deps.repo.update('cardDeliveries', row.id, resendPatch(deps.now().getTime()), row.etag, {
    actorId: actor.id,
    homeTenantId: actor.homeTenantId,
    channel: 'tab',
    at: deps.now().toISOString(),
  });
}
