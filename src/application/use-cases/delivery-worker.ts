import {
  afterInterruption,
  afterSearch,
  afterSend,
  claimPatch,
  DEFAULT_DELIVERY_POLICY,
  details,
  inFlightPatch,
  isDue,
  wakeAt,
  wasInterrupted,
  type DeliveryFields,
  type DeliveryPolicy,
  type CardSearch,
  type SendOutcome,
} from '../../domain/deliveries.js';
import { SendLimiter, type WindowRule } from '../../domain/rate-limit.js';
import type { Deps } from '../deps.js';
import type { CardRef, Recipient } from '../ports/cards.js';
import { ConflictError, type StoredItem } from '../ports/repository.js';
import { recommendationCardView } from './card-views.js';
import { digestCardView } from './digest-views.js';
import { recoverMissingDeliveries, systemChange } from './deliveries.js';

type Row = StoredItem<'cardDeliveries'>;

/** Time for the worker, injected so tests can run it on any clock. */
export interface WorkerClock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface DeliveryWorkerOptions {
  /** Names this worker in leases; unique per process. */
  id: string;
  clock: WorkerClock;
  /** In [0, 1); jitter for backoff. */
  random?: () => number;
  /** Sends a second for the app in this tenant (Teams allows 50; keep headroom). */
  ratePerSecond: number;
  /** The largest burst above the rate (default a tenth of the rate, at least 1). */
  burst?: number;
  /** Per-thread windows (Teams' published per-bot-per-thread limits by default). */
  threadRules?: readonly WindowRule[];
  /** App-wide windows, a hard ceiling over the bucket (Teams' 50 in any second by default). */
  appRules?: readonly WindowRule[];
  policy?: Partial<DeliveryPolicy>;
  /** How long a send holds its row; keep it well above the gateway's send timeout. */
  leaseMs?: number;
  /** Sends in flight at once (Teams answers in ~100–300 ms, so this sets the ceiling rate). */
  concurrency?: number;
  /** Rows taken per pass. */
  batchSize?: number;
  /** How often an idle worker looks for work (rows from other processes, retries). */
  idleMs?: number;
  /** A wait for the limits longer than this leaves the rows to a later pass. */
  holdMs?: number;
  /** Told about errors the loop survives (a store outage, a bug in one row). */
  onError?: (error: unknown) => void;
  /**
   * Whether scheduled cards (reminder digests) may go now, and if not when they may; cards a
   * person's action caused (a recommendation issued) are not held.
   */
  sendWindow?: (now: number) => Promise<{ open: boolean; opensAt: number }>;
  /** A card cannot reach this person in Teams: offer another route (the emailed link). */
  onUnreachable?: (delivery: UnreachableDelivery) => Promise<unknown>;
}

/** A card Teams cannot deliver: a recommendation's (offer the web link) or a digest's (email it). */
export type UnreachableDelivery =
  | { kind: 'recommendation'; recommendationId: string; personId: string }
  | { kind: 'digest'; deliveryKey: string; personId: string };

export interface PassReport {
  claimed: number;
  /** When the next row becomes due, if any is known. */
  nextWakeAt?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const thread = (row: Row) => row.fields.personId; // cards go to each person's 1:1 chat

/**
 * Sends the cards in the outbox (the cardDeliveries list). Each pass reads the due rows; each send
 * waits its turn under the app's token bucket, its chat's windows and any Retry-After, then
 * claims its row and marks the send in flight in one conditional write on the row's etag (so two
 * workers never send the same row, and a row found in flight with its lease run out tells the
 * next worker the outcome is unknown), sends one card and records what Teams said. An unconfirmed
 * send (5xx, timeout, dropped connection, or a worker that stopped mid-send) is reconciled before
 * anything is sent again; see src/domain/deliveries.ts for the rules.
 *
 * Driven by its own loop (start/stop) on an injected clock, or pass by pass (tests, the bench).
 * The limits live in this process: a second sending process needs its own share of the rate.
 */
export class DeliveryWorker {
  private readonly limiter: SendLimiter;
  private readonly policy: DeliveryPolicy;
  private readonly random: () => number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly holdMs: number;
  private loop: Promise<void> | undefined;
  private stopped = false;
  /** Resolves when stop() is called, to cut any wait short. */
  private stopping: Promise<void> = new Promise(() => undefined);
  private stop_: () => void = () => undefined;
  private wake: (() => void) | undefined;
  private passing = false;
  /** Callers waiting for a pass that starts after they asked. */
  private waitingForNextPass: (() => void)[] = [];
  private tenantId: string | undefined;

  constructor(
    private readonly deps: Deps,
    private readonly options: DeliveryWorkerOptions,
  ) {
    const now = options.clock.now();
    this.limiter = new SendLimiter(
      {
        ratePerSecond: options.ratePerSecond,
        burst: options.burst ?? Math.max(1, Math.floor(options.ratePerSecond / 10)),
        ...(options.threadRules ? { threadRules: options.threadRules } : {}),
        ...(options.appRules ? { appRules: options.appRules } : {}),
      },
      now,
    );
    this.policy = { ...DEFAULT_DELIVERY_POLICY, ...options.policy };
    this.random = options.random ?? Math.random;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.concurrency = options.concurrency ?? 16;
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 5_000;
    this.holdMs = options.holdMs ?? 5_000;
  }

  /** Starts the loop: recover, then pass whenever work is due, is nudged, or every idleMs. */
  start(): void {
    if (this.loop) return;
    this.stopped = false;
    this.stopping = new Promise((done) => (this.stop_ = done));
    this.loop = this.run();
  }

  /** Stops after the sends in flight are recorded; rows not yet started are left as they are. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stop_();
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    for (const done of this.waitingForNextPass.splice(0)) done();
  }

  /** Look for work now (new rows were written). */
  nudge(): void {
    this.wake?.();
  }

  /** Resolves when a pass that starts after this call has finished (or the worker stops). */
  nextPass(): Promise<void> {
    return new Promise((done) => {
      if (this.stopped || !this.loop) return done();
      this.waitingForNextPass.push(done);
      this.nudge();
    });
  }

  private async run(): Promise<void> {
    try {
      await recoverMissingDeliveries(this.deps);
    } catch (e) {
      this.options.onError?.(e);
    }
    while (!this.stopped) {
      const waiting = this.waitingForNextPass.splice(0);
      let report: PassReport = { claimed: 0 };
      try {
        report = await this.pass();
      } catch (e) {
        this.options.onError?.(e);
      }
      for (const done of waiting) done();
      if (this.stopped) break;
      if (this.waitingForNextPass.length > 0) continue;
      const now = this.options.clock.now();
      const delay = Math.min(
        this.idleMs,
        Math.max(0, (report.nextWakeAt ?? now + this.idleMs) - now),
      );
      if (delay === 0) continue;
      await new Promise<void>((woken) => {
        this.wake = woken;
        void this.options.clock.sleep(delay).then(woken);
      });
      this.wake = undefined;
    }
  }

  /** One pass: claim due rows, reconcile or send each, record every outcome. */
  async pass(): Promise<PassReport> {
    if (this.passing) throw new Error('A pass is already running in this worker.');
    this.passing = true;
    try {
      return await this.passOnce();
    } finally {
      this.passing = false;
    }
  }

  private async passOnce(): Promise<PassReport> {
    const now = this.options.clock.now();
    const pending = await this.deps.repo.all('cardDeliveries', {
      field: 'status',
      equals: 'pending',
    });
    let nextWakeAt: number | undefined;
    const later = (at: number | undefined) => {
      if (at !== undefined) nextWakeAt = nextWakeAt === undefined ? at : Math.min(nextWakeAt, at);
    };
    const due: Row[] = [];
    for (const row of pending) {
      if (isDue(row.fields, now)) due.push(row);
      else later(wakeAt(row.fields));
    }
    due.sort((a, b) => dueTime(a) - dueTime(b));
    if (due.length > this.batchSize) later(now);

    const queue: Row[] = [];
    for (const row of due.slice(0, this.batchSize)) {
      if (this.stopped) break;
      if (wasInterrupted(row.fields)) {
        // Its sender stopped after marking the send and before recording what Teams said: the
        // card may have arrived. Never resend it blindly: reconcile once the settle time is up.
        const updated = await this.write(row, {
          ...afterInterruption(row.fields, this.policy),
          ...releasedLease,
        });
        if (updated) later(wakeAt(updated.fields));
        continue;
      }
      queue.push(row);
    }
    const processed = queue.length;
    await this.process(queue, later);
    return { claimed: processed, ...(nextWakeAt !== undefined ? { nextWakeAt } : {}) };
  }

  /**
   * Works through the due rows, up to `concurrency` at a time. Each send waits for its turn under
   * the limits (the app's token bucket, its chat's windows, any Retry-After pause) just before it
   * goes, after its card is built, so sends leave at the pace the limits allow. Rows for a chat
   * that already has a send waiting let rows for other chats go first. Reconciliations use no
   * send budget: they do not post to Teams.
   */
  private async process(queue: Row[], later: (at: number | undefined) => void): Promise<void> {
    const { clock } = this.options;
    const tasks = new Set<Promise<void>>();
    const waiting = new Map<string, number>();
    const launch = (work: Promise<void>) => {
      const task: Promise<void> = work
        .catch((e: unknown) => this.options.onError?.(e))
        .finally(() => tasks.delete(task));
      tasks.add(task);
    };
    const requeue = (row: Row) => queue.push(row);
    while (queue.length > 0 || tasks.size > 0) {
      if (this.stopped) queue.splice(0); // untouched rows: nothing was claimed yet
      if (queue.length === 0 || tasks.size >= this.concurrency) {
        if (tasks.size > 0) await Promise.race(tasks);
        continue;
      }
      const now = clock.now();
      const appWait = this.limiter.appWait(now);
      if (appWait > this.holdMs) {
        // A long pause (Retry-After on the whole app): leave the sends to a later pass.
        for (const row of queue.filter((r) => !r.fields.uncertainSince)) {
          later(now + this.limiter.wait(thread(row), now));
        }
        const reconciles = queue.filter((r) => r.fields.uncertainSince);
        queue.splice(0, queue.length, ...reconciles);
        continue;
      }
      const free = (r: Row) => !waiting.get(thread(r));
      let pick = queue.findIndex(
        (r) =>
          !!r.fields.uncertainSince || (free(r) && this.limiter.threadWait(thread(r), now) === 0),
      );
      if (pick < 0) pick = queue.findIndex(free);
      if (pick < 0) {
        if (tasks.size > 0) await Promise.race(tasks);
        else pick = 0;
        if (pick < 0) continue;
      }
      const row = queue.splice(pick, 1)[0] as Row;
      if (row.fields.uncertainSince) {
        launch(this.reconcile(row, requeue, later));
      } else {
        const key = thread(row);
        waiting.set(key, (waiting.get(key) ?? 0) + 1);
        const release = () => waiting.set(key, (waiting.get(key) ?? 1) - 1);
        launch(this.send(row, later, release));
      }
    }
  }

  /**
   * Waits until the limits let one more send go to this chat, and counts it. Undefined when the
   * wait would be longer than holdMs (the row is left for a later pass) or the worker stops.
   */
  private async turn(key: string): Promise<number | undefined> {
    const { clock } = this.options;
    for (;;) {
      if (this.stopped) return undefined;
      const now = clock.now();
      const wait = this.limiter.wait(key, now);
      if (wait === 0) {
        this.limiter.record(key, now);
        return now;
      }
      if (wait > this.holdMs) return undefined;
      await Promise.race([clock.sleep(wait), this.stopping]);
    }
  }

  /** Builds the card, waits its turn, claims the row and marks the send (one write), sends. */
  private async send(
    row: Row,
    later: (at: number | undefined) => void,
    release: () => void,
  ): Promise<void> {
    const { clock } = this.options;
    let target: Awaited<ReturnType<DeliveryWorker['target']>>;
    let tokenAt: number | undefined;
    try {
      target = await this.target(row);
      if ('hold' in target) {
        const at = target.until ?? clock.now() + 60_000;
        await this.write(row, { nextAttemptAt: iso(at), detail: target.hold });
        later(at);
        return;
      }
      tokenAt = await this.turn(thread(row));
    } finally {
      release();
    }
    if (tokenAt === undefined) {
      later(clock.now() + this.limiter.wait(thread(row), clock.now()));
      return;
    }
    // Write-ahead, conditional on the etag read at the start of the pass: only one worker can
    // make it, and a row found with it set after its lease ran out tells the next worker that
    // this send's outcome is unknown.
    const inFlight = await this.write(row, {
      ...claimPatch(this.options.id, tokenAt + this.leaseMs),
      ...inFlightPatch(row.fields, tokenAt),
    });
    if (!inFlight) {
      this.limiter.refund(thread(row), tokenAt); // another worker has the row
      return;
    }
    if ('outcome' in target) {
      await this.record(inFlight, target.outcome, later);
      return;
    }
    // A turn is good for the moment it was granted. If the write took a while (a busy disk),
    // give the turn back and take a fresh one, so the limits count the send when it leaves and
    // sends held up together do not leave together.
    if (clock.now() - tokenAt > TURN_SLACK_MS) {
      this.limiter.refund(thread(row), tokenAt);
      if ((await this.turn(thread(row))) === undefined) {
        const undone = await this.write(inFlight, {
          ...releasedLease,
          inFlightSince: null,
          attempts: row.fields.attempts ?? 0,
          detail: details.queued,
        });
        later(undone ? clock.now() : undefined);
        return;
      }
    }
    let outcome: SendOutcome;
    try {
      outcome = await target.send();
    } catch (e) {
      // The gateway classifies every answer; an exception here says nothing about delivery.
      this.options.onError?.(e);
      outcome = { kind: 'ambiguous', cause: 'connection' };
    }
    await this.record(inFlight, outcome, later);
  }

  private async record(row: Row, outcome: SendOutcome, later: (at: number | undefined) => void) {
    const now = this.options.clock.now();
    const decision = afterSend(row.fields, outcome, {
      now,
      policy: this.policy,
      random: this.random,
      threadWithinLimits: this.limiter.threadWasQuiet(thread(row), now),
    });
    if (decision.pause) {
      this.limiter.pause('thread', thread(row), decision.pause.until);
      if (decision.pause.scope === 'app') {
        this.limiter.pause('app', thread(row), decision.pause.until);
        if (outcome.kind === 'throttled') this.limiter.slowDown(now);
      }
    }
    let updated = await this.write(row, decision.patch);
    if (!updated && (decision.patch.status === 'sent' || decision.patch.status === 'unreachable')) {
      // Someone took the row over while the send was in flight (its lease ran out). A definite
      // answer from Teams still beats their guess, unless they have finished the row already.
      const fresh = await this.deps.repo.get('cardDeliveries', row.id);
      if (fresh?.fields.status === 'pending') updated = await this.write(fresh, decision.patch);
    }
    if (updated) later(wakeAt(updated.fields));
    if (updated?.fields.status === 'unreachable' && this.options.onUnreachable) {
      const f = updated.fields;
      const delivery: UnreachableDelivery | undefined =
        f.kind === 'digest'
          ? { kind: 'digest', deliveryKey: f.deliveryKey, personId: f.personId }
          : f.recommendationId
            ? { kind: 'recommendation', recommendationId: f.recommendationId, personId: f.personId }
            : undefined;
      // Idempotent on the other side (one open link per person, one email per digest).
      if (delivery) {
        await this.options.onUnreachable(delivery).catch((e: unknown) => this.options.onError?.(e));
      }
    }
  }

  /** Looks for an unconfirmed card in the recipient's chat; resends only if it is not there. */
  private async reconcile(
    row: Row,
    requeue: (row: Row) => void,
    later: (at: number | undefined) => void,
  ): Promise<void> {
    const { clock } = this.options;
    const mine = await this.write(row, claimPatch(this.options.id, clock.now() + this.leaseMs));
    if (!mine) return;
    const target = await this.target(mine);
    if (!('recipient' in target)) {
      // The person or the recommendation is gone: nothing to look for, nothing to send.
      const detail = 'hold' in target ? target.hold : undefined;
      await this.record(
        mine,
        'outcome' in target ? target.outcome : { kind: 'rejected', detail: detail ?? '' },
        later,
      );
      return;
    }
    const since = Date.parse(mine.fields.uncertainSince ?? '') || clock.now();
    let search: CardSearch;
    try {
      // A minute early, for clock skew between this server and Teams.
      search = await this.deps.cards.findCard(
        target.recipient,
        target.ref,
        new Date(since - 60_000),
      );
    } catch (e) {
      this.options.onError?.(e);
      search = { kind: 'unknown' };
    }
    const decision = afterSearch(mine.fields, search, {
      now: clock.now(),
      policy: this.policy,
      random: this.random,
    });
    const updated = await this.write(
      mine,
      decision.resend ? { ...decision.patch, ...releasedLease } : decision.patch,
    );
    if (!updated) return;
    if (decision.resend) requeue(updated);
    else later(wakeAt(updated.fields));
  }

  /** What to send to whom, or why nothing can be sent (yet). */
  private async target(
    row: Row,
  ): Promise<
    | { recipient: Recipient; ref: CardRef; send: () => Promise<SendOutcome> }
    | { outcome: SendOutcome }
    | { hold: string; until?: number }
  > {
    const f = row.fields;
    const person = await this.deps.repo.get('people', f.personId);
    if (!person) {
      return { outcome: { kind: 'rejected', detail: 'This person is no longer recorded.' } };
    }
    const recipient = { personId: person.id, entraObjectId: person.fields.entraObjectId };
    const viewer = { ...person.fields, id: person.id };
    if (f.kind === 'digest') {
      // Reminders are not sent at night, at weekends or on bank holidays.
      const window = await this.options.sendWindow?.(this.options.clock.now());
      if (window && !window.open) return { hold: details.quietHours, until: window.opensAt };
      const view = await digestCardView(this.deps, f.deliveryKey, viewer);
      if (!view) return { outcome: { kind: 'rejected', detail: details.digestGone } };
      const ref = { deliveryKey: f.deliveryKey };
      return { recipient, ref, send: () => this.deps.cards.sendDigest(recipient, view, ref) };
    }
    const recommendationId = f.recommendationId ?? '';
    const rec = await this.deps.repo.get('recommendations', recommendationId);
    if (!rec) return { outcome: { kind: 'rejected', detail: 'The recommendation is gone.' } };
    if (rec.fields.status === 'draft') return { hold: details.waitingForIssue };
    const partnerId = f.partnerId ?? person.fields.partnerId ?? '';
    const view = await recommendationCardView(this.deps, recommendationId, partnerId, viewer);
    const ref = { deliveryKey: f.deliveryKey, recommendationId, partnerId };
    return {
      recipient,
      ref,
      send: () => this.deps.cards.sendRecommendation(recipient, view, ref),
    };
  }

  /** A conditional write on the row's etag; undefined when someone else changed it first. */
  private async write(row: Row, patch: Partial<DeliveryFields>): Promise<Row | undefined> {
    try {
      return await this.deps.repo.update(
        'cardDeliveries',
        row.id,
        patch,
        row.etag,
        await this.ctx(),
      );
    } catch (e) {
      if (e instanceof ConflictError) return undefined;
      throw e;
    }
  }

  private async ctx() {
    if (this.tenantId === undefined) {
      const [partnership] = await this.deps.repo.all('partnerships');
      this.tenantId = partnership?.fields.tenantId ?? '';
    }
    return systemChange(this.deps, this.tenantId);
  }
}

const releasedLease = { leaseOwner: null, leaseUntil: null } as const;

/** How late a send may leave after its turn before the turn is taken again. */
const TURN_SLACK_MS = 5;

const dueTime = (row: Row) => Date.parse(row.fields.nextAttemptAt ?? row.createdAt) || 0;
