import type { GraphHttp, GraphResponse } from '../graph-http.js';
import type { ColumnDefinition } from './graph-types.js';
import type { ListPlan, ProvisioningPlan } from '../provisioning-plan.js';

/** What applying the plan changed; `changes` empty means the site already matched. */
export interface ApplyReport {
  changes: string[];
  /** Planned but not applied here, with why. */
  skipped: string[];
}

interface GraphColumn {
  id: string;
  name: string;
  required?: boolean;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
}

async function ok(res: Promise<GraphResponse>, what: string): Promise<GraphResponse> {
  const r = await res;
  if (r.status >= 200 && r.status < 300) return r;
  const error = (r.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new Error(
    `${what}: Graph answered ${r.status} ${error?.code ?? ''} ${error?.message ?? ''}`,
  );
}

async function everything<T>(http: GraphHttp, first: string, what: string): Promise<T[]> {
  const out: T[] = [];
  let link: string | undefined = first;
  while (link) {
    const body = (await ok(http.send('GET', link), what)).body as { value: T[] } & Record<
      string,
      unknown
    >;
    out.push(...body.value);
    link = body['@odata.nextLink'] as string | undefined;
  }
  return out;
}

/**
 * Makes the site match the plan, idempotently: creates missing lists and the evidence library,
 * adds missing columns, and sets `required`, `indexed` and `enforceUniqueValues` where an existing
 * column differs (https://learn.microsoft.com/graph/api/list-create,
 * https://learn.microsoft.com/graph/api/list-post-columns,
 * https://learn.microsoft.com/graph/api/columndefinition-update). A column's type is never
 * changed in place (SharePoint would convert or refuse the data): a differing type is reported.
 * Executive views need SharePoint REST, which this does not speak yet: they are reported skipped.
 */
export async function applyPlan(
  http: GraphHttp,
  siteId: string,
  plan: ProvisioningPlan,
): Promise<ApplyReport> {
  const site = `/sites/${encodeURIComponent(siteId)}`;
  const changes: string[] = [];
  const existing = new Map(
    (
      await everything<{ id: string; displayName: string; list?: { template?: string } }>(
        http,
        `${site}/lists?$select=id,displayName,list`,
        'reading the lists',
      )
    ).map((l) => [l.displayName, l]),
  );
  // The evidence library is created like a list, with the documentLibrary template (which gives
  // it a drive: https://learn.microsoft.com/graph/api/resources/list, `drive`).
  for (const list of [...plan.lists, plan.library]) {
    const found = existing.get(list.name);
    // A list cannot change template: a generic list where the library belongs must be removed
    // by hand (its items are not files), so say so rather than add columns to it.
    if (found?.list?.template && found.list.template !== list.template) {
      throw new Error(
        `${list.name} exists as a ${found.list.template}, not a ${list.template}: rename or remove it.`,
      );
    }
    let id = found?.id;
    if (!id) {
      const made = await ok(
        http.send('POST', `${site}/lists`, {
          body: {
            displayName: list.name,
            description: list.description,
            list: { template: list.template },
          },
        }),
        `creating ${list.name}`,
      );
      id = (made.body as { id: string }).id;
      changes.push(`created ${list.name}`);
    }
    await applyColumns(http, `${site}/lists/${id}/columns`, list, changes);
  }
  return {
    changes,
    skipped: [
      ...(plan.views.length > 0
        ? [`${plan.views.length} executive views (SharePoint REST views/add is not applied yet)`]
        : []),
    ],
  };
}

async function applyColumns(
  http: GraphHttp,
  path: string,
  list: ListPlan,
  changes: string[],
): Promise<void> {
  const columns = new Map(
    (await everything<GraphColumn>(http, path, `reading ${list.name}'s columns`)).map((c) => [
      c.name.toLowerCase(),
      c,
    ]),
  );
  for (const want of list.columns) {
    const have = columns.get(want.name.toLowerCase());
    if (!have) {
      await ok(http.send('POST', path, { body: want }), `adding ${list.name}.${want.name}`);
      changes.push(`added ${list.name}.${want.name}`);
      continue;
    }
    const patch = differences(want, have);
    if (Object.keys(patch).length === 0) continue;
    await ok(
      http.send('PATCH', `${path}/${have.id}`, { body: patch }),
      `updating ${list.name}.${want.name}`,
    );
    changes.push(`updated ${list.name}.${want.name} (${Object.keys(patch).join(', ')})`);
  }
}

/** The settings that differ; the index goes before uniqueness, which needs it. */
function differences(want: ColumnDefinition, have: GraphColumn): Record<string, boolean> {
  const patch: Record<string, boolean> = {};
  if (!!have.required !== want.required) patch.required = want.required;
  if (!!have.indexed !== want.indexed) patch.indexed = want.indexed;
  if (!!have.enforceUniqueValues !== want.enforceUniqueValues)
    patch.enforceUniqueValues = want.enforceUniqueValues;
  return patch;
}
