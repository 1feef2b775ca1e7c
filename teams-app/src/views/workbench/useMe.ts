import { useCallback } from 'react';
import { useApi } from '../../api/ApiContext';
import type { Me } from '../../api/types';
import { useResource, type Resource } from '../../api/useResource';

/** The signed-in person and the partnership (its etag guards the reference scheme). */
export function useMe(): Resource<Me> {
  const api = useApi();
  const load = useCallback(() => api.get<Me>('/api/me'), [api]);
  return useResource(load);
}

/** Only the scrutineer writes; until we know otherwise, offer the forms (the server decides). */
export function canWrite(me: Resource<Me>): boolean {
  const roles = me.data?.person.roles;
  return roles ? roles.includes('scrutineer') : true;
}
