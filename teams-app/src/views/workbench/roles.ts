import type { Role } from '../../../../src/domain/vocabulary';
import type { Me } from '../../api/types';
import type { Resource } from '../../api/useResource';

/**
 * Whether the signed-in person holds one of these roles. Until we know, yes, as `canWrite` does:
 * the server decides, and says why when it refuses.
 */
export function hasAnyRole(me: Resource<Me>, roles: readonly Role[]): boolean {
  const mine = me.data?.person.roles;
  return mine ? mine.some((role) => roles.includes(role)) : true;
}

/** Who may see where the cards are, email a response link, and record the SLG’s ruling. */
export const scrutineerOrBusinessUnit: readonly Role[] = ['scrutineer', 'business-unit'];
