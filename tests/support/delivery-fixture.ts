import { CloudAdapter, loadAuthConfigFromEnv } from '@microsoft/agents-hosting';
import type { Actor, Deps } from '../../src/application/deps.js';
import type { StoredItem } from '../../src/application/ports/repository.js';
import {
  DeliveryWorker,
  type DeliveryWorkerOptions,
} from '../../src/application/use-cases/delivery-worker.js';
import { issueRecommendation } from '../../src/application/use-cases/recommendations.js';
import { SqliteRepository } from '../../src/adapters/sqlite/sqlite-repository.js';
import { TeamsCardGateway } from '../../src/adapters/teams/card-gateway.js';
import { GraphCardLookup } from '../../src/adapters/teams/graph-card-lookup.js';
import { DEMO_TENANT_ID } from '../../src/server/seed/harbourside.js';
import { seedHarbourside } from '../../src/server/seed/harbourside.js';
import { systemClock } from '../../src/server/deliveries.js';
import {
  startConnectorEmulator,
  type ConnectorEmulator,
  type EmulatorOptions,
} from './connector-emulator.js';

export const BOT_APP_ID = 'local-anonymous';
const ctx = () => ({
  actorId: 'test',
  homeTenantId: DEMO_TENANT_ID,
  channel: 'system' as const,
  at: new Date().toISOString(),
});
export const leadOid = (n: number) => `0a1b2c3d-0000-4000-9000-${String(n).padStart(12, '0')}`;

/** The production gateway (CloudAdapter, anonymous: no client id) over a repository. */
export function productionGateway(
  repo: SqliteRepository,
  graphUrl: string,
  options: { sendTimeoutMs?: number; lookup?: boolean } = {},
): TeamsCardGateway {
  const adapter = new CloudAdapter(loadAuthConfigFromEnv());
  return new TeamsCardGateway(adapter, BOT_APP_ID, repo, {
    sendTimeoutMs: options.sendTimeoutMs ?? 400,
    ...(options.lookup === false
      ? {}
      : {
          lookup: new GraphCardLookup({
            graphUrl,
            teamsAppId: 'critical-friend',
            botAppId: BOT_APP_ID,
            token: async () => '',
          }),
        }),
  });
}

/** Short, test-sized timings: settle 300 ms, reconcile window 1.5 s, backoff from 50 ms. */
export const testWorkerOptions = (
  id: string,
  extra: Partial<DeliveryWorkerOptions> = {},
): DeliveryWorkerOptions => ({
  id,
  clock: systemClock,
  random: () => 0.5,
  ratePerSecond: 40,
  burst: 4,
  leaseMs: 2_000,
  idleMs: 100,
  ...extra,
  policy: {
    settleMs: 300,
    reconcileWindowMs: 1_500,
    maxAttempts: 5,
    backoff: { baseMs: 50, maxMs: 400, factor: 2, jitter: 0.2 },
    ...extra.policy,
  },
});

export interface DeliveryFixture {
  repo: SqliteRepository;
  deps: Deps;
  emulator: ConnectorEmulator;
  scrutineer: Actor;
  partnerId: string;
  leads: Actor[];
  /** Drafts a recommendation naming the test partner and issues it; returns its id. */
  issue(): Promise<string>;
  worker(id: string, extra?: Partial<DeliveryWorkerOptions>): DeliveryWorker;
  /** Runs passes of the workers until nothing is pending (or fails after timeoutMs). */
  drain(workers: DeliveryWorker[], timeoutMs?: number): Promise<void>;
  rows(recommendationId: string): Promise<StoredItem<'cardDeliveries'>[]>;
  conversationOf(lead: Actor): string;
  close(): Promise<void>;
}

export async function deliveryFixture(options: {
  leads: number;
  /** Leads without the app installed (no conversation stored), counted from the end. */
  notInstalled?: number;
  emulator?: EmulatorOptions;
  gateway?: { sendTimeoutMs?: number; lookup?: boolean };
  dbPath?: string;
}): Promise<DeliveryFixture> {
  const repo = SqliteRepository.open(options.dbPath ?? ':memory:');
  await seedHarbourside(repo);
  const emulator = await startConnectorEmulator({ botAppId: BOT_APP_ID, ...options.emulator });
  const deps: Deps = {
    repo,
    now: () => new Date(),
    cards: productionGateway(repo, emulator.url, options.gateway),
  };
  const people = await repo.all('people');
  const scrutineerItem = people.find((p) => p.fields.roles.includes('scrutineer'));
  if (!scrutineerItem) throw new Error('no scrutineer in the seed');
  const scrutineer: Actor = { ...scrutineerItem.fields, id: scrutineerItem.id };
  const partner = await repo.create(
    'partners',
    { name: 'Harbourside Youth Justice Service', kind: 'other-relevant-agency' },
    ctx(),
  );
  const leads: Actor[] = [];
  for (let n = 1; n <= options.leads; n++) {
    const person = await repo.create(
      'people',
      {
        displayName: `Lead ${n}`,
        upn: `lead.${n}@youth-justice.example`,
        entraObjectId: leadOid(n),
        homeTenantId: DEMO_TENANT_ID,
        partnerId: partner.id,
        roles: ['partner-lead'],
      },
      ctx(),
    );
    leads.push({ ...person.fields, id: person.id });
    if (n <= options.leads - (options.notInstalled ?? 0)) await emulator.register(repo, leadOid(n));
  }
  let drafts = 0;
  const fixture: DeliveryFixture = {
    repo,
    deps,
    emulator,
    scrutineer,
    partnerId: partner.id,
    leads,
    issue: async () => {
      drafts++;
      const draft = await repo.create(
        'recommendations',
        {
          reference: `TEST-R-${String(drafts).padStart(3, '0')}-${Math.random().toString(36).slice(2, 8)}`,
          title: `Test recommendation ${drafts}`,
          text: 'Publish one escalation protocol for youth justice cases by the spring.',
          priority: 'medium',
          partnerIds: [partner.id],
          responseDueDate: '2099-03-31',
          status: 'draft',
        },
        ctx(),
      );
      await issueRecommendation(deps, scrutineer, draft.id);
      return draft.id;
    },
    worker: (id, extra) => new DeliveryWorker(deps, testWorkerOptions(id, extra)),
    drain: async (workers, timeoutMs = 15_000) => {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const reports = await Promise.all(workers.map((w) => w.pass()));
        const pending = await repo.all('cardDeliveries', { field: 'status', equals: 'pending' });
        if (pending.length === 0) return;
        const wake = Math.min(...reports.map((r) => r.nextWakeAt ?? Date.now() + 50));
        await new Promise((done) =>
          setTimeout(done, Math.min(200, Math.max(10, wake - Date.now()))),
        );
      }
      const left = await repo.all('cardDeliveries', { field: 'status', equals: 'pending' });
      throw new Error(`${left.length} cards still pending: ${JSON.stringify(left[0]?.fields)}`);
    },
    rows: (recommendationId) =>
      repo.all('cardDeliveries', { field: 'recommendationId', equals: recommendationId }),
    conversationOf: (lead) => emulator.conversationIdFor(lead.entraObjectId),
    close: async () => {
      await emulator.close();
      repo.close();
    },
  };
  return fixture;
}
