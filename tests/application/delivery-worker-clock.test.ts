import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/application/deps.js';
import type { CardGateway, CardSearch, SendOutcome } from '../../src/application/ports/cards.js';
import {
  DeliveryWorker,
  type WorkerClock,
} from '../../src/application/use-cases/delivery-worker.js';
import { issueRecommendation } from '../../src/application/use-cases/recommendations.js';
import { SqliteRepository } from '../../src/adapters/sqlite/sqlite-repository.js';
import { DEMO_TENANT_ID, seedHarbourside } from '../../src/server/seed/harbourside.js';

/**
 * The worker on a virtual clock (sleep moves time forward at once) with a scripted gateway:
 * rate limits, Retry-After and the reconcile window are checked in virtual time, so nothing here
 * depends on how fast the machine is.
 */
const T0 = Date.parse('2026-11-20T09:00:00Z');

/**
 * Discrete-event time: a sleep registers a timer; once every task is blocked (nothing left but
 * timers, checked with setImmediate), time jumps to the earliest timer and fires it alone.
 */
class VirtualClock implements WorkerClock {
  t = T0;
  private timers: { at: number; seq: number; done: () => void }[] = [];
  private seq = 0;
  private scheduled = false;
  now = () => this.t;
  sleep = (ms: number) =>
    new Promise<void>((done) => {
      this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, done });
      this.kick();
    });
  private kick() {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const first = this.timers.shift();
      if (!first) return;
      this.t = Math.max(this.t, first.at);
      first.done();
      if (this.timers.length > 0) this.kick();
    });
  }
}

class ScriptedGateway implements CardGateway {
  sends: { personId: string; at: number }[] = [];
  searches = 0;
  script: SendOutcome[] = [];
  search: CardSearch = { kind: 'unknown' };
  constructor(private readonly clock: VirtualClock) {}
  async sendRecommendation(recipient: { personId: string }): Promise<SendOutcome> {
    this.sends.push({ personId: recipient.personId, at: this.clock.now() });
    return this.script.shift() ?? { kind: 'sent', activityId: `m${this.sends.length}` };
  }
  async sendDigest(recipient: { personId: string }): Promise<SendOutcome> {
    return this.sendRecommendation(recipient);
  }
  async findCard(): Promise<CardSearch> {
    this.searches++;
    return this.search;
  }
}

let repo: SqliteRepository;
let clock: VirtualClock;
let gateway: ScriptedGateway;
let deps: Deps;
let scrutineer: Actor;
let partnerId: string;

beforeEach(async () => {
  repo = SqliteRepository.open(':memory:');
  await seedHarbourside(repo);
  clock = new VirtualClock();
  gateway = new ScriptedGateway(clock);
  deps = { repo, cards: gateway, now: () => new Date() };
  const people = await repo.all('people');
  const s = people.find((p) => p.fields.roles.includes('scrutineer'))!;
  scrutineer = { ...s.fields, id: s.id };
  const ctx = { actorId: 't', homeTenantId: DEMO_TENANT_ID, channel: 'system' as const, at: '' };
  partnerId = (await repo.create('partners', { name: 'Test Trust', kind: 'education' }, ctx)).id;
  for (let i = 1; i <= 30; i++) {
    await repo.create(
      'people',
      {
        displayName: `Lead ${i}`,
        upn: `lead${i}@trust.example`,
        entraObjectId: `0a1b2c3d-0000-4000-b000-${String(i).padStart(12, '0')}`,
        homeTenantId: DEMO_TENANT_ID,
        partnerId,
        roles: ['partner-lead'],
      },
      ctx,
    );
  }
});
afterEach(() => repo.close());

async function issued(): Promise<string> {
  const ctx = { actorId: 't', homeTenantId: DEMO_TENANT_ID, channel: 'system' as const, at: '' };
  const draft = await repo.create(
    'recommendations',
    {
      reference: `T-${Math.random()}`,
      title: 'Test',
      text: 'Test recommendation text.',
      priority: 'low',
      partnerIds: [partnerId],
      responseDueDate: '2099-01-01',
      status: 'draft',
    },
    ctx,
  );
  await issueRecommendation(deps, scrutineer, draft.id);
  return draft.id;
}

const worker = (extra: Partial<ConstructorParameters<typeof DeliveryWorker>[1]> = {}) =>
  new DeliveryWorker(deps, {
    id: 'virtual',
    clock,
    random: () => 0.5,
    ratePerSecond: 10,
    burst: 1,
    policy: {
      settleMs: 60_000,
      reconcileWindowMs: 10 * 60_000,
      backoff: { baseMs: 1_000, maxMs: 30_000, jitter: 0 },
    },
    ...extra,
  });

/** Passes until nothing is pending, jumping the clock to each next due time. */
async function drain(w: DeliveryWorker) {
  for (let i = 0; i < 500; i++) {
    const report = await w.pass();
    const pending = await repo.all('cardDeliveries', { field: 'status', equals: 'pending' });
    if (pending.length === 0) return;
    clock.t = Math.max(clock.t + 1, report.nextWakeAt ?? clock.t + 1_000);
  }
  throw new Error('still pending');
}

describe('the worker on a virtual clock', () => {
  it('spaces sends by the token bucket: 30 cards at 10 a second take 2.9 s', async () => {
    await issued();
    await drain(worker());
    expect(gateway.sends).toHaveLength(30);
    const gaps = gateway.sends.slice(1).map((s, i) => s.at - gateway.sends[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    expect(gateway.sends.at(-1)!.at - gateway.sends[0]!.at).toBe(2_900);
  });

  it('sends nothing at all until a quiet chat’s Retry-After has passed', async () => {
    await issued();
    gateway.script = [{ kind: 'throttled', retryAfterMs: 5_000 }];
    await drain(worker());
    expect(gateway.sends).toHaveLength(31);
    const [first, second] = gateway.sends;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(5_000);
  });

  it('never sends an unconfirmed card again while the chat cannot be searched', async () => {
    const id = await issued();
    gateway.script = [{ kind: 'ambiguous', cause: 'server-error', status: 502 }];
    await drain(worker());
    expect(gateway.sends).toHaveLength(30);
    expect(gateway.searches).toBeGreaterThan(1);
    const rows = await repo.all('cardDeliveries', { field: 'recommendationId', equals: id });
    const held = rows.filter((r) => r.fields.status === 'failed');
    expect(held).toHaveLength(1);
    expect(held[0]!.fields.lastError).toBe('not-confirmed');
    // Held only after the whole reconcile window, never before.
    const heldAt = Date.parse(held[0]!.fields.uncertainSince ?? '') + 10 * 60_000;
    expect(clock.t).toBeGreaterThanOrEqual(heldAt);
  });

  it('resends an unconfirmed card only after the settle time, when the search says it is absent', async () => {
    await issued();
    gateway.script = [{ kind: 'ambiguous', cause: 'timeout' }];
    gateway.search = { kind: 'absent' };
    await drain(worker());
    expect(gateway.sends).toHaveLength(31);
    const first = gateway.sends[0]!;
    const again = gateway.sends.find((s, i) => i > 0 && s.personId === first.personId)!;
    expect(again.at - first.at).toBeGreaterThanOrEqual(60_000);
  });
});
