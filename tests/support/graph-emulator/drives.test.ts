import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGraphEmulator, type GraphEmulator } from './server.js';
import { AUTH, graphCaller, type Answer } from './test-client.js';
import { FRAGMENT_UNIT, SESSION_MS } from './upload-sessions.js';

/**
 * Document libraries, driveItems and upload sessions in the emulator, through plain fetch, against
 * the behaviour documented on Learn (cited beside the code in drives.ts, drive-routes.ts and
 * upload-sessions.ts).
 */

let graph: GraphEmulator;
let siteId: string;

const call = graphCaller(() => graph.url);

/** A fragment PUT to a pre-authenticated upload URL: no Authorization unless asked. */
async function fragment(
  uploadUrl: string,
  bytes: Uint8Array,
  start: number,
  total: number,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(uploadUrl, {
    method: 'PUT',
    headers: {
      'Content-Range': `bytes ${start}-${start + bytes.byteLength - 1}/${total}`,
      ...headers,
    },
    body: bytes.slice(),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const bytesOf = (size: number, seed = 1) =>
  Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed * 7) & 0xff);

async function library(displayName = 'Evidence'): Promise<{ listId: string; driveId: string }> {
  const made = await call('POST', `/sites/${siteId}/lists`, {
    displayName,
    list: { template: 'documentLibrary' },
    columns: [
      { name: 'itemId', text: { maxLength: 255 }, indexed: true },
      { name: 'note', text: {} },
    ],
  });
  expect(made.status).toBe(201);
  const drive = await call('GET', `/sites/${siteId}/lists/${made.body.id}/drive`);
  expect(drive.status).toBe(200);
  return { listId: made.body.id, driveId: drive.body.id };
}

beforeEach(async () => {
  graph = await startGraphEmulator({ now: () => Date.parse('2026-04-01T09:00:00Z') });
  siteId = graph.state.addSite({
    hostname: 'harbourside.sharepoint.example',
    path: '/sites/scrutiny',
  }).id;
});
afterEach(async () => {
  await graph.close();
});

describe('document libraries and their drives', () => {
  it('creates a library with a drive, listed on the site; a generic list has none', async () => {
    const { listId, driveId } = await library();
    const list = await call('GET', `/sites/${siteId}/lists/${listId}`);
    expect(list.body.list.template).toBe('documentLibrary');
    const drive = await call('GET', `/drives/${driveId}`);
    expect(drive.body).toMatchObject({
      id: driveId,
      driveType: 'documentLibrary',
      name: 'Evidence',
    });
    expect(driveId).toMatch(/^b!/);
    const drives = await call('GET', `/sites/${siteId}/drives`);
    expect(drives.body.value.map((d: { id: string }) => d.id)).toEqual([driveId]);

    const plain = await call('POST', `/sites/${siteId}/lists`, { displayName: 'Plain' });
    expect((await call('GET', `/sites/${siteId}/lists/${plain.body.id}/drive`)).status).toBe(404);
    const tasks = await call('POST', `/sites/${siteId}/lists`, {
      displayName: 'Tasks',
      list: { template: 'tasks' },
    });
    expect(tasks.status).toBe(400);
  });
});

describe('simple upload (PUT .../content) and download (GET .../content)', () => {
  it('uploads, replaces by default, refuses with fail, renames with rename', async () => {
    const { driveId } = await library();
    const put = (name: string, body: Uint8Array, behavior?: string) =>
      call(
        'PUT',
        `/drives/${driveId}/root:/${encodeURIComponent(name)}:/content` +
          (behavior ? `?@microsoft.graph.conflictBehavior=${behavior}` : ''),
        body,
        { 'Content-Type': 'text/plain' },
      );
    const first = await put('Minutes.txt', bytesOf(10));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      name: 'Minutes.txt',
      size: 10,
      file: { mimeType: 'text/plain' },
    });
    expect(first.body.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);

    const replaced = await put('minutes.txt', bytesOf(20));
    expect([replaced.status, replaced.body.id, replaced.body.size]).toEqual([
      200,
      first.body.id,
      20,
    ]);
    expect(replaced.body.eTag).toMatch(/,2"$/);

    const refused = await put('Minutes.txt', bytesOf(5), 'fail');
    expect([refused.status, refused.body.error.code]).toEqual([409, 'nameAlreadyExists']);
    const renamed = await put('Minutes.txt', bytesOf(5), 'rename');
    expect([renamed.status, renamed.body.name]).toEqual([201, 'Minutes 1.txt']);

    const bad = await put('What?.txt', bytesOf(5));
    expect(bad.status).toBe(400);
  });

  it('answers GET .../content with a 302 to a URL that serves the bytes without a token', async () => {
    const { driveId } = await library();
    const content = bytesOf(1000, 3);
    const made = await call('PUT', `/drives/${driveId}/root:/Scan.pdf:/content`, content);
    const redirect = await call('GET', `/drives/${driveId}/items/${made.body.id}/content`);
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location') ?? '';
    expect(location.startsWith(graph.url)).toBe(true);
    const download = await fetch(location);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(content);

    // The same URL as @microsoft.graph.downloadUrl; it expires (1 hour, resources/driveitem).
    const item = await call('GET', `/drives/${driveId}/items/${made.body.id}`);
    expect(item.body['@microsoft.graph.downloadUrl']).toMatch(/^http/);
    graph.state.clock.advance(61 * 60_000);
    expect((await fetch(location)).status).toBe(401);
    const missing = await call('GET', `/drives/${driveId}/items/01NOSUCHITEM/content`);
    expect(missing.status).toBe(404);
  });

  it('creates folders and lists their children, addressed by id or by path', async () => {
    const { driveId } = await library();
    const folder = await call('POST', `/drives/${driveId}/root/children`, {
      name: 'actions-42',
      folder: {},
      '@microsoft.graph.conflictBehavior': 'fail',
    });
    expect(folder.status).toBe(201);
    expect(folder.body.folder).toEqual({ childCount: 0 });
    const again = await call('POST', `/drives/${driveId}/root/children`, {
      name: 'actions-42',
      folder: {},
      '@microsoft.graph.conflictBehavior': 'fail',
    });
    expect(again.status).toBe(409);
    await call('PUT', `/drives/${driveId}/items/${folder.body.id}:/a.txt:/content`, bytesOf(3));
    const byPath = await call('GET', `/drives/${driveId}/root:/actions-42/a.txt`);
    expect(byPath.body.parentReference).toMatchObject({ id: folder.body.id, driveId });
    const children = await call('GET', `/drives/${driveId}/items/${folder.body.id}/children`);
    expect(children.body.value.map((c: { name: string }) => c.name)).toEqual(['a.txt']);
    expect((await call('GET', `/drives/${driveId}/root:/actions-42/b.txt`)).status).toBe(404);
  });
});

describe('upload sessions (driveitem-createuploadsession)', () => {
  async function session(driveId: string, name: string, behavior?: string): Promise<Answer> {
    return call('POST', `/drives/${driveId}/root:/${name}:/createUploadSession`, {
      item: { ...(behavior ? { '@microsoft.graph.conflictBehavior': behavior } : {}), name },
    });
  }

  it('takes 320 KiB fragments in order, 202 with nextExpectedRanges, 201 with the driveItem', async () => {
    const { driveId } = await library();
    const content = bytesOf(2 * FRAGMENT_UNIT + 1234, 9);
    const made = await session(driveId, 'Large.pdf');
    expect(made.status).toBe(200);
    expect(made.body.expirationDateTime).toMatch(/Z$/);
    const url = made.body.uploadUrl as string;

    const one = await fragment(url, content.subarray(0, FRAGMENT_UNIT), 0, content.length);
    expect([one.status, one.body.nextExpectedRanges]).toEqual([202, [`${FRAGMENT_UNIT}-`]]);
    // A fragment the server already has: 416.
    const repeat = await fragment(url, content.subarray(0, FRAGMENT_UNIT), 0, content.length);
    expect(repeat.status).toBe(416);
    // Out of order: an error too.
    const skip = await fragment(
      url,
      content.subarray(2 * FRAGMENT_UNIT),
      2 * FRAGMENT_UNIT,
      content.length,
    );
    expect(skip.status).toBe(416);
    const status = await fetch(url);
    expect(((await status.json()) as { nextExpectedRanges: string[] }).nextExpectedRanges).toEqual([
      `${FRAGMENT_UNIT}-`,
    ]);
    const two = await fragment(
      url,
      content.subarray(FRAGMENT_UNIT, 2 * FRAGMENT_UNIT),
      FRAGMENT_UNIT,
      content.length,
    );
    expect(two.status).toBe(202);
    const last = await fragment(
      url,
      content.subarray(2 * FRAGMENT_UNIT),
      2 * FRAGMENT_UNIT,
      content.length,
    );
    expect(last.status).toBe(201);
    expect(last.body).toMatchObject({ name: 'Large.pdf', size: content.length });
    const redirect = await call('GET', `/drives/${driveId}/items/${last.body.id}/content`);
    const stored = new Uint8Array(
      await (await fetch(redirect.headers.get('location') ?? '')).arrayBuffer(),
    );
    expect(stored).toEqual(content);
    // The session is spent.
    expect((await fragment(url, content.subarray(0, 1), 0, content.length)).status).toBe(404);
  });

  it('refuses an Authorization header on the upload URL', async () => {
    const { driveId } = await library();
    const made = await session(driveId, 'a.bin');
    const answer = await fragment(made.body.uploadUrl, bytesOf(10), 0, 10, AUTH);
    expect(answer.status).toBe(401);
    expect((await fragment(made.body.uploadUrl, bytesOf(10), 0, 10)).status).toBe(201);
  });

  it('fails the commit when a fragment before the last was not a multiple of 320 KiB', async () => {
    const { driveId } = await library();
    const content = bytesOf(1000);
    const made = await session(driveId, 'odd.bin');
    expect((await fragment(made.body.uploadUrl, content.subarray(0, 500), 0, 1000)).status).toBe(
      202,
    );
    const last = await fragment(made.body.uploadUrl, content.subarray(500), 500, 1000);
    expect(last.status).toBe(400);
    expect((await call('GET', `/drives/${driveId}/root:/odd.bin`)).status).toBe(404);
  });

  it('refuses a different total, and answers a name taken meanwhile with 409 at the last byte', async () => {
    const { driveId } = await library();
    const made = await session(driveId, 'Report.docx');
    expect(
      (await fragment(made.body.uploadUrl, bytesOf(FRAGMENT_UNIT), 0, FRAGMENT_UNIT + 10)).status,
    ).toBe(202);
    expect(
      (await fragment(made.body.uploadUrl, bytesOf(10), FRAGMENT_UNIT, FRAGMENT_UNIT + 11)).status,
    ).toBe(400);
    await call('PUT', `/drives/${driveId}/root:/Report.docx:/content`, bytesOf(4));
    const last = await fragment(
      made.body.uploadUrl,
      bytesOf(10),
      FRAGMENT_UNIT,
      FRAGMENT_UNIT + 10,
    );
    expect([last.status, last.body.error.code]).toEqual([409, 'nameAlreadyExists']);
    // With "fail" a taken name is refused when the session is asked for; "rename" goes ahead.
    expect((await session(driveId, 'Report.docx', 'fail')).status).toBe(409);
    const renamed = await session(driveId, 'Report.docx', 'rename');
    const done = await fragment(renamed.body.uploadUrl, bytesOf(7), 0, 7);
    expect([done.status, done.body.name]).toEqual([201, 'Report 1.docx']);
  });

  it('expires an idle session (404), and can be cancelled (DELETE)', async () => {
    const { driveId } = await library();
    const idle = await session(driveId, 'idle.bin');
    graph.state.clock.advance(SESSION_MS + 1);
    expect((await fragment(idle.body.uploadUrl, bytesOf(3), 0, 3)).status).toBe(404);
    const cancelled = await session(driveId, 'cancel.bin');
    expect((await fetch(cancelled.body.uploadUrl, { method: 'DELETE' })).status).toBe(204);
    expect((await fragment(cancelled.body.uploadUrl, bytesOf(3), 0, 3)).status).toBe(404);
  });

  it('records fragments and lets failures be injected on them', async () => {
    const { driveId } = await library();
    const made = await session(driveId, 'flaky.bin');
    graph.inject.fail({ count: 1, status: 504, match: { path: '/_transfer/upload/' } });
    expect((await fragment(made.body.uploadUrl, bytesOf(3), 0, 3)).status).toBe(504);
    expect((await fragment(made.body.uploadUrl, bytesOf(3), 0, 3)).status).toBe(201);
    const puts = graph.state.requests.filter((r) => r.path.startsWith('/_transfer/upload/'));
    expect(puts.map((r) => r.status)).toEqual([504, 201]);
  });
});

describe("a library's files as list items", () => {
  it('exposes listItem fields, PATCHes them with If-Match, and filters on indexed columns', async () => {
    const { listId, driveId } = await library();
    const file = await call('PUT', `/drives/${driveId}/root:/One.txt:/content`, bytesOf(4));
    const other = await call('PUT', `/drives/${driveId}/root:/Two.txt:/content`, bytesOf(5));
    const expanded = await call(
      'GET',
      `/drives/${driveId}/items/${file.body.id}?expand=listItem(expand=fields)`,
    );
    expect(expanded.body.listItem.fields.id).toEqual(expect.any(String));
    const listItem = await call('GET', `/drives/${driveId}/items/${file.body.id}/listItem`);
    const fieldsPath = `/drives/${driveId}/items/${file.body.id}/listItem/fields`;

    const stale = await call(
      'PATCH',
      fieldsPath,
      { itemId: 'A-1' },
      { 'If-Match': '"{00000000-0000-0000-0000-000000000000},1"' },
    );
    expect(stale.status).toBe(412);
    const patched = await call(
      'PATCH',
      fieldsPath,
      { itemId: 'A-1', note: 'x' },
      { 'If-Match': listItem.body.eTag },
    );
    expect([patched.status, patched.body.itemId]).toEqual([200, 'A-1']);
    await call('PATCH', `/drives/${driveId}/items/${other.body.id}/listItem/fields`, {
      itemId: 'B-2',
    });

    const found = await call(
      'GET',
      `/sites/${siteId}/lists/${listId}/items?expand=fields&$filter=fields/itemId eq 'A-1'`,
    );
    expect(found.body.value.map((i: { id: string }) => i.id)).toEqual([listItem.body.id]);
    const unindexed = await call(
      'GET',
      `/sites/${siteId}/lists/${listId}/items?$filter=fields/note eq 'x'`,
    );
    expect(unindexed.status).toBe(400);

    const back = await call(
      'GET',
      `/sites/${siteId}/lists/${listId}/items/${listItem.body.id}/driveItem`,
    );
    expect([back.status, back.body.id, back.body.name]).toEqual([200, file.body.id, 'One.txt']);
  });

  it('deletes a file and its list item', async () => {
    const { listId, driveId } = await library();
    const file = await call('PUT', `/drives/${driveId}/root:/Gone.txt:/content`, bytesOf(4));
    expect((await call('DELETE', `/drives/${driveId}/items/${file.body.id}`)).status).toBe(204);
    expect((await call('GET', `/drives/${driveId}/items/${file.body.id}`)).status).toBe(404);
    expect((await call('GET', `/sites/${siteId}/lists/${listId}/items`)).body.value).toEqual([]);
  });
});
