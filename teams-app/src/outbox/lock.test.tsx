import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/react';
import { pageLock, webLock } from './lock';
import { MemoryStore } from './memoryStore';
import { Outbox } from './outbox';
import type { Sender } from './types';

/** Web Locks as a third-party frame with storage blocked has them: every request is refused. */
function deniedLocks(how: 'reject' | 'throw' = 'reject') {
  const request = vi.fn(() => {
    const error = new DOMException('The request was denied.', 'SecurityError');
    if (how === 'throw') throw error;
    return Promise.reject(error);
  });
  return { request } as unknown as LockManager & { request: typeof request };
}

/** Web Locks that grant every request at once. */
function grantingLocks() {
  const request = vi.fn((_name: string, work: () => Promise<unknown>) => work());
  return { request } as unknown as LockManager & { request: typeof request };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the outbox lock', () => {
  const original = Object.getOwnPropertyDescriptor(window.navigator, 'locks');
  afterEach(() => {
    if (original) Object.defineProperty(window.navigator, 'locks', original);
    else Reflect.deleteProperty(window.navigator, 'locks');
  });

  it('runs the work once, in the page, when Web Locks refuse with a SecurityError', async () => {
    for (const how of ['reject', 'throw'] as const) {
      const locks = deniedLocks(how);
      const lock = webLock(locks);
      const work = vi.fn(async () => 'sent');
      await expect(lock(work)).resolves.toBe('sent');
      expect(work).toHaveBeenCalledTimes(1);
      // Refused once is refused for the page: it does not ask again.
      await expect(lock(work)).resolves.toBe('sent');
      expect(work).toHaveBeenCalledTimes(2);
      expect(locks.request).toHaveBeenCalledTimes(1);
    }
  });

  it('reads navigator.locks by default', async () => {
    const locks = deniedLocks();
    Object.defineProperty(window.navigator, 'locks', { configurable: true, value: locks });
    const work = vi.fn(async () => 1);
    await expect(webLock()(work)).resolves.toBe(1);
    expect(locks.request).toHaveBeenCalledTimes(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('uses Web Locks when granted, and never reruns work that failed under them', async () => {
    const locks = grantingLocks();
    const lock = webLock(locks);
    await expect(lock(async () => 'ok')).resolves.toBe('ok');
    const failing = vi.fn(async () => {
      throw new Error('send failed');
    });
    await expect(lock(failing)).rejects.toThrow('send failed');
    expect(failing).toHaveBeenCalledTimes(1);
    expect(locks.request).toHaveBeenCalledTimes(2);
  });

  it('falls back to one at a time in the page, even after a failure', async () => {
    const lock = pageLock();
    const order: string[] = [];
    let release = () => {};
    const first = lock(async () => {
      order.push('first start');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first end');
      throw new Error('first failed');
    });
    const second = lock(async () => {
      order.push('second');
    });
    await tick();
    expect(order).toEqual(['first start']);
    release();
    await expect(first).rejects.toThrow('first failed');
    await second;
    expect(order).toEqual(['first start', 'first end', 'second']);
  });

  it('lets the outbox send each observation exactly once where Web Locks are refused', async () => {
    const sent: string[] = [];
    const sender: Sender = async (entry) => {
      sent.push(entry.key);
      await tick();
      return { kind: 'sent', item: undefined };
    };
    const store = new MemoryStore();
    const outbox = new Outbox(store, { lock: webLock(deniedLocks()), retryDelay: () => 60_000 });
    const stop = outbox.start(sender);
    try {
      const fields = {
        text: 'Seen.',
        evidenceClass: 'worry' as const,
        partnerIds: [],
        source: 'meeting' as const,
      };
      const a = await outbox.add({ scope: 'standalone', fields });
      const b = await outbox.add({ scope: 'standalone', fields });
      void outbox.flush(true);
      await waitFor(async () => expect(await store.allEntries()).toEqual([]));
      await outbox.flush(true);
      expect(sent).toEqual([a.key, b.key]);
    } finally {
      stop();
    }
  });
});
