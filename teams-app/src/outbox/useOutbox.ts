import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useApi } from '../api/ApiContext';
import { lazyOutboxFor, type LazyOutbox } from './lazyOutbox';
import type { OutboxSnapshot } from './outbox';
import type { OutboxStore } from './types';

/**
 * The page's outbox over `store`, sending with the signed-in API client while mounted. Its code
 * loads when the panel mounts (off the first load), and then sends whatever is waiting.
 */
export function useOutbox(store: OutboxStore): { outbox: LazyOutbox; snapshot: OutboxSnapshot } {
  const api = useApi();
  const outbox = useMemo(() => lazyOutboxFor(store), [store]);
  useEffect(() => outbox.start(api), [outbox, api]);
  const snapshot = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
  return { outbox, snapshot };
}
