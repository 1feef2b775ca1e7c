import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  GraphEvidenceStore,
  type GraphEvidenceStoreOptions,
} from '../../../src/adapters/graph/graph-evidence-store.js';
import { FRAGMENT_UNIT } from '../../../src/adapters/graph/drive-transfer.js';
import type { GateClock } from '../../../src/adapters/graph/tenant-gate.js';
import type { NewEvidence } from '../../../src/application/ports/evidence.js';
import type { ChangeContext } from '../../../src/application/ports/repository.js';
import { evidenceStoreContract } from '../evidence-store-contract.js';
import { provisionedSite, type ProvisionedSite } from './support.js';

/**
 * The EvidenceStore contract on the SharePoint document library through Graph (emulator), and
 * what only this adapter has to get right: upload sessions, resuming, the token never sent to a
 * pre-authenticated URL, throttling, and a retry after the columns failed to arrive.
 */

let shared: ProvisionedSite;
beforeAll(async () => {
  shared = await provisionedSite();
});
afterAll(async () => shared?.close());

evidenceStoreContract('SharePoint document library via Graph (emulator)', async () => ({
  store: new GraphEvidenceStore(shared.http, shared.siteId),
  close: async () => undefined,
}));

const ctx: ChangeContext = {
  actorId: 'actor-partner-lead',
  homeTenantId: '0e5f6a7b-0000-4000-8000-00000000b002',
  channel: 'tab',
  at: '2026-03-04T11:00:00Z',
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function bytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

let n = 0;
function evidence(content: Uint8Array, name = 'Case file audit.pdf'): NewEvidence {
  n += 1;
  return {
    name,
    contentType: 'application/pdf',
    itemList: 'actions',
    itemId: `action-${n}`,
    screening: 'attested',
    attestedBy: 'actor-partner-lead',
    attestedAt: '2026-03-04T10:59:00Z',
    sha256: sha256(content),
  };
}

/** Fetch for the pre-authenticated URLs that records what was sent. */
function recordingFetch(): { fetch: typeof fetch; calls: { url: string; init?: RequestInit }[] } {
  const calls: { url: string; init?: RequestInit }[] = [];
  return {
    calls,
    fetch: (input, init) => {
      calls.push({ url: String(input), init });
      return fetch(input, init);
    },
  };
}

const isUpload = (path: string) => path.startsWith('/_transfer/upload/');

let site: ProvisionedSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

async function fresh(
  options: GraphEvidenceStoreOptions = {},
  clock?: GateClock,
): Promise<{ site: ProvisionedSite; store: GraphEvidenceStore }> {
  site = await provisionedSite(clock ? { clock } : {});
  return {
    site,
    store: new GraphEvidenceStore(site.http, site.siteId, { retryDelayMs: 0, ...options }),
  };
}

describe('uploads through Graph', () => {
  it('sends a small file in one PUT, and a 9 MB file through an upload session in fragments', async () => {
    const recorder = recordingFetch();
    const { site: s, store } = await fresh({ fetch: recorder.fetch });
    const small = bytes(2_000, 1);
    s.graph.state.clearRequests();
    await store.put(evidence(small, 'Notes.txt'), small, ctx);
    expect(s.graph.state.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([
      expect.stringMatching(/^\/drives\/.+\/content$/),
    ]);

    const large = bytes(9_000_000, 2);
    s.graph.state.clearRequests();
    const stored = await store.put(evidence(large), large, ctx);
    const fragments = s.graph.state.requests.filter((r) => isUpload(r.path));
    // 5 MiB fragments (16 × 320 KiB): two, the first a whole number of 320 KiB units.
    expect(fragments.map((r) => [r.method, r.status])).toEqual([
      ['PUT', 202],
      ['PUT', 201],
    ]);
    expect(s.graph.state.requests.some((r) => r.path.endsWith('/createUploadSession'))).toBe(true);
    expect(stored.size).toBe(9_000_000);
    expect(sha256((await store.content(stored.id)) ?? new Uint8Array())).toBe(sha256(large));
    // The token never went to a pre-authenticated URL (the emulator would also have answered 401).
    const transfers = recorder.calls.filter((c) => c.url.includes('/_transfer/'));
    expect(transfers.length).toBe(3); // two fragments and one download
    for (const call of transfers) {
      expect(new Headers(call.init?.headers).has('authorization')).toBe(false);
    }
  });

  it('uses smaller fragments when asked, each a multiple of 320 KiB but the last', async () => {
    const { site: s, store } = await fresh({ fragmentSize: 4 * FRAGMENT_UNIT });
    const large = bytes(9_000_000, 3);
    s.graph.state.clearRequests();
    await store.put(evidence(large), large, ctx);
    expect(s.graph.state.requests.filter((r) => isUpload(r.path))).toHaveLength(
      Math.ceil(9_000_000 / (4 * FRAGMENT_UNIT)),
    );
    expect(
      () => new GraphEvidenceStore(s.http, s.siteId, { fragmentSize: 1_000_000 }),
    ).not.toThrow();
    await expect(
      new GraphEvidenceStore(s.http, s.siteId, { fragmentSize: 1_000_000 }).put(
        evidence(large),
        large,
        ctx,
      ),
    ).rejects.toThrow(/multiple of 320 KiB/);
  });

  it('resumes after a failed fragment from nextExpectedRanges, sending no byte range twice', async () => {
    const { site: s, store } = await fresh({ fragmentSize: 4 * FRAGMENT_UNIT });
    const large = bytes(5_000_000, 4); // four fragments of 4 × 320 KiB, the last short
    s.graph.state.clearRequests();
    // The second fragment fails once (the first match is the first fragment, let through).
    let seen = 0;
    s.graph.inject.fail({
      count: 1,
      status: 504,
      match: (op) => isUpload(op.path) && op.method === 'PUT' && ++seen === 2,
    });
    const stored = await store.put(evidence(large), large, ctx);
    const uploads = s.graph.state.requests.filter((r) => isUpload(r.path));
    expect(uploads.map((r) => `${r.method} ${r.status}`)).toEqual([
      'PUT 202',
      'PUT 504',
      'GET 200',
      'PUT 202',
      'PUT 202',
      'PUT 201',
    ]);
    expect(sha256((await store.content(stored.id)) ?? new Uint8Array())).toBe(sha256(large));
  });

  it('waits out a 429 on the drive calls and on the fragments through the tenant gate', async () => {
    const sleeps: number[] = [];
    let t = Date.parse('2026-03-04T11:00:00Z');
    const clock: GateClock = {
      now: () => t,
      sleep: async (ms) => {
        sleeps.push(ms);
        t += ms;
      },
    };
    const { site: s, store } = await fresh({ now: clock.now }, clock);
    s.graph.inject.throttle({
      count: 1,
      status: 429,
      retryAfterSeconds: 3,
      match: { path: '/createUploadSession' },
    });
    s.graph.inject.throttle({
      count: 1,
      status: 429,
      retryAfterSeconds: 5,
      match: { path: '/_transfer/upload/' },
    });
    const large = bytes(5_000_000, 5);
    const stored = await store.put(evidence(large), large, ctx);
    expect(sleeps).toEqual([3_000, 5_000]);
    expect(s.http.gate.pauses).toBe(2);
    expect((await store.list('actions', stored.itemId)).map((f) => f.id)).toEqual([stored.id]);
  });
});

describe('retries', () => {
  it('completes an upload whose columns never arrived instead of uploading it again', async () => {
    const { site: s, store } = await fresh();
    const content = bytes(30_000, 6);
    const file = evidence(content);
    s.graph.inject.fail({
      count: 1,
      status: 500,
      match: { method: 'PATCH', path: '/listItem/fields' },
    });
    await expect(store.put(file, content, ctx)).rejects.toThrow(/500/);
    expect(await store.list('actions', file.itemId)).toEqual([]);

    s.graph.state.clearRequests();
    // The retry comes under another name: the orphan is still found by its content.
    const stored = await store.put({ ...file, name: 'Renamed.pdf' }, content, ctx);
    expect(s.graph.state.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    expect(stored).toMatchObject({ name: 'Renamed.pdf', sha256: file.sha256, size: 30_000 });
    expect(await store.list('actions', file.itemId)).toEqual([stored]);
    const library = s.graph.state.list(s.siteId, 'CF Evidence');
    const files = [...(library?.items.values() ?? [])].filter((i) => i.fields.sha256 !== undefined);
    expect(files).toHaveLength(1);
  });

  it('refuses content that does not match its sha256, and reads odd ids as nothing', async () => {
    const { store } = await fresh();
    const content = bytes(100, 7);
    await expect(
      store.put({ ...evidence(content), sha256: sha256(bytes(100, 8)) }, content, ctx),
    ).rejects.toThrow(/does not match/);
    expect(await store.get('0')).toBeUndefined();
    expect(await store.content('999999')).toBeUndefined();
  });

  it('keeps its files in a folder per item, named by content prefix and safe name', async () => {
    const { site: s, store } = await fresh();
    const content = bytes(64, 9);
    const stored = await store.put(evidence(content, 'Minutes: 3 / 4?.txt'), content, ctx);
    expect(stored.name).toBe('Minutes_ 3 _ 4_.txt');
    const res = await s.http.send(
      'GET',
      `/sites/${encodeURIComponent(s.siteId)}/lists/CF Evidence/items/${stored.id}/driveItem`,
    );
    const item = res.body as { name: string; parentReference: { path: string } };
    expect(item.name).toBe(`${stored.sha256.slice(0, 16)}-Minutes_ 3 _ 4_.txt`);
    expect(item.parentReference.path).toMatch(new RegExp(`/root:/actions-${stored.itemId}$`));
  });
});
