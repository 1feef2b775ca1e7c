import { beforeAll, describe, it, vi } from 'vitest';
import type { Repository } from '../../src/application/ports/repository.js';
import { GraphRepository } from '../../src/adapters/graph/graph-repository.js';
import { storeTokens } from '../../src/server/graph-identity.js';
import { graphHttpFor, resolveSiteId } from '../../src/server/store.js';
import { loadSharePointAccess } from '../../src/server/store-config.js';
import { repositoryContract } from '../adapters/repository-contract.js';
import { LIVE_SKIP_MESSAGE, liveSite } from './settings.js';

/**
 * Opt-in: the Repository contract against a real, provisioned SharePoint site through Graph,
 * with the same identity settings as the server (sharepoint_*). It writes fictional test items
 * and leaves them there, so point it at a test site, never at the partnership's own.
 */
const site = liveSite();

if (!site) {
  console.log(LIVE_SKIP_MESSAGE);
  describe.skip('live SharePoint (Graph) repository contract', () => {
    it(LIVE_SKIP_MESSAGE, () => undefined);
  });
} else {
  // Real Graph is slower than the emulator, and throttles.
  vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
  let repo: Repository;
  beforeAll(async () => {
    const access = loadSharePointAccess(process.env, false, (m) => new Error(m), site);
    const http = graphHttpFor(access, storeTokens(access));
    repo = await GraphRepository.open(http, await resolveSiteId(http, access.siteUrl));
  });
  repositoryContract(`SharePoint lists via Graph (live: ${site})`, async () => ({
    repo,
    cleanup: async () => undefined,
  }));
}
