import type { SlgItemStatus } from '../../domain/lists/slg-items.js';
import type { Actor, Deps } from '../deps.js';
import type { StoredItem } from '../ports/repository.js';

export interface SlgItemRow {
  item: StoredItem<'slgItems'>;
  reference: string;
  recommendationTitle: string;
  partnerName: string;
  decision?: string;
  rationale?: string;
  responderName?: string;
  meeting?: { id: string; title: string; startsAt: string };
}

/**
 * Partial acceptances and declines for the Strategic Leadership Group's ruling, soonest meeting
 * first (items with no meeting yet last), with what the tab needs to show them. Read-only, for
 * everyone signed in, like the tracker.
 */
export async function listSlgItems(
  deps: Deps,
  _actor: Actor,
  status?: SlgItemStatus,
): Promise<SlgItemRow[]> {
  const [items, recommendations, partners, responses, meetings, people] = await Promise.all([
    deps.repo.all('slgItems', status ? { field: 'status', equals: status } : undefined),
    deps.repo.all('recommendations'),
    deps.repo.all('partners'),
    deps.repo.all('responses'),
    deps.repo.all('meetings'),
    deps.repo.all('people'),
  ]);
  const byId = <L extends { id: string }>(list: L[]) => new Map(list.map((x) => [x.id, x]));
  const rec = byId(recommendations);
  const partner = byId(partners);
  const response = byId(responses);
  const meeting = byId(meetings);
  const person = byId(people);
  const rows = items.map((item): SlgItemRow => {
    const r = rec.get(item.fields.recommendationId);
    const resp = response.get(item.fields.responseId);
    const m = item.fields.meetingId ? meeting.get(item.fields.meetingId) : undefined;
    return {
      item,
      reference: r?.fields.reference ?? '',
      recommendationTitle: r?.fields.title ?? '',
      partnerName: partner.get(item.fields.partnerId)?.fields.name ?? 'Unknown partner',
      ...(resp
        ? {
            decision: resp.fields.decision,
            rationale: resp.fields.rationale,
            responderName: person.get(resp.fields.responderId)?.fields.displayName ?? 'Unknown',
          }
        : {}),
      ...(m ? { meeting: { id: m.id, title: m.fields.title, startsAt: m.fields.startsAt } } : {}),
    };
  });
  const when = (row: SlgItemRow) =>
    row.meeting ? Date.parse(row.meeting.startsAt) : Number.POSITIVE_INFINITY;
  return rows.sort((a, b) => when(a) - when(b) || a.item.createdAt.localeCompare(b.item.createdAt));
}
