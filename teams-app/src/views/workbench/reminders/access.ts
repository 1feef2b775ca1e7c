import type { Me } from '../../../api/types';
import type { Resource } from '../../../api/useResource';
import { hasAnyRole, scrutineerOrBusinessUnit } from '../roles';

/**
 * Whether to show the reminders section: once we know who is signed in, and only to the
 * scrutineer and the business unit (the server refuses anyone else the preview).
 */
export function maySeeReminders(me: Resource<Me>): boolean {
  return me.data !== undefined && hasAnyRole(me, scrutineerOrBusinessUnit);
}

/** Only the business unit records who holds the partnership chair. */
export function mayRecordChair(me: Resource<Me>): boolean {
  return me.data !== undefined && hasAnyRole(me, ['business-unit']);
}
