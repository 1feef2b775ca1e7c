/** Runs `work` while holding the lock, and settles as it does. */
export type Lock = <T>(work: () => Promise<T>) => Promise<T>;

/** Serialises work within this page: each call starts once the one before it has settled. */
export function pageLock(): Lock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(() => work());
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * One sender at a time across this browser's tabs, with Web Locks. Where there are none, or the
 * browser refuses them (a third-party frame with storage blocked rejects the request with a
 * SecurityError, "The request was denied."), it falls back to a lock within this page, so
 * sending still happens, once at a time. Work that was granted the lock and then failed is never
 * run again: its error is the caller's.
 */
export function webLock(
  locks: Pick<LockManager, 'request'> | undefined = typeof navigator === 'undefined'
    ? undefined
    : navigator.locks,
  name = 'critical-friend-outbox',
): Lock {
  const inPage = pageLock();
  let refused = !locks;
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (refused || !locks) return inPage(work);
    let granted = false;
    try {
      return (await locks.request(name, () => {
        granted = true;
        return work();
      })) as T;
    } catch (error) {
      if (granted) throw error;
      // Refused once, refused for the life of the page: stop asking.
      refused = true;
      return inPage(work);
    }
  };
}
