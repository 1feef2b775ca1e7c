import type { ApiClient } from '../api/client';
import { loadOutboxRuntime, type OutboxRuntime } from './loadRuntime';
import type { NewEntry, Outbox, OutboxEvent, OutboxSnapshot } from './outbox';
import type { ObservationFields, OutboxEntry, OutboxStore } from './types';

/** What the panel asks of the outbox. */
export type OutboxControl = Pick<Outbox, 'add' | 'resend' | 'discard' | 'flush' | 'onEvent'>;

const notLoaded: OutboxSnapshot = { entries: [], sending: null, loaded: false, persistent: true };

interface Started {
  api: ApiClient;
  stop?: () => void;
}

/**
 * The page's outbox over `store`, usable before its code has loaded: the panel renders without
 * it, `start` loads it straight away, and every call waits for it. So an observation saved in
 * the first moment is stored and sent like any other, and entries left from a previous visit
 * are sent as soon as the code arrives.
 */
export class LazyOutbox implements OutboxControl {
  private real: Outbox | null = null;
  private runtime: OutboxRuntime | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: OutboxEvent) => void>();
  private readonly started = new Set<Started>();

  constructor(
    private readonly store: OutboxStore,
    private readonly loadRuntime: () => Promise<OutboxRuntime> = loadOutboxRuntime,
  ) {}

  /** The outbox itself, once its code has loaded; senders started meanwhile start with it. */
  async load(): Promise<Outbox> {
    const runtime = await this.loadRuntime();
    if (!this.real) {
      const real = runtime.outboxFor(this.store);
      this.real = real;
      this.runtime = runtime;
      real.subscribe(() => this.notify());
      real.onEvent((event) => this.eventListeners.forEach((listener) => listener(event)));
      for (const s of this.started) s.stop = real.start(runtime.makeSender(s.api));
      this.notify();
    }
    return this.real;
  }

  /** Sends with `api` from now on (once loaded); returns the stop function. */
  start(api: ApiClient): () => void {
    const started: Started = { api };
    this.started.add(started);
    if (this.real && this.runtime) started.stop = this.real.start(this.runtime.makeSender(api));
    else this.retry();
    return () => {
      if (!this.started.delete(started)) return;
      started.stop?.();
    };
  }

  // The code could not load (a dropped connection): try again when the browser is back online.
  private readonly retry = () => {
    this.load().catch(() => window.addEventListener('online', this.retry, { once: true }));
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): OutboxSnapshot => this.real?.getSnapshot() ?? notLoaded;

  onEvent(listener: (event: OutboxEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  async add(input: NewEntry): Promise<OutboxEntry> {
    return (await this.load()).add(input);
  }

  async resend(key: string, fields?: ObservationFields): Promise<void> {
    return (await this.load()).resend(key, fields);
  }

  async discard(key: string): Promise<void> {
    return (await this.load()).discard(key);
  }

  async flush(force?: boolean): Promise<void> {
    return (await this.load()).flush(force);
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}

const outboxes = new WeakMap<OutboxStore, LazyOutbox>();

/** One per store, like `outboxFor`, so a remounted panel shares the queue. */
export function lazyOutboxFor(store: OutboxStore): LazyOutbox {
  let outbox = outboxes.get(store);
  if (!outbox) {
    outbox = new LazyOutbox(store);
    outboxes.set(store, outbox);
  }
  return outbox;
}
