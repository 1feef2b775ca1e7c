import { afterEach, describe, expect, it } from 'vitest';
import { confirmDeliveredByCard } from '../../src/application/use-cases/deliveries.js';
import { deliveryFixture, type DeliveryFixture } from '../support/delivery-fixture.js';

/**
 * The delivery worker against the Bot Connector emulator, through the production adapter
 * (CloudAdapter.continueConversation over HTTP). Every test checks exactly-once from the
 * emulator's own record of what was delivered to each chat.
 */
let fixture: DeliveryFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const setUp = async (options: Parameters<typeof deliveryFixture>[0]) => {
  fixture = await deliveryFixture(options);
  return fixture;
};

/** Each lead's chat holds exactly `n` cards for the recommendation. */
function expectCards(f: DeliveryFixture, recommendationId: string, n = 1, leads = f.leads) {
  for (const lead of leads) {
    expect(f.emulator.cardsFor(f.conversationOf(lead), recommendationId), lead.displayName).toBe(n);
  }
}

const statuses = async (f: DeliveryFixture, id: string) =>
  (await f.rows(id)).map((r) => (r.fields as { status: string }).status).sort();

describe('the delivery worker', () => {
  it('sends one card to each lead and records each activity id', async () => {
    const f = await setUp({ leads: 12 });
    const id = await f.issue();
    expect(await statuses(f, id)).toEqual(Array(12).fill('pending'));
    await f.drain([f.worker('w1')]);
    expectCards(f, id);
    const rows = await f.rows(id);
    expect(rows.every((r) => r.fields.status === 'sent' && r.fields.activityId)).toBe(true);
    expect(f.emulator.requests()).toHaveLength(12);
  });

  it('never queues a card twice for the same person and recommendation', async () => {
    const f = await setUp({ leads: 3 });
    const id = await f.issue();
    const rec = await f.repo.get('recommendations', id);
    const { ensureDeliveries } = await import('../../src/application/use-cases/deliveries.js');
    await ensureDeliveries(
      f.deps,
      { ...rec!.fields, id },
      {
        actorId: 'test',
        homeTenantId: '',
        channel: 'system',
        at: new Date().toISOString(),
      },
    );
    expect(await f.rows(id)).toHaveLength(3);
    await f.drain([f.worker('w1')]);
    expectCards(f, id);
  });

  it('marks people without the app unreachable without calling Teams', async () => {
    const f = await setUp({ leads: 3, notInstalled: 1 });
    const id = await f.issue();
    await f.drain([f.worker('w1')]);
    expect(await statuses(f, id)).toEqual(['sent', 'sent', 'unreachable']);
    expect(f.emulator.requests()).toHaveLength(2);
  });
});

describe('429 Too Many Requests', () => {
  it('waits the Retry-After on a throttled chat, then sends once', async () => {
    const f = await setUp({ leads: 4 });
    const id = await f.issue();
    const throttled = f.conversationOf(f.leads[0]!);
    f.emulator.fail(
      { kind: 'throttle', retryAfterSeconds: 1, scope: 'conversation' },
      { conversationId: throttled },
    );
    await f.drain([f.worker('w1')]);
    expectCards(f, id);
    const log = f.emulator.requests();
    expect(log.filter((r) => r.conversationId === throttled).map((r) => r.status)).toEqual([
      429, 201,
    ]);
    expect(log.filter((r) => r.violation)).toEqual([]);
    const row = (await f.rows(id)).find((r) => r.fields.personId === f.leads[0]!.id);
    // A 429 is not a failed try: Teams refused before doing anything.
    expect(row?.fields).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('pauses every send when the throttled chat was quiet (the app-wide limit)', async () => {
    const f = await setUp({ leads: 10 });
    const id = await f.issue();
    // The first send (to any chat) is refused for the whole app for a second.
    f.emulator.fail({ kind: 'throttle', retryAfterSeconds: 1, scope: 'global' });
    await f.drain([f.worker('w1')]);
    expectCards(f, id);
    const log = f.emulator.requests();
    expect(log.filter((r) => r.status === 429)).toHaveLength(1);
    // No request reached the emulator, for any chat, before the Retry-After had passed.
    expect(log.filter((r) => r.violation)).toEqual([]);
  });

  it('pauses only a busy chat that Teams throttles, and never ignores its Retry-After', async () => {
    // The worker believes a chat takes 4 sends a second; this emulator allows 2, so the worker
    // is throttled on chats it has been busy with (half their allowance used), and must slow
    // those chats alone rather than the whole app.
    const f = await setUp({
      leads: 6,
      emulator: { perConversation: [{ windowMs: 1_000, max: 2 }] },
    });
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await f.issue());
    await f.drain([f.worker('w1', { threadRules: [{ windowMs: 1_000, max: 4 }] })], 20_000);
    for (const id of ids) expectCards(f, id);
    const log = f.emulator.requests();
    expect(log.filter((r) => r.violation)).toEqual([]);
    expect(log.filter((r) => r.status === 201)).toHaveLength(24);
    // The pause was for the busy chat alone: other chats were still being sent to during its
    // Retry-After (an app-wide pause would have stopped every request for the second).
    const first429 = log.find((r) => r.status === 429)!;
    expect(first429).toBeDefined();
    const othersMeanwhile = log.filter(
      (r) =>
        r.at > first429.at &&
        r.at < first429.at + 900 &&
        r.conversationId !== first429.conversationId,
    );
    expect(othersMeanwhile.length).toBeGreaterThan(0);
  });

  it('never exceeds Teams’ per-chat limit of 7 a second on its own', async () => {
    const f = await setUp({ leads: 1 });
    const ids = [];
    for (let i = 0; i < 10; i++) ids.push(await f.issue());
    await f.drain([f.worker('w1', { ratePerSecond: 50, burst: 10 })]);
    for (const id of ids) expectCards(f, id);
    expect(f.emulator.requests().map((r) => r.status)).toEqual(Array(10).fill(201));
  });
});

describe('an unconfirmed send (5xx, timeout, dropped connection)', () => {
  const unconfirmed = [
    ['a 503 after the card was delivered', { kind: 'error-after', status: 503 }, true],
    ['a 502 before anything was delivered', { kind: 'error-before', status: 502 }, false],
    ['a timeout after delivery', { kind: 'timeout-after', holdMs: 3_000 }, true],
    ['a timeout before delivery', { kind: 'timeout-before', holdMs: 3_000 }, false],
    ['a connection dropped after delivery', { kind: 'drop-after' }, true],
  ] as const;

  it.each(unconfirmed)(
    'is reconciled from the chat after %s: exactly one card',
    async (_, fault, deliveredFirstTime) => {
      const f = await setUp({ leads: 3 });
      const id = await f.issue();
      const chat = f.conversationOf(f.leads[1]!);
      f.emulator.fail(fault, { conversationId: chat });
      await f.drain([f.worker('w1')]);
      expectCards(f, id);
      const tries = f.emulator.requests().filter((r) => r.conversationId === chat);
      // Resent only when the search showed the first try never arrived.
      expect(tries).toHaveLength(deliveredFirstTime ? 1 : 2);
      const row = (await f.rows(id)).find((r) => r.fields.personId === f.leads[1]!.id);
      expect(row?.fields.status).toBe('sent');
      expect(row?.fields.activityId).toBe(f.emulator.delivered(chat)[0]?.id);
    },
  );

  it('gives up after the tries allowed when Teams keeps failing', async () => {
    const f = await setUp({ leads: 1 });
    const id = await f.issue();
    f.emulator.fail({ kind: 'error-before', status: 502 }, { times: 10 });
    await f.drain([f.worker('w1', { policy: { maxAttempts: 3 } })]);
    expect(f.emulator.requests()).toHaveLength(3);
    expect((await f.rows(id))[0]?.fields).toMatchObject({
      status: 'failed',
      detail: 'Teams kept failing; gave up after 3 tries.',
    });
    expectCards(f, id, 0);
  });

  it('with no way to search the chat, never resends: holds it for the scrutineer', async () => {
    const f = await setUp({ leads: 2, gateway: { lookup: false } });
    const id = await f.issue();
    const [delivered, lost] = f.leads as [(typeof f.leads)[0], (typeof f.leads)[0]];
    f.emulator.fail(
      { kind: 'error-after', status: 503 },
      { conversationId: f.conversationOf(delivered) },
    );
    f.emulator.fail(
      { kind: 'error-before', status: 502 },
      { conversationId: f.conversationOf(lost) },
    );
    await f.drain([f.worker('w1')]);
    expect(f.emulator.requests()).toHaveLength(2);
    expectCards(f, id, 1, [delivered]);
    expectCards(f, id, 0, [lost]);
    for (const row of await f.rows(id)) {
      expect(row.fields).toMatchObject({ status: 'failed', lastError: 'not-confirmed' });
      expect(row.fields.detail).toMatch(/Ask them whether it arrived/);
    }
  });

  it('is settled by the recipient opening the card, without any resend', async () => {
    const f = await setUp({ leads: 1, gateway: { lookup: false } });
    const id = await f.issue();
    const lead = f.leads[0]!;
    f.emulator.fail(
      { kind: 'error-after', status: 500 },
      { conversationId: f.conversationOf(lead) },
    );
    const worker = f.worker('w1', { policy: { reconcileWindowMs: 60_000 } });
    await worker.pass();
    expect((await f.rows(id))[0]?.fields.uncertainSince).toBeTruthy();
    // The card's refresh invoke arrives from their Teams client, replying to the card's message.
    const activityId = f.emulator.delivered()[0]?.id;
    expect(
      await confirmDeliveredByCard(f.deps, {
        recommendationId: id,
        personId: lead.id,
        ...(activityId ? { activityId } : {}),
      }),
    ).toBe(true);
    await f.drain([worker]);
    expect((await f.rows(id))[0]?.fields).toMatchObject({ status: 'sent', activityId });
    expect(f.emulator.requests()).toHaveLength(1);
  });
});

describe('403 MessageWritesBlocked', () => {
  it('marks the person unreachable in plain words and does not retry', async () => {
    const f = await setUp({ leads: 2 });
    const id = await f.issue();
    const blocked = f.leads[0]!;
    f.emulator.fail({ kind: 'blocked' }, { conversationId: f.conversationOf(blocked) });
    await f.drain([f.worker('w1')]);
    const row = (await f.rows(id)).find((r) => r.fields.personId === blocked.id);
    expect(row?.fields).toMatchObject({
      status: 'unreachable',
      lastError: 'blocked',
      detail:
        'Teams will not deliver to them: Critical Friend is blocked or was removed in their Teams.',
    });
    expect(f.emulator.requests().filter((r) => r.status === 403)).toHaveLength(1);
    expectCards(f, id, 1, [f.leads[1]!]);
  });
});

describe('two workers', () => {
  it('racing over the same outbox never send the same card twice', async () => {
    const f = await setUp({ leads: 40 });
    const id = await f.issue();
    const a = f.worker('worker-a', { concurrency: 4 });
    const b = f.worker('worker-b', { concurrency: 4 });
    await f.drain([a, b]);
    expectCards(f, id);
    expect(f.emulator.requests()).toHaveLength(40);
    // Both took part: each row's history names the worker that held it.
    const owners = new Set<string>();
    for (const row of await f.rows(id)) {
      for (const v of await f.repo.history('cardDeliveries', row.id)) {
        if (v.fields.leaseOwner) owners.add(v.fields.leaseOwner);
      }
    }
    expect([...owners].sort()).toEqual(['worker-a', 'worker-b']);
  });

  it('a stopped worker’s rows are picked up by the next one, each card once', async () => {
    const f = await setUp({ leads: 30, emulator: { latencyMs: 20 } });
    const id = await f.issue();
    const first = f.worker('first', { ratePerSecond: 20, burst: 1 });
    first.start();
    while (f.emulator.delivered().length < 5) await new Promise((r) => setTimeout(r, 10));
    await first.stop();
    const sentBefore = f.emulator.delivered().length;
    expect(sentBefore).toBeLessThan(30);
    await f.drain([f.worker('second')]);
    expectCards(f, id);
    expect(f.emulator.requests()).toHaveLength(30);
  });
});
