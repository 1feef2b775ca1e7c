import { IndexedDbStore } from './indexedDbStore';
import { MemoryStore } from './memoryStore';
import type { OutboxStore } from './types';

/** IndexedDB when it opens; otherwise memory, whose `ready()` tells the panel nothing will persist. */
export async function openDeviceStore(): Promise<OutboxStore> {
  if (typeof indexedDB === 'undefined') return new MemoryStore();
  const idb = new IndexedDbStore();
  return idb.ready().then(
    () => idb,
    () => new MemoryStore(),
  );
}
