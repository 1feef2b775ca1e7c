import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApi } from '../api/ApiContext';
import type { MeetingItem } from '../api/types';
import { useResource, type Resource } from '../api/useResource';
import type { TeamsMeetingRef } from '../outbox/types';
import { neutralTitle, safeMeetingTitle } from './meetingTitle';

export interface TeamsMeeting {
  /** How to find or create the record; provisional (neutral title) until Teams answers. */
  ref: TeamsMeetingRef | undefined;
  /** True once the title and start come from Teams (or Teams declined to say). */
  settled: boolean;
  record: Resource<MeetingItem | undefined>;
}

/**
 * The meeting record for the Teams meeting the panel is open in, created on first use with the
 * meeting's own subject when that is safe to keep (see safeMeetingTitle).
 */
export function useTeamsMeeting(
  teamsMeetingId: string | undefined,
  inTeams: boolean,
): TeamsMeeting {
  const api = useApi();
  const [settledRef, setSettledRef] = useState<TeamsMeetingRef>();

  useEffect(() => {
    setSettledRef(undefined);
    if (!teamsMeetingId) return;
    let live = true;
    void (async () => {
      // Loaded on demand: teams-js's meeting module is not needed for the panel's first paint.
      const details = inTeams
        ? await import('./meetingDetails').then(
            (m) => m.readMeetingDetails(),
            () => null,
          )
        : null;
      const startsAt = details?.startsAt ?? new Date().toISOString();
      const title = await safeMeetingTitle(details?.title, startsAt);
      if (live) setSettledRef({ teamsMeetingId, title, startsAt });
    })();
    return () => {
      live = false;
    };
  }, [teamsMeetingId, inTeams]);

  const provisional = useMemo(() => {
    if (!teamsMeetingId) return undefined;
    const startsAt = new Date().toISOString();
    return { teamsMeetingId, title: neutralTitle(startsAt), startsAt };
  }, [teamsMeetingId]);

  const load = useCallback(async () => {
    if (!settledRef) return undefined;
    return api.post<MeetingItem>('/api/meetings', {
      title: settledRef.title,
      kind: 'other',
      startsAt: settledRef.startsAt,
      teamsMeetingId: settledRef.teamsMeetingId,
    });
  }, [api, settledRef]);
  const record = useResource(load);

  return { ref: settledRef ?? provisional, settled: settledRef !== undefined, record };
}
