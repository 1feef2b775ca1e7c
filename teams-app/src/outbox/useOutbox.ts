import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useApi } from '../api/ApiContext';
import { outboxFor, type Outbox, type OutboxSnapshot } from './outbox';
import { makeSender } from './sendObservation';
import type { OutboxStore } from './types';

/** The page's outbox over `store`, sending with the signed-in API client while mounted. */
export function useOutbox(store: OutboxStore): { outbox: Outbox; snapshot: OutboxSnapshot } {
  const api = useApi();
  const outbox = useMemo(() => outboxFor(store), [store]);
  const sender = useMemo(() => makeSender(api), [api]);
  useEffect(() => outbox.start(sender), [outbox, sender]);
  const snapshot = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
  return { outbox, snapshot };
}
