import { useMemo, useRef } from 'react';

export function newSubmitKey(): string {
  return crypto.randomUUID();
}

export interface SubmitKey {
  /** The key of the submission under way: made on the first attempt, the same on each retry. */
  take(): string;
  /** The submission was stored: the next one gets a new key. */
  settle(): void;
}

/**
 * One idempotency key per submission (eventKey, distributionKey). A retry after a failure sends the
 * same key, so if the first attempt reached the server after all, it is stored once.
 */
export function useSubmitKey(): SubmitKey {
  const key = useRef<string | null>(null);
  return useMemo(
    () => ({
      take: () => (key.current ??= newSubmitKey()),
      settle: () => {
        key.current = null;
      },
    }),
    [],
  );
}
