import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/react';
import { ApiClient } from '../api/client';
import { LocalAuthProvider } from '../auth/localAuthProvider';
import { item, mockFetch, type RecordedCall, type Reply } from '../test/fetchMock';
import { loadGuard } from '../guard/loadGuard';
import { MemoryStore } from './memoryStore';
import { Outbox, type OutboxEvent } from './outbox';
import { makeSender, offlineReason, signInReason } from './sendObservation';
import type { ObservationFields } from './types';

const fields = (text: string): ObservationFields => ({
  text,
  evidenceClass: 'worry',
  partnerIds: ['partner-police'],
  source: 'meeting',
});

function signedInApi() {
  const auth = new LocalAuthProvider();
  auth.store('outbox-token', 3600);
  return { auth, api: new ApiClient(auth, vi.fn()) };
}

/** A server that stores each idempotency key once and answers a resend with the first item. */
function idempotentServer() {
  const stored = new Map<string, Record<string, unknown>>();
  const reply = (call: RecordedCall): Reply => {
    const body = call.body as Record<string, unknown>;
    const key = String(body.idempotencyKey);
    const known = stored.get(key);
    if (known) return { status: 200, body: known };
    const created = item(`observation-${stored.size + 1}`, { ...body, status: 'open' });
    stored.set(key, created);
    return { status: 201, body: created };
  };
  return { stored, reply };
}

function setUp(options: { retryDelay?: (attempts: number) => number } = {}) {
  const store = new MemoryStore();
  const outbox = new Outbox(store, { retryDelay: options.retryDelay ?? (() => 60_000) });
  const events: OutboxEvent[] = [];
  outbox.onEvent((e) => events.push(e));
  return { store, outbox, events };
}

const observationCalls = (calls: RecordedCall[]) =>
  calls.filter((c) => c.method === 'POST' && c.path === '/api/observations');

// Loaded up front so the lazy chunk's first load is not part of any assertion's timing.
beforeAll(() => loadGuard());

let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
});

describe('outbox', () => {
  it('stores the observation on the device before it sends it', async () => {
    const { store, outbox } = setUp();
    const server = idempotentServer();
    const entriesAtSend: number[] = [];
    mockFetch({
      'POST /api/observations': (call) => {
        // Runs synchronously inside fetch: the store must already hold the entry.
        void store.allEntries().then((all) => entriesAtSend.push(all.length));
        return server.reply(call);
      },
    });
    const { api } = signedInApi();
    stops.push(outbox.start(makeSender(api)));

    const entry = await outbox.add({ scope: 'standalone', fields: fields('Audit plan agreed.') });

    await waitFor(() => expect(server.stored.size).toBe(1));
    expect(entriesAtSend).toEqual([1]);
    await waitFor(async () => expect(await store.allEntries()).toEqual([]));
    expect([...server.stored.keys()]).toEqual([entry.key]);
  });

  it('stores it exactly once when the first answer is lost and it is sent again', async () => {
    const { store, outbox, events } = setUp();
    const server = idempotentServer();
    let attempt = 0;
    const api = mockFetch({
      'POST /api/observations': (call) => {
        attempt += 1;
        const answer = server.reply(call);
        // The server stored it, but the answer never reached the tab.
        if (attempt === 1) throw new TypeError('Failed to fetch');
        return answer;
      },
    });
    stops.push(outbox.start(makeSender(signedInApi().api)));

    const entry = await outbox.add({ scope: 'standalone', fields: fields('Lost answer.') });
    await waitFor(() => expect(events.map((e) => e.type)).toContain('waiting'));
    const [waiting] = await store.allEntries();
    expect(waiting).toMatchObject({ key: entry.key, state: 'pending', reason: offlineReason });

    window.dispatchEvent(new Event('online'));

    await waitFor(() => expect(events.map((e) => e.type)).toContain('sent'));
    const calls = observationCalls(api.calls);
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => (c.body as { idempotencyKey: string }).idempotencyKey)).toEqual([
      entry.key,
      entry.key,
    ]);
    expect(server.stored.size).toBe(1);
    expect(events.filter((e) => e.type === 'sent')).toHaveLength(1);
    expect(await store.allEntries()).toEqual([]);
  });

  it('retries 503, 408 and 429 by itself with backoff, then sends', async () => {
    const { outbox, events } = setUp({ retryDelay: () => 20 });
    const server = idempotentServer();
    const answers = [503, 408, 429];
    const api = mockFetch({
      'POST /api/observations': (call) => {
        const status = answers.shift();
        return status ? { status } : server.reply(call);
      },
    });
    stops.push(outbox.start(makeSender(signedInApi().api)));

    await outbox.add({ scope: 'standalone', fields: fields('Busy server.') });

    await waitFor(() => expect(server.stored.size).toBe(1));
    expect(observationCalls(api.calls)).toHaveLength(4);
    const reasons = events
      .filter((e) => e.type === 'waiting')
      .map((e) => (e.type === 'waiting' ? e.entry.reason : ''));
    expect(reasons).toEqual([
      'The server had a problem (status 503). Trying again shortly.',
      'The server took too long to answer. Trying again shortly.',
      'The server is busy. Trying again shortly.',
    ]);
  });

  it('sends in the order saved once back online', async () => {
    const { outbox } = setUp();
    const server = idempotentServer();
    let online = false;
    const api = mockFetch({
      'POST /api/observations': (call) => {
        if (!online) throw new TypeError('Failed to fetch');
        return server.reply(call);
      },
    });
    stops.push(outbox.start(makeSender(signedInApi().api)));

    await outbox.add({ scope: 'standalone', fields: fields('First.') });
    await outbox.add({ scope: 'standalone', fields: fields('Second.') });
    await outbox.add({ scope: 'standalone', fields: fields('Third.') });
    await waitFor(() => expect(outbox.getSnapshot().entries).toHaveLength(3));

    online = true;
    window.dispatchEvent(new Event('online'));

    await waitFor(() => expect(server.stored.size).toBe(3));
    const texts = observationCalls(api.calls).map((c) => (c.body as { text: string }).text);
    const lastFirst = texts.lastIndexOf('First.');
    // Offline, only the oldest was tried; the others waited behind it, then followed in order.
    expect(texts.slice(0, lastFirst).every((t) => t === 'First.')).toBe(true);
    expect(texts.slice(lastFirst)).toEqual(['First.', 'Second.', 'Third.']);
    expect([...server.stored.values()].map((s) => s.text)).toEqual(['First.', 'Second.', 'Third.']);
  });

  it('never sends an entry twice at once, however often it is asked to flush', async () => {
    const { outbox } = setUp();
    const server = idempotentServer();
    let inFlight = 0;
    let maxInFlight = 0;
    const release: (() => void)[] = [];
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise<void>((resolve) => release.push(resolve));
      inFlight -= 1;
      const reply = server.reply({
        method: 'POST',
        path: '/api/observations',
        headers: {},
        body: JSON.parse(String(init?.body)) as unknown,
      });
      return new Response(JSON.stringify(reply.body), { status: reply.status });
    });
    vi.stubGlobal('fetch', fetchMock);
    stops.push(outbox.start(makeSender(signedInApi().api)));

    await outbox.add({ scope: 'standalone', fields: fields('Only once.') });
    await waitFor(() => expect(release).toHaveLength(1));
    void outbox.flush(true);
    void outbox.flush();
    window.dispatchEvent(new Event('online'));
    await outbox.add({ scope: 'standalone', fields: fields('Next one.') });
    expect(release).toHaveLength(1);

    release.shift()?.();
    await waitFor(() => expect(release).toHaveLength(1));
    release.shift()?.();
    await waitFor(() => expect(server.stored.size).toBe(2));
    expect(maxInFlight).toBe(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('parks refused ones as failed with the reason in words, and sends the rest', async () => {
    const { store, outbox, events } = setUp();
    const server = idempotentServer();
    mockFetch({
      'POST /api/observations': (call) => {
        const body = call.body as { text: string };
        if (body.text.includes('01632')) {
          return {
            status: 422,
            body: {
              error: {
                code: 'identifiable-data',
                message: 'This text appears to identify a child or family (phone-number).',
                fields: [
                  { field: 'text', matches: [{ kind: 'phone-number', start: 27, end: 39 }] },
                ],
              },
            },
          };
        }
        if (body.text.startsWith('Unknown')) {
          return {
            status: 400,
            body: { error: { code: 'unknown-partner', message: 'There is no partner with id x.' } },
          };
        }
        return server.reply(call);
      },
    });
    stops.push(outbox.start(makeSender(signedInApi().api)));

    const phone = 'The duty desk said to ring 01632 960001 for updates.';
    await outbox.add({ scope: 'standalone', fields: fields(phone) });
    await outbox.add({ scope: 'standalone', fields: fields('Unknown partner named.') });
    await outbox.add({ scope: 'standalone', fields: fields('Fine one.') });

    await waitFor(() => expect(server.stored.size).toBe(1));
    await waitFor(async () => expect(await store.allEntries()).toHaveLength(2));
    const [first, second] = await store.allEntries();
    expect(first?.state).toBe('failed');
    expect(first?.fields.text).toBe(phone);
    expect(first?.reason).toContain('a phone number');
    expect(first?.reason).toContain('Edit it and send again.');
    expect(second?.state).toBe('failed');
    expect(second?.reason).toBe('Not accepted: There is no partner with id x.');
    expect(events.filter((e) => e.type === 'failed')).toHaveLength(2);
  });

  it('resends an edited failed entry with the same key, and discards only on request', async () => {
    const { store, outbox } = setUp();
    const server = idempotentServer();
    let refuse = true;
    mockFetch({
      'POST /api/observations': (call) =>
        refuse
          ? { status: 400, body: { error: { code: 'bad', message: 'No.' } } }
          : server.reply(call),
    });
    stops.push(outbox.start(makeSender(signedInApi().api)));

    const entry = await outbox.add({ scope: 'standalone', fields: fields('First draft.') });
    await waitFor(() => expect(outbox.getSnapshot().entries[0]?.state).toBe('failed'));

    refuse = false;
    await outbox.resend(entry.key, fields('Rewritten.'));
    await waitFor(() => expect(server.stored.size).toBe(1));
    expect(server.stored.get(entry.key)?.text).toBe('Rewritten.');

    refuse = true;
    const other = await outbox.add({ scope: 'standalone', fields: fields('Refused again.') });
    await waitFor(() => expect(outbox.getSnapshot().entries[0]?.state).toBe('failed'));
    await outbox.discard(other.key);
    expect(await store.allEntries()).toEqual([]);
  });

  it('keeps it pending after 401 and sends once signed in again', async () => {
    const { store, outbox, events } = setUp({ retryDelay: () => 10 });
    const server = idempotentServer();
    let signedIn = false;
    const api = mockFetch({
      'POST /api/observations': (call) =>
        signedIn ? server.reply(call) : { status: 401, body: { error: { code: 'unauthorised' } } },
    });
    const { auth, api: client } = signedInApi();
    stops.push(outbox.start(makeSender(client)));

    await outbox.add({ scope: 'standalone', fields: fields('Token expired.') });
    await waitFor(() => expect(events.map((e) => e.type)).toContain('waiting'));
    const [entry] = await store.allEntries();
    expect(entry).toMatchObject({ state: 'pending', needsSignIn: true, reason: signInReason });

    // No automatic retries while signed out, even with a tiny backoff.
    await new Promise((r) => setTimeout(r, 60));
    expect(observationCalls(api.calls)).toHaveLength(1);

    auth.store('fresh-token', 3600);
    signedIn = true;
    await outbox.flush(true);
    expect(server.stored.size).toBe(1);
    expect(await store.allEntries()).toEqual([]);
  });
});
