import { contentHash, nextEntry, type ChainHead, type HashFn } from '../domain/audit.js';
import type { AuditOp } from '../domain/lists/audit-trail.js';
import type { Fields, ListName } from '../domain/lists/schema.js';
import {
  DuplicateError,
  type ChangeContext,
  type ChangeSet,
  type CreateResult,
  type Filter,
  type ItemVersion,
  type Page,
  type QueryOptions,
  type Repository,
  type StoredItem,
} from './ports/repository.js';

export const AUDIT_LIST = 'auditTrail' satisfies ListName;

/** A write to the trail other than the decorator's own append: the trail is append-only. */
export class AuditTrailWriteError extends Error {
  constructor(what: string) {
    super(`The audit trail is append-only: the app records it, and ${what} is refused.`);
    this.name = 'AuditTrailWriteError';
  }
}

/** An entry that could not be appended: named only, never with the item's values. */
export interface AppendFailure {
  itemList: string;
  itemId: string;
  itemVersion: number;
  error: string;
}

export interface AuditOptions {
  hash: HashFn;
  /**
   * Told when an entry could not be appended after the write itself was stored. The write is kept
   * (the caller already has it); the verifier then reports the item's unrecorded version.
   */
  onAppendFailure?: (failure: AppendFailure) => void;
}

/** Appends retried when another process took the next sequence number first. */
const APPEND_ATTEMPTS = 3;

/**
 * The Repository, with every write recorded in the audit trail: after each successful create or
 * update one entry (who, when, channel, home tenant, the field names, the content's hash) is
 * chained on. Appends run one at a time in this process, so the chain never forks here; the
 * trail's unique `seq` refuses a second entry with the same number from another process, and the
 * append then follows the new head. Reads pass straight through.
 */
export class AuditedRepository implements Repository {
  private head: ChainHead | undefined;
  private headKnown = false;
  /** The tail of the append queue: each append starts when the one before has finished. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly inner: Repository,
    private readonly options: AuditOptions,
  ) {}

  get<L extends ListName>(list: L, id: string): Promise<StoredItem<L> | undefined> {
    return this.inner.get(list, id);
  }
  query<L extends ListName>(list: L, options?: QueryOptions<L>): Promise<Page<StoredItem<L>>> {
    return this.inner.query(list, options);
  }
  all<L extends ListName>(list: L, filter?: Filter<L>): Promise<StoredItem<L>[]> {
    return this.inner.all(list, filter);
  }
  history<L extends ListName>(list: L, id: string): Promise<ItemVersion<L>[]> {
    return this.inner.history(list, id);
  }
  changes<L extends ListName>(list: L, token?: string): Promise<ChangeSet<L>> {
    return this.inner.changes(list, token);
  }

  async create<L extends ListName>(
    list: L,
    fields: Fields<L>,
    ctx: ChangeContext,
  ): Promise<StoredItem<L>> {
    refuseTrail(list, 'adding an entry by hand');
    const item = await this.inner.create(list, fields, ctx);
    await this.record(list, [item], 'create', ctx);
    return item;
  }

  async createMany<L extends ListName>(
    list: L,
    fieldsList: readonly Fields<L>[],
    ctx: ChangeContext,
  ): Promise<CreateResult<L>[]> {
    refuseTrail(list, 'adding entries by hand');
    const results = await this.inner.createMany(list, fieldsList, ctx);
    const stored = results.flatMap((r) => (r.ok ? [r.item] : []));
    await this.record(list, stored, 'create', ctx);
    return results;
  }

  async update<L extends ListName>(
    list: L,
    id: string,
    patch: Partial<Fields<L>>,
    etag: string,
    ctx: ChangeContext,
  ): Promise<StoredItem<L>> {
    refuseTrail(list, 'changing an entry');
    const item = await this.inner.update(list, id, patch, etag, ctx);
    // The fields this write set (undefined keys are ignored by the store; null clears).
    const written = Object.entries(patch)
      .filter(([, value]) => value !== undefined)
      .map(([field]) => field);
    await this.record(list, [item], 'update', ctx, written);
    return item;
  }

  /** Appends one entry per item, in order, after every append queued before them. */
  private record<L extends ListName>(
    list: L,
    items: readonly StoredItem<L>[],
    op: AuditOp,
    ctx: ChangeContext,
    written?: readonly string[],
  ): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    const run = this.queue.then(async () => {
      for (const item of items) {
        await this.appendOne({
          at: ctx.at,
          actorId: ctx.actorId,
          homeTenantId: ctx.homeTenantId,
          channel: ctx.channel,
          itemList: list,
          itemId: item.id,
          op,
          itemVersion: item.version,
          changedFields: written ?? Object.keys(item.fields),
          contentHash: contentHash(item.fields, this.options.hash),
        });
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async appendOne(change: Parameters<typeof nextEntry>[1]): Promise<void> {
    let lastError: unknown;
    for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
      try {
        if (!this.headKnown) await this.loadHead();
        const entry = nextEntry(this.head, change, this.options.hash);
        await this.inner.create(AUDIT_LIST, entry, systemContext(change));
        this.head = { seq: entry.seq, hash: entry.hash };
        return;
      } catch (error) {
        lastError = error;
        // Whatever went wrong, read the head again next time: another writer may have moved it.
        this.headKnown = false;
        if (!(error instanceof DuplicateError)) break;
      }
    }
    this.options.onAppendFailure?.({
      itemList: change.itemList,
      itemId: change.itemId,
      itemVersion: change.itemVersion,
      error: lastError instanceof Error ? lastError.name : 'error',
    });
  }

  /** The entry with the highest seq: read once, then followed in memory. */
  private async loadHead(): Promise<void> {
    const entries = await this.inner.all(AUDIT_LIST);
    let head: ChainHead | undefined;
    for (const { fields } of entries)
      if (!head || fields.seq > head.seq) head = { seq: fields.seq, hash: fields.hash };
    this.head = head;
    this.headKnown = true;
  }
}

function refuseTrail(list: ListName, what: string): void {
  if (list === AUDIT_LIST) throw new AuditTrailWriteError(what);
}

/** The entry's own item is written by the app, in the writer's tenant, at the write's instant. */
function systemContext(change: { at: string; homeTenantId: string }): ChangeContext {
  return {
    actorId: 'system:audit',
    homeTenantId: change.homeTenantId,
    channel: 'system',
    at: change.at,
  };
}
