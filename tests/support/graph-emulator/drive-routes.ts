import {
  checkName,
  conflictBehaviorOf,
  driveItemJson,
  driveJson,
  parseDriveItemExpand,
  type DriveItemRecord,
  type StoredDrive,
} from './drives.js';
import { GraphError, invalidRequest, notFound } from './errors.js';
import { fieldsJson, itemJson, selectProps } from './resources.js';
import type { Operation, OperationResult, Route, RouteContext } from './routes.js';
import { option, parseSelect } from './odata.js';
import { checkIfMatch, type StoredList, type StoredSite } from './store.js';

/**
 * Graph v1.0's drive routes for document libraries, relative to /v1.0:
 *
 *   GET   /sites/{site-id}/drives                              drive-list.md
 *   GET   /sites/{site-id}/lists/{list-id}/drive               resources/list.md (drive: "Only
 *                                                              present on document libraries")
 *   GET   /sites/{site-id}/lists/{list-id}/items/{id}/driveItem driveitem-get.md
 *   GET   /drives/{drive-id}                                   drive-get.md
 *   GET   /drives/{drive-id}/root | /items/{item-id} [:/{path}:] [?expand=listItem(expand=fields)]
 *                                                              driveitem-get.md
 *   GET|POST .../children                                      driveitem-list-children.md,
 *                                                              driveitem-post-children.md
 *   PUT   .../{parent-id}:/{filename}:/content                 driveitem-put-content.md
 *   POST  .../{parent-id}:/{filename}:/createUploadSession     driveitem-createuploadsession.md
 *   GET   .../items/{item-id}/content                          driveitem-get-content.md (302)
 *   DELETE .../items/{item-id}                                 driveitem-delete.md
 *   GET   .../items/{item-id}/listItem, PATCH .../listItem/fields (If-Match)
 *                                                              resources/driveitem.md (listItem
 *                                                              relationship), listitem-update.md
 *
 * (all under https://learn.microsoft.com/graph/api/...).
 */

const methodNotAllowed = () =>
  new GraphError(405, 'BadRequest', 'Specified HTTP method is not allowed for the request target.');

const originOf = (linkBase: string) => linkBase.replace(/\/v1\.0$/, '');

/** GET /sites/{site-id}/drives. */
export function siteDrivesRoute(ctx: RouteContext, op: Operation, site: () => StoredSite): Route {
  if (op.method !== 'GET') throw methodNotAllowed();
  return {
    kind: 'query',
    run: () => ({
      status: 200,
      body: { value: ctx.drives.ofSite(site()).map((d) => driveJson(d)) },
    }),
  };
}

/** GET /sites/{site-id}/lists/{list-id}/drive: 404 for a list that is not a library. */
export function listDriveRoute(
  ctx: RouteContext,
  op: Operation,
  target: () => { site: StoredSite; list: StoredList },
): Route {
  if (op.method !== 'GET') throw methodNotAllowed();
  return {
    kind: 'get',
    run: () => {
      const { site, list } = target();
      const drive = ctx.drives.forList(site, list);
      if (!drive) throw notFound('The list has no drive: it is not a document library.');
      return {
        status: 200,
        body: selectProps(driveJson(drive), parseSelect(option(op.query, 'select'))),
      };
    },
  };
}

/** GET /sites/{site-id}/lists/{list-id}/items/{item-id}/driveItem. */
export function listItemDriveItemRoute(
  ctx: RouteContext,
  op: Operation,
  target: () => { site: StoredSite; list: StoredList; itemRef: string },
): Route {
  if (op.method !== 'GET') throw methodNotAllowed();
  return {
    kind: 'get',
    run: () => {
      const { site, list, itemRef } = target();
      const drive = ctx.drives.forList(site, list);
      if (!drive || !/^\d+$/.test(itemRef)) throw notFound('Item not found');
      const item = ctx.drives.byListItem(drive, Number(itemRef));
      return { status: 200, body: itemBody(ctx, op, drive, item) };
    },
  };
}

function itemBody(
  ctx: RouteContext,
  op: Operation,
  drive: StoredDrive,
  item: DriveItemRecord,
): Record<string, unknown> {
  const origin = originOf(op.linkBase);
  const json = driveItemJson(drive, item, {
    downloadUrl: (file) => ctx.transfers.downloadUrl(origin, drive, file),
    listItem: parseDriveItemExpand(option(op.query, 'expand')),
    resolveLookup: () => undefined,
  });
  const select = parseSelect(option(op.query, 'select'));
  // An expanded relationship stays in the answer whatever $select names (query-parameters).
  return selectProps(json, select && 'listItem' in json ? [...select, 'listItem'] : select);
}

interface Address {
  drive: string;
  /** 'root' or an item id. */
  base: string;
  /** The ":/{path}:" part, split into names. */
  path: string[];
  /** What follows: '', 'children', 'content', 'createUploadSession', 'listItem', 'listItem/fields'. */
  tail: string;
}

/** Splits "/drives/{d}/root:/a/b.txt:/content" and "/drives/{d}/items/{i}/children" alike. */
function parseAddress(path: string): Address {
  const after = path.slice('/drives/'.length);
  const slash = after.indexOf('/');
  const drive = decodeURIComponent(slash === -1 ? after : after.slice(0, slash));
  let rest = slash === -1 ? '' : after.slice(slash + 1);
  let base: string;
  if (rest === '') return { drive, base: '', path: [], tail: '' };
  if (rest.startsWith('root')) {
    base = 'root';
    rest = rest.slice('root'.length);
  } else if (rest.startsWith('items/')) {
    const m = /^items\/([^/:]+)/.exec(rest);
    if (!m) throw invalidRequest('Invalid item address.');
    base = decodeURIComponent(m[1] as string);
    rest = rest.slice(m[0].length);
  } else {
    throw new GraphError(
      400,
      'BadRequest',
      `Resource not found for the segment '${rest.split('/')[0]}'.`,
    );
  }
  let names: string[] = [];
  if (rest.startsWith(':')) {
    const end = rest.indexOf(':', 1);
    const raw = end === -1 ? rest.slice(1) : rest.slice(1, end);
    names = raw
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
    rest = end === -1 ? '' : rest.slice(end + 1);
  }
  return { drive, base, path: names, tail: rest.replace(/^\/+|\/+$/g, '') };
}

export function driveRoute(ctx: RouteContext, op: Operation): Route {
  const { drives, store } = ctx;
  const address = parseAddress(op.path);
  const method = op.method;
  const drive = () => drives.drive(address.drive);
  const baseItem = (d: StoredDrive): DriveItemRecord =>
    address.base === 'root' ? drives.item(d, d.rootId) : drives.item(d, address.base);
  /** The addressed item (base plus path). */
  const target = (d: StoredDrive) => drives.resolve(d, baseItem(d), address.path);
  /** For a new file: the parent folder and the new name (the last name of the path). */
  const newChild = (d: StoredDrive): { parent: DriveItemRecord; name: string } => {
    const name = address.path[address.path.length - 1];
    if (name === undefined)
      throw invalidRequest('A file name is needed: {parent-id}:/{filename}:/...');
    // The emulator does not create missing folders on the way (not documented either way).
    const parent = drives.resolve(d, baseItem(d), address.path.slice(0, -1));
    return { parent, name };
  };
  const read = (run: () => OperationResult, kind: 'get' | 'query' = 'get'): Route => {
    if (method !== 'GET') throw methodNotAllowed();
    return { kind, run };
  };

  if (address.base === '') {
    return read(() => ({
      status: 200,
      body: selectProps(driveJson(drive()), parseSelect(option(op.query, 'select'))),
    }));
  }

  switch (address.tail) {
    case '':
      if (method === 'DELETE') {
        return {
          kind: 'write',
          run: () => {
            const d = drive();
            drives.delete(d, target(d));
            return { status: 204 };
          },
        };
      }
      return read(() => {
        const d = drive();
        return { status: 200, body: itemBody(ctx, op, d, target(d)) };
      });
    case 'children':
      if (method === 'POST') {
        return {
          kind: 'write',
          run: () => {
            const d = drive();
            const body = (op.body ?? {}) as Record<string, unknown>;
            if (typeof body.name !== 'string' || typeof body.folder !== 'object') {
              // Only folders are made this way here; files go through PUT .../content.
              throw invalidRequest("The emulator creates folders only: give 'name' and 'folder'.");
            }
            checkName(body.name);
            const made = drives.createFolder(
              d,
              target(d),
              body.name,
              // driveitem-post-children.md's example sends "rename"; without it, "fail" (assumed).
              conflictBehaviorOf(body['@microsoft.graph.conflictBehavior'], 'fail'),
              op.identity,
            );
            return {
              status: 201,
              body: driveItemJson(d, made, { resolveLookup: () => undefined }),
            };
          },
        };
      }
      return read(() => {
        const d = drive();
        const value = drives.children(d, target(d)).map((child) => itemBody(ctx, op, d, child));
        return { status: 200, body: { value } };
      }, 'query');
    case 'content':
      if (method === 'PUT') {
        return {
          kind: 'write',
          run: () => {
            const d = drive();
            const { parent, name } = newChild(d);
            const written = drives.writeFile(
              d,
              parent,
              name,
              op.rawBody ?? Buffer.alloc(0),
              // "The default for PUT is replace"; the parameter "should be included in the URL
              // instead of the body of the request" (resources/driveitem.md).
              conflictBehaviorOf(op.query.get('@microsoft.graph.conflictBehavior'), 'replace'),
              op.identity,
            );
            return {
              status: written.created ? 201 : 200,
              body: itemBody(ctx, op, d, written.item),
            };
          },
        };
      }
      return read(() => {
        const d = drive();
        const file = target(d);
        if (file.folder)
          throw invalidRequest('Only driveItems with the file property can be downloaded.');
        // "Returns a 302 Found response redirecting to a preauthenticated download URL".
        return {
          status: 302,
          headers: { Location: ctx.transfers.downloadUrl(originOf(op.linkBase), d, file) },
        };
      });
    case 'createUploadSession':
      if (method !== 'POST') throw methodNotAllowed();
      return {
        kind: 'write',
        run: () => {
          const d = drive();
          const { parent, name } = newChild(d);
          const body = (op.body ?? {}) as { item?: Record<string, unknown> };
          if (typeof body.item?.name === 'string' && body.item.name !== name) {
            // "The {item-path} must contain the name of the item that's specified in the request body."
            throw invalidRequest('The name in the body differs from the name in the path.');
          }
          const behavior = conflictBehaviorOf(
            body.item?.['@microsoft.graph.conflictBehavior'] ??
              op.query.get('@microsoft.graph.conflictBehavior'),
            // "fail (default) | replace | rename" (driveitem-createuploadsession.md).
            'fail',
          );
          const session = ctx.transfers.createSession(
            originOf(op.linkBase),
            d,
            parent,
            name,
            behavior,
            op.identity,
          );
          return { status: 200, body: session };
        },
      };
    case 'listItem':
      return read(() => {
        const d = drive();
        const listItem = drives.listItemOf(d, target(d));
        const fields = /fields/.test(option(op.query, 'expand') ?? '') ? {} : undefined;
        return {
          status: 200,
          body: itemJson(listItem, {
            site: d.site,
            list: d.list,
            ...(fields ? { fields } : {}),
            resolveLookup: () => undefined,
          }),
        };
      });
    case 'listItem/fields':
      if (method === 'PATCH') {
        return {
          kind: 'write',
          run: () => {
            const d = drive();
            const listItem = drives.listItemOf(d, target(d));
            checkIfMatch(op.headers, listItem);
            store.updateItem(d.list, listItem, op.body, op.identity);
            return {
              status: 200,
              body: fieldsJson(d.list, listItem, undefined, listItem, () => undefined),
            };
          },
        };
      }
      return read(() => {
        const d = drive();
        const listItem = drives.listItemOf(d, target(d));
        return {
          status: 200,
          body: fieldsJson(
            d.list,
            listItem,
            parseSelect(option(op.query, 'select')),
            listItem,
            () => undefined,
          ),
        };
      });
    default:
      throw new GraphError(
        400,
        'BadRequest',
        `Resource not found for the segment '${address.tail}'.`,
      );
  }
}
