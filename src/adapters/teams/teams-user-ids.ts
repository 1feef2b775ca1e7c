import type { Repository } from '../../application/ports/repository.js';
import { MAX_REFRESH_USER_IDS } from './cards/recommendation-card.js';

/**
 * The Teams user ids (MRIs such as `29:1a2b…`, the `from.id` Teams puts on activities; not Entra
 * object ids) of these people, for a card's `refresh.userIds`. They are learnt from each person's
 * stored 1:1 conversation (its reference's `user`), or from the activity in hand (`known`: Entra
 * object id → Teams id). Undefined when any is unknown, or when there are none or more than Teams
 * allows: the card then leaves `userIds` out, and Teams refreshes it for everyone in a chat of up
 * to 60, each of whom the server answers with their own view.
 */
export async function teamsUserIds(
  repo: Repository,
  entraObjectIds: readonly string[],
  known: ReadonlyMap<string, string> = new Map(),
): Promise<string[] | undefined> {
  if (entraObjectIds.length === 0 || entraObjectIds.length > MAX_REFRESH_USER_IDS) return undefined;
  const ids: string[] = [];
  for (const oid of entraObjectIds) {
    const fromActivity = known.get(oid);
    if (fromActivity) {
      ids.push(fromActivity);
      continue;
    }
    const [conversation] = await repo.all('conversations', { field: 'entraObjectId', equals: oid });
    const userId = conversation ? userIdOf(conversation.fields.reference) : undefined;
    if (!userId) return undefined;
    ids.push(userId);
  }
  return [...new Set(ids)];
}

function userIdOf(reference: string): string | undefined {
  try {
    const parsed = JSON.parse(reference) as { user?: { id?: unknown } };
    return typeof parsed.user?.id === 'string' && parsed.user.id ? parsed.user.id : undefined;
  } catch {
    return undefined;
  }
}
