import type { Column } from './columns.js';
import { badRequest, GraphError } from './errors.js';
import { buildLink, option, parseExpand, parseTop } from './odata.js';
import { itemJson } from './resources.js';
import type { Store, StoredList, StoredSite } from './store.js';

/**
 * GET /sites/{site-id}/lists/{list-id}/items/delta
 * (https://learn.microsoft.com/graph/api/listitem-delta; microsoft-graph-docs-contrib
 * `api-reference/v1.0/api/listitem-delta.md`):
 *
 * - "Your app begins by calling delta without any parameters. The service starts enumerating
 *   ... returning pages of items, and either an @odata.nextLink or an @odata.deltaLink."
 * - `token`: "If unspecified, enumerates the current state of the hierarchy. If latest, returns
 *   an empty response with the latest delta token. If a previous delta token, returns a new state
 *   since that token."
 * - "The delta feed shows the latest state for each item, not each change."
 * - A deleted item comes back with its id and the `deleted` facet, `"deleted": { "state":
 *   "deleted" }` (Example 2); "Items with this property should be removed from your local state."
 * - "In some cases, the service returns a 410 Gone response code with an error response that
 *   contains one of the following error codes, and a Location header that contains a new nextLink
 *   that starts a fresh delta enumeration": resyncChangesApplyDifferences /
 *   resyncChangesUploadDifferences. The emulator answers `resyncRequired` ("The delta token is no
 *   longer valid, and the app must reset the sync state", https://learn.microsoft.com/graph/errors)
 *   with inner code resyncChangesApplyDifferences, for tokens `state.expireDeltaTokens()` retired.
 *
 * Items come with their fields when `expand=fields` is asked for (the page: "This method also
 * supports the $select, $expand, and $top OData query parameters"). Page size: $top, else the
 * emulator's delta page size (200; Graph documents none).
 *
 * Tokens are opaque to clients. Inside: the list, the generation (for expiry), the change-log
 * position the round started from, the position it runs to, and a cursor within the round.
 */

interface DeltaToken {
  list: string;
  generation: number;
  /** Changes after this log position are reported (0: full enumeration of live items). */
  since: number;
  /** Round's end: changes up to this position belong to it; later ones to the next round. */
  until: number;
  /** Cursor: the last (changeSeq, id) reported in this round. */
  after?: [number, number];
}

const encode = (token: DeltaToken) => Buffer.from(JSON.stringify(token)).toString('base64url');

function decode(raw: string): DeltaToken {
  try {
    const token = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as DeltaToken;
    if (typeof token.list === 'string' && typeof token.since === 'number') return token;
  } catch {
    // fall through
  }
  throw badRequest('The delta token is not valid.');
}

export interface DeltaRequest {
  store: Store;
  site: StoredSite;
  list: StoredList;
  query: URLSearchParams;
  linkBase: string;
  /** The request path after "/v1.0", as the client wrote it. */
  path: string;
  pageSize: number;
  resolveLookup: (column: Column, id: number) => unknown;
}

/** Whether a delta request carries a token (1 RU) or not (2 RU); `latest` counts as none. */
export function deltaHasToken(query: URLSearchParams): boolean {
  const token = query.get('token');
  return token !== null && token !== '' && token !== 'latest';
}

export function itemsDelta(request: DeltaRequest): Record<string, unknown> {
  const { store, list, query } = request;
  const raw = query.get('token');
  const expand = parseExpand(option(query, 'expand'));
  const pageSize = parseTop(option(query, 'top'), request.pageSize);
  const keep: [string, string][] = [];
  for (const [k, v] of query) if (k !== 'token') keep.push([k, v]);
  const link = (token: DeltaToken) =>
    buildLink(request.linkBase, request.path, [...keep, ['token', encode(token)]]);

  if (raw === 'latest') {
    const latest = {
      list: list.id,
      generation: store.deltaGeneration,
      since: list.changeSeq,
      until: list.changeSeq,
    };
    return { value: [], '@odata.deltaLink': link(latest) };
  }

  let token: DeltaToken;
  if (raw === null || raw === '') {
    token = { list: list.id, generation: store.deltaGeneration, since: 0, until: list.changeSeq };
  } else {
    const given = decode(raw);
    if (given.list !== list.id) throw badRequest('The delta token belongs to another list.');
    if (given.generation !== store.deltaGeneration) {
      const fresh = buildLink(request.linkBase, request.path, keep);
      throw new GraphError(
        410,
        'resyncRequired',
        "Resync required. Replace any local items with the server's version (including deletes) " +
          "if you're sure that the service was up to date with your local changes when you last " +
          "sync'd. Upload any local changes that the server doesn't know about.",
        { Location: fresh },
        { code: 'resyncChangesApplyDifferences' },
      );
    }
    // A deltaLink's token starts a new round, from its position to the log's head now.
    token =
      given.until === given.since && !given.after ? { ...given, until: list.changeSeq } : given;
  }

  type Entry = { seq: number; id: number; json: Record<string, unknown> };
  const entries: Entry[] = [];
  for (const item of list.items.values()) {
    if (item.changeSeq > token.since && item.changeSeq <= token.until) {
      entries.push({
        seq: item.changeSeq,
        id: item.id,
        json: itemJson(item, {
          site: request.site,
          list,
          fields: expand.fields,
          resolveLookup: request.resolveLookup,
        }),
      });
    }
  }
  if (token.since > 0) {
    for (const gone of list.tombstones.values()) {
      if (gone.changeSeq > token.since && gone.changeSeq <= token.until) {
        entries.push({
          seq: gone.changeSeq,
          id: gone.id,
          json: {
            id: String(gone.id),
            parentReference: { siteId: request.site.id },
            deleted: { state: 'deleted' },
          },
        });
      }
    }
  }
  entries.sort((a, b) => a.seq - b.seq || a.id - b.id);
  const after = token.after;
  const remaining = after
    ? entries.filter((e) => e.seq > after[0] || (e.seq === after[0] && e.id > after[1]))
    : entries;
  const page = remaining.slice(0, pageSize);
  const last = page[page.length - 1];
  if (last && remaining.length > page.length) {
    return {
      '@odata.nextLink': link({ ...token, after: [last.seq, last.id] }),
      value: page.map((e) => e.json),
    };
  }
  const next: DeltaToken = {
    list: list.id,
    generation: store.deltaGeneration,
    since: token.until,
    until: token.until,
  };
  return { value: page.map((e) => e.json), '@odata.deltaLink': link(next) };
}
