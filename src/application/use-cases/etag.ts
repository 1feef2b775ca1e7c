import type { ListName } from '../../domain/lists/schema.js';
import { preconditionRequired } from '../errors.js';
import { ConflictError, type StoredItem } from '../ports/repository.js';

/** Every update names the version it was based on (If-Match); without it we refuse (428). */
export function requireIfMatch(ifMatch: string | undefined): string {
  const etag = ifMatch?.trim();
  if (!etag) throw preconditionRequired();
  return etag;
}

/**
 * Refuses early (412) when the item changed since the caller read it, before any other check, so
 * a later "wrong state" answer is about the current item. The repository checks again on write.
 */
export function assertCurrent<L extends ListName>(
  list: L,
  stored: StoredItem<L>,
  etag: string,
): void {
  if (stored.etag !== etag) throw new ConflictError(list, stored.id);
}
