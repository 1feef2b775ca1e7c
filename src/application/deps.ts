import type { WithId, Person } from '../domain/lists/schema.js';
import type { Channel } from '../domain/vocabulary.js';
import type { CardGateway } from './ports/cards.js';
import type { ChangeContext, Repository } from './ports/repository.js';

export interface Deps {
  repo: Repository;
  cards: CardGateway;
  now: () => Date;
}

/** The signed-in person, resolved on the server from a validated token or activity. */
export type Actor = WithId<Person>;

export const changeContext = (deps: Deps, actor: Actor, channel: Channel): ChangeContext => ({
  actorId: actor.id,
  homeTenantId: actor.homeTenantId,
  channel,
  at: deps.now().toISOString(),
});
