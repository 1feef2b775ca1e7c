import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { GateMiddleware } from '../../../src/adapters/graph/gate-middleware.js';
import { TenantGate, type GateClock } from '../../../src/adapters/graph/tenant-gate.js';

/** A clock whose sleeps move time on at once, recording each wait. */
class TestClock implements GateClock {
  t = 1_000_000;
  sleeps: number[] = [];
  now = () => this.t;
  sleep = async (ms: number) => {
    this.sleeps.push(ms);
    this.t += ms;
  };
}

/** The end of the chain: answers from a script, recording when each request went. */
class Scripted implements Middleware {
  calls: { url: string; at: number }[] = [];
  constructor(
    private readonly clock: TestClock,
    private readonly script: { status: number; retryAfter?: string }[],
  ) {}
  async execute(context: Context): Promise<void> {
    this.calls.push({ url: String(context.request), at: this.clock.now() });
    const next = this.script.shift() ?? { status: 200 };
    context.response = new Response(null, {
      status: next.status,
      headers: next.retryAfter ? { 'retry-after': next.retryAfter } : {},
    });
  }
}

const chain = (clock: TestClock, gate: TenantGate, script: Scripted, maxAttempts = 5) => {
  const m = new GateMiddleware(gate, clock.now, { maxAttempts, fallbackMs: 1_000 });
  m.setNext(script);
  return m;
};

describe('GateMiddleware and the tenant gate', () => {
  it('waits Retry-After after a 429 and tries the same request again', async () => {
    const clock = new TestClock();
    const gate = new TenantGate(clock);
    const end = new Scripted(clock, [{ status: 429, retryAfter: '7' }, { status: 200 }]);
    const ctx: Context = { request: 'https://graph.test/v1.0/a' };
    await chain(clock, gate, end).execute(ctx);
    expect(ctx.response?.status).toBe(200);
    expect(end.calls.map((c) => c.at - 1_000_000)).toEqual([0, 7_000]);
  });

  it('one 503 pauses every request to the tenant, not just the one that was told', async () => {
    const clock = new TestClock();
    const gate = new TenantGate(clock);
    const end = new Scripted(clock, [{ status: 503, retryAfter: '30' }]);
    await chain(clock, gate, end).execute({ request: 'https://graph.test/v1.0/first' });
    // A different request, through its own middleware, on the same gate.
    const other = new Scripted(clock, []);
    const before = clock.now();
    clock.t -= 10_000; // as if the second request started 10 s into the pause
    await chain(clock, gate, other).execute({ request: 'https://graph.test/v1.0/second' });
    expect(gate.pauses).toBe(1);
    expect(other.calls[0]?.at).toBe(before); // it went only when the pause ended
  });

  it('without Retry-After it backs off, doubling; after maxAttempts it hands the 429 back', async () => {
    const clock = new TestClock();
    const gate = new TenantGate(clock);
    const end = new Scripted(clock, [{ status: 429 }, { status: 429 }, { status: 429 }]);
    const ctx: Context = { request: 'https://graph.test/v1.0/a' };
    await chain(clock, gate, end, 3).execute(ctx);
    expect(ctx.response?.status).toBe(429);
    expect(end.calls).toHaveLength(3);
    expect(clock.sleeps).toEqual([1_000, 2_000]);
  });

  it('other statuses pass straight through, once', async () => {
    const clock = new TestClock();
    const end = new Scripted(clock, [{ status: 412 }]);
    const ctx: Context = { request: 'https://graph.test/v1.0/a' };
    await chain(clock, new TenantGate(clock), end).execute(ctx);
    expect([ctx.response?.status, end.calls.length]).toEqual([412, 1]);
  });

  it('a shorter Retry-After never shortens a longer pause in force', () => {
    const clock = new TestClock();
    const gate = new TenantGate(clock);
    gate.pause(60_000);
    gate.pause(5_000);
    expect(gate.remaining()).toBe(60_000);
  });
});
