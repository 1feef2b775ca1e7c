import type { Column } from './columns.js';
import {
  driveRoute,
  listDriveRoute,
  listItemDriveItemRoute,
  siteDrivesRoute,
} from './drive-routes.js';
import type { Drives } from './drives.js';
import type { Transfers } from './upload-sessions.js';
import { deltaHasToken, itemsDelta } from './delta.js';
import { GraphError, invalidRequest, notFound } from './errors.js';
import { listItems } from './items.js';
import { option, parseExpand, parseFilter, parseSelect } from './odata.js';
import {
  columnJson,
  fieldsJson,
  itemJson,
  listJson,
  selectProps,
  siteJson,
  versionJson,
} from './resources.js';
import {
  checkIfMatch,
  findItem,
  valueOf,
  type IdentitySet,
  type Store,
  type StoredList,
  type StoredSite,
} from './store.js';
import type { OperationKind } from './throttle.js';

/**
 * Graph v1.0's SharePoint routes, relative to https://graph.microsoft.com/v1.0:
 *
 *   GET   /sites/{site-id}                        site-get.md
 *   GET   /sites/{hostname}:/{server-relative-path}[:/...]   site-getbypath.md
 *   GET   /sites/{site-id}/lists                  list-list.md
 *   POST  /sites/{site-id}/lists                  list-create.md
 *   GET   /sites/{site-id}/lists/{list-id | list-title}      list-get.md
 *   GET   /sites/{site-id}/lists/{list-id}/columns           list-list-columns.md
 *   POST  /sites/{site-id}/lists/{list-id}/columns           list-post-columns.md
 *   GET|PATCH|DELETE .../columns/{column-id}      columndefinition-get/-update/-delete.md
 *   GET   .../items[?expand=fields(select=..)&$filter=..&$top=..]  listitem-list.md
 *   POST  .../items                               listitem-create.md (201)
 *   GET   .../items/delta                         listitem-delta.md
 *   GET   .../items/{item-id}[?expand=fields]     listitem-get.md
 *   DELETE .../items/{item-id}                    listitem-delete.md (204, If-Match)
 *   GET|PATCH .../items/{item-id}/fields          listitem-get.md / listitem-update.md (If-Match)
 *   GET   .../items/{item-id}/versions            listitem-list-versions.md
 *   GET   /sites/{site-id}/drives, .../lists/{list-id}/drive, .../items/{item-id}/driveItem,
 *         and everything under /drives/{drive-id}: see drive-routes.ts
 *
 * (all under https://learn.microsoft.com/graph/api/...).
 */

export interface Operation {
  method: string;
  /** Path after "/v1.0", still percent-encoded. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: unknown;
  identity: IdentitySet;
  /** Scheme, host and "/v1.0", for links. */
  linkBase: string;
  /** The raw request body, for file content (PUT .../content). */
  rawBody?: Buffer;
}

export interface OperationResult {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface RouteContext {
  store: Store;
  defaultPageSize: number;
  deltaPageSize: number;
  listViewThreshold: number;
  /** Document libraries' drives and their pre-authenticated URLs (drives.ts). */
  drives: Drives;
  transfers: Transfers;
}

export interface Route {
  kind: OperationKind;
  run(): OperationResult;
}

const segmentError = (segment: string) =>
  new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);

const methodNotAllowed = () =>
  new GraphError(405, 'BadRequest', 'Specified HTTP method is not allowed for the request target.');

type SiteRef = { id: string } | { hostname: string; serverPath: string };

/** Splits "/sites/..." into the site reference and the segments after it. */
function parseSitePath(path: string): { site: SiteRef; rest: string[] } {
  const after = path.slice('/sites/'.length);
  const colon = after.indexOf(':');
  const slash = after.indexOf('/');
  let site: SiteRef;
  let tail: string;
  if (colon !== -1 && (slash === -1 || colon < slash)) {
    // /sites/{hostname}:/{server-relative-path}[:/{more}]
    const hostname = decodeURIComponent(after.slice(0, colon));
    const remainder = after.slice(colon + 1);
    const end = remainder.indexOf(':', 1);
    const serverPath = decodeURIComponent(end === -1 ? remainder : remainder.slice(0, end));
    site = { hostname, serverPath: serverPath === '' ? '/' : serverPath };
    tail = end === -1 ? '' : remainder.slice(end + 1);
  } else {
    site = { id: decodeURIComponent(slash === -1 ? after : after.slice(0, slash)) };
    tail = slash === -1 ? '' : after.slice(slash);
  }
  if (('id' in site && site.id === '') || tail.includes('//')) throw segmentError('sites');
  return {
    site,
    rest: tail
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent),
  };
}

export function route(ctx: RouteContext, op: Operation): Route {
  const { store } = ctx;
  const segments = op.path.split('/').filter(Boolean);
  if (segments[0] === 'drives' && segments.length >= 2) return driveRoute(ctx, op);
  if (segments[0] !== 'sites' || segments.length < 2) throw segmentError(segments[0] ?? '');
  const { site: siteRef, rest } = parseSitePath(op.path);
  const method = op.method;

  const site = (): StoredSite => {
    const found =
      'id' in siteRef
        ? store.siteById(siteRef.id)
        : store.siteByPath(siteRef.hostname, siteRef.serverPath);
    if (!found) throw notFound('Requested site could not be found');
    return found;
  };
  const list = (s: StoredSite, ref: string): StoredList => {
    const found = store.findList(s, ref);
    if (!found) throw notFound('The specified list was not found');
    return found;
  };
  const lookups =
    (s: StoredSite) =>
    (column: Column, id: number): unknown => {
      if (column.kind === 'personOrGroup') return store.personName(id);
      const target =
        typeof column.facet.listId === 'string'
          ? store.findList(s, column.facet.listId)
          : undefined;
      const item = target?.items.get(id);
      const shown = target?.columns.find((c) => c.name === (column.facet.columnName ?? 'Title'));
      return item && shown ? valueOf(item, shown) : undefined;
    };
  const select = () => parseSelect(option(op.query, 'select'));
  const read = (run: () => OperationResult, kind: OperationKind = 'get'): Route => {
    if (method !== 'GET') throw methodNotAllowed();
    return { kind, run };
  };

  // /sites/{site}
  if (rest.length === 0) {
    return read(() => ({ status: 200, body: selectProps(siteJson(site()), select()) }));
  }
  if (rest[0] === 'drives' && rest.length === 1) return siteDrivesRoute(ctx, op, site);
  if (rest[0] !== 'lists') throw segmentError(rest[0] as string);

  // /sites/{site}/lists
  if (rest.length === 1) {
    if (method === 'POST') {
      return {
        kind: 'write',
        run: () => {
          const s = site();
          return { status: 201, body: listJson(s, store.createList(s, op.body, op.identity)) };
        },
      };
    }
    return read(() => {
      const s = site();
      let lists = [...s.lists.values()];
      const filter = option(op.query, 'filter');
      if (filter) {
        // Only displayName can be filtered on lists (microsoftgraph/microsoft-graph-docs#9836).
        const node = parseFilter(filter);
        if (node.kind !== 'compare' || node.field !== 'displayName' || node.op !== 'eq') {
          throw invalidRequest('The provided filter statement is not supported');
        }
        lists = lists.filter(
          (l) => l.displayName.toLowerCase() === String(node.value).toLowerCase(),
        );
      }
      return {
        status: 200,
        body: { value: lists.map((l) => selectProps(listJson(s, l), select())) },
      };
    }, 'query');
  }

  const listRef = rest[1] as string;

  // /sites/{site}/lists/{list}
  if (rest.length === 2) {
    return read(() => {
      const s = site();
      const l = list(s, listRef);
      const expand = parseExpand(option(op.query, 'expand'));
      if (expand.fields) throw invalidRequest("Only 'columns' can be expanded on a list.");
      const columns = expand.columns
        ? visibleColumns(l, expand.columns.select).map((c) =>
            selectProps(columnJson(c), expand.columns?.select),
          )
        : undefined;
      const json = listJson(s, l, columns);
      const fields = select();
      return {
        status: 200,
        body: selectProps(json, fields && columns ? [...fields, 'columns'] : fields),
      };
    });
  }

  // /sites/{site}/lists/{list}/columns[/{column}]
  if (rest.length === 3 && rest[2] === 'drive') {
    return listDriveRoute(ctx, op, () => {
      const s = site();
      return { site: s, list: list(s, listRef) };
    });
  }
  if (rest[2] === 'columns') {
    if (rest.length === 3) {
      if (method === 'POST') {
        return {
          kind: 'write',
          run: () => {
            const s = site();
            return { status: 201, body: columnJson(store.addColumn(s, list(s, listRef), op.body)) };
          },
        };
      }
      return read(() => {
        const fields = select();
        const l = list(site(), listRef);
        return {
          status: 200,
          body: { value: visibleColumns(l, fields).map((c) => selectProps(columnJson(c), fields)) },
        };
      }, 'query');
    }
    if (rest.length !== 4) throw segmentError(rest[4] as string);
    const columnRef = rest[3] as string;
    const column = (l: StoredList) => {
      const found = store.findColumn(l, columnRef);
      if (!found) throw notFound('Column not found');
      return found;
    };
    if (method === 'PATCH') {
      return {
        kind: 'write',
        run: () => {
          const l = list(site(), listRef);
          return { status: 200, body: columnJson(store.updateColumn(l, column(l), op.body)) };
        },
      };
    }
    if (method === 'DELETE') {
      return {
        kind: 'write',
        run: () => {
          const l = list(site(), listRef);
          store.deleteColumn(l, column(l));
          return { status: 204 };
        },
      };
    }
    return read(() => ({
      status: 200,
      body: selectProps(columnJson(column(list(site(), listRef))), select()),
    }));
  }

  if (rest[2] !== 'items') throw segmentError(rest[2] as string);

  // /sites/{site}/lists/{list}/items
  if (rest.length === 3) {
    if (method === 'POST') {
      return {
        kind: 'write',
        run: () => {
          const s = site();
          const l = list(s, listRef);
          const body = op.body;
          if (
            body !== undefined &&
            (typeof body !== 'object' || body === null || Array.isArray(body))
          ) {
            throw invalidRequest('The request body must be a listItem JSON object.');
          }
          const item = store.createItem(
            l,
            (body as { fields?: unknown } | undefined)?.fields,
            op.identity,
          );
          return {
            status: 201,
            body: itemJson(item, { site: s, list: l, fields: {}, resolveLookup: lookups(s) }),
          };
        },
      };
    }
    return read(() => {
      const s = site();
      return {
        status: 200,
        body: listItems({
          site: s,
          list: list(s, listRef),
          query: op.query,
          headers: op.headers,
          linkBase: op.linkBase,
          path: op.path,
          defaultPageSize: ctx.defaultPageSize,
          listViewThreshold: ctx.listViewThreshold,
          resolveLookup: lookups(s),
        }),
      };
    }, 'query');
  }

  const itemRef = rest[3] as string;

  // /sites/{site}/lists/{list}/items/delta
  if (rest.length === 4 && (itemRef === 'delta' || itemRef === 'delta()')) {
    return read(
      () => {
        const s = site();
        return {
          status: 200,
          body: itemsDelta({
            store,
            site: s,
            list: list(s, listRef),
            query: op.query,
            linkBase: op.linkBase,
            path: op.path,
            pageSize: ctx.deltaPageSize,
            resolveLookup: lookups(s),
          }),
        };
      },
      deltaHasToken(op.query) ? 'deltaWithToken' : 'deltaWithoutToken',
    );
  }

  // /sites/{site}/lists/{list}/items/{item}
  if (rest.length === 4) {
    if (method === 'DELETE') {
      return {
        kind: 'write',
        run: () => {
          const l = list(site(), listRef);
          const item = findItem(l, itemRef);
          checkIfMatch(op.headers, item);
          store.deleteItem(l, item);
          return { status: 204 };
        },
      };
    }
    if (method === 'PATCH') {
      return {
        kind: 'write',
        run: () => {
          throw new GraphError(
            501,
            'notSupported',
            'The emulator serves PATCH .../items/{item-id}/fields; update column values there.',
          );
        },
      };
    }
    return read(() => {
      const s = site();
      const l = list(s, listRef);
      const expand = parseExpand(option(op.query, 'expand'));
      if (expand.columns) throw invalidRequest("Only 'fields' can be expanded on list items.");
      const fields = select();
      const json = itemJson(findItem(l, itemRef), {
        site: s,
        list: l,
        fields: expand.fields,
        resolveLookup: lookups(s),
      });
      return {
        status: 200,
        body: selectProps(json, fields && expand.fields ? [...fields, 'fields'] : fields),
      };
    });
  }

  // /sites/{site}/lists/{list}/items/{item}/fields
  if (rest.length === 5 && rest[4] === 'fields') {
    if (method === 'PATCH') {
      return {
        kind: 'write',
        run: () => {
          const s = site();
          const l = list(s, listRef);
          const item = findItem(l, itemRef);
          checkIfMatch(op.headers, item);
          store.updateItem(l, item, op.body, op.identity);
          // "If successful, this method returns a 200 OK response code and a fieldValueSet in the
          // response body for the updated list item." (listitem-update.md)
          return { status: 200, body: fieldsJson(l, item, undefined, item, lookups(s)) };
        },
      };
    }
    return read(() => {
      const s = site();
      const l = list(s, listRef);
      const item = findItem(l, itemRef);
      return { status: 200, body: fieldsJson(l, item, select(), item, lookups(s)) };
    });
  }

  // /sites/{site}/lists/{list}/items/{item}/versions
  if (rest.length === 5 && rest[4] === 'versions') {
    // `expand=fields` gives each version's field values, as the documented single-version
    // example does (GET .../versions/{version-id}?expand=fields, listitemversion-get.md); on the
    // collection it is what SDKs and PnP send (not shown on the list-versions page).
    return read(() => {
      const s = site();
      const l = list(s, listRef);
      const item = findItem(l, itemRef);
      const expand = parseExpand(option(op.query, 'expand'));
      const value = [...item.history].reverse().map((v) => ({
        ...versionJson(v),
        ...(expand.fields
          ? { fields: fieldsJson(l, v, expand.fields.select, item, lookups(s)) }
          : {}),
      }));
      return { status: 200, body: { value } };
    }, 'query');
  }

  // /sites/{site}/lists/{list}/items/{item}/driveItem (driveitem-get.md)
  if (rest.length === 5 && rest[4] === 'driveItem') {
    return listItemDriveItemRoute(ctx, op, () => {
      const s = site();
      return { site: s, list: list(s, listRef), itemRef };
    });
  }

  throw segmentError(rest[rest.length - 1] as string);
}

/**
 * "By default, columnDefinitions and field values for hidden columns aren't shown. To list hidden
 * columnDefinitions, include hidden in your $select statement." (columndefinition.md)
 */
function visibleColumns(list: StoredList, select: string[] | undefined): Column[] {
  return select?.includes('hidden') ? list.columns : list.columns.filter((c) => !c.hidden);
}
