import { loadOutboxRuntime } from './loadRuntime';
import type { Draft, OutboxEntry, OutboxStore } from './types';

/**
 * This device's store (IndexedDB, or memory where it cannot open), reached through the outbox's
 * lazily loaded code: every call waits for it, so nothing is lost if it is used before it loads.
 */
class DeviceStore implements OutboxStore {
  private chosen: Promise<OutboxStore> | null = null;

  private async use<T>(work: (store: OutboxStore) => Promise<T>): Promise<T> {
    this.chosen ??= loadOutboxRuntime()
      .then((runtime) => runtime.openDeviceStore())
      .catch((error: unknown) => {
        this.chosen = null; // the code could not load: try again on the next call
        throw error;
      });
    return work(await this.chosen);
  }

  ready() {
    return this.use((s) => s.ready());
  }
  allEntries() {
    return this.use((s) => s.allEntries());
  }
  putEntry(entry: OutboxEntry) {
    return this.use((s) => s.putEntry(entry));
  }
  deleteEntry(key: string) {
    return this.use((s) => s.deleteEntry(key));
  }
  getDraft(scope: string) {
    return this.use((s) => s.getDraft(scope));
  }
  putDraft(draft: Draft) {
    return this.use((s) => s.putDraft(draft));
  }
  deleteDraft(scope: string) {
    return this.use((s) => s.deleteDraft(scope));
  }
}

let shared: OutboxStore | null = null;

/** One store per page, so every part of the panel sees the same outbox. */
export function defaultStore(): OutboxStore {
  shared ??= new DeviceStore();
  return shared;
}
