import { useCallback, useMemo, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import type { ObservationItem } from '../../api/types';
import { useResource } from '../../api/useResource';

function newerFirst(a: ObservationItem, b: ObservationItem): number {
  return (b.observedAt ?? b.createdAt).localeCompare(a.observedAt ?? a.createdAt);
}

/**
 * This meeting's observations from the server, merged with those saved or edited in this
 * session (the higher version wins), newest first.
 */
export function useRecentObservations(meetingId: string | undefined) {
  const api = useApi();
  const load = useCallback(async () => {
    if (!meetingId) return [];
    const items = await api.getItems<ObservationItem>(
      `/api/observations?meetingId=${encodeURIComponent(meetingId)}`,
    );
    // Filter here too, in case the server ignores the query.
    return items.filter((item) => item.meetingId === meetingId);
  }, [api, meetingId]);
  const server = useResource(load);
  const [local, setLocal] = useState<ObservationItem[]>([]);

  const remember = useCallback(
    (item: ObservationItem) =>
      setLocal((items) => [item, ...items.filter((i) => i.id !== item.id)]),
    [],
  );
  const forget = useCallback(
    (id: string) => setLocal((items) => items.filter((i) => i.id !== id)),
    [],
  );

  const items = useMemo(() => {
    const byId = new Map<string, ObservationItem>();
    const mine = local.filter((item) => item.meetingId === meetingId);
    for (const item of [...(server.data ?? []), ...mine]) {
      const known = byId.get(item.id);
      if (!known || item.version >= known.version) byId.set(item.id, item);
    }
    return [...byId.values()].sort(newerFirst);
  }, [server.data, local, meetingId]);

  return { items, problem: server.problem, reload: server.reload, remember, forget };
}
