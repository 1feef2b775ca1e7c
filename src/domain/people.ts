import type { Person, WithId } from './lists/schema.js';
import type { Role } from './vocabulary.js';

export const hasRole = (person: Person, ...roles: Role[]) =>
  person.roles.some((r) => roles.includes(r));

/** The people who answer for a partner: its partner leads. */
export const leadsFor = (partnerId: string, people: readonly WithId<Person>[]) =>
  people.filter((p) => p.partnerId === partnerId && p.roles.includes('partner-lead'));
