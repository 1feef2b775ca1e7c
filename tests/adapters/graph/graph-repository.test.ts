import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeContext } from '../../../src/application/ports/repository.js';
import { repositoryContract } from '../repository-contract.js';
import { provisionedSite, type ProvisionedSite } from './support.js';

/**
 * The same contract suite the embedded store passes, on the production Graph adapter against the
 * Graph emulator (one provisioned site for the file: the suite never assumes an empty store).
 */
let site: ProvisionedSite;
beforeAll(async () => {
  site = await provisionedSite();
});
afterAll(async () => site?.close());

repositoryContract('SharePoint lists via Graph (emulator)', async () => ({
  repo: site.repo,
  cleanup: async () => undefined,
}));

const ctx: ChangeContext = {
  actorId: 'actor-business-unit',
  homeTenantId: '0e5f6a7b-0000-4000-8000-00000000a001',
  channel: 'tab',
  at: '2026-02-10T09:00:00Z',
};

describe('round trips of the Graph adapter', () => {
  it('a create is one POST and an update one PATCH: the answer is the item, not read back', async () => {
    site.graph.state.clearRequests();
    const made = await site.repo.create(
      'partners',
      { name: 'Coast & Vale ICB', kind: 'health' },
      ctx,
    );
    expect(site.graph.state.requests.map((r) => r.method)).toEqual(['POST']);

    site.graph.state.clearRequests();
    const updated = await site.repo.update(
      'partners',
      made.id,
      { homeTenantId: '0e5f6a7b-0000-4000-8000-00000000b002' },
      made.etag,
      { ...ctx, at: '2026-02-10T09:01:00Z' },
    );
    expect(site.graph.state.requests.map((r) => r.method)).toEqual(['PATCH']);
    expect(site.graph.state.requests[0]?.headers.ifMatch).toBe(made.etag);

    // What the answers gave is what a read gives.
    expect(updated.version).toBe(2);
    expect(updated.modifiedAt).toBe('2026-02-10T09:01:00Z');
    expect(await site.repo.get('partners', made.id)).toStrictEqual(updated);
    expect((await site.repo.history('partners', made.id))[0]?.fields).toStrictEqual(made.fields);
  });
});
