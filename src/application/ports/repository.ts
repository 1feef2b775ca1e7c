import type { Fields, ListName } from '../../domain/lists/schema.js';
import type { Channel } from '../../domain/vocabulary.js';

/** Who made a change, when, and through which route: kept with every version. */
export interface ChangeContext {
  actorId: string;
  homeTenantId: string;
  channel: Channel;
  at: string;
}

export interface StoredItem<L extends ListName> {
  id: string;
  /** Opaque; changes on every write. Pass it back to update (optimistic concurrency). */
  etag: string;
  version: number;
  fields: Fields<L>;
  createdAt: string;
  createdBy: string;
  modifiedAt: string;
  modifiedBy: string;
  channel: Channel;
}

/** One entry in an item's history: the full state after each write. */
export interface ItemVersion<L extends ListName> {
  version: number;
  fields: Fields<L>;
  modifiedAt: string;
  modifiedBy: string;
  homeTenantId: string;
  channel: Channel;
}

export interface Page<T> {
  items: T[];
  /** Present when more items follow; pass to the next query. */
  nextPageToken?: string;
}

/** Filter on one indexed column, as SharePoint allows past the 5,000-item threshold. */
export interface Filter<L extends ListName> {
  field: keyof Fields<L> & string;
  equals: string | number | boolean;
}

export interface QueryOptions<L extends ListName> {
  filter?: Filter<L>;
  top?: number;
  pageToken?: string;
}

/** The shape of a Graph delta response: changed items since a token, and the next token. */
export interface ChangeSet<L extends ListName> {
  changed: StoredItem<L>[];
  nextToken: string;
}

export class ConflictError extends Error {
  constructor(
    readonly list: ListName,
    readonly id: string,
  ) {
    super(`The ${list} item ${id} was changed by someone else; reload it and try again.`);
    this.name = 'ConflictError';
  }
}

export class DuplicateError extends Error {
  constructor(
    readonly list: ListName,
    readonly field: string,
    readonly existingId: string,
  ) {
    super(`A ${list} item with the same ${field} already exists (${existingId}).`);
    this.name = 'DuplicateError';
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly list: ListName,
    readonly id: string,
  ) {
    super(`No ${list} item ${id}.`);
    this.name = 'NotFoundError';
  }
}

/** One item of a createMany: stored, or the reason it was not (nothing of it is stored then). */
export type CreateResult<L extends ListName> =
  { ok: true; item: StoredItem<L> } | { ok: false; error: Error };

/** Raised when a query filters on a column that is not indexed (SharePoint would refuse it). */
export class UnindexedFilterError extends Error {
  constructor(
    readonly list: ListName,
    readonly field: string,
  ) {
    super(`The ${list} list cannot be filtered on ${field}: it is not indexed.`);
    this.name = 'UnindexedFilterError';
  }
}

/**
 * The system of record. The embedded SQLite adapter and the SharePoint (Graph) adapter both
 * implement it with the same semantics, proven by one contract suite.
 */
export interface Repository {
  get<L extends ListName>(list: L, id: string): Promise<StoredItem<L> | undefined>;
  query<L extends ListName>(list: L, options?: QueryOptions<L>): Promise<Page<StoredItem<L>>>;
  /** Every item matching the filter, following pages. */
  all<L extends ListName>(list: L, filter?: Filter<L>): Promise<StoredItem<L>[]>;
  /** Throws DuplicateError if a unique column's value is taken. */
  create<L extends ListName>(
    list: L,
    fields: Fields<L>,
    ctx: ChangeContext,
  ): Promise<StoredItem<L>>;
  /**
   * Creates each item as `create` would, in as few round trips as the store allows, and answers in
   * input order. One item's failure never loses the others: it is reported in its place
   * (DuplicateError for a unique value already taken, also by an earlier item of the same call).
   * Items are written in input order where the store orders writes; SharePoint may store those of
   * one batch in any order. Throws only for a failure of the store as a whole, not of an item.
   */
  createMany<L extends ListName>(
    list: L,
    fieldsList: readonly Fields<L>[],
    ctx: ChangeContext,
  ): Promise<CreateResult<L>[]>;
  /** Throws ConflictError unless etag is the item's current etag. */
  update<L extends ListName>(
    list: L,
    id: string,
    patch: Partial<Fields<L>>,
    etag: string,
    ctx: ChangeContext,
  ): Promise<StoredItem<L>>;
  history<L extends ListName>(list: L, id: string): Promise<ItemVersion<L>[]>;
  /** Items changed since token (all items when no token); the latest state of each. */
  changes<L extends ListName>(list: L, token?: string): Promise<ChangeSet<L>>;
}
