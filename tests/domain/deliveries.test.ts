import { describe, expect, it } from 'vitest';
import {
  afterInterruption,
  afterSearch,
  afterSend,
  confirmedByCard,
  deliveryKeyOf,
  isDue,
  type DeliveryFields,
  type DeliveryPolicy,
} from '../../src/domain/deliveries.js';

const T0 = Date.parse('2026-11-20T10:00:00Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const policy: DeliveryPolicy = {
  maxAttempts: 3,
  backoff: { baseMs: 1_000, maxMs: 8_000, factor: 2, jitter: 0 },
  settleMs: 60_000,
  reconcileWindowMs: 600_000,
};
const row = (extra: Partial<DeliveryFields> = {}): DeliveryFields => ({
  deliveryKey: deliveryKeyOf('rec', 'person'),
  recommendationId: 'rec',
  personId: 'person',
  status: 'pending',
  attempts: 1,
  inFlightSince: at(0),
  leaseOwner: 'w1',
  leaseUntil: at(60_000),
  ...extra,
});
const ctx = (now: number, threadWithinLimits = true) => ({
  now: T0 + now,
  policy,
  random: () => 0.5,
  threadWithinLimits,
});

describe('the delivery ledger', () => {
  it('keys one card per recommendation per person', () => {
    expect(deliveryKeyOf('r1', 'p1')).toBe('r1:p1');
  });

  it('picks up a pending row once it is due and nobody holds it', () => {
    const free = row({ leaseOwner: null, leaseUntil: null, nextAttemptAt: at(1_000) });
    expect(isDue(free, T0)).toBe(false);
    expect(isDue(free, T0 + 1_000)).toBe(true);
    expect(isDue(row({ nextAttemptAt: at(0) }), T0 + 1_000)).toBe(false); // leased
    expect(isDue(row({ nextAttemptAt: at(0) }), T0 + 60_000)).toBe(true); // lease ran out
    expect(isDue({ ...free, status: 'sent' }, T0 + 5_000)).toBe(false);
  });
});

describe('after a send', () => {
  it('records a card Teams took, and frees the row', () => {
    const { patch, pause } = afterSend(row(), { kind: 'sent', activityId: 'a1' }, ctx(200));
    expect(patch).toMatchObject({
      status: 'sent',
      activityId: 'a1',
      leaseOwner: null,
      inFlightSince: null,
      uncertainSince: null,
    });
    expect(pause).toBeUndefined();
  });

  it('waits as long as a 429 says, without counting the try', () => {
    const { patch, pause } = afterSend(
      row({ attempts: 2 }),
      { kind: 'throttled', retryAfterMs: 5_000 },
      ctx(100),
    );
    expect(patch).toMatchObject({ attempts: 1, nextAttemptAt: at(5_100) });
    expect(patch.status).toBeUndefined();
    expect(pause).toEqual({ scope: 'app', until: T0 + 5_100 });
  });

  it('pauses only the thread when the 429 came on a busy thread', () => {
    const { pause } = afterSend(row(), { kind: 'throttled', retryAfterMs: 2_000 }, ctx(0, false));
    expect(pause).toEqual({ scope: 'thread', until: T0 + 2_000 });
  });

  it('backs off after a 429 without Retry-After', () => {
    const { patch } = afterSend(row({ attempts: 2 }), { kind: 'throttled' }, ctx(0));
    expect(patch.nextAttemptAt).toBe(at(2_000));
  });

  it('treats a 5xx or a timeout as unconfirmed: reconcile after the settle time, never resend', () => {
    for (const outcome of [
      { kind: 'ambiguous', cause: 'server-error', status: 502 },
      { kind: 'ambiguous', cause: 'timeout' },
      { kind: 'ambiguous', cause: 'connection' },
    ] as const) {
      const { patch } = afterSend(row(), outcome, ctx(3_000));
      expect(patch).toMatchObject({
        uncertainSince: at(0), // the send's start: a search looks from there
        nextAttemptAt: at(60_000),
        inFlightSince: null,
      });
      expect(patch.status).toBeUndefined();
    }
  });

  it('honours Retry-After on a 503 for everything', () => {
    const { pause } = afterSend(
      row(),
      { kind: 'ambiguous', cause: 'server-error', status: 503, retryAfterMs: 30_000 },
      ctx(0),
    );
    expect(pause).toEqual({ scope: 'app', until: T0 + 30_000 });
  });

  it('retries what surely never arrived with backoff, then gives up', () => {
    const first = afterSend(
      row({ attempts: 1 }),
      { kind: 'not-sent', cause: 'connection' },
      ctx(0),
    );
    expect(first.patch).toMatchObject({ nextAttemptAt: at(1_000), lastError: 'connection' });
    const second = afterSend(
      row({ attempts: 2 }),
      { kind: 'not-sent', cause: 'connection' },
      ctx(0),
    );
    expect(second.patch.nextAttemptAt).toBe(at(2_000));
    const last = afterSend(
      row({ attempts: 3 }),
      { kind: 'not-sent', cause: 'server-error', status: 412 },
      ctx(0),
    );
    expect(last.patch).toMatchObject({ status: 'failed', detail: expect.stringContaining('412') });
  });

  it('marks a blocked person unreachable in plain words, and a refused card failed', () => {
    const blocked = afterSend(
      row(),
      { kind: 'unreachable', reason: 'blocked', detail: 'They have blocked Critical Friend.' },
      ctx(0),
    );
    expect(blocked.patch).toMatchObject({
      status: 'unreachable',
      lastError: 'blocked',
      detail: 'They have blocked Critical Friend.',
    });
    const refused = afterSend(row(), { kind: 'rejected', status: 413, detail: 'Too big.' }, ctx(0));
    expect(refused.patch).toMatchObject({ status: 'failed', lastError: 'rejected' });
  });
});

describe('reconciling an unconfirmed send', () => {
  const unconfirmed = row({
    uncertainSince: at(0),
    inFlightSince: null,
    attempts: 1,
    nextAttemptAt: at(60_000),
  });
  const search = (now: number) => ({ now: T0 + now, policy, random: () => 0.5 });

  it('records the card as sent when the chat has it', () => {
    const d = afterSearch(unconfirmed, { kind: 'found', activityId: 'm1' }, search(61_000));
    expect(d).toMatchObject({ resend: false, patch: { status: 'sent', activityId: 'm1' } });
  });

  it('resends only once an empty search is past the settle time', () => {
    const early = afterSearch(unconfirmed, { kind: 'absent' }, search(10_000));
    expect(early).toMatchObject({ resend: false, patch: { nextAttemptAt: at(60_000) } });
    const settled = afterSearch(unconfirmed, { kind: 'absent' }, search(60_000));
    expect(settled).toMatchObject({ resend: true, patch: { uncertainSince: null } });
  });

  it('gives up, rather than resend, when the tries are used up', () => {
    const d = afterSearch({ ...unconfirmed, attempts: 3 }, { kind: 'absent' }, search(70_000));
    expect(d).toMatchObject({ resend: false, patch: { status: 'failed' } });
  });

  it('keeps checking when nobody can tell, then holds it for the scrutineer', () => {
    const d = afterSearch(unconfirmed, { kind: 'unknown' }, search(61_000));
    expect(d.resend).toBe(false);
    expect(d.patch.status).toBeUndefined();
    expect(Date.parse(d.patch.nextAttemptAt ?? '')).toBeGreaterThan(T0 + 61_000);
    const held = afterSearch(unconfirmed, { kind: 'unknown' }, search(600_000));
    expect(held).toMatchObject({
      resend: false,
      patch: { status: 'failed', lastError: 'not-confirmed' },
    });
    expect(held.patch.detail).toMatch(/Ask them whether it arrived/);
  });

  it('turns a send whose outcome was never recorded into an unconfirmed one', () => {
    const patch = afterInterruption(row({ inFlightSince: at(5_000) }), policy);
    expect(patch).toMatchObject({
      inFlightSince: null,
      uncertainSince: at(5_000),
      lastError: 'interrupted',
      nextAttemptAt: at(65_000),
    });
  });

  it('takes a card action from the recipient as proof of delivery', () => {
    expect(confirmedByCard(unconfirmed, 'm9', T0)).toMatchObject({
      status: 'sent',
      activityId: 'm9',
    });
    expect(confirmedByCard({ ...unconfirmed, status: 'sent' }, 'm9', T0)).toBeUndefined();
  });
});
