import { useCallback } from 'react';
import { useApi } from '../api/ApiContext';
import type { MeetingItem } from '../api/types';
import { useResource, type Resource } from '../api/useResource';

/**
 * Finds, without creating, the record for a Teams meeting: the stage is seen by everyone in the
 * meeting, and only the scrutineer's panel creates records.
 */
export function useMeetingLookup(
  teamsMeetingId: string | undefined,
  version = 0,
): Resource<MeetingItem | undefined> {
  const api = useApi();
  const load = useCallback(async () => {
    if (!teamsMeetingId) return undefined;
    const meetings = await api.getItems<MeetingItem>('/api/meetings');
    return meetings.find((m) => m.teamsMeetingId === teamsMeetingId);
  }, [api, teamsMeetingId]);
  return useResource(load, version);
}
