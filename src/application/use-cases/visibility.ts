import { hasRole } from '../../domain/people.js';
import type { Role } from '../../domain/vocabulary.js';
import type { Actor } from '../deps.js';
import { forbidden } from '../errors.js';

/**
 * Role trimming, decided on the server from the partnership model. Executives (lead and delegated
 * safeguarding partners, the chair) and the business unit and scrutineer read everything; a
 * partner's people read only their own partner's items; anyone else reads nothing.
 */
export type Reach = { kind: 'all' } | { kind: 'partner'; partnerId: string } | { kind: 'none' };

export const wholeViewRoles: Role[] = [
  'scrutineer',
  'business-unit',
  'lead-safeguarding-partner',
  'delegated-safeguarding-partner',
  'partnership-chair',
];

/** Only these write to the tracker's own records (verification, case reviews, the report...). */
export const writerRoles: Role[] = ['scrutineer', 'business-unit'];

export function readerReach(actor: Actor): Reach {
  if (hasRole(actor, ...wholeViewRoles)) return { kind: 'all' };
  if (actor.partnerId) return { kind: 'partner', partnerId: actor.partnerId };
  return { kind: 'none' };
}

/** Whether an item belonging to these partners is visible to the reach. */
export function reaches(reach: Reach, partnerIds: string | readonly string[]): boolean {
  if (reach.kind === 'all') return true;
  if (reach.kind === 'none') return false;
  return typeof partnerIds === 'string'
    ? partnerIds === reach.partnerId
    : partnerIds.includes(reach.partnerId);
}

/** For views that only make sense whole (the plan, observations, case reviews): 403 otherwise. */
export function requireWholeView(actor: Actor, doing: string): void {
  if (readerReach(actor).kind !== 'all')
    throw forbidden(
      `Only the scrutineer, the business unit and the partnership's executives may ${doing}.`,
    );
}
