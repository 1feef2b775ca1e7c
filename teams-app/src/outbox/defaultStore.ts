import { IndexedDbStore } from './indexedDbStore';
import { MemoryStore } from './memoryStore';
import type { Draft, OutboxEntry, OutboxStore } from './types';

/** IndexedDB when it opens; otherwise memory, and `ready()` tells the panel nothing will persist. */
class FallbackStore implements OutboxStore {
  private readonly chosen: Promise<OutboxStore>;

  constructor() {
    if (typeof indexedDB === 'undefined') {
      this.chosen = Promise.resolve(new MemoryStore());
      return;
    }
    const idb = new IndexedDbStore();
    this.chosen = idb.ready().then(
      () => idb,
      () => new MemoryStore(),
    );
  }

  private async use<T>(work: (store: OutboxStore) => Promise<T>): Promise<T> {
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
  shared ??= new FallbackStore();
  return shared;
}
