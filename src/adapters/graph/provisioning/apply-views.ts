import type { ViewPlan } from './views.js';

/**
 * The executive views, created through SharePoint REST (Graph v1.0 cannot create views: see
 * views.ts). A small client of its own: its token is for the SharePoint resource
 * (`https://{tenant}.sharepoint.com`), not for Graph.
 *
 * Requests (ViewCollection resource, "Lists and list items REST API reference",
 * https://learn.microsoft.com/previous-versions/office/developer/sharepoint-rest-reference/dn531433(v=office.15)):
 *   GET  {site}/_api/web/lists(guid'{list-id}')/views?$select=Id,Title
 *   POST {site}/_api/web/lists(guid'{list-id}')/views/add   (SP.ViewCreationInformation, verbose)
 * The list is named by its GUID, which is the id Graph gives the list. With an OAuth bearer token
 * no X-RequestDigest is needed (the form digest guards cookie-authenticated calls only).
 *
 * Idempotent by title: a view already on the list is left as it is (an owner may have adjusted
 * it; delete it to have it made again). SharePoint accepts two views with one title, so the
 * check comes first.
 */
export interface SharePointRest {
  /** The site's address, e.g. https://contoso.sharepoint.com/sites/scrutiny. */
  baseUrl: string;
  /** An app-only token for SharePoint (audience: the tenant's SharePoint origin). */
  token: () => Promise<string>;
  userAgent?: string;
  /** Waits between retries after 429/503; real time unless a test says otherwise. */
  sleep?: (ms: number) => Promise<void>;
}

export interface ViewsReport {
  changes: string[];
  /** Views already present by title, left untouched. */
  kept: string[];
}

const NOMETADATA = 'application/json;odata=nometadata';
const RETRIES = 3;

/** SharePoint's error text, in either JSON flavour (`odata.error` or `error`). */
function errorText(body: unknown): string {
  const root = body as
    Record<string, { code?: string; message?: { value?: string } } | undefined> | undefined;
  const error = root?.['odata.error'] ?? root?.error;
  return [error?.code, error?.message?.value].filter(Boolean).join(' ');
}

async function send(
  rest: SharePointRest,
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<unknown> {
  const sleep = rest.sleep ?? ((ms) => new Promise<void>((done) => setTimeout(done, ms)));
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, {
      method,
      headers: {
        ...headers,
        authorization: `Bearer ${await rest.token()}`,
        'user-agent': rest.userAgent ?? 'NONISV|CriticalFriend|CriticalFriend/0.1',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (res.ok) return json;
    // Throttled or busy: SharePoint says when to come back (Retry-After, in seconds).
    if ((res.status === 429 || res.status === 503) && attempt < RETRIES) {
      const seconds = Number(res.headers.get('retry-after'));
      await sleep(Math.min(Number.isFinite(seconds) && seconds > 0 ? seconds : 2, 60) * 1000);
      continue;
    }
    throw new Error(
      `SharePoint answered ${res.status} to ${method} ${new URL(url).pathname}: ${errorText(json) || text.slice(0, 200)}`,
    );
  }
}

/** Adds each planned view its list lacks; `listIds` maps list titles to their ids (GUIDs). */
export async function applyViews(
  rest: SharePointRest,
  listIds: ReadonlyMap<string, string>,
  views: readonly ViewPlan[],
): Promise<ViewsReport> {
  const report: ViewsReport = { changes: [], kept: [] };
  const base = rest.baseUrl.replace(/\/+$/, '');
  const byList = new Map<string, ViewPlan[]>();
  for (const view of views) byList.set(view.listName, [...(byList.get(view.listName) ?? []), view]);
  for (const [listName, planned] of byList) {
    const id = listIds.get(listName);
    if (!id) throw new Error(`${listName} is not on the site, so its views cannot be made.`);
    const viewsUrl = `${base}/_api/web/lists(guid'${encodeURIComponent(id)}')/views`;
    const existing = (await send(rest, 'GET', `${viewsUrl}?$select=Id,Title`, {
      accept: NOMETADATA,
    })) as { value?: { Title: string }[] } | undefined;
    const titles = new Set((existing?.value ?? []).map((v) => v.Title.toLowerCase()));
    for (const view of planned) {
      if (titles.has(view.title.toLowerCase())) {
        report.kept.push(`${listName}: ${view.title}`);
        continue;
      }
      await send(rest, 'POST', `${viewsUrl}/add`, { ...view.headers }, view.body);
      titles.add(view.title.toLowerCase());
      report.changes.push(`created view ${listName}: ${view.title}`);
    }
  }
  return report;
}
