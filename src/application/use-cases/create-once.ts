import type { Fields, ListName } from '../../domain/lists/schema.js';
import {
  DuplicateError,
  type ChangeContext,
  type Repository,
  type StoredItem,
} from '../ports/repository.js';

/**
 * Creates an item whose unique column makes it idempotent; if it already exists (a resend, a
 * retry, or a racing request) returns the existing item instead of writing a second one.
 */
export async function createOnce<L extends ListName>(
  repo: Repository,
  list: L,
  fields: Fields<L>,
  ctx: ChangeContext,
): Promise<{ item: StoredItem<L>; created: boolean }> {
  try {
    return { item: await repo.create(list, fields, ctx), created: true };
  } catch (e) {
    if (e instanceof DuplicateError) {
      const item = await repo.get(list, e.existingId);
      if (item) return { item, created: false };
    }
    throw e;
  }
}
