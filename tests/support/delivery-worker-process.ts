/**
 * A delivery worker in its own process, for the crash test: it can be killed (SIGKILL) at any
 * moment, like a server that dies. Arguments: the SQLite file, the emulator's URL, a worker id.
 */
import type { Deps } from '../../src/application/deps.js';
import { DeliveryWorker } from '../../src/application/use-cases/delivery-worker.js';
import { SqliteRepository } from '../../src/adapters/sqlite/sqlite-repository.js';
import { productionGateway, testWorkerOptions } from './delivery-fixture.js';

const [dbPath, emulatorUrl, id] = process.argv.slice(2);
if (!dbPath || !emulatorUrl || !id) throw new Error('usage: <db> <emulator url> <worker id>');
const repo = SqliteRepository.open(dbPath);
const deps: Deps = {
  repo,
  now: () => new Date(),
  cards: productionGateway(repo, emulatorUrl, { sendTimeoutMs: 5_000 }),
};
// One send at a time, five a second: the kill lands between a send and its record.
const worker = new DeliveryWorker(
  deps,
  testWorkerOptions(id, { ratePerSecond: 5, burst: 1, concurrency: 1, leaseMs: 1_000 }),
);
worker.start();
setInterval(() => undefined, 1_000);
console.log('worker started');
