import type { Draft, OutboxEntry, OutboxStore } from './types';

const copy = <T>(value: T): T => structuredClone(value);

/** Keeps the outbox in memory: for tests, and the fallback when IndexedDB cannot be opened. */
export class MemoryStore implements OutboxStore {
  private readonly entries = new Map<string, OutboxEntry>();
  private readonly drafts = new Map<string, Draft>();

  constructor(private readonly persistent = false) {}

  async ready() {
    return { persistent: this.persistent };
  }

  async allEntries() {
    return [...this.entries.values()].sort((a, b) => a.seq - b.seq).map(copy);
  }

  async putEntry(entry: OutboxEntry) {
    this.entries.set(entry.key, copy(entry));
  }

  async deleteEntry(key: string) {
    this.entries.delete(key);
  }

  async getDraft(scope: string) {
    const draft = this.drafts.get(scope);
    return draft && copy(draft);
  }

  async putDraft(draft: Draft) {
    this.drafts.set(draft.scope, copy(draft));
  }

  async deleteDraft(scope: string) {
    this.drafts.delete(scope);
  }
}
