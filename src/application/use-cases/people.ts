import type { Deps, Actor } from '../deps.js';

/** The person behind a validated Entra (or local) identity, if the partnership knows them. */
export async function findPersonByObjectId(deps: Deps, oid: string): Promise<Actor | undefined> {
  const [item] = await deps.repo.all('people', { field: 'entraObjectId', equals: oid });
  return item ? { ...item.fields, id: item.id } : undefined;
}
