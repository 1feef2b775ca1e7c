/** A Storage kept in memory: it lasts as long as the page. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();

  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

/**
 * The tab's sessionStorage, or memory where the browser refuses it: reading `sessionStorage`
 * throws in a third-party iframe (Teams on the web) when third-party storage is blocked.
 */
export function sessionStore(): Storage {
  try {
    const storage = window.sessionStorage;
    storage.getItem('critical-friend.probe');
    return storage;
  } catch {
    return new MemoryStorage();
  }
}
