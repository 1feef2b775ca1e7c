import type { Actor, Deps } from '../deps.js';
import type { DigestCardView, DigestItem } from '../ports/cards.js';
import { shorten } from './card-views.js';

const TITLE_CHARS = 140;

/**
 * What one digest card shows, from the notices it carries and the current state of their items:
 * anything dealt with since the digest was made shows as settled. Only for its recipient (the
 * card is in their 1:1 chat); undefined for anyone else, or when it carries nothing.
 */
export async function digestCardView(
  deps: Deps,
  deliveryKey: string,
  viewer: Actor,
  options: { notice?: string } = {},
): Promise<DigestCardView | undefined> {
  const notices = await deps.repo.all('reminderNotices', {
    field: 'deliveryKey',
    equals: deliveryKey,
  });
  const first = notices[0];
  if (!first || first.fields.personId !== viewer.id) return undefined;

  const names = new Map<string, string>();
  const nameOf = async (personId: string) => {
    if (!names.has(personId)) {
      const p = await deps.repo.get('people', personId);
      names.set(personId, p?.fields.displayName ?? 'someone no longer recorded');
    }
    return names.get(personId) as string;
  };
  const partnerName = async (id: string) =>
    (await deps.repo.get('partners', id))?.fields.name ?? 'a partner no longer recorded';

  const items: DigestItem[] = [];
  for (const { fields: n } of notices) {
    const escalatedTo = await Promise.all(
      (n.escalatedTo ?? '')
        .split(',')
        .filter(Boolean)
        .map((id) => nameOf(id)),
    );
    const common = {
      subjectId: n.subjectId,
      partnerName: await partnerName(n.partnerId),
      dueDate: n.dueDate,
      stage: n.stage,
      role: n.role,
      workingDaysToDue: n.workingDaysToDue ?? 0,
      ...(escalatedTo.length > 0 ? { escalatedTo } : {}),
    };
    if (n.subjectKind === 'response') {
      const rec = await deps.repo.get('recommendations', n.subjectId);
      if (!rec) continue;
      const responses = await deps.repo.all('responses', {
        field: 'recommendationId',
        equals: rec.id,
      });
      const leads = (await deps.repo.all('people', { field: 'partnerId', equals: n.partnerId }))
        .filter((p) => p.fields.roles.includes('partner-lead'))
        .map((p) => p.fields.displayName);
      items.push({
        ...common,
        kind: 'response',
        partnerId: n.partnerId,
        reference: rec.fields.reference,
        title: shorten(rec.fields.title, TITLE_CHARS),
        ownerName: leads.join(', ') || 'their partner lead',
        ...(responses.some((r) => r.fields.partnerId === n.partnerId) ||
        rec.fields.status !== 'issued'
          ? { settled: true }
          : {}),
      });
    } else {
      const action = await deps.repo.get('actions', n.subjectId);
      if (!action) continue;
      const rec = await deps.repo.get('recommendations', action.fields.recommendationId);
      items.push({
        ...common,
        kind: 'action',
        reference: rec?.fields.reference ?? '',
        title: shorten(action.fields.description, TITLE_CHARS),
        ownerName: action.fields.ownerId
          ? await nameOf(action.fields.ownerId)
          : 'their partner lead',
        ...(action.fields.status === 'done' || action.fields.status === 'verified'
          ? { settled: true }
          : {}),
      });
    }
  }
  if (items.length === 0) return undefined;
  return {
    deliveryKey,
    recipientName: viewer.displayName,
    date: first.fields.date,
    items,
    ...(options.notice ? { notice: options.notice } : {}),
  };
}
