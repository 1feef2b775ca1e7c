import type { ObservationItem } from '../api/types';
import { webLock, type Lock } from './lock';
import type { ObservationFields, OutboxEntry, OutboxStore, Sender, TeamsMeetingRef } from './types';

export interface NewEntry {
  scope: string;
  fields: ObservationFields;
  meetingId?: string;
  teamsMeeting?: TeamsMeetingRef;
}

export type OutboxEvent =
  /** Stored on this device; sending starts now. */
  | { type: 'queued'; entry: OutboxEntry }
  | { type: 'sent'; entry: OutboxEntry; item: ObservationItem | undefined }
  /** Kept for later: offline, server trouble, or sign-in needed. */
  | { type: 'waiting'; entry: OutboxEntry }
  | { type: 'failed'; entry: OutboxEntry };

export interface OutboxSnapshot {
  entries: readonly OutboxEntry[];
  /** The key being sent right now, if any. */
  sending: string | null;
  loaded: boolean;
  persistent: boolean;
}

export type { Lock };

export interface OutboxOptions {
  now?: () => number;
  /** Wait before the nth automatic retry. */
  retryDelay?: (attempts: number) => number;
  /** Serialises sending across tabs; the default uses Web Locks where allowed, else a page lock. */
  lock?: Lock;
}

/** 2 s, 4 s, 8 s … up to a minute, with a little jitter so many tabs do not retry in step. */
export function defaultRetryDelay(attempts: number): number {
  const base = Math.min(60_000, 2_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

let sharedLock: Lock | undefined;
/** One lock per page, shared by every outbox on it. */
function defaultLock(): Lock {
  sharedLock ??= webLock();
  return sharedLock;
}

/**
 * Observations are written to the store first and only then sent, oldest first, one at a time.
 * A send that may have reached the server is retried with the same idempotency key, which the
 * server answers with the stored item, so each observation is stored exactly once. Refused ones
 * are parked as `failed` with the reason in words until the person edits or discards them.
 */
export class Outbox {
  private snapshot: OutboxSnapshot = {
    entries: [],
    sending: null,
    loaded: false,
    persistent: true,
  };
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: OutboxEvent) => void>();
  private sender: Sender | null = null;
  private starts = 0;
  private draining: Promise<void> | null = null;
  private again = false;
  private againForced = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSeq = 0;
  private readonly now: () => number;
  private readonly retryDelay: (attempts: number) => number;
  private readonly lock: Lock;

  constructor(
    private readonly store: OutboxStore,
    options: OutboxOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.retryDelay = options.retryDelay ?? defaultRetryDelay;
    this.lock = options.lock ?? defaultLock();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): OutboxSnapshot => this.snapshot;

  onEvent(listener: (event: OutboxEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Begins sending (now, when back online, and after each backoff); returns the stop function. */
  start(sender: Sender): () => void {
    this.sender = sender;
    this.starts += 1;
    if (this.starts === 1) {
      window.addEventListener('online', this.onOnline);
      void this.store.ready().then(
        ({ persistent }) => this.update({ persistent }),
        () => this.update({ persistent: false }),
      );
    }
    void this.flush(true);
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.starts -= 1;
      if (this.starts === 0) {
        window.removeEventListener('online', this.onOnline);
        clearTimeout(this.timer);
      }
    };
  }

  /** Keeps the observation on this device first; resolves once it is stored, before sending. */
  async add(input: NewEntry): Promise<OutboxEntry> {
    const existing = await this.store.allEntries();
    const seq = Math.max(this.now(), this.lastSeq + 1, ...existing.map((e) => e.seq + 1));
    this.lastSeq = seq;
    const at = new Date(this.now()).toISOString();
    const entry: OutboxEntry = {
      ...input,
      key: crypto.randomUUID(),
      seq,
      createdAt: at,
      observedAt: at,
      state: 'pending',
      attempts: 0,
    };
    await this.store.putEntry(entry);
    await this.reload();
    this.emit({ type: 'queued', entry });
    void this.flush(true);
    return entry;
  }

  /** Puts a failed entry back in the queue, with the person's corrections. */
  async resend(key: string, fields?: ObservationFields): Promise<void> {
    const entry = (await this.store.allEntries()).find((e) => e.key === key);
    if (!entry || entry.state !== 'failed') return;
    await this.store.putEntry({
      ...entry,
      fields: fields ?? entry.fields,
      state: 'pending',
      attempts: 0,
      retryAt: undefined,
      reason: undefined,
      details: undefined,
      needsSignIn: undefined,
    });
    await this.reload();
    void this.flush(true);
  }

  /** Deletes a failed entry; the UI asks first. Pending ones are never discarded. */
  async discard(key: string): Promise<void> {
    const entry = (await this.store.allEntries()).find((e) => e.key === key);
    if (!entry || entry.state !== 'failed') return;
    await this.store.deleteEntry(key);
    await this.reload();
  }

  /**
   * Sends what is due. `force` ignores backoff and sign-in waits (start, back online, "Send
   * now"). A call while sending is folded into the running one, so no entry is sent twice at once.
   */
  flush(force = false): Promise<void> {
    if (this.draining) {
      this.again = true;
      this.againForced ||= force;
      return this.draining;
    }
    this.draining = (async () => {
      let forced = force;
      try {
        do {
          this.again = false;
          await this.lock(() => this.drain(forced));
          forced = this.againForced;
          this.againForced = false;
        } while (this.again && this.starts > 0);
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  private readonly onOnline = () => {
    void this.flush(true);
  };

  private async drain(force: boolean): Promise<void> {
    clearTimeout(this.timer);
    for (;;) {
      // Read the store each time: another tab may have sent or changed entries meanwhile.
      const entries = await this.reload();
      const sender = this.sender;
      if (this.starts === 0 || !sender) return;
      const next = entries.find((e) => e.state === 'pending');
      if (!next) return;
      if (!force) {
        if (next.needsSignIn) return;
        const wait = (next.retryAt ?? 0) - this.now();
        if (wait > 0) {
          this.schedule(wait);
          return;
        }
      }
      this.update({ sending: next.key });
      let result;
      try {
        result = await sender(next);
      } catch {
        result = { kind: 'retry' as const, reason: 'Something went wrong while sending.' };
      } finally {
        this.update({ sending: null });
      }
      if (result.kind === 'sent') {
        await this.store.deleteEntry(next.key);
        await this.reload();
        this.emit({ type: 'sent', entry: next, item: result.item });
        continue;
      }
      if (result.kind === 'failed') {
        const failed: OutboxEntry = {
          ...next,
          state: 'failed',
          reason: result.reason,
          details: result.details,
          retryAt: undefined,
          needsSignIn: undefined,
        };
        await this.store.putEntry(failed);
        await this.reload();
        this.emit({ type: 'failed', entry: failed });
        continue;
      }
      // Keep the order: later entries wait behind this one.
      const attempts = next.attempts + 1;
      const delay = this.retryDelay(attempts);
      const waiting: OutboxEntry = {
        ...next,
        attempts,
        reason: result.reason,
        details: undefined,
        needsSignIn: result.kind === 'auth' ? true : undefined,
        retryAt: result.kind === 'auth' ? undefined : this.now() + delay,
      };
      await this.store.putEntry(waiting);
      await this.reload();
      this.emit({ type: 'waiting', entry: waiting });
      if (result.kind === 'retry') this.schedule(delay);
      return;
    }
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (this.starts === 0) return;
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private async reload(): Promise<OutboxEntry[]> {
    const entries = await this.store.allEntries();
    this.update({ entries, loaded: true });
    return entries;
  }

  private update(change: Partial<OutboxSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }

  private emit(event: OutboxEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }
}

const outboxes = new WeakMap<OutboxStore, Outbox>();

/** One outbox per store, so a remounted panel never runs a second queue over the same entries. */
export function outboxFor(store: OutboxStore, options?: OutboxOptions): Outbox {
  let outbox = outboxes.get(store);
  if (!outbox) {
    outbox = new Outbox(store, options);
    outboxes.set(store, outbox);
  }
  return outbox;
}
