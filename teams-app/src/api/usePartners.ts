import { useCallback } from 'react';
import { useApi } from './ApiContext';
import { ApiError } from './errors';
import { partnerCache } from './partnerCache';
import type { PartnerItem } from './types';
import { useResource, type Resource } from './useResource';

/** The partners; when the server cannot be reached, the list this device last saw. */
export function usePartners(): Resource<PartnerItem[]> {
  const api = useApi();
  const load = useCallback(async () => {
    try {
      const partners = await api.getItems<PartnerItem>('/api/partners');
      partnerCache.write(partners);
      return partners;
    } catch (error) {
      // Only when the server cannot be reached; a refusal is shown as it is.
      const offline = error instanceof ApiError && error.status === 0;
      const cached = offline ? partnerCache.read() : undefined;
      if (cached) return cached;
      throw error;
    }
  }, [api]);
  return useResource(load);
}
