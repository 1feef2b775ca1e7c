import { useCallback } from 'react';
import { useApi } from './ApiContext';
import type { PartnerItem } from './types';
import { useResource, type Resource } from './useResource';

export function usePartners(): Resource<PartnerItem[]> {
  const api = useApi();
  const load = useCallback(() => api.getItems<PartnerItem>('/api/partners'), [api]);
  return useResource(load);
}
