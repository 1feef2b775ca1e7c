import type { ListName } from '../../domain/lists/schema.js';
import type { Deps } from '../deps.js';
import type { StoredItem } from '../ports/repository.js';
import { normaliseInstant } from './tracker-as-at.js';

/**
 * Everything the tracker reads, each list fetched once and indexed in memory: a search per
 * partner or per action would cost a request each on SharePoint and grow with the lists.
 */
export interface TrackerData {
  recommendations: StoredItem<'recommendations'>[];
  partners: StoredItem<'partners'>[];
  partnerById: Map<string, StoredItem<'partners'>>;
  findingById: Map<string, StoredItem<'findings'>>;
  /** By `partKey(recommendationId, partnerId)`. */
  responseByPart: Map<string, StoredItem<'responses'>>;
  actionsByPart: Map<string, StoredItem<'actions'>[]>;
  updatesByAction: Map<string, StoredItem<'actionUpdates'>[]>;
  eventsByAction: Map<string, StoredItem<'actionEvents'>[]>;
  checksByAction: Map<string, StoredItem<'impactChecks'>[]>;
  nameOf(personId: string | null | undefined): string;
}

export const partKey = (recommendationId: string, partnerId: string) =>
  `${recommendationId}|${partnerId}`;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Instants as one format (ISO, UTC, milliseconds), so that they order as strings. */
function normalised<L extends ListName>(
  items: StoredItem<L>[],
  instantFields: readonly (keyof StoredItem<L>['fields'] & string)[],
): StoredItem<L>[] {
  return items.map((item) => {
    const fields = { ...item.fields } as Record<string, unknown>;
    for (const f of instantFields) {
      const v = fields[f];
      if (typeof v === 'string') fields[f] = normaliseInstant(v);
    }
    return {
      ...item,
      createdAt: normaliseInstant(item.createdAt),
      modifiedAt: normaliseInstant(item.modifiedAt),
      fields: fields as StoredItem<L>['fields'],
    };
  });
}

export async function loadTrackerData(deps: Deps): Promise<TrackerData> {
  const { repo } = deps;
  const [recommendations, partners, findings, responses, actions, updates, events, checks, people] =
    await Promise.all([
      repo.all('recommendations'),
      repo.all('partners'),
      repo.all('findings'),
      repo.all('responses'),
      repo.all('actions'),
      repo.all('actionUpdates'),
      repo.all('actionEvents'),
      repo.all('impactChecks'),
      repo.all('people'),
    ]);
  const nameById = new Map(people.map((p) => [p.id, p.fields.displayName]));
  return {
    recommendations: normalised(recommendations, ['issuedAt']),
    partners,
    partnerById: new Map(partners.map((p) => [p.id, p])),
    findingById: new Map(findings.map((f) => [f.id, f])),
    responseByPart: new Map(
      normalised(responses, ['respondedAt']).map((r) => [
        partKey(r.fields.recommendationId, r.fields.partnerId),
        r,
      ]),
    ),
    actionsByPart: groupBy(normalised(actions, []), (a) =>
      partKey(a.fields.recommendationId, a.fields.partnerId),
    ),
    updatesByAction: groupBy(normalised(updates, ['at']), (u) => u.fields.actionId),
    eventsByAction: groupBy(normalised(events, ['at']), (e) => e.fields.actionId),
    checksByAction: groupBy(normalised(checks, ['completedAt']), (c) => c.fields.actionId),
    nameOf: (id) => (id ? (nameById.get(id) ?? 'Unknown') : 'Unknown'),
  };
}
