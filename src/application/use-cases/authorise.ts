import { hasRole } from '../../domain/people.js';
import type { Role } from '../../domain/vocabulary.js';
import type { Actor } from '../deps.js';
import { forbidden } from '../errors.js';

/** Roles come from the partnership model on the server, never from a token or the client. */
export function requireRole(actor: Actor, roles: Role[], doing: string): void {
  if (!hasRole(actor, ...roles)) throw forbidden(`Only ${roles.join(' or ')} may ${doing}.`);
}
