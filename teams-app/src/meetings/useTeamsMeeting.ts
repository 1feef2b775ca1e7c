import { useCallback } from 'react';
import { useApi } from '../api/ApiContext';
import type { MeetingItem } from '../api/types';
import { useResource, type Resource } from '../api/useResource';

/**
 * The meeting record for the Teams meeting the panel is open in, created on first use. The
 * title is deliberately generic: Teams meeting subjects can name people, and the scrutineer can
 * rename the record later.
 */
export function useTeamsMeeting(
  teamsMeetingId: string | undefined,
): Resource<MeetingItem | undefined> {
  const api = useApi();
  const load = useCallback(async () => {
    if (!teamsMeetingId) return undefined;
    return api.post<MeetingItem>('/api/meetings', {
      title: 'Teams meeting',
      kind: 'other',
      startsAt: new Date().toISOString(),
      teamsMeetingId,
    });
  }, [api, teamsMeetingId]);
  return useResource(load);
}
