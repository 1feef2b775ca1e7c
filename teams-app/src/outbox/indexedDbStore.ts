import { openDatabase, transact } from './idb';
import type { Draft, OutboxEntry, OutboxStore } from './types';

export const DB_NAME = 'critical-friend';
export const DB_VERSION = 1;
export const OUTBOX = 'outbox';
export const DRAFTS = 'drafts';

function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    const outbox = db.createObjectStore(OUTBOX, { keyPath: 'key' });
    outbox.createIndex('seq', 'seq');
    db.createObjectStore(DRAFTS, { keyPath: 'scope' });
  }
}

/** The outbox and drafts in this browser's IndexedDB, so they survive reloads and closing Teams. */
export class IndexedDbStore implements OutboxStore {
  private db: Promise<IDBDatabase> | null = null;

  constructor(private readonly name = DB_NAME) {}

  private open(): Promise<IDBDatabase> {
    if (!this.db) {
      const opening = openDatabase(this.name, DB_VERSION, upgrade).then((db) => {
        // Closed by the browser or for another tab's upgrade: reopen on next use.
        const forget = () => {
          if (this.db === opening) this.db = null;
        };
        db.addEventListener('close', forget);
        db.addEventListener('versionchange', forget);
        return db;
      });
      opening.catch(() => {
        if (this.db === opening) this.db = null;
      });
      this.db = opening;
    }
    return this.db;
  }

  async ready() {
    await this.open();
    return { persistent: true };
  }

  async allEntries() {
    const db = await this.open();
    return transact(
      db,
      OUTBOX,
      'readonly',
      (s) => s.index('seq').getAll() as IDBRequest<OutboxEntry[]>,
    );
  }

  async putEntry(entry: OutboxEntry) {
    const db = await this.open();
    await transact(db, OUTBOX, 'readwrite', (s) => s.put(entry));
  }

  async deleteEntry(key: string) {
    const db = await this.open();
    await transact(db, OUTBOX, 'readwrite', (s) => s.delete(key));
  }

  async getDraft(scope: string) {
    const db = await this.open();
    return transact(db, DRAFTS, 'readonly', (s) => s.get(scope) as IDBRequest<Draft | undefined>);
  }

  async putDraft(draft: Draft) {
    const db = await this.open();
    await transact(db, DRAFTS, 'readwrite', (s) => s.put(draft));
  }

  async deleteDraft(scope: string) {
    const db = await this.open();
    await transact(db, DRAFTS, 'readwrite', (s) => s.delete(scope));
  }
}
