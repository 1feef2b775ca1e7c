import {
  MsalTokenProvider,
  type AuthConfiguration,
  type CloudAdapter,
} from '@microsoft/agents-hosting';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Deps } from '../application/deps.js';
import type { Repository } from '../application/ports/repository.js';
import {
  DeliveryWorker,
  type DeliveryWorkerOptions,
  type WorkerClock,
} from '../application/use-cases/delivery-worker.js';
import { TeamsCardGateway } from '../adapters/teams/card-gateway.js';
import { GraphCardLookup } from '../adapters/teams/graph-card-lookup.js';
import type { Config, DeliveryConfig } from './config.js';

/** Wall-clock time; sleeps never keep the process alive on their own. */
export const systemClock: WorkerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((done) => setTimeout(done, ms).unref()),
};

/** The Teams gateway, with the Graph chat lookup when CARD_LOOKUP=graph. */
export function cardGateway(
  adapter: CloudAdapter,
  repo: Repository,
  config: Pick<Config, 'delivery' | 'botServiceUrls'>,
  botAuth: AuthConfiguration,
  /** The bot's app id: Entra's, or the local channel's in local mode. */
  botAppId: string,
): TeamsCardGateway {
  const { delivery } = config;
  const tokens = new MsalTokenProvider();
  const graph = delivery.lookup;
  const lookup =
    graph.kind === 'graph'
      ? new GraphCardLookup({
          graphUrl: graph.graphUrl,
          teamsAppId: graph.teamsAppId,
          botAppId,
          // The bot's own identity (a managed identity in Azure).
          // The SDK's provider takes a resource and adds "/.default" itself.
          token: () => tokens.getAccessToken(botAuth, graph.graphUrl),
        })
      : undefined;
  return new TeamsCardGateway(adapter, botAppId, repo, {
    sendTimeoutMs: delivery.sendTimeoutMs,
    // Proactive sends only to BOT_SERVICE_URLS, whatever a stored reference says.
    serviceUrls: config.botServiceUrls,
    ...(lookup ? { lookup } : {}),
  });
}

/** The worker that sends queued cards; started here, stopped when the server closes. */
export function startDeliveryWorker(
  deps: Deps,
  delivery: DeliveryConfig,
  onUnreachable?: DeliveryWorkerOptions['onUnreachable'],
  sendWindow?: DeliveryWorkerOptions['sendWindow'],
): DeliveryWorker {
  const worker = new DeliveryWorker(deps, {
    id: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    clock: systemClock,
    ratePerSecond: delivery.ratePerSecond,
    burst: delivery.burst,
    leaseMs: delivery.leaseMs,
    policy: { settleMs: delivery.settleMs, reconcileWindowMs: delivery.reconcileWindowMs },
    // Names only: messages can quote a person's data.
    onError: (e) => console.error(`card delivery: ${(e as Error)?.name ?? 'error'}`),
    ...(onUnreachable ? { onUnreachable } : {}),
    ...(sendWindow ? { sendWindow } : {}),
  });
  worker.start();
  return worker;
}
