import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGraphEmulator, type GraphEmulator } from './server.js';
import { graphCaller, type Answer } from './test-client.js';

/**
 * The Graph emulator against Microsoft's documented behaviour, through plain fetch (no adapter).
 * Each behaviour's source is cited next to its implementation (see the other files here).
 */

const T0 = Date.parse('2026-04-01T09:00:00Z');
const HOST = 'harbourside.sharepoint.com';
const ETAG = /^"\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\},(\d+)"$/;
const NOT_INDEXED = (name: string) =>
  `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. ` +
  "Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, " +
  'but be warned that such queries may fail on lists with over 5000 items.';
const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

let graph: GraphEmulator;
let siteId: string;

const call = graphCaller(() => graph.url);

const lists = () => `/sites/${siteId}/lists`;
const items = (listId: string) => `${lists()}/${listId}/items`;

async function createList(displayName: string, columns: unknown[]): Promise<string> {
  const res = await call('POST', lists(), {
    displayName,
    columns,
    list: { template: 'genericList' },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** A list with indexed Reference (unique), Status and Score, and a non-indexed Region. */
async function observations(): Promise<string> {
  return createList('Observations', [
    { name: 'Reference', text: { maxLength: 40 }, indexed: true, enforceUniqueValues: true },
    {
      name: 'Status',
      choice: { choices: ['open', 'closed'], allowTextEntry: false, displayAs: 'dropDownMenu' },
      indexed: true,
    },
    { name: 'Score', number: { decimalPlaces: 'none', minimum: 0, maximum: 100 }, indexed: true },
    { name: 'Due', dateTime: { format: 'dateOnly' }, indexed: true },
    { name: 'Region', text: {} },
    { name: 'Notes', text: { allowMultipleLines: true } },
    { name: 'Urgent', boolean: {} },
  ]);
}

async function pages(first: string, headers: Record<string, string> = {}): Promise<Answer[]> {
  const out: Answer[] = [];
  let next: string | undefined = first;
  while (next) {
    const res = await call('GET', next, undefined, headers);
    expect(res.status).toBe(200);
    out.push(res);
    next = res.body['@odata.nextLink'];
  }
  return out;
}

beforeEach(async () => {
  graph = await startGraphEmulator({ now: () => T0 });
  siteId = graph.state.addSite({
    hostname: HOST,
    path: '/sites/scrutiny',
    displayName: 'Scrutiny',
  }).id;
});

afterEach(async () => {
  await graph.close();
});

describe('authentication and errors', () => {
  it('answers 401 in Graph error shape without a bearer token, and records it', async () => {
    for (const authorization of [undefined, 'Bearer ', 'Basic abc']) {
      const res = await fetch(`${graph.url}/v1.0/sites/${siteId}`, {
        headers: authorization === undefined ? {} : { Authorization: authorization },
      });
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body.error.code).toBe('InvalidAuthenticationToken');
      expect(typeof body.error.message).toBe('string');
      expect(Object.keys(body.error.innerError).sort()).toEqual([
        'client-request-id',
        'date',
        'request-id',
      ]);
      expect(body.error.innerError.date).toBe('2026-04-01T09:00:00');
    }
    expect(graph.state.requests.map((r) => r.status)).toEqual([401, 401, 401]);
  });

  it('echoes client-request-id and returns 404 itemNotFound for a missing list', async () => {
    const res = await call('GET', `${lists()}/nope`, undefined, { 'client-request-id': 'abc-123' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('itemNotFound');
    expect(res.body.error.innerError['client-request-id']).toBe('abc-123');
    expect(res.headers.get('client-request-id')).toBe('abc-123');
  });
});

describe('sites', () => {
  it('finds a seeded site by server-relative path and by id', async () => {
    const byPath = await call('GET', `/sites/${HOST}:/sites/scrutiny`);
    expect(byPath.status).toBe(200);
    expect(byPath.body.id).toBe(siteId);
    expect(byPath.body.id).toMatch(/^harbourside\.sharepoint\.com,[0-9A-F-]{36},[0-9A-F-]{36}$/);
    expect(byPath.body.webUrl).toBe(`https://${HOST}/sites/scrutiny`);
    const byId = await call('GET', `/sites/${encodeURIComponent(siteId)}`);
    expect(byId.body.displayName).toBe('Scrutiny');
    const viaPath = await call('GET', `/sites/${HOST}:/sites/scrutiny:/lists`);
    expect(viaPath.status).toBe(200);
    expect((await call('GET', `/sites/${HOST}:/sites/other`)).status).toBe(404);
  });
});

describe('lists and columns', () => {
  it('creates a list with columns and serves it by id and by title, with built-in columns', async () => {
    const id = await observations();
    const byTitle = await call('GET', `${lists()}/Observations?expand=columns`);
    expect(byTitle.status).toBe(200);
    expect(byTitle.body.id).toBe(id);
    expect(byTitle.body.list.template).toBe('genericList');
    const names = byTitle.body.columns.map((c: { name: string }) => c.name);
    for (const builtIn of ['Title', 'ID', 'Created', 'Modified', 'Author', 'Editor']) {
      expect(names).toContain(builtIn);
    }
    const columns = await call('GET', `${lists()}/${id}/columns`);
    const byName = Object.fromEntries(columns.body.value.map((c: { name: string }) => [c.name, c]));
    expect(byName.Reference).toMatchObject({
      indexed: true,
      enforceUniqueValues: true,
      text: { allowMultipleLines: false, maxLength: 40 },
    });
    expect(byName.Status.choice).toEqual({
      choices: ['open', 'closed'],
      allowTextEntry: false,
      displayAs: 'dropDownMenu',
    });
    expect(byName.Score.number).toMatchObject({ decimalPlaces: 'none', minimum: 0, maximum: 100 });
    expect(byName.Due.dateTime.format).toBe('dateOnly');
    expect(byName.Urgent.boolean).toEqual({});
    expect(byName.Region.indexed).toBe(false);
    expect(byName.ID.readOnly).toBe(true);

    const again = await call('POST', lists(), { displayName: 'observations' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('nameAlreadyExists');
  });

  it('refuses two type facets, and uniqueness on a column that is not indexed', async () => {
    const id = await createList('Findings', []);
    const twoFacets = await call('POST', `${lists()}/${id}/columns`, {
      name: 'Odd',
      text: {},
      number: {},
    });
    expect(twoFacets.status).toBe(400);

    const unindexed = await call('POST', `${lists()}/${id}/columns`, {
      name: 'Key',
      text: {},
      enforceUniqueValues: true,
    });
    expect(unindexed.status).toBe(400);
    expect(unindexed.body.error.message).toBe(
      'The field must first be indexed to enforce unique values.',
    );

    const created = await call('POST', `${lists()}/${id}/columns`, { name: 'Key', text: {} });
    expect(created.status).toBe(201);
    const columnUrl = `${lists()}/${id}/columns/${created.body.id}`;
    expect((await call('PATCH', columnUrl, { enforceUniqueValues: true })).status).toBe(400);
    const indexed = await call('PATCH', columnUrl, { indexed: true, enforceUniqueValues: true });
    expect(indexed.status).toBe(200);
    expect(indexed.body).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect((await call('PATCH', columnUrl, { indexed: false })).status).toBe(400);

    const lookup = await call('POST', `${lists()}/${id}/columns`, {
      name: 'Parent',
      lookup: { listId: 'no-such-list', columnName: 'Title' },
    });
    expect(lookup.status).toBe(400);
  });
});

describe('items', () => {
  it('creates, reads, updates with If-Match, refuses a stale eTag with 412, and deletes', async () => {
    const listId = await observations();
    const created = await call('POST', items(listId), {
      fields: { Title: 'First', Reference: 'HSCP-1', Status: 'open', Score: 40 },
    });
    expect(created.status).toBe(201);
    expect(created.body.id).toBe('1');
    expect(created.body.eTag).toMatch(ETAG);
    expect(created.body['@odata.etag']).toBe(created.body.eTag);
    expect(created.body.fields['@odata.etag']).toBe(created.body.eTag);
    expect(created.body.createdDateTime).toBe('2026-04-01T09:00:00Z');
    expect(created.body.createdBy.application.displayName).toBe('Critical Friend');
    const v1 = created.body.eTag as string;

    const read = await call('GET', `${items(listId)}/1?expand=fields(select=Title,Score)`);
    expect(read.body.fields).toEqual({ '@odata.etag': v1, Title: 'First', Score: 40 });

    const updated = await call(
      'PATCH',
      `${items(listId)}/1/fields`,
      { Score: 55 },
      { 'If-Match': v1 },
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ Title: 'First', Score: 55, _UIVersionString: '2.0' });
    const v2 = updated.body['@odata.etag'] as string;
    expect(v2).not.toBe(v1);
    expect(ETAG.exec(v2)?.[1]).toBe('2');

    const stale = await call(
      'PATCH',
      `${items(listId)}/1/fields`,
      { Score: 1 },
      { 'If-Match': v1 },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('resourceModified');
    const unchanged = await call('GET', `${items(listId)}/1/fields`);
    expect(unchanged.body.Score).toBe(55);

    const staleDelete = await call('DELETE', `${items(listId)}/1`, undefined, { 'If-Match': v1 });
    expect(staleDelete.status).toBe(412);
    const deleted = await call('DELETE', `${items(listId)}/1`, undefined, { 'If-Match': v2 });
    expect(deleted.status).toBe(204);
    expect((await call('GET', `${items(listId)}/1`)).status).toBe(404);

    const second = await call('POST', items(listId), { fields: { Title: 'Second' } });
    expect(second.body.id).toBe('2');
    const versions = await call('GET', `${items(listId)}/2/versions`);
    expect(versions.body.value.map((v: { id: string }) => v.id)).toEqual(['1.0']);
  });

  it('refuses unknown fields, wrong types and values over maxLength', async () => {
    const listId = await observations();
    const unknown = await call('POST', items(listId), { fields: { Nope: 'x' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Field 'Nope' is not recognized");
    expect((await call('POST', items(listId), { fields: { Score: 'many' } })).status).toBe(400);
    expect((await call('POST', items(listId), { fields: { Score: 101 } })).status).toBe(400);
    expect(
      (await call('POST', items(listId), { fields: { Reference: 'x'.repeat(41) } })).status,
    ).toBe(400);
    expect((await call('POST', items(listId), { fields: { Created: T0 } })).status).toBe(400);
  });

  it('refuses a duplicate in an enforceUniqueValues column on create and update (409)', async () => {
    const listId = await observations();
    expect((await call('POST', items(listId), { fields: { Reference: 'HSCP-1' } })).status).toBe(
      201,
    );
    const second = await call('POST', items(listId), { fields: { Reference: 'HSCP-2' } });
    const duplicate = await call('POST', items(listId), { fields: { Reference: 'hscp-1' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('nameAlreadyExists');
    expect(duplicate.body.error.message).toContain('[Reference]');
    const update = await call('PATCH', `${items(listId)}/${second.body.id}/fields`, {
      Reference: 'HSCP-1',
    });
    expect(update.status).toBe(409);
    const same = await call('PATCH', `${items(listId)}/${second.body.id}/fields`, {
      Reference: 'HSCP-2',
      Score: 3,
    });
    expect(same.status).toBe(200);
    const all = await call('GET', `${items(listId)}?expand=fields`);
    expect(all.body.value).toHaveLength(2);
  });

  it('turns uniqueness on for an existing column only when its values are unique', async () => {
    const listId = await createList('Keys', [{ name: 'Key', text: {}, indexed: true }]);
    graph.state.seedItems(siteId, listId, [{ Key: 'a' }, { Key: 'A' }, { Key: 'b' }]);
    const columns = (await call('GET', `${lists()}/${listId}/columns`)).body.value as {
      id: string;
      name: string;
    }[];
    const idOf = (name: string) => columns.find((c) => c.name === name)?.id as string;
    expect((await call('GET', `${lists()}/${listId}/columns/Key`)).status).toBe(404);
    const columnUrl = `${lists()}/${listId}/columns/${idOf('Key')}`;
    const refused = await call('PATCH', columnUrl, { enforceUniqueValues: true });
    expect(refused.status).toBe(400);
    expect((await call('DELETE', `${items(listId)}/2`)).status).toBe(204);
    expect((await call('PATCH', columnUrl, { enforceUniqueValues: true })).status).toBe(200);
    expect((await call('POST', items(listId), { fields: { Key: 'B' } })).status).toBe(409);
    expect((await call('POST', items(listId), { fields: { Key: 'A' } })).status).toBe(409);
    expect((await call('POST', items(listId), { fields: { Key: 'c' } })).status).toBe(201);
    const title = await call('PATCH', `${lists()}/${listId}/columns/${idOf('Title')}`, {
      indexed: true,
      enforceUniqueValues: true,
    });
    expect(title.status).toBe(200);
    expect((await call('POST', items(listId), { fields: { Title: 't' } })).status).toBe(201);
    expect((await call('POST', items(listId), { fields: { Title: 'T' } })).status).toBe(409);
  });

  it('writes lookups and people through {Name}LookupId and reads them back', async () => {
    const findings = await createList('Findings', []);
    await call('POST', items(findings), { fields: { Title: 'Finding A' } });
    const actions = await createList('Actions', [
      { name: 'Finding', lookup: { listId: findings, columnName: 'Title' } },
      { name: 'Owner', personOrGroup: { chooseFromType: 'peopleOnly' } },
    ]);
    const created = await call('POST', items(actions), {
      fields: { Title: 'Act', FindingLookupId: 1, OwnerLookupId: '7' },
    });
    expect(created.status).toBe(201);
    expect(created.body.fields).toMatchObject({ FindingLookupId: '1', OwnerLookupId: '7' });
    const selected = await call('GET', `${items(actions)}/1?expand=fields(select=Finding,Author)`);
    expect(selected.body.fields).toMatchObject({
      Finding: 'Finding A',
      FindingLookupId: '1',
      Author: 'SharePoint App',
    });
    expect((await call('POST', items(actions), { fields: { Finding: 'x' } })).status).toBe(400);
  });
});

describe('filters and the indexed-column rule', () => {
  async function seeded(): Promise<string> {
    const listId = await observations();
    graph.state.seedItems(siteId, listId, [
      {
        Title: 'a',
        Reference: 'R1',
        Status: 'open',
        Score: 10,
        Region: 'North',
        Due: '2026-04-10',
      },
      {
        Title: 'b',
        Reference: 'R2',
        Status: 'closed',
        Score: 20,
        Region: 'South',
        Due: '2026-05-01',
      },
      { Title: 'c', Reference: 'Q3', Status: 'open', Score: 30, Region: 'North' },
    ]);
    return listId;
  }
  const ids = (res: Answer) => res.body.value.map((i: { id: string }) => i.id);

  it("refuses a non-indexed column in $filter or $orderby with SharePoint's message, unless Prefer is sent", async () => {
    const listId = await seeded();
    const filter = `${items(listId)}?expand=fields&$filter=fields/Region eq 'North'`;
    const refused = await call('GET', filter);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalidRequest');
    expect(refused.body.error.message).toBe(NOT_INDEXED('Region'));

    const allowed = await call('GET', filter, undefined, PREFER);
    expect(allowed.status).toBe(200);
    expect(ids(allowed)).toEqual(['1', '3']);

    const ordered = await call('GET', `${items(listId)}?$orderby=fields/Title desc`);
    expect(ordered.status).toBe(400);
    expect(ordered.body.error.message).toBe(NOT_INDEXED('Title'));
    const orderedOk = await call('GET', `${items(listId)}?$orderby=fields/Score desc`);
    expect(ids(orderedOk)).toEqual(['3', '2', '1']);
  });

  it('serves eq, ne, lt, gt, le, ge, startswith and and on indexed columns; refuses or', async () => {
    const listId = await seeded();
    const q = async (filter: string) =>
      ids(await call('GET', `${items(listId)}?$filter=${encodeURIComponent(filter)}`));
    expect(await q("fields/Status eq 'open'")).toEqual(['1', '3']);
    expect(await q("fields/Status eq 'OPEN'")).toEqual(['1', '3']);
    expect(await q("fields/Status ne 'open'")).toEqual(['2']);
    expect(await q('fields/Score lt 20')).toEqual(['1']);
    expect(await q('fields/Score le 20')).toEqual(['1', '2']);
    expect(await q('fields/Score gt 20')).toEqual(['3']);
    expect(await q('fields/Score ge 20')).toEqual(['2', '3']);
    expect(await q("startswith(fields/Reference,'R')")).toEqual(['1', '2']);
    expect(await q("fields/Status eq 'open' and fields/Score gt 15")).toEqual(['3']);
    expect(await q("fields/Due lt '2026-04-30T00:00:00Z'")).toEqual(['1']);
    expect(await q('fields/ID gt 1')).toEqual(['2', '3']);
    const or = await call(
      'GET',
      `${items(listId)}?$filter=${encodeURIComponent('fields/Score eq 10 or fields/Score eq 20')}`,
    );
    expect(or.status).toBe(400);
    const unknown = await call(
      'GET',
      `${items(listId)}?$filter=${encodeURIComponent('fields/Nope eq 1')}`,
    );
    expect(unknown.status).toBe(400);
  });

  it('with Prefer, fails a non-indexed query past 5,000 items unless an indexed condition narrows it', async () => {
    const listId = await observations();
    graph.state.seedItems(
      siteId,
      listId,
      Array.from({ length: 5001 }, (_, i) => ({
        Reference: `R${i + 1}`,
        Status: i < 10 ? 'open' : 'closed',
        Region: i % 2 === 0 ? 'North' : 'South',
      })),
    );
    const nonIndexed = await call(
      'GET',
      `${items(listId)}?$filter=fields/Region eq 'North'`,
      undefined,
      PREFER,
    );
    expect(nonIndexed.status).toBe(422);
    expect(nonIndexed.body.error.code).toBe('notSupported');
    expect(nonIndexed.body.error.innerError.code).toBe('tooManyResources');

    const narrowed = await call(
      'GET',
      `${items(listId)}?$filter=${encodeURIComponent("fields/Status eq 'open' and fields/Region eq 'North'")}`,
      undefined,
      PREFER,
    );
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.value).toHaveLength(5);

    const wide = await call(
      'GET',
      `${items(listId)}?$filter=${encodeURIComponent("fields/ID ge 1 and fields/Region eq 'North'")}`,
      undefined,
      PREFER,
    );
    expect(wide.status).toBe(422);

    const indexedOnly = await call(
      'GET',
      `${items(listId)}?$filter=fields/Status eq 'closed'&$top=6000`,
    );
    expect(indexedOnly.status).toBe(200);
    expect(indexedOnly.body.value).toHaveLength(4991);

    const top = await call('GET', `${items(listId)}?$top=6000`);
    expect(top.body.value).toHaveLength(5000);
    expect(top.body['@odata.nextLink']).toContain('$skiptoken=');
  });
});

describe('paging', () => {
  it('pages 450 items at the default 200 per page through @odata.nextLink, in creation order', async () => {
    const listId = await observations();
    graph.state.seedItems(
      siteId,
      listId,
      Array.from({ length: 450 }, (_, i) => ({ Title: `item ${i + 1}` })),
    );
    const all = await pages(`${items(listId)}?expand=fields(select=Title)`);
    expect(all.map((p) => p.body.value.length)).toEqual([200, 200, 50]);
    const seen = all.flatMap((p) => p.body.value.map((i: { id: string }) => i.id));
    expect(seen).toEqual(Array.from({ length: 450 }, (_, i) => String(i + 1)));
    const firstLink = all[0]?.body['@odata.nextLink'] as string;
    expect(firstLink.startsWith(`${graph.url}/v1.0/sites/`)).toBe(true);
    expect(firstLink).toMatch(/[?&]\$skiptoken=[A-Za-z0-9+/]+/);
    expect(firstLink).toContain('expand=fields(select%3DTitle)');
    expect(all[2]?.body['@odata.nextLink']).toBeUndefined();
  });

  it('honours $top and keeps $filter on the nextLink', async () => {
    const listId = await observations();
    graph.state.seedItems(
      siteId,
      listId,
      Array.from({ length: 450 }, (_, i) => ({ Status: i % 3 === 0 ? 'open' : 'closed' })),
    );
    const all = await pages(
      `${items(listId)}?$top=100&$filter=${encodeURIComponent("fields/Status eq 'open'")}`,
    );
    expect(all.map((p) => p.body.value.length)).toEqual([100, 50]);
    const ordered = await pages(`${items(listId)}?$top=100&$orderby=fields/Status desc`);
    expect(ordered.map((p) => p.body.value.length)).toEqual([100, 100, 100, 100, 50]);
    expect(
      new Set(ordered.flatMap((p) => p.body.value.map((i: { id: string }) => i.id))).size,
    ).toBe(450);
    expect((await call('GET', `${items(listId)}?$top=0`)).status).toBe(400);
  });
});

describe('delta', () => {
  const deltaOf = (listId: string) => `${items(listId)}/delta`;

  async function drain(
    first: string,
  ): Promise<{ value: Record<string, unknown>[]; deltaLink: string }> {
    const all = await pages(first);
    const last = all[all.length - 1]?.body;
    expect(last['@odata.deltaLink']).toBeTypeOf('string');
    for (const page of all.slice(0, -1)) expect(page.body['@odata.deltaLink']).toBeUndefined();
    return { value: all.flatMap((p) => p.body.value), deltaLink: last['@odata.deltaLink'] };
  }

  it('enumerates in pages, then reports creates, updates and deletes (with the deleted facet)', async () => {
    const listId = await observations();
    graph.state.seedItems(
      siteId,
      listId,
      Array.from({ length: 5 }, (_, i) => ({ Title: `t${i + 1}` })),
    );
    const initial = await drain(`${deltaOf(listId)}?$top=2&expand=fields`);
    expect(initial.value.map((i) => i.id)).toEqual(['1', '2', '3', '4', '5']);
    expect((initial.value[0]?.fields as Record<string, unknown>).Title).toBe('t1');

    await call('PATCH', `${items(listId)}/2/fields`, { Title: 'renamed' });
    await call('PATCH', `${items(listId)}/2/fields`, { Title: 'renamed twice' });
    await call('DELETE', `${items(listId)}/4`);
    await call('POST', items(listId), { fields: { Title: 'new' } });

    const changes = await drain(initial.deltaLink);
    expect(changes.value.map((i) => i.id)).toEqual(['2', '4', '6']);
    expect(changes.value[0]?.fields).toMatchObject({ Title: 'renamed twice' });
    expect(changes.value[1]).toEqual({
      id: '4',
      parentReference: { siteId },
      deleted: { state: 'deleted' },
    });

    const nothing = await drain(changes.deltaLink);
    expect(nothing.value).toEqual([]);
  });

  it('token=latest returns no items and a deltaLink that sees only later changes', async () => {
    const listId = await observations();
    graph.state.seedItems(siteId, listId, [{ Title: 'old' }]);
    const latest = await call('GET', `${deltaOf(listId)}?token=latest`);
    expect(latest.status).toBe(200);
    expect(latest.body.value).toEqual([]);
    await call('POST', items(listId), { fields: { Title: 'later' } });
    const changes = await drain(latest.body['@odata.deltaLink']);
    expect(changes.value.map((i) => i.id)).toEqual(['2']);
  });

  it('answers 410 Gone with a Location that restarts enumeration once tokens expire', async () => {
    const listId = await observations();
    graph.state.seedItems(siteId, listId, [{ Title: 'one' }, { Title: 'two' }]);
    const initial = await drain(deltaOf(listId));
    graph.state.expireDeltaTokens();
    const gone = await call('GET', initial.deltaLink);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('resyncRequired');
    expect(gone.body.error.innerError.code).toBe('resyncChangesApplyDifferences');
    const location = gone.headers.get('location');
    expect(location).toBe(`${graph.url}/v1.0${deltaOf(listId)}`);
    const restarted = await drain(location as string);
    expect(restarted.value.map((i) => i.id)).toEqual(['1', '2']);
  });
});

describe('$batch', () => {
  async function withItems(): Promise<string> {
    const listId = await observations();
    graph.state.seedItems(siteId, listId, [{ Title: 'one' }, { Title: 'two' }, { Title: 'three' }]);
    return listId;
  }

  it('answers each request by id, not by position, and keeps the envelope 200', async () => {
    const listId = await withItems();
    const res = await call('POST', '/$batch', {
      requests: ['1', '2', '3'].map((n) => ({
        id: `r${n}`,
        method: 'GET',
        url: `${items(listId)}/${n}?expand=fields`,
      })),
    });
    expect(res.status).toBe(200);
    const order = res.body.responses.map((r: { id: string }) => r.id);
    expect(order).not.toEqual(['r1', 'r2', 'r3']);
    expect([...order].sort()).toEqual(['r1', 'r2', 'r3']);
    for (const response of res.body.responses) {
      expect(response.status).toBe(200);
      expect(response.headers['Content-Type']).toContain('application/json');
      expect(response.body.id).toBe(response.id.slice(1));
    }
  });

  it('refuses more than 20 requests, repeated ids, and a body without Content-Type (400)', async () => {
    const listId = await withItems();
    const get = (id: string) => ({ id, method: 'GET', url: `${items(listId)}/1` });
    const tooMany = await call('POST', '/$batch', {
      requests: Array.from({ length: 21 }, (_, i) => get(String(i))),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('BadRequest');
    const twenty = await call('POST', '/$batch', {
      requests: Array.from({ length: 20 }, (_, i) => get(String(i))),
    });
    expect(twenty.status).toBe(200);
    expect((await call('POST', '/$batch', { requests: [get('a'), get('A')] })).status).toBe(400);
    const noType = await call('POST', '/$batch', {
      requests: [{ id: '1', method: 'POST', url: items(listId), body: { fields: {} } }],
    });
    expect(noType.status).toBe(400);
  });

  it('runs dependsOn in order and fails dependants of a failed request with 424', async () => {
    const listId = await withItems();
    const res = await call('POST', '/$batch', {
      requests: [
        {
          id: 'create',
          method: 'POST',
          url: items(listId),
          headers: { 'Content-Type': 'application/json' },
          body: { fields: { Title: 'four' } },
        },
        { id: 'read', method: 'GET', url: `${items(listId)}/4`, dependsOn: ['create'] },
        { id: 'missing', method: 'GET', url: `${items(listId)}/99` },
        { id: 'after-missing', method: 'GET', url: `${items(listId)}/1`, dependsOn: ['missing'] },
      ],
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId.create.status).toBe(201);
    expect(byId.read.status).toBe(200);
    expect(byId.missing.status).toBe(404);
    expect(byId['after-missing'].status).toBe(424);
  });

  it('throttles inner requests one by one: the batch is 200 while one inner request is 429', async () => {
    const listId = await withItems();
    graph.inject.throttle({
      count: 1,
      retryAfterSeconds: 7,
      match: { inBatch: true, path: `${items(listId)}/2` },
    });
    const res = await call('POST', '/$batch', {
      requests: ['1', '2', '3'].map((n) => ({
        id: n,
        method: 'GET',
        url: `/v1.0${items(listId)}/${n}`,
      })),
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId['2'].status).toBe(429);
    expect(byId['2'].headers['Retry-After']).toBe('7');
    expect(byId['2'].body.error.code).toBe('TooManyRequests');
    expect(byId['1'].status).toBe(200);
    expect(byId['3'].status).toBe(200);
    const inner = graph.state.requests.filter((r) => r.inBatch);
    expect(inner.map((r) => r.status).sort()).toEqual([200, 200, 429]);
  });
});

describe('throttling and faults', () => {
  it('injects 429 with Retry-After and the documented body, then serves', async () => {
    const listId = await observations();
    graph.inject.throttle({ count: 2, retryAfterSeconds: 0 });
    for (let i = 0; i < 2; i++) {
      const res = await call('GET', items(listId));
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('0');
      expect(res.body.error).toMatchObject({
        code: 'TooManyRequests',
        message: 'Please retry again later.',
        innerError: { code: '429', status: '429' },
      });
    }
    expect((await call('GET', items(listId))).status).toBe(200);
  });

  it('injects 503 with Retry-After, and 500/502/504 failures, only where they match', async () => {
    const listId = await observations();
    graph.inject.throttle({
      count: 1,
      status: 503,
      retryAfterSeconds: 3,
      match: { method: 'POST' },
    });
    graph.inject.fail({ count: 1, status: 504, match: { method: 'GET' } });
    graph.inject.fail({ count: 1, status: 500 });
    const read = await call('GET', items(listId));
    expect(read.status).toBe(504);
    const write = await call('POST', items(listId), { fields: { Title: 'x' } });
    expect(write.status).toBe(503);
    expect(write.headers.get('retry-after')).toBe('3');
    expect(write.body.error.code).toBe('serviceNotAvailable');
    const next = await call('GET', items(listId));
    expect(next.status).toBe(500);
    expect(next.body.error.code).toBe('generalException');
    expect((await call('GET', items(listId))).status).toBe(200);
  });

  it('charges resource units, throttles past the budget with Retry-After, and counts throttled requests', async () => {
    const listId = await observations();
    graph.state.seedItems(siteId, listId, [{ Title: 'one' }]);
    graph.inject.budget({ unitsPerMinute: 10 });
    const query = () => call('GET', items(listId));

    for (let i = 0; i < 4; i++) expect((await query()).status).toBe(200);
    const fifth = await query();
    expect(fifth.status).toBe(200);
    expect(fifth.headers.get('ratelimit-limit')).toBe('10');
    expect(fifth.headers.get('ratelimit-remaining')).toBe('0');

    graph.state.clock.advance(30_000);
    const refused = await query();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.body.error.code).toBe('activityLimitReached');
    expect(refused.body.error.innerError.code).toBe('throttledRequest');
    expect((await query()).status).toBe(429); // an immediate retry is refused, and charged

    // The first ten units leave the window; the two throttled queries (4 RU) still count.
    graph.state.clock.advance(30_000);
    for (let i = 0; i < 3; i++) expect((await query()).status).toBe(200);
    expect((await query()).status).toBe(429);

    graph.state.clock.advance(60_000);
    expect((await call('GET', `${items(listId)}/1`)).status).toBe(200);
    expect((await call('GET', `${items(listId)}/delta`)).status).toBe(200);
    const latest = await call('GET', `${items(listId)}/delta?token=latest`);
    await call('GET', latest.body['@odata.deltaLink']);
    await call('PATCH', `${items(listId)}/1/fields`, { Title: 'two' });
    const units = graph.state.requests.slice(-5).map((r) => [r.kind, r.units]);
    expect(units).toEqual([
      ['get', 1],
      ['deltaWithoutToken', 2],
      ['deltaWithoutToken', 2],
      ['deltaWithToken', 1],
      ['write', 2],
    ]);
  });

  it('costs batched requests one by one against the budget', async () => {
    const listId = await observations();
    graph.state.seedItems(siteId, listId, [{ Title: 'one' }, { Title: 'two' }, { Title: 'three' }]);
    graph.inject.budget({ unitsPerMinute: 2 });
    const res = await call(
      'POST',
      '/$batch',
      {
        requests: ['1', '2', '3'].map((n) => ({
          id: n,
          method: 'GET',
          url: `${items(listId)}/${n}`,
        })),
      },
      { 'client-request-id': 'batch-1' },
    );
    expect(res.status).toBe(200);
    const statuses = res.body.responses.map((r: { status: number }) => r.status).sort();
    expect(statuses).toEqual([200, 200, 429]);
    const throttled = res.body.responses.find((r: { status: number }) => r.status === 429);
    expect(Number(throttled.headers['Retry-After'])).toBeGreaterThan(0);
  });

  it('records requests for counting, and applies injected latency without failing', async () => {
    const listId = await observations();
    graph.state.clearRequests();
    graph.inject.latency(5);
    await call('GET', `${items(listId)}?$filter=fields/Region eq 'x'`, undefined, PREFER);
    await call('POST', items(listId), { fields: { Title: 'x' } }, { 'If-Match': '*' });
    graph.inject.reset();
    expect(graph.state.requests).toHaveLength(2);
    expect(graph.state.requests[0]).toMatchObject({
      method: 'GET',
      path: `${items(listId)}`,
      status: 200,
      kind: 'query',
      headers: { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    });
    expect(graph.state.requests[0]?.query).toContain('filter');
    expect(graph.state.requests[1]).toMatchObject({ method: 'POST', status: 201, kind: 'write' });
  });
});
