import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/application/deps.js';
import { DeliveryWorker } from '../../src/application/use-cases/delivery-worker.js';
import {
  deliveryFixture,
  productionGateway,
  testWorkerOptions,
  type DeliveryFixture,
} from '../support/delivery-fixture.js';

/**
 * A worker process killed (SIGKILL) in the middle of a fan-out, at the worst moment: after Teams
 * took a card and before the worker recorded it, or after the send was marked and before Teams
 * got it. A fresh worker on the same store resumes, and nobody gets two cards.
 */
const script = fileURLToPath(new URL('../support/delivery-worker-process.ts', import.meta.url));

let fixture: DeliveryFixture | undefined;
let child: ChildProcess | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  await fixture?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  fixture = undefined;
  child = undefined;
  dir = undefined;
});

async function setUp() {
  dir = mkdtempSync(join(tmpdir(), 'cf-crash-'));
  const dbPath = join(dir, 'critical-friend.db');
  fixture = await deliveryFixture({ leads: 5, dbPath, gateway: { sendTimeoutMs: 5_000 } });
  const id = await fixture.issue();
  return { f: fixture, id, dbPath };
}

function startWorkerProcess(dbPath: string, url: string): ChildProcess {
  child = spawn(process.execPath, ['--import', 'tsx', script, dbPath, url, 'doomed'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

const kill = async (process: ChildProcess) => {
  process.kill('SIGKILL');
  if (process.exitCode === null && process.signalCode === null) await once(process, 'exit');
};

/** Everything the ledger recorded about each row, version by version. */
async function lastErrors(f: DeliveryFixture, id: string) {
  const errors: string[] = [];
  for (const row of await f.rows(id)) {
    for (const v of await f.repo.history('cardDeliveries', row.id)) {
      if (v.fields.lastError) errors.push(v.fields.lastError);
    }
  }
  return errors;
}

describe('a worker killed mid-run', () => {
  it('between Teams taking a card and recording it: the restart finds the card, sends no second', async () => {
    const { f, id, dbPath } = await setUp();
    const worker = startWorkerProcess(dbPath, f.emulator.url);
    let delivered = 0;
    f.emulator.onDeliver = async () => {
      // The third card is in the chat; the worker dies before it hears so.
      if (++delivered === 3) await kill(worker);
    };
    await once(worker, 'exit');
    expect(worker.signalCode).toBe('SIGKILL');
    const stranded = (await f.rows(id)).filter((r) => r.fields.inFlightSince);
    expect(stranded.length).toBeGreaterThanOrEqual(1);

    await f.drain([f.worker('restarted')]);
    for (const lead of f.leads) {
      expect(f.emulator.cardsFor(f.conversationOf(lead), id), lead.displayName).toBe(1);
    }
    const rows = await f.rows(id);
    expect(rows.every((r) => r.fields.status === 'sent')).toBe(true);
    expect(await lastErrors(f, id)).toContain('interrupted');
    // Five chats, five requests: the stranded card was found, not sent again.
    expect(f.emulator.requests()).toHaveLength(5);
  });

  it('with no way to search the chat, the restart holds the stranded card rather than risk a second', async () => {
    const { f, id, dbPath } = await setUp();
    const worker = startWorkerProcess(dbPath, f.emulator.url);
    let delivered = 0;
    f.emulator.onDeliver = async () => {
      if (++delivered === 3) await kill(worker);
    };
    await once(worker, 'exit');
    const blind: Deps = {
      ...f.deps,
      cards: productionGateway(f.repo, f.emulator.url, { lookup: false }),
    };
    await f.drain([new DeliveryWorker(blind, testWorkerOptions('restarted-blind'))]);
    for (const lead of f.leads) {
      expect(f.emulator.cardsFor(f.conversationOf(lead), id), lead.displayName).toBe(1);
    }
    const statuses = (await f.rows(id)).map((r) => r.fields.status).sort();
    expect(statuses).toEqual(['failed', 'sent', 'sent', 'sent', 'sent']);
    const held = (await f.rows(id)).find((r) => r.fields.status === 'failed');
    expect(held?.fields.lastError).toBe('not-confirmed');
  });

  it('after marking a send and before Teams got it: the restart sees no card and sends it once', async () => {
    const { f, id, dbPath } = await setUp();
    const worker = startWorkerProcess(dbPath, f.emulator.url);
    let arrivals = 0;
    f.emulator.onRequest = async (conversationId) => {
      if (++arrivals === 3) {
        // Nothing is delivered for this request: the worker dies with its send marked.
        f.emulator.fail({ kind: 'timeout-before', holdMs: 100 }, { conversationId });
        await kill(worker);
      }
    };
    await once(worker, 'exit');
    f.emulator.onRequest = undefined;
    await f.drain([f.worker('restarted')]);
    for (const lead of f.leads) {
      expect(f.emulator.cardsFor(f.conversationOf(lead), id), lead.displayName).toBe(1);
    }
    expect((await f.rows(id)).every((r) => r.fields.status === 'sent')).toBe(true);
    expect(await lastErrors(f, id)).toContain('interrupted');
    // The stranded chat was tried twice (nothing arrived the first time), the others once.
    expect(f.emulator.requests()).toHaveLength(6);
  });
});
