import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/adapters/graph/provisioning/apply.js';
import { provisioningPlan } from '../../../src/adapters/graph/provisioning-plan.js';
import type { ChangeContext } from '../../../src/application/ports/repository.js';
import { provisionedSite, SkippingClock, type ProvisionedSite } from './support.js';

/** What the Graph adapter does about SharePoint's ways: throttling, resync, provisioning twice. */
const ctx: ChangeContext = {
  actorId: 'actor-business-unit',
  homeTenantId: '0e5f6a7b-0000-4000-8000-00000000a001',
  channel: 'tab',
  at: '2026-02-10T09:00:00Z',
};

let site: ProvisionedSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

describe('the Graph adapter against SharePoint’s behaviour', () => {
  it('a second provisioning run changes nothing and says so', async () => {
    site = await provisionedSite();
    const again = await applyPlan(site.http, site.siteId, provisioningPlan());
    expect(again.changes).toEqual([]);
    expect(again.skipped.join(' ')).toMatch(/views/);
  });

  it('a first run creates every list with its indexed and unique columns', async () => {
    site = await provisionedSite();
    const plan = provisioningPlan();
    // Read back through Graph: the index and uniqueness of an idempotency key.
    const res = await site.http.send(
      'GET',
      `/sites/${encodeURIComponent(site.siteId)}/lists/CF Responses/columns`,
    );
    const columns = (
      res.body as { value: { name: string; indexed?: boolean; enforceUniqueValues?: boolean }[] }
    ).value;
    const key = columns.find((c) => c.name === 'responseKey');
    expect([key?.indexed, key?.enforceUniqueValues]).toEqual([true, true]);
    expect(plan.lists.length).toBeGreaterThan(15);
  });

  it('waits out a 429 with Retry-After, pausing the tenant, and writes once', async () => {
    const clock = new SkippingClock();
    site = await provisionedSite({ clock });
    site.graph.inject.throttle({ count: 2, status: 429, retryAfterSeconds: 7 });
    const made = await site.repo.create(
      'partners',
      { name: 'Eastshire Constabulary', kind: 'police' },
      ctx,
    );
    expect(clock.sleeps).toEqual([7_000, 7_000]);
    expect(site.http.gate.pauses).toBe(2);
    const all = await site.repo.all('partners');
    expect(all.filter((p) => p.fields.name === 'Eastshire Constabulary').map((p) => p.id)).toEqual([
      made.id,
    ]);
  });

  it('a 503 with Retry-After is waited out the same way', async () => {
    const clock = new SkippingClock();
    site = await provisionedSite({ clock });
    site.graph.inject.throttle({ count: 1, status: 503, retryAfterSeconds: 30 });
    const page = await site.repo.query('partners');
    expect(page.items).toEqual([]);
    expect(clock.sleeps).toEqual([30_000]);
  });

  it('an expired delta token (410) resyncs: every item comes back, then deltas resume', async () => {
    site = await provisionedSite();
    const a = await site.repo.create(
      'partners',
      { name: 'Harbourside Council', kind: 'local-authority' },
      ctx,
    );
    const first = await site.repo.changes('partners');
    site.graph.state.expireDeltaTokens();
    const b = await site.repo.create('partners', { name: 'Coast & Vale ICB', kind: 'health' }, ctx);
    const resync = await site.repo.changes('partners', first.nextToken);
    expect(resync.changed.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    const quiet = await site.repo.changes('partners', resync.nextToken);
    expect(quiet.changed).toEqual([]);
  });

  it('a first delta enumeration reads in pages as large as all() does, not 200 at a time', async () => {
    site = await provisionedSite();
    const rows = Array.from({ length: 450 }, (_, i) => ({
      Title: `Trust ${i}`,
      kind: 'education',
    }));
    site.graph.state.seedItems(site.siteId, 'CF Partners', rows);
    site.graph.state.clearRequests();
    const all = await site.repo.changes('partners');
    expect(all.changed).toHaveLength(450);
    expect(site.graph.state.requests.filter((r) => r.path.endsWith('/delta'))).toHaveLength(1);
  });

  it('a refresh after 10 changes takes one delta request', async () => {
    site = await provisionedSite();
    const made = [];
    for (let i = 0; i < 30; i++) {
      made.push(await site.repo.create('partners', { name: `Trust ${i}`, kind: 'education' }, ctx));
    }
    const start = await site.repo.changes('partners');
    for (const p of made.slice(0, 10)) {
      await site.repo.update('partners', p.id, { homeTenantId: 'x' }, p.etag, ctx);
    }
    site.graph.state.clearRequests();
    const delta = await site.repo.changes('partners', start.nextToken);
    expect(delta.changed).toHaveLength(10);
    expect(site.graph.state.requests.filter((r) => r.path.endsWith('/delta'))).toHaveLength(1);
    expect(site.graph.state.requests).toHaveLength(1);
  });
});
