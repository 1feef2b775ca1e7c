import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/react';
import type { ApiClient } from '../api/client';
import { LazyOutbox } from './lazyOutbox';
import type { OutboxRuntime } from './loadRuntime';
import { MemoryStore } from './memoryStore';
import type { OutboxEvent } from './outbox';
import * as runtime from './runtime';
import type { ObservationFields, OutboxEntry, Sender } from './types';

const fields = (text: string): ObservationFields => ({
  text,
  evidenceClass: 'gone-well',
  partnerIds: [],
  source: 'meeting',
});

const api = {} as ApiClient;

/**
 * The outbox's code, arriving (or failing to) only when the test says so, with a sender that
 * records keys. Like the real loader, one load is shared while it is under way and a failed one
 * is tried afresh.
 */
function slowRuntime() {
  const sent: string[] = [];
  const sender: Sender = async (entry) => {
    sent.push(entry.key);
    return { kind: 'sent', item: undefined };
  };
  const code: OutboxRuntime = { ...runtime, makeSender: () => sender };
  let pending: Promise<OutboxRuntime> | null = null;
  let arrive: (value: OutboxRuntime) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const load = vi.fn(() => {
    pending ??= new Promise<OutboxRuntime>((resolve, reject) => {
      arrive = resolve;
      fail = (error) => {
        pending = null;
        reject(error);
      };
    });
    return pending;
  });
  return { sent, load, arrive: () => arrive(code), fail: (e: Error) => fail(e) };
}

let stops: (() => void)[] = [];
afterEach(() => {
  stops.forEach((stop) => stop());
  stops = [];
});

describe('the outbox before its code has loaded', () => {
  it('keeps an observation saved in the first moment, and sends it once the code arrives', async () => {
    const store = new MemoryStore();
    const code = slowRuntime();
    const outbox = new LazyOutbox(store, code.load);
    const events: OutboxEvent['type'][] = [];
    outbox.onEvent((event) => events.push(event.type));
    stops.push(outbox.start(api));
    expect(outbox.getSnapshot()).toMatchObject({ entries: [], loaded: false });

    let saved: OutboxEntry | undefined;
    const saving = outbox.add({ scope: 'standalone', fields: fields('Early words.') }).then((e) => {
      saved = e;
    });
    await Promise.resolve();
    expect(saved).toBeUndefined();

    code.arrive();
    await saving;
    expect(saved?.fields.text).toBe('Early words.');
    await waitFor(() => expect(code.sent).toEqual([saved?.key]));
    await waitFor(async () => expect(await store.allEntries()).toEqual([]));
    expect(events).toEqual(['queued', 'sent']);
    expect(outbox.getSnapshot().loaded).toBe(true);
  });

  it('sends what an earlier visit left, as soon as the code arrives', async () => {
    const store = new MemoryStore();
    const left: OutboxEntry = {
      key: 'left-over',
      seq: 1,
      scope: 'standalone',
      createdAt: '2026-05-14T09:00:00.000Z',
      observedAt: '2026-05-14T09:00:00.000Z',
      fields: fields('Left from yesterday.'),
      state: 'pending',
      attempts: 1,
      retryAt: Date.now() + 60_000,
    };
    await store.putEntry(left);
    const code = slowRuntime();
    const outbox = new LazyOutbox(store, code.load);
    const seen = vi.fn();
    outbox.subscribe(seen);
    stops.push(outbox.start(api));
    expect(code.load).toHaveBeenCalledTimes(1);

    code.arrive();
    await waitFor(() => expect(code.sent).toEqual(['left-over']));
    expect(seen).toHaveBeenCalled();
  });

  it('refuses to save, without losing anything, when the code cannot load, and tries again', async () => {
    const store = new MemoryStore();
    const code = slowRuntime();
    const outbox = new LazyOutbox(store, code.load);
    stops.push(outbox.start(api));
    code.fail(new TypeError('Failed to fetch dynamically imported module'));

    const first = outbox.add({ scope: 'standalone', fields: fields('Still in the box.') });
    await Promise.resolve();
    code.fail(new TypeError('Failed to fetch dynamically imported module'));
    await expect(first).rejects.toThrow(/Failed to fetch/);
    expect(await store.allEntries()).toEqual([]);

    const second = outbox.add({ scope: 'standalone', fields: fields('Still in the box.') });
    await Promise.resolve();
    code.arrive();
    const entry = await second;
    await waitFor(() => expect(code.sent).toEqual([entry.key]));
  });
});
