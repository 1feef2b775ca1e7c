import type { Column } from './columns.js';
import { GraphError, invalidRequest } from './errors.js';
import {
  buildLink,
  conjuncts,
  decodeSkipToken,
  encodeSkipToken,
  option,
  parseExpand,
  parseFilter,
  parseOrderBy,
  parseSelect,
  parseTop,
  type FilterNode,
  type Literal,
  type OrderBy,
} from './odata.js';
import { itemJson, selectProps } from './resources.js';
import { valueOf, type StoredItem, type StoredList, type StoredSite } from './store.js';

/**
 * GET /sites/{site-id}/lists/{list-id}/items: filtering, ordering, the indexed-column rule and
 * paging (https://learn.microsoft.com/graph/api/listitem-list).
 */

export interface ItemsRequest {
  site: StoredSite;
  list: StoredList;
  query: URLSearchParams;
  /** Lower-cased request headers. */
  headers: Record<string, string>;
  /** Scheme, host and "/v1.0" for nextLinks. */
  linkBase: string;
  /** The request path after "/v1.0", as the client wrote it. */
  path: string;
  defaultPageSize: number;
  listViewThreshold: number;
  resolveLookup: (column: Column, id: number) => unknown;
}

const PREFER_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

/** True when the Prefer header (possibly several comma-separated preferences) opts in. */
export function prefersNonIndexed(headers: Record<string, string>): boolean {
  return (headers.prefer ?? '')
    .split(',')
    .some((p) => p.trim().toLowerCase() === PREFER_NON_INDEXED.toLowerCase());
}

/**
 * SharePoint's refusal, word for word as Graph returns it (400 invalidRequest):
 * microsoftgraph/microsoft-graph-docs#2279 quotes "Field 'Title' cannot be referenced in filter
 * or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly'
 * header to allow this, but be warned that such queries may fail on large lists."; the current
 * service ends "...may fail on lists with over 5000 items.", and the code is "invalidRequest" in
 * every reported body.
 */
export function notIndexedError(name: string): GraphError {
  return invalidRequest(
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. ` +
      `Provide the 'Prefer: ${PREFER_NON_INDEXED}' header to allow this, but be warned that ` +
      'such queries may fail on lists with over 5000 items.',
  );
}

/**
 * With the Prefer header, a query SharePoint cannot serve from an index fails once the list is
 * past the 5,000-item list view threshold. Graph answers 422 with code "notSupported", message
 * "The request is unprocessable because it uses too many resources" and inner code
 * "tooManyResources": the body is quoted in UiPath's "Working with SharePoint lists"
 * (https://docs.uipath.com/activities/other/latest/productivity/working-with-sharepoint-lists)
 * and the 422 status in microsoftgraph/microsoft-graph-docs#13611. (A 429 has also been reported
 * for the same situation, microsoftgraph/msgraph-sdk-dotnet#827; the emulator uses 422.)
 */
export function tooManyResources(): GraphError {
  return new GraphError(
    422,
    'notSupported',
    'The request is unprocessable because it uses too many resources',
    {},
    { code: 'tooManyResources' },
  );
}

/** The column a `fields/<name>` reference means (ID/id, "{Lookup}LookupId" included). */
export function resolveField(list: StoredList, path: string): Column {
  if (!path.startsWith('fields/')) {
    // listitem-list.md says listItem properties can be filtered too, without saying which; real
    // attempts on createdDateTime fail (microsoftgraph/microsoft-graph-docs#18183). Not served.
    throw invalidRequest('The provided filter statement is not supported');
  }
  const name = path.slice('fields/'.length);
  const key = name === 'id' ? 'ID' : name;
  const direct = list.columns.find((c) => c.name === key);
  if (direct) return direct;
  if (key.endsWith('LookupId')) {
    const base = list.columns.find((c) => c.name === key.slice(0, -'LookupId'.length));
    if (base && (base.kind === 'lookup' || base.kind === 'personOrGroup')) return base;
  }
  throw invalidRequest(`Field '${name}' is not recognized`);
}

const NUMERIC = new Set(['number', 'currency', 'counter', 'lookup', 'personOrGroup']);

function compareScalar(column: Column, stored: unknown, literal: Literal): number | undefined {
  if (stored === undefined || stored === null || literal === null) return undefined;
  if (NUMERIC.has(column.kind)) {
    const n = Number(literal);
    return Number.isNaN(n) ? undefined : Number(stored) - n;
  }
  if (column.kind === 'boolean') {
    const b = literal === true || literal === 1 || literal === '1' || literal === 'true';
    return Number(stored === true) - Number(b);
  }
  if (column.kind === 'dateTime') {
    const t = Date.parse(String(literal));
    return Number.isNaN(t) ? undefined : Date.parse(String(stored)) - t;
  }
  return String(stored).localeCompare(String(literal), 'en', { sensitivity: 'accent' });
}

function matchesNode(list: StoredList, item: StoredItem, node: FilterNode): boolean {
  if (node.kind === 'and')
    return matchesNode(list, item, node.left) && matchesNode(list, item, node.right);
  const column = resolveField(list, node.field);
  const stored = valueOf(item, column);
  const values = Array.isArray(stored) ? stored : [stored];
  if (node.kind === 'startswith') {
    const prefix = node.value.toLocaleLowerCase('en');
    return values.some(
      (v) => typeof v === 'string' && v.toLocaleLowerCase('en').startsWith(prefix),
    );
  }
  const empty =
    stored === undefined || stored === null || (Array.isArray(stored) && stored.length === 0);
  if (node.value === null) return node.op === 'eq' ? empty : node.op === 'ne' ? !empty : false;
  const results = values.map((v) => compareScalar(column, v, node.value));
  const any = (test: (c: number) => boolean) => results.some((c) => c !== undefined && test(c));
  switch (node.op) {
    case 'eq':
      return any((c) => c === 0);
    case 'ne':
      return empty || !any((c) => c === 0);
    case 'lt':
      return any((c) => c < 0);
    case 'le':
      return any((c) => c <= 0);
    case 'gt':
      return any((c) => c > 0);
    case 'ge':
      return any((c) => c >= 0);
  }
}

function fieldsIn(node: FilterNode): string[] {
  return node.kind === 'and' ? [...fieldsIn(node.left), ...fieldsIn(node.right)] : [node.field];
}

function orderValue(column: Column, item: StoredItem): number | string | undefined {
  const v = valueOf(item, column);
  if (v === undefined || v === null) return undefined;
  if (NUMERIC.has(column.kind) || column.kind === 'boolean') return Number(v);
  if (column.kind === 'dateTime') return Date.parse(String(v));
  return String(v).toLocaleLowerCase('en');
}

function sortItems(list: StoredList, items: StoredItem[], orderBy: OrderBy[]): StoredItem[] {
  const keys = orderBy.map((o) => ({
    column: resolveField(list, o.field),
    descending: o.descending,
  }));
  return [...items].sort((a, b) => {
    for (const { column, descending } of keys) {
      const x = orderValue(column, a);
      const y = orderValue(column, b);
      if (x === y) continue;
      // Empty values sort first ascending, as SharePoint sorts blanks.
      const c = x === undefined ? -1 : y === undefined ? 1 : x < y ? -1 : 1;
      return descending ? -c : c;
    }
    return a.id - b.id;
  });
}

/**
 * The indexed-column rule, then SharePoint's threshold, then the query itself.
 *
 * "When filtering on indexed fields, the service can only filter one indexed field at a time."
 * (listitem-list.md). The page does not say what happens to a filter naming two indexed fields,
 * and such filters are widely used, so the emulator serves them; what it models is that only the
 * first indexed condition narrows the scan: on a list past the threshold, a query that also
 * names a non-indexed column fails unless that first indexed condition leaves at most 5,000 items.
 */
export function checkIndexedRule(
  list: StoredList,
  filter: FilterNode | undefined,
  orderBy: OrderBy[],
  headers: Record<string, string>,
  threshold: number,
): void {
  const referenced = [...(filter ? fieldsIn(filter) : []), ...orderBy.map((o) => o.field)].map(
    (path) => resolveField(list, path),
  );
  const notIndexed = referenced.filter((c) => !c.indexed);
  if (notIndexed.length === 0) return;
  if (!prefersNonIndexed(headers)) throw notIndexedError((notIndexed[0] as Column).name);
  if (list.items.size <= threshold) return;
  const narrowing = filter
    ? conjuncts(filter).find(
        (node) => node.kind !== 'and' && resolveField(list, node.field).indexed,
      )
    : undefined;
  const scanned = narrowing
    ? [...list.items.values()].filter((item) => matchesNode(list, item, narrowing)).length
    : list.items.size;
  if (scanned > threshold) throw tooManyResources();
}

export function listItems(request: ItemsRequest): Record<string, unknown> {
  const { list, query } = request;
  const filterSource = option(query, 'filter');
  const filter = filterSource ? parseFilter(filterSource) : undefined;
  const orderSource = option(query, 'orderby');
  const orderBy = orderSource ? parseOrderBy(orderSource) : [];
  const expand = parseExpand(option(query, 'expand'));
  if (expand.columns) throw invalidRequest("Only 'fields' can be expanded on list items.");
  const select = parseSelect(option(query, 'select'));
  // Default page size: 200 list items per page (third-party: microsoft365blogs.com, "Microsoft
  // Graph: Working with Paginated result sets", "By default, the page size for the items
  // returned from a List Item using Graph Query will be 200"). Graph documents none.
  const pageSize = parseTop(option(query, 'top'), request.defaultPageSize);
  const token = option(query, 'skiptoken');
  const cursor = token ? decodeSkipToken(token) : undefined;

  checkIndexedRule(list, filter, orderBy, request.headers, request.listViewThreshold);

  let matching = [...list.items.values()].sort((a, b) => a.id - b.id);
  if (filter) matching = matching.filter((item) => matchesNode(list, item, filter));
  let start = 0;
  if (orderBy.length > 0) {
    matching = sortItems(list, matching, orderBy);
    start = cursor?.position ?? 0;
  } else if (cursor) {
    // Following a nextLink gives the rest in creation (id) order.
    start = matching.findIndex((item) => item.id > cursor.lastId);
    if (start < 0) start = matching.length;
  }
  const page = matching.slice(start, start + pageSize);
  const value = page.map((item) =>
    selectProps(
      itemJson(item, {
        site: request.site,
        list,
        fields: expand.fields,
        resolveLookup: request.resolveLookup,
      }),
      select && expand.fields ? [...select, 'fields'] : select,
    ),
  );
  const body: Record<string, unknown> = {};
  const last = page[page.length - 1];
  if (last && start + page.length < matching.length) {
    const params: [string, string][] = [];
    for (const [k, v] of query) if (k.replace(/^\$/, '') !== 'skiptoken') params.push([k, v]);
    const position = orderBy.length > 0 ? start + page.length : undefined;
    params.push(['$skiptoken', encodeSkipToken(last.id, position)]);
    body['@odata.nextLink'] = buildLink(request.linkBase, request.path, params);
  }
  body.value = value;
  return body;
}
