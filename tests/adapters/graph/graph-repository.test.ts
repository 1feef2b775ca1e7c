import { afterAll, beforeAll } from 'vitest';
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
