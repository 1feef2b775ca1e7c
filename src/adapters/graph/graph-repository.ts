import {
  ConflictError,
  DuplicateError,
  NotFoundError,
  UnindexedFilterError,
  type ChangeContext,
  type ChangeSet,
  type CreateResult,
  type Filter,
  type ItemVersion,
  type Page,
  type QueryOptions,
  type Repository,
  type StoredItem,
} from '../../application/ports/repository.js';
import { isFilterable } from '../../domain/lists/columns.js';
import { lists, listNames, type Fields, type ListName } from '../../domain/lists/schema.js';
import { channels, type Channel } from '../../domain/vocabulary.js';
import {
  columnOf,
  columnsOf,
  equalsClause,
  fromGraphFields,
  selectOf,
  toGraphFields,
} from './field-values.js';
import { sendBatched } from './graph-batch.js';
import type { GraphHttp, GraphResponse } from './graph-http.js';

type FieldMap = Record<string, unknown>;

/** A listItem as Graph gives it (https://learn.microsoft.com/graph/api/resources/listitem). */
interface GraphItem {
  id: string;
  eTag?: string;
  fields?: FieldMap;
}

/** The columns every list carries for the port's who/when/channel (provisioning/names.ts). */
const SYSTEM = [
  'cfCreatedAt',
  'cfCreatedBy',
  'cfModifiedAt',
  'cfModifiedBy',
  'cfHomeTenantId',
  'cfChannel',
] as const;

/** Graph's largest page for list items (undocumented; 5,000 is the cap seen in practice). */
const ALL_PAGE = 5_000;
const DEFAULT_TOP = 100;

const token = {
  wrap: (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url'),
  unwrap: <T>(raw: string): T | undefined => {
    try {
      return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as T;
    } catch {
      return undefined;
    }
  },
};

/** The channel stored on an item, or `system` for anything not one of ours. */
const channelOf = (value: unknown): Channel => {
  const channel = String(value ?? 'system');
  return (channels as readonly string[]).includes(channel) ? (channel as Channel) : 'system';
};

/** SharePoint item ids are whole numbers; anything else cannot name an item. */
const isItemId = (id: string) => /^[1-9]\d{0,15}$/.test(id);

/** The version in a SharePoint eTag (`"{GUID},3"`), treated otherwise as opaque. */
function versionOf(etag: string | undefined): number {
  const match = /,(\d+)"?$/.exec(etag ?? '');
  return match ? Number(match[1]) : 1;
}

/**
 * Which round of a createMany each item goes in: an item sharing a unique value with an earlier
 * one waits for a later round, so the earlier one is stored first and the later one is refused as
 * a duplicate, as the embedded store does (parts of one batch run in no set order).
 */
function uniqueRounds(list: ListName, fieldsList: readonly object[]) {
  const unique = columnsOf(list).filter(({ column }) => column.unique);
  const lastRound = new Map<string, number>();
  const of = fieldsList.map((fields) => {
    const keys = unique.flatMap(({ field }) => {
      const value = (fields as FieldMap)[field];
      return value === undefined || value === null || value === ''
        ? []
        : [`${field}\u0000${JSON.stringify(value)}`];
    });
    const round = Math.max(0, ...keys.map((key) => (lastRound.get(key) ?? -1) + 1));
    for (const key of keys) lastRound.set(key, round);
    return round;
  });
  return { of, count: fieldsList.length === 0 ? 0 : Math.max(...of) + 1 };
}

class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    super(`Graph answered ${status}${error?.code ? ` (${error.code})` : ''}.`);
    this.name = 'GraphRequestError';
  }
}

/**
 * The Repository port on SharePoint lists through Microsoft Graph: the production system of
 * record. Reads expand only our columns; filters go to Graph only on indexed columns (one per
 * query, never with the HonorNonIndexedQueries header); pages follow `@odata.nextLink`; updates
 * carry the item's eTag in If-Match, so a 412 is the same ConflictError the embedded store gives;
 * changes are Graph delta queries; createMany goes in JSON batches (graph-batch.ts). A write's
 * answer is the item: nothing is read back after it. Who, when and through which channel are item
 * fields, because the app writes with its own identity.
 * See https://learn.microsoft.com/graph/api/resources/listitem.
 */
export class GraphRepository implements Repository {
  private constructor(
    private readonly http: GraphHttp,
    private readonly siteId: string,
    private readonly listIds: ReadonlyMap<ListName, string>,
  ) {}

  /** Finds every provisioned list of the site by its title; fails naming any that is missing. */
  static async open(http: GraphHttp, siteId: string): Promise<GraphRepository> {
    const byTitle = new Map<string, string>();
    let link: string | undefined =
      `/sites/${encodeURIComponent(siteId)}/lists?$select=id,displayName&$top=200`;
    while (link) {
      const res: GraphResponse = await http.send('GET', link);
      if (res.status !== 200) throw new GraphRequestError(res.status, res.body);
      const body = res.body as { value: { id: string; displayName: string }[] } & FieldMap;
      for (const l of body.value) byTitle.set(l.displayName, l.id);
      link = body['@odata.nextLink'] as string | undefined;
    }
    const ids = new Map<ListName, string>();
    const missing: string[] = [];
    for (const name of listNames) {
      const id = byTitle.get(lists[name].title);
      if (id) ids.set(name, id);
      else missing.push(lists[name].title);
    }
    if (missing.length > 0) {
      throw new Error(
        `The SharePoint site lacks ${missing.join(', ')}: run npm run provision -- --site <url>.`,
      );
    }
    return new GraphRepository(http, siteId, ids);
  }

  private itemsPath(list: ListName): string {
    const id = this.listIds.get(list);
    if (!id) throw new Error(`Unknown list: ${String(list)}`);
    return `/sites/${encodeURIComponent(this.siteId)}/lists/${id}/items`;
  }

  private expand(list: ListName): string {
    return `expand=fields(select=${selectOf(list, SYSTEM)})`;
  }

  private toItem<L extends ListName>(list: L, item: GraphItem): StoredItem<L> {
    const f = item.fields ?? {};
    return {
      id: item.id,
      etag: item.eTag ?? String(f['@odata.etag'] ?? ''),
      version: versionOf(item.eTag ?? (f['@odata.etag'] as string | undefined)),
      fields: fromGraphFields(list, f),
      createdAt: String(f.cfCreatedAt ?? ''),
      createdBy: String(f.cfCreatedBy ?? ''),
      modifiedAt: String(f.cfModifiedAt ?? ''),
      modifiedBy: String(f.cfModifiedBy ?? ''),
      channel: channelOf(f.cfChannel),
    };
  }

  async get<L extends ListName>(list: L, id: string): Promise<StoredItem<L> | undefined> {
    if (!isItemId(id)) return undefined;
    const res = await this.http.send('GET', `${this.itemsPath(list)}/${id}?${this.expand(list)}`);
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw new GraphRequestError(res.status, res.body);
    return this.toItem(list, res.body as GraphItem);
  }

  async query<L extends ListName>(
    list: L,
    options: QueryOptions<L> = {},
  ): Promise<Page<StoredItem<L>>> {
    const filter = options.filter;
    let link: string;
    if (options.pageToken) {
      const cursor = token.unwrap<{ link: string; field?: string; equals?: unknown }>(
        options.pageToken,
      );
      if (!cursor?.link) throw new Error('This page token is not valid.');
      if (cursor.field !== filter?.field || cursor.equals !== filter?.equals) {
        throw new Error('This page token was issued for a different filter.');
      }
      link = cursor.link;
    } else {
      link = this.firstPage(list, filter, options.top ?? DEFAULT_TOP);
    }
    const res = await this.http.send('GET', link);
    if (res.status !== 200) throw new GraphRequestError(res.status, res.body);
    const body = res.body as { value: GraphItem[] } & FieldMap;
    const next = body['@odata.nextLink'] as string | undefined;
    return {
      items: body.value.map((item) => this.toItem(list, item)),
      ...(next
        ? {
            nextPageToken: token.wrap({
              link: next,
              ...(filter ? { field: filter.field, equals: filter.equals } : {}),
            }),
          }
        : {}),
    };
  }

  private firstPage<L extends ListName>(list: L, filter: Filter<L> | undefined, top: number) {
    let query = `${this.itemsPath(list)}?${this.expand(list)}&$top=${top}`;
    if (filter) {
      const c = columnOf(list, filter.field);
      if (!c || !isFilterable(c.column)) throw new UnindexedFilterError(list, filter.field);
      query += `&$filter=${encodeURIComponent(equalsClause(c.column, c.name, filter.equals))}`;
    }
    return query;
  }

  async all<L extends ListName>(list: L, filter?: Filter<L>): Promise<StoredItem<L>[]> {
    const items: StoredItem<L>[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.query(list, {
        top: ALL_PAGE,
        ...(filter ? { filter } : {}),
        ...(pageToken ? { pageToken } : {}),
      });
      items.push(...page.items);
      pageToken = page.nextPageToken;
    } while (pageToken);
    return items;
  }

  async create<L extends ListName>(
    list: L,
    fields: Fields<L>,
    ctx: ChangeContext,
  ): Promise<StoredItem<L>> {
    const res = await this.http.send('POST', this.itemsPath(list), {
      body: this.createBody(list, fields, ctx),
    });
    if (res.status === 409) throw await this.duplicate(list, fields, undefined);
    if (res.status !== 201) throw new GraphRequestError(res.status, res.body);
    return this.created(list, res.body);
  }

  async createMany<L extends ListName>(
    list: L,
    fieldsList: readonly Fields<L>[],
    ctx: ChangeContext,
  ): Promise<CreateResult<L>[]> {
    const results: CreateResult<L>[] = [];
    const rounds = uniqueRounds(list, fieldsList);
    for (let round = 0; round < rounds.count; round++) {
      const mine = fieldsList.flatMap((fields, i) => (rounds.of[i] === round ? [i] : []));
      const outcomes = await sendBatched(
        this.http,
        mine.map((i) => ({
          method: 'POST' as const,
          url: this.itemsPath(list),
          body: this.createBody(list, fieldsList[i] as Fields<L>, ctx),
        })),
      );
      const taken: number[] = [];
      for (const [k, outcome] of outcomes.entries()) {
        const i = mine[k] as number;
        if (!outcome.ok) results[i] = { ok: false, error: outcome.error };
        else if (outcome.response.status === 201)
          results[i] = { ok: true, item: await this.created(list, outcome.response.body) };
        else if (outcome.response.status === 409) taken.push(i);
        else {
          const { status, body } = outcome.response;
          results[i] = { ok: false, error: new GraphRequestError(status, body) };
        }
      }
      const errors = await this.duplicates(
        list,
        taken.map((i) => ({ fields: fieldsList[i] as Fields<L> })),
      );
      for (const [k, i] of taken.entries()) {
        results[i] = { ok: false, error: errors[k] as Error };
      }
    }
    return results;
  }

  private createBody<L extends ListName>(list: L, fields: Fields<L>, ctx: ChangeContext) {
    return {
      fields: {
        ...toGraphFields(list, fields),
        cfCreatedAt: ctx.at,
        cfCreatedBy: ctx.actorId,
        ...this.stamp(ctx),
      },
    };
  }

  /**
   * The item from a create's 201, which carries the listItem with its fields (listitem-create;
   * the page's example is marked truncated). Read back only if our columns are not in it.
   */
  private async created<L extends ListName>(list: L, body: unknown): Promise<StoredItem<L>> {
    const made = body as GraphItem;
    if (made.fields?.cfModifiedAt !== undefined) return this.toItem(list, made);
    return (await this.get(list, made.id)) ?? this.toItem(list, made);
  }

  async update<L extends ListName>(
    list: L,
    id: string,
    patch: Partial<Fields<L>>,
    etag: string,
    ctx: ChangeContext,
  ): Promise<StoredItem<L>> {
    if (!isItemId(id)) throw new NotFoundError(list, id);
    const body = { ...toGraphFields(list, patch), ...this.stamp(ctx) };
    const res = await this.http.send('PATCH', `${this.itemsPath(list)}/${id}/fields`, {
      body,
      headers: { 'if-match': etag },
    });
    if (res.status === 412) throw new ConflictError(list, id);
    if (res.status === 404) throw new NotFoundError(list, id);
    if (res.status === 409) throw await this.duplicate(list, patch, id);
    if (res.status !== 200) throw new GraphRequestError(res.status, res.body);
    // The answer is the item's fieldValueSet with its new @odata.etag (listitem-update): the
    // item as get() gives it. Read back only if the answer lacks the etag or our columns.
    const fields = (res.body ?? {}) as FieldMap;
    if (typeof fields['@odata.etag'] === 'string' && fields.cfModifiedAt !== undefined) {
      return this.toItem(list, { id, fields });
    }
    const item = await this.get(list, id);
    if (!item) throw new NotFoundError(list, id);
    return item;
  }

  private stamp(ctx: ChangeContext): FieldMap {
    return {
      cfModifiedAt: ctx.at,
      cfModifiedBy: ctx.actorId,
      cfHomeTenantId: ctx.homeTenantId,
      cfChannel: ctx.channel,
    };
  }

  /** A 409 on a unique column: finds which value is taken, and by which item. */
  private async duplicate<L extends ListName>(
    list: L,
    fields: Partial<Fields<L>>,
    self: string | undefined,
  ): Promise<Error> {
    const [error] = await this.duplicates(list, [{ fields, ...(self ? { self } : {}) }]);
    return error ?? new Error(`SharePoint refused a duplicate value in ${list}.`);
  }

  /**
   * For each write refused with 409, which unique value is taken and by which item (another than
   * `self`): one query per unique value given, all sent batched.
   */
  private async duplicates<L extends ListName>(
    list: L,
    refused: readonly { fields: Partial<Fields<L>>; self?: string }[],
  ): Promise<Error[]> {
    const lookups = refused.flatMap(({ fields }, item) =>
      columnsOf(list).flatMap(({ field, column }) => {
        const value = (fields as FieldMap)[field];
        if (!column.unique || value === undefined || value === null || value === '') return [];
        const filter = { field, equals: value as string } as Filter<L>;
        return [{ item, field, url: this.firstPage(list, filter, 2) }];
      }),
    );
    const outcomes = await sendBatched(
      this.http,
      lookups.map(({ url }) => ({ method: 'GET' as const, url })),
    );
    const errors: (Error | undefined)[] = refused.map(() => undefined);
    for (const [k, { item, field }] of lookups.entries()) {
      if (errors[item]) continue; // the first unique column found taken names the clash
      const outcome = outcomes[k];
      if (!outcome?.ok || outcome.response.status !== 200) continue;
      const found = (outcome.response.body as { value?: GraphItem[] }).value ?? [];
      const other = found.find((candidate) => candidate.id !== refused[item]?.self);
      if (other) errors[item] = new DuplicateError(list, field, other.id);
    }
    return errors.map((e) => e ?? new Error(`SharePoint refused a duplicate value in ${list}.`));
  }

  async history<L extends ListName>(list: L, id: string): Promise<ItemVersion<L>[]> {
    if (!isItemId(id)) throw new NotFoundError(list, id);
    const versions: { id: string; fields?: FieldMap }[] = [];
    let link: string | undefined = `${this.itemsPath(list)}/${id}/versions?${this.expand(list)}`;
    while (link) {
      const res: GraphResponse = await this.http.send('GET', link);
      if (res.status === 404) throw new NotFoundError(list, id);
      if (res.status !== 200) throw new GraphRequestError(res.status, res.body);
      const body = res.body as { value: { id: string; fields?: FieldMap }[] } & FieldMap;
      versions.push(...body.value);
      link = body['@odata.nextLink'] as string | undefined;
    }
    // Graph lists versions newest first, labelled "3.0", "2.0"...
    return versions
      .map((v) => {
        const f = v.fields ?? {};
        return {
          version: Math.round(Number(v.id)) || 1,
          fields: fromGraphFields(list, f),
          modifiedAt: String(f.cfModifiedAt ?? ''),
          modifiedBy: String(f.cfModifiedBy ?? ''),
          homeTenantId: String(f.cfHomeTenantId ?? ''),
          channel: channelOf(f.cfChannel),
        };
      })
      .sort((a, b) => a.version - b.version);
  }

  async changes<L extends ListName>(list: L, since?: string): Promise<ChangeSet<L>> {
    let link: string | undefined;
    if (since) {
      const cursor = token.unwrap<{ list: string; link: string }>(since);
      if (!cursor?.link || cursor.list !== list) throw new Error('This change token is not valid.');
      link = cursor.link;
    } else {
      // Pages as large as reads take ($top is documented for delta), so a first full
      // enumeration costs what all() costs rather than the service's smaller default page.
      link = `${this.itemsPath(list)}/delta?${this.expand(list)}&$top=${ALL_PAGE}`;
    }
    const changed = new Map<string, StoredItem<L>>();
    for (let pages = 0; link; pages++) {
      if (pages > 100_000) throw new Error('The delta feed did not end.');
      const res: GraphResponse = await this.http.send('GET', link);
      if (res.status === 410) {
        // The token is too old: start a full enumeration, as Location says
        // (https://learn.microsoft.com/graph/api/listitem-delta).
        changed.clear();
        link =
          res.headers.get('location') ??
          `${this.itemsPath(list)}/delta?${this.expand(list)}&$top=${ALL_PAGE}`;
        continue;
      }
      if (res.status !== 200) throw new GraphRequestError(res.status, res.body);
      const body = res.body as { value: (GraphItem & { deleted?: unknown })[] } & FieldMap;
      // The feed gives each item's latest state; a later page wins.
      for (const item of body.value)
        if (!item.deleted) changed.set(item.id, this.toItem(list, item));
      const next = body['@odata.nextLink'] as string | undefined;
      const delta = body['@odata.deltaLink'] as string | undefined;
      if (delta)
        return { changed: [...changed.values()], nextToken: token.wrap({ list, link: delta }) };
      link = next;
    }
    throw new Error('The delta feed ended without a delta link.');
  }
}
