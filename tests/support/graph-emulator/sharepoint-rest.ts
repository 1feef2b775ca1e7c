import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store, StoredList, StoredSite } from './store.js';

/**
 * SharePoint REST list views, beside the Graph emulator (Graph cannot create views).
 *
 * A real site answers SharePoint REST at its own address (`https://contoso.sharepoint.com/sites/x
 * /_api/...`); here the site's REST base is `{emulator}/sharepoint/{hostname}{path}`
 * (`restUrlOf`), which a test gives the app as SHAREPOINT_REST_URL. Lists are the Graph
 * emulator's own, named by the id Graph gives them (a real list's id is its GUID).
 *
 *   GET  …/_api/web/lists(guid'{id}')/views        the list's views (verbose or nometadata JSON)
 *   POST …/_api/web/lists(guid'{id}')/views/add    SP.ViewCreationInformation in `parameters`
 *
 * Documented: the routes, the ViewCreationInformation members and the verbose `d` / `results`
 * envelope ("Lists and list items REST API reference", ViewCollection and View resources); the
 * ArgumentException for a field the list lacks and the "List does not exist" error
 * (ViewCollection.Add, Microsoft.SharePoint.Client). Assumed: error bodies in the `odata.error`
 * shape with these codes, a 401 body, that every list starts with one "All Items" view, and that
 * a second view with the same title is accepted (seen in practice: SharePoint then makes a new
 * URL for it), so a client must check titles itself.
 */

export const SHAREPOINT_PREFIX = '/sharepoint/';

/** The REST base for a site added with `state.addSite`. */
export function restUrlOf(emulatorUrl: string, site: { hostname: string; path: string }): string {
  return `${emulatorUrl}${SHAREPOINT_PREFIX}${site.hostname}${site.path === '/' ? '' : site.path}`;
}

interface StoredView {
  Id: string;
  Title: string;
  ViewQuery: string;
  ViewFields: string[];
  RowLimit: number;
  Paged: boolean;
  PersonalView: boolean;
  DefaultView: boolean;
  ServerRelativeUrl: string;
}

class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Columns every view can show beside the list's own (computed link and icon columns). */
const COMPUTED = ['LinkTitle', 'LinkTitleNoMenu', 'DocIcon', 'Edit', 'SelectTitle'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The handler for requests under SHAREPOINT_PREFIX; views live as long as the emulator. */
export function sharePointRest(store: Store) {
  const views = new Map<string, StoredView[]>();

  const viewsOf = (site: StoredSite, list: StoredList): StoredView[] => {
    let found = views.get(list.id);
    if (!found) {
      found = [
        {
          Id: randomUUID(),
          Title: 'All Items',
          ViewQuery: '',
          ViewFields: ['LinkTitle'],
          RowLimit: 30,
          Paged: true,
          PersonalView: false,
          DefaultView: true,
          ServerRelativeUrl: `${site.path}/Lists/${list.name}/AllItems.aspx`,
        },
      ];
      views.set(list.id, found);
    }
    return found;
  };

  const addView = (site: StoredSite, list: StoredList, body: unknown): StoredView => {
    const p = isRecord(body) ? body.parameters : undefined;
    if (!isRecord(p) || typeof p.Title !== 'string' || p.Title.trim() === '')
      throw new RestError(400, '-1, System.ArgumentNullException', 'Value cannot be null. Title');
    const fields = isRecord(p.ViewFields) ? p.ViewFields.results : undefined;
    const names = Array.isArray(fields) ? fields.map(String) : [];
    const known = new Set([...list.columns.map((c) => c.name), ...COMPUTED]);
    for (const field of names) {
      if (!known.has(field))
        throw new RestError(
          400,
          '-2147024809, System.ArgumentException',
          `Field internal name ${field} is not in the list.`,
        );
    }
    const view: StoredView = {
      Id: randomUUID(),
      Title: p.Title,
      ViewQuery: typeof p.Query === 'string' ? p.Query : '',
      ViewFields: names,
      RowLimit: typeof p.RowLimit === 'number' ? p.RowLimit : 30,
      Paged: p.Paged === true,
      PersonalView: p.PersonalView === true,
      DefaultView: p.SetAsDefaultView === true,
      ServerRelativeUrl: `${site.path}/Lists/${list.name}/${p.Title.replace(/[^A-Za-z0-9]/g, '')}.aspx`,
    };
    const all = viewsOf(site, list);
    if (view.DefaultView) for (const v of all) v.DefaultView = false;
    all.push(view);
    return view;
  };

  const route = (
    method: string,
    pathname: string,
    headers: IncomingMessage['headers'],
    raw: string,
  ): unknown => {
    if (!/^Bearer\s+\S/i.test(headers.authorization ?? ''))
      throw new RestError(401, '-2147024891, System.UnauthorizedAccessException', 'Access denied.');
    const rest = pathname.slice(SHAREPOINT_PREFIX.length);
    const at = rest.indexOf('/_api/');
    if (at === -1)
      throw new RestError(
        404,
        '-1, Microsoft.SharePoint.Client.ResourceNotFound',
        'No _api in the address.',
      );
    const siteRef = decodeURIComponent(rest.slice(0, at));
    const slash = siteRef.indexOf('/');
    const site = store.siteByPath(
      slash === -1 ? siteRef : siteRef.slice(0, slash),
      slash === -1 ? '/' : siteRef.slice(slash),
    );
    if (!site) throw new RestError(404, '-1, System.IO.FileNotFoundException', 'File Not Found.');
    const api = decodeURIComponent(rest.slice(at + '/_api/'.length));
    const match = /^web\/lists\(guid'([0-9a-fA-F-]{36})'\)\/views(\/add)?$/i.exec(api);
    if (!match)
      throw new RestError(
        404,
        '-1, Microsoft.SharePoint.Client.ResourceNotFound',
        `Not emulated: ${api}`,
      );
    const list = site.lists.get((match[1] as string).toLowerCase());
    if (!list)
      throw new RestError(
        404,
        '-2147024893, System.IO.DirectoryNotFoundException',
        `List '${match[1]}' does not exist at site with URL '${site.webUrl}'.`,
      );
    if (!match[2]) {
      if (method !== 'GET')
        throw new RestError(405, '-1, System.InvalidOperationException', 'Method not allowed.');
      return { results: viewsOf(site, list) };
    }
    if (method !== 'POST')
      throw new RestError(405, '-1, System.InvalidOperationException', 'Method not allowed.');
    // `__metadata` is verbose OData: other content types do not know the property.
    if (!(headers['content-type'] ?? '').includes('odata=verbose'))
      throw new RestError(
        400,
        '-1, Microsoft.OData.Core.ODataException',
        "The property '__metadata' does not exist on type 'SP.ViewCreationInformation'.",
      );
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new RestError(400, '-1, Microsoft.OData.Core.ODataException', 'Invalid JSON.');
    }
    return { view: addView(site, list, body) };
  };

  return (req: IncomingMessage, res: ServerResponse, url: URL, raw: string): void => {
    const verbose = (req.headers.accept ?? '').includes('odata=verbose');
    let status = 200;
    let payload: unknown;
    try {
      const answer = route((req.method ?? 'GET').toUpperCase(), url.pathname, req.headers, raw) as
        { results: StoredView[] } | { view: StoredView };
      if ('results' in answer) {
        const rows = answer.results.map((v) => ({ ...v, ViewFields: undefined }));
        payload = verbose
          ? { d: { results: rows.map((v) => ({ __metadata: { type: 'SP.View' }, ...v })) } }
          : { value: rows };
      } else {
        const v = { ...answer.view, ViewFields: undefined };
        payload = verbose ? { d: { __metadata: { type: 'SP.View' }, ...v } } : v;
      }
    } catch (error) {
      if (!(error instanceof RestError)) throw error;
      status = error.status;
      const detail = { code: error.code, message: { lang: 'en-US', value: error.message } };
      payload = verbose ? { error: detail } : { 'odata.error': detail };
    }
    res.writeHead(status, {
      'Content-Type': `application/json;odata=${verbose ? 'verbose' : 'nometadata'};charset=utf-8`,
    });
    res.end(JSON.stringify(payload));
  };
}
