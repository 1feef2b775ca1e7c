import { GraphHttp } from '../../../src/adapters/graph/graph-http.js';
import { GraphRepository } from '../../../src/adapters/graph/graph-repository.js';
import { applyPlan } from '../../../src/adapters/graph/provisioning/apply.js';
import { provisioningPlan } from '../../../src/adapters/graph/provisioning-plan.js';
import { TenantGate, type GateClock } from '../../../src/adapters/graph/tenant-gate.js';
import { startGraphEmulator, type GraphEmulator } from '../../support/graph-emulator/index.js';

export interface ProvisionedSite {
  graph: GraphEmulator;
  http: GraphHttp;
  siteId: string;
  repo: GraphRepository;
  close(): Promise<void>;
}

/**
 * The Graph emulator with a fictional partnership site, provisioned from the schema by the
 * production provisioning code, and the production adapter opened on it.
 */
export async function provisionedSite(
  options: { clock?: GateClock } = {},
): Promise<ProvisionedSite> {
  const graph = await startGraphEmulator();
  const site = graph.state.addSite({
    hostname: 'harbourside.sharepoint.example',
    path: '/sites/scrutiny',
    // An English partnership's site: date-only columns come back shifted an hour in summer.
    timeZone: 'Europe/London',
  });
  const http = new GraphHttp({
    graphUrl: graph.url,
    token: async () => 'emulator-token',
    ...(options.clock ? { gate: new TenantGate(options.clock), now: options.clock.now } : {}),
  });
  await applyPlan(http, site.id, provisioningPlan());
  const repo = await GraphRepository.open(http, site.id);
  return { graph, http, siteId: site.id, repo, close: () => graph.close() };
}

/** A clock whose sleeps are recorded and skipped, so Retry-After costs no test time. */
export class SkippingClock implements GateClock {
  t = Date.parse('2026-02-10T09:00:00Z');
  sleeps: number[] = [];
  now = () => this.t;
  sleep = async (ms: number) => {
    this.sleeps.push(ms);
    this.t += ms;
  };
}
