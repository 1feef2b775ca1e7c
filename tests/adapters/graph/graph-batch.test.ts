import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchPartError, sendBatched } from '../../../src/adapters/graph/graph-batch.js';
import { GraphHttp, type GraphResponse } from '../../../src/adapters/graph/graph-http.js';
import { TenantGate, type GateClock } from '../../../src/adapters/graph/tenant-gate.js';
import {
  DuplicateError,
  type ChangeContext,
  type CreateResult,
} from '../../../src/application/ports/repository.js';
import type { Fields } from '../../../src/domain/lists/schema.js';
import type { RecordedRequest } from '../../support/graph-emulator/server.js';
import { provisionedSite, SkippingClock, type ProvisionedSite } from './support.js';

/** createMany on SharePoint: JSON batches of 20, throttled parts resent alone, nothing twice. */
const ctx: ChangeContext = {
  actorId: 'system:card-delivery',
  homeTenantId: '0e5f6a7b-0000-4000-8000-00000000a001',
  channel: 'system',
  at: '2026-02-10T09:00:00Z',
};

let site: ProvisionedSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

const trusts = (n: number): Fields<'partners'>[] =>
  Array.from({ length: n }, (_, i) => ({ name: `Eastshire Trust ${i}`, kind: 'health' }));

/** Each `$batch` envelope with the inner requests recorded after it. */
function batches(requests: readonly RecordedRequest[]) {
  const out: { status: number; parts: RecordedRequest[] }[] = [];
  for (const r of requests) {
    if (r.path === '/$batch') out.push({ status: r.status, parts: [] });
    else if (r.inBatch) out.at(-1)?.parts.push(r);
  }
  return out;
}

function items<L extends 'partners' | 'people'>(results: readonly CreateResult<L>[]) {
  return results.map((r) => {
    if (!r.ok) throw new Error(`not stored: ${r.error.message}`);
    return r.item;
  });
}

/** How many stored partners carry each name. */
async function namesStored(s: ProvisionedSite): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const p of await s.repo.all('partners')) {
    counts.set(p.fields.name, (counts.get(p.fields.name) ?? 0) + 1);
  }
  return counts;
}

describe('createMany through Graph JSON batching', () => {
  it('sends 45 creates as three batches of 20, 20 and 5, and answers in input order', async () => {
    site = await provisionedSite();
    site.graph.state.clearRequests();
    const results = await site.repo.createMany('partners', trusts(45), ctx);

    const sent = batches(site.graph.state.requests);
    expect(sent.map((b) => b.parts.length)).toEqual([20, 20, 5]);
    expect(site.graph.state.requests.filter((r) => !r.inBatch)).toHaveLength(3);
    expect(sent.flatMap((b) => b.parts).every((p) => p.method === 'POST' && p.status === 201)).toBe(
      true,
    );
    // The emulator answers each batch in reverse: matching is by id, not by position.
    expect(items(results).map((i) => i.fields.name)).toEqual(trusts(45).map((t) => t.name));
    const stored = await namesStored(site);
    expect(trusts(45).every((t) => stored.get(t.name) === 1)).toBe(true);
  });

  it('resends only the throttled parts, after pausing the tenant for the longest Retry-After', async () => {
    const clock = new SkippingClock();
    site = await provisionedSite({ clock });
    // The first two creates inside a batch are throttled, with different waits.
    const inner = { method: 'POST', inBatch: true };
    site.graph.inject.throttle({ count: 1, status: 429, retryAfterSeconds: 3, match: inner });
    site.graph.inject.throttle({ count: 1, status: 429, retryAfterSeconds: 9, match: inner });
    site.graph.state.clearRequests();
    const pausesBefore = site.http.gate.pauses;

    const results = await site.repo.createMany('partners', trusts(22), ctx);

    const sent = batches(site.graph.state.requests);
    expect(sent.map((b) => b.parts.length)).toEqual([20, 4]);
    expect(sent[0]?.parts.filter((p) => p.status === 429).map((p) => p.batchId)).toEqual([
      '0',
      '1',
    ]);
    // The second batch carries the two throttled parts and the two not yet sent: no success again.
    expect(sent[1]?.parts.map((p) => p.batchId).sort()).toEqual(['0', '1', '20', '21']);
    expect(sent[1]?.parts.every((p) => p.status === 201)).toBe(true);
    expect(clock.sleeps).toEqual([9_000]);
    expect(site.http.gate.pauses - pausesBefore).toBe(1);

    expect(items(results).map((i) => i.fields.name)).toEqual(trusts(22).map((t) => t.name));
    const stored = await namesStored(site);
    expect(trusts(22).map((t) => stored.get(t.name))).toEqual(trusts(22).map(() => 1));
  });

  it('a 503 part is waited out the same way', async () => {
    const clock = new SkippingClock();
    site = await provisionedSite({ clock });
    site.graph.inject.throttle({
      count: 1,
      status: 503,
      retryAfterSeconds: 4,
      match: { method: 'POST', inBatch: true },
    });
    const results = await site.repo.createMany('partners', trusts(3), ctx);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(clock.sleeps).toEqual([4_000]);
    expect(await namesStored(site)).toEqual(new Map(trusts(3).map((t) => [t.name, 1])));
  });

  it('gives up on a part still throttled after five attempts, naming why, and keeps the rest', async () => {
    const clock = new SkippingClock();
    site = await provisionedSite({ clock });
    // The first part of every batch is refused: part 0 each time it is resent (it stays first).
    let firstOfBatch = false;
    site.graph.inject.throttle({
      count: 100,
      status: 429,
      retryAfterSeconds: 2,
      match: (op) => {
        if (op.kind === 'batch') firstOfBatch = true;
        const refuse = op.inBatch && firstOfBatch;
        if (op.inBatch) firstOfBatch = false;
        return refuse;
      },
    });
    site.graph.state.clearRequests();

    const results = await site.repo.createMany('partners', trusts(2), ctx);

    expect(results[1]?.ok).toBe(true);
    const failed = results[0];
    expect(failed?.ok).toBe(false);
    const error = failed?.ok === false ? failed.error : undefined;
    expect(error).toBeInstanceOf(BatchPartError);
    expect(error).toMatchObject({ status: 429, attempts: 5 });
    expect(error?.message).toMatch(/429 after 5 attempts/);
    expect(batches(site.graph.state.requests).map((b) => b.parts.length)).toEqual([2, 1, 1, 1, 1]);
    expect(clock.sleeps).toEqual([2_000, 2_000, 2_000, 2_000]);
    const stored = await namesStored(site);
    expect([stored.get('Eastshire Trust 0'), stored.get('Eastshire Trust 1')]).toEqual([
      undefined,
      1,
    ]);
  });

  it('a whole batch throttled is waited out by the gate and written once', async () => {
    const clock = new SkippingClock();
    site = await provisionedSite({ clock });
    site.graph.inject.throttle({
      count: 1,
      status: 429,
      retryAfterSeconds: 5,
      match: { path: '/$batch' },
    });
    const results = await site.repo.createMany('partners', trusts(5), ctx);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(clock.sleeps).toEqual([5_000]);
    expect(await namesStored(site)).toEqual(new Map(trusts(5).map((t) => [t.name, 1])));
  });

  it('a taken unique value fails that item alone; the lookups go batched too', async () => {
    site = await provisionedSite();
    const person = (upn: string): Fields<'people'> => ({
      displayName: 'Priya Shah',
      upn,
      entraObjectId: randomUUID(),
      homeTenantId: ctx.homeTenantId,
      roles: ['partner-lead'],
    });
    const [existing] = items(
      await site.repo.createMany('people', [person('priya.shah@harbourside.example')], ctx),
    );
    const wanted = Array.from({ length: 24 }, (_, i) => person(`lead.${i}@harbourside.example`));
    wanted[7] = person('priya.shah@harbourside.example');
    wanted[21] = person('lead.3@harbourside.example');
    site.graph.state.clearRequests();

    const results = await site.repo.createMany('people', wanted, ctx);

    expect(results.map((r, i) => (r.ok ? 'ok' : `${i}`))).toEqual(
      wanted.map((_, i) => (i === 7 || i === 21 ? `${i}` : 'ok')),
    );
    const refused = (i: number) => {
      const r = results[i];
      return r?.ok === false ? r.error : undefined;
    };
    expect(refused(7)).toBeInstanceOf(DuplicateError);
    expect(refused(7)).toMatchObject({ field: 'upn', existingId: existing?.id });
    expect(refused(21)).toBeInstanceOf(DuplicateError);
    expect(refused(21)).toMatchObject({
      field: 'upn',
      existingId: items(results.slice(3, 4))[0]?.id,
    });
    // 23 creates in batches of 20 and 3, then item 7's lookups (one per unique column it gives:
    // upn and entraObjectId); then item 21, which repeats item 3's value, in a round of its own
    // after it, and its lookups.
    expect(batches(site.graph.state.requests).map((b) => b.parts.length)).toEqual([20, 3, 2, 1, 2]);
    const people = await site.repo.all('people');
    expect(people).toHaveLength(23);
    for (const upn of ['priya.shah@harbourside.example', 'lead.3@harbourside.example']) {
      expect(people.filter((p) => p.fields.upn === upn)).toHaveLength(1);
    }
  });
});

/** Answers each `$batch` from a script, recording what was asked; nothing goes on the wire. */
class ScriptedHttp extends GraphHttp {
  sent: { id: string; url: string }[][] = [];
  constructor(
    private readonly answers: ((ids: string[]) => GraphResponse)[],
    clock: GateClock,
  ) {
    super({
      graphUrl: 'https://graph.invalid',
      token: async () => 'unused',
      gate: new TenantGate(clock),
    });
  }
  override async send(_method: string, _path: string, options: { body?: unknown } = {}) {
    const requests = (options.body as { requests: { id: string; url: string }[] }).requests;
    this.sent.push(requests);
    const answer = this.answers[this.sent.length - 1];
    if (!answer) throw new Error('no scripted answer left');
    return answer(requests.map((r) => r.id));
  }
}

const part = (id: string, status: number, headers: Record<string, string> = {}) => ({
  id,
  status,
  headers,
  body: status < 300 ? { id: `item-${id}` } : { error: { code: 'TooManyRequests' } },
});

describe('sendBatched on answers the emulator does not give', () => {
  it('takes the parts of a 424 envelope, as the throttling page describes it', async () => {
    const clock = new SkippingClock();
    const http = new ScriptedHttp(
      [
        () => ({
          status: 424,
          headers: new Headers(),
          body: { responses: [part('1', 429, { 'Retry-After': '6' }), part('0', 201)] },
        }),
        (ids) => ({
          status: 200,
          headers: new Headers(),
          body: { responses: ids.map((id) => part(id, 201)) },
        }),
      ],
      clock,
    );
    const parts = ['a', 'b'].map((name) => ({
      method: 'POST' as const,
      url: `/x/${name}`,
      body: {},
    }));
    const outcomes = await sendBatched(http, parts);
    expect(http.sent.map((batch) => batch.map((r) => r.url))).toEqual([['/x/a', '/x/b'], ['/x/b']]);
    expect(http.gate.remaining()).toBe(6_000);
    expect(outcomes.map((o) => o.ok && o.response.status)).toEqual([201, 201]);
  });

  it('does not resend a part Graph gave no answer for, nor the rest after a failed batch', async () => {
    const clock = new SkippingClock();
    const http = new ScriptedHttp(
      [
        () => ({ status: 200, headers: new Headers(), body: { responses: [part('0', 201)] } }),
        () => ({ status: 504, headers: new Headers(), body: undefined }),
      ],
      clock,
    );
    const parts = Array.from({ length: 45 }, (_, i) => ({
      method: 'POST' as const,
      url: `/x/${i}`,
      body: {},
    }));
    const outcomes = await sendBatched(http, parts);
    expect(http.sent.map((batch) => batch.length)).toEqual([20, 20]);
    expect(outcomes[0]?.ok).toBe(true);
    const messages = outcomes.map((o) => (o.ok ? 'ok' : o.error.message));
    expect(messages[1]).toMatch(/no answer.*unknown/);
    expect(messages[20]).toMatch(/refused the batch with 504 \(unknown\)/);
    expect(messages[44]).toMatch(/^Not sent/);
    expect(outcomes.every((o) => o.ok || o.error instanceof BatchPartError)).toBe(true);
  });
});
