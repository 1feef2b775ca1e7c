import type { Fields } from '../../domain/lists/schema.js';
import type { Channel, DistributionRecipient } from '../../domain/vocabulary.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { invalid, RequestError } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import type { StoredItem } from '../ports/repository.js';
import { requireRole } from './authorise.js';
import { createOnce } from './create-once.js';
import { findReport } from './yearly-report.js';

export interface DistributionInput {
  recipient: DistributionRecipient;
  recipientName?: string | null | undefined;
  sentOn: string;
  note?: string | null | undefined;
  distributionKey: string;
}

/** The year's distribution log, oldest first; empty while there is no report. */
export async function distributionsOf(
  deps: Deps,
  reportId: string | undefined,
): Promise<StoredItem<'distributions'>[]> {
  if (!reportId) return [];
  const rows = await deps.repo.all('distributions', { field: 'reportId', equals: reportId });
  return rows.sort((a, b) => (a.fields.sentOn < b.fields.sentOn ? -1 : 1));
}

/**
 * Records that the signed-off statement went to the national Panel, Foundations or someone else.
 * Only a signed-off report is sent; the distribution key makes a retry record it once.
 */
export async function recordDistribution(
  deps: Deps,
  actor: Actor,
  year: number,
  input: DistributionInput,
  channel: Channel,
): Promise<{ item: StoredItem<'distributions'>; created: boolean }> {
  requireRole(actor, ['scrutineer', 'business-unit'], 'record where the yearly report was sent');
  const report = await findReport(deps, year);
  if (report?.fields.status !== 'signed-off')
    throw new RequestError(
      409,
      'not-signed-off',
      'Only a signed-off yearly report is sent out: sign it off before recording where it went.',
    );
  const recipientName = input.recipientName?.trim() || undefined;
  if (input.recipient === 'other' && !recipientName)
    throw invalid('recipient-name-required', 'Say who it was sent to when the recipient is other.');
  const fields: Fields<'distributions'> = {
    reportId: report.id,
    recipient: input.recipient,
    sentOn: input.sentOn,
    recordedById: actor.id,
    distributionKey: input.distributionKey,
    ...(recipientName ? { recipientName } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
  assertNoIdentifiableData('distributions', fields);
  return createOnce(deps.repo, 'distributions', fields, changeContext(deps, actor, channel));
}
