/** The outbox's working parts: the queue, the sender and the IndexedDB store. */
export type OutboxRuntime = typeof import('./runtime');

let loading: Promise<OutboxRuntime> | null = null;

/**
 * Loads the outbox's code, once. The side panel starts this as soon as it has rendered, so it is
 * off the first load but ready before anyone can press Enter; anything that needs it awaits it.
 */
export function loadOutboxRuntime(): Promise<OutboxRuntime> {
  loading ??= import('./runtime').catch((error: unknown) => {
    loading = null; // a failed chunk load may succeed on the next try
    throw error;
  });
  return loading;
}
