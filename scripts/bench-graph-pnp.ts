/**
 * PnPjs (`@pnp/graph` 4) reading every item of a SharePoint list through Graph, the baseline of
 * the SharePoint read bench (scripts/bench-graph.ts). It uses PnPjs's own browser defaults
 * (`GraphBrowser`: headers, init, fetch with retry, parse), which run on Node 20's global fetch,
 * pointed at any Graph root (the emulator's is http), with a bearer token, and follows
 * `@odata.nextLink` by PnPjs's async iteration over the `items` collection.
 */
import { graphfi, GraphBrowser } from '@pnp/graph';
import '@pnp/graph/sites/index.js';
import '@pnp/graph/lists/index.js';
import '@pnp/graph/list-item/index.js';
import type { ISites } from '@pnp/graph/sites/index.js';
import type { ILists } from '@pnp/graph/lists/index.js';
import type { IListItems } from '@pnp/graph/list-item/index.js';
import { BearerToken } from '@pnp/queryable';

/*
 * PnPjs adds `sites`, `lists` and `items` to its types by module augmentation with extensionless
 * relative paths ("../fi"), which TypeScript's NodeNext resolution (this repository's) does not
 * follow; PnPjs documents `moduleResolution: node`. The same three additions, here with paths
 * NodeNext resolves. Types only: the side-effect imports above add the properties at run time.
 */
declare module '@pnp/graph/fi.js' {
  interface GraphFI {
    readonly sites: ISites;
  }
}
declare module '@pnp/graph/sites/types.js' {
  interface ISite {
    readonly lists: ILists;
  }
}
declare module '@pnp/graph/lists/types.js' {
  interface IList {
    readonly items: IListItems;
  }
}

export interface RawListItem {
  id: string;
  eTag?: string;
  fields?: Record<string, unknown>;
}

/** A function that reads every item of one list, page by page, as PnPjs gives them (raw). */
export function pnpListReader(options: {
  /** Graph's versioned root, e.g. `https://graph.microsoft.com/v1.0`. */
  baseUrl: string;
  token: string;
  siteId: string;
  listId: string;
  /** The `$expand` value, e.g. `fields(select=Title,status)`. */
  expand: string;
  top: number;
}): () => Promise<RawListItem[]> {
  const graph = graphfi().using(
    GraphBrowser({ baseUrl: options.baseUrl }),
    BearerToken(options.token),
  );
  const items = graph.sites
    .getById(options.siteId)
    .lists.getById(options.listId)
    .items.expand(options.expand)
    .top(options.top);
  return async () => {
    const out: RawListItem[] = [];
    for await (const page of items) out.push(...(page as RawListItem[]));
    return out;
  };
}
