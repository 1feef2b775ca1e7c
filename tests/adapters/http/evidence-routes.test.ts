import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentText } from '../../../src/adapters/documents/index.js';
import { createHttpApp } from '../../../src/adapters/http/app.js';
import {
  devRouter,
  LOCAL_ISSUER_PATH,
  LOCAL_JWKS_PATH,
} from '../../../src/adapters/http/dev-routes.js';
import {
  evidenceOpenApiPaths,
  evidenceRoutes,
} from '../../../src/adapters/http/evidence-routes.js';
import { LOCAL_BOT_APP_ID } from '../../../src/adapters/teams/local-bot-identity.js';
import { LocalIssuer } from '../../../src/adapters/identity/local-issuer.js';
import { createTokenValidator } from '../../../src/adapters/identity/token-validator.js';
import { SqliteEvidenceStore } from '../../../src/adapters/sqlite/sqlite-evidence-store.js';
import { SqliteRepository } from '../../../src/adapters/sqlite/sqlite-repository.js';
import type { Deps } from '../../../src/application/deps.js';
import type { CardGateway } from '../../../src/application/ports/cards.js';
import {
  DEMO_TENANT_ID,
  HEALTH_TENANT_ID,
  POLICE_TENANT_ID,
  seedHarbourside,
} from '../../../src/server/seed/harbourside.js';
import { sample } from '../../domain/guard/samples.js';
import { freePort } from '../../support/server.js';
import { docx, pdf } from '../documents/build.js';
import { POLICE_LEAD, SCRUTINEER } from './helpers.js';

/** A whole-view reader from another partner: executives read everything. */
const EXECUTIVE = 'chief.constable@eastshire-police.example';

/**
 * The evidence routes through a real HTTP server: the API app as the composition root builds it,
 * the local issuer's tokens checked by the production validator, the real text reader and the
 * embedded store. A small size limit keeps the oversize case quick.
 */
const MAX_BYTES = 256 * 1024;
const COUNCIL_LEAD = 'sam.carter@harbourside.example';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let dir: string;
let server: Server;
let base: string;
let repo: SqliteRepository;
let store: SqliteEvidenceStore;
let councilAction: string;
const tokens = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cf-evidence-http-'));
  const path = join(dir, 'critical-friend.db');
  repo = SqliteRepository.open(path);
  await seedHarbourside(repo);
  store = SqliteEvidenceStore.open(path);
  const deps: Deps = { repo, now: () => new Date(), cards: {} as CardGateway };
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const issuer = await LocalIssuer.open(
    join(dir, 'key.json'),
    `${base}${LOCAL_ISSUER_PATH}`,
    'api://critical-friend-local',
  );
  const validateToken = createTokenValidator({
    jwksUrl: `${base}${LOCAL_JWKS_PATH}`,
    issuerTemplate: issuer.issuerTemplate,
    audience: issuer.audience,
    allowedTenantIds: [DEMO_TENANT_ID, POLICE_TENANT_ID, HEALTH_TENANT_ID],
  });
  const evidence = evidenceRoutes(deps, {
    store,
    documents: createDocumentText(),
    validateToken,
    maxBytes: MAX_BYTES,
  });
  const app = createHttpApp({
    deps,
    routes: evidence.routes,
    validateToken,
    authConfig: { mode: 'local' },
    tabDir: join(dir, 'no-tab'),
    version: 'test',
    openApiPaths: evidenceOpenApiPaths,
    mount: (http) => {
      http.use(devRouter(deps, issuer, LOCAL_BOT_APP_ID));
      http.use(evidence.router);
    },
  });
  server = await new Promise<Server>((ok) => {
    const s = app.listen(port, '127.0.0.1', () => ok(s));
  });
  const [action] = await repo.all('actions');
  if (!action) throw new Error('the demo partnership has no action');
  councilAction = action.id;
});

afterAll(async () => {
  await new Promise((done) => server?.close(done));
  store?.close();
  repo?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function token(upn: string): Promise<string> {
  const known = tokens.get(upn);
  if (known) return known;
  const res = await fetch(`${base}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ upn }),
  });
  const issued = ((await res.json()) as { access_token: string }).access_token;
  tokens.set(upn, issued);
  return issued;
}

interface Sent {
  status: number;
  text: string;
  json: Record<string, unknown>;
}

async function send(
  path: string,
  init: { upn?: string; method?: string; body?: Uint8Array; headers?: Record<string, string> },
): Promise<Sent & { headers: Headers; bytes: Uint8Array }> {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: {
      ...(init.upn ? { authorization: `Bearer ${await token(init.upn)}` } : {}),
      ...init.headers,
    },
    ...(init.body ? { body: Buffer.from(init.body) } : {}),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* a file, not JSON */
  }
  return { status: res.status, text, json, headers: res.headers, bytes };
}

const upload = (
  body: Uint8Array,
  name: string,
  options: { upn?: string; attested?: boolean; itemId?: string; type?: string } = {},
) =>
  send(
    `/api/items/actions/${options.itemId ?? councilAction}/evidence${options.attested ? '?attested=true' : ''}`,
    {
      upn: options.upn ?? COUNCIL_LEAD,
      body,
      headers: {
        'content-type': options.type ?? 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
      },
    },
  );

const listed = async () =>
  (await send(`/api/items/actions/${councilAction}/evidence`, { upn: SCRUTINEER })).json.files as {
    id: string;
    name: string;
    sha256: string;
  }[];

const errorOf = (res: Sent) =>
  res.json.error as { code: string; message: string; where?: string; kinds?: string[] };

describe('uploading evidence over HTTP', () => {
  it('refuses a Word document that names a parent, without echoing its text', async () => {
    const before = (await listed()).length;
    const body = docx({
      body: ['Notes of the strategy discussion', `Mother: ${sample.parentName}, ${sample.phone}`],
    });
    const res = await upload(body, 'Strategy notes.docx', { type: DOCX });
    expect(res.status).toBe(422);
    expect(errorOf(res)).toMatchObject({ code: 'identifiable-data', where: 'content' });
    expect(errorOf(res).kinds).toEqual(expect.arrayContaining(['person-name', 'phone-number']));
    for (const leak of [sample.parentName, sample.phone, 'Strategy discussion'])
      expect(res.text).not.toContain(leak);
    expect(await listed()).toHaveLength(before);
  });

  it('accepts a clean Word document as text-checked', async () => {
    const body = docx({ body: ['The panel agreed the standing item’s format.'] });
    const res = await upload(body, 'Panel format – agreed.docx', { type: DOCX });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      name: 'Panel format – agreed.docx',
      contentType: DOCX,
      size: body.byteLength,
      itemList: 'actions',
      itemId: councilAction,
      screening: 'text-checked',
    });
    expect(res.json.attestedBy).toBeUndefined();
  });

  it('refuses a scanned PDF without an attestation, and records one when given', async () => {
    const scan = pdf([{ image: true }]);
    const refused = await upload(scan, 'Signed letter.pdf', { type: 'application/pdf' });
    expect(refused.status).toBe(422);
    expect(errorOf(refused).code).toBe('attestation-required');
    expect(errorOf(refused).message).toContain('scanned PDF');

    const accepted = await upload(scan, 'Signed letter.pdf', {
      type: 'application/pdf',
      attested: true,
    });
    expect(accepted.status).toBe(201);
    const people = await repo.all('people', { field: 'upn', equals: COUNCIL_LEAD });
    expect(accepted.json).toMatchObject({
      screening: 'attested',
      attestedBy: people[0]?.id,
      uploadedBy: people[0]?.id,
      contentType: 'application/pdf',
    });
    expect(typeof accepted.json.attestedAt).toBe('string');
  });

  it('treats a file of unknown type the same way', async () => {
    const body = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const refused = await upload(body, 'Flipchart photo.png', { type: 'image/png' });
    expect([refused.status, errorOf(refused).code]).toStrictEqual([422, 'attestation-required']);
    const accepted = await upload(body, 'Flipchart photo.png', { attested: true });
    expect(accepted.status).toBe(201);
    expect(accepted.json).toMatchObject({ screening: 'attested', contentType: 'image/png' });
  });

  it("refuses a partner lead on another partner's action", async () => {
    const res = await upload(docx({ body: ['Police note'] }), 'Note.docx', { upn: POLICE_LEAD });
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('forbidden');
  });

  it('refuses an oversize file with 413 and an empty one with 400', async () => {
    const big = await upload(new Uint8Array(MAX_BYTES + 1).fill(0x41), 'Big.txt');
    expect(big.status).toBe(413);
    expect(errorOf(big)).toMatchObject({ code: 'too-large' });
    const empty = await upload(new Uint8Array(), 'Empty.txt');
    expect(empty.status).toBe(400);
    expect(errorOf(empty).code).toBe('empty-file');
  });

  it('refuses an upload with no file name, or a name that identifies someone', async () => {
    const res = await send(`/api/items/actions/${councilAction}/evidence`, {
      upn: COUNCIL_LEAD,
      body: new TextEncoder().encode('text'),
    });
    expect([res.status, errorOf(res).code]).toStrictEqual([400, 'missing-name']);
    const named = await upload(new TextEncoder().encode('text'), `Mother ${sample.parentName}.txt`);
    expect(named.status).toBe(422);
    expect(errorOf(named)).toMatchObject({ code: 'identifiable-data', where: 'name' });
    expect(named.text).not.toContain(sample.parentName);
  });

  it('answers a retry with the stored file (200), keeping one copy', async () => {
    const body = docx({ body: ['Retry me: the same bytes twice.'] });
    const first = await upload(body, 'Retry.docx');
    const again = await upload(body, 'Retry.docx');
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json).toStrictEqual(first.json);
    expect((await listed()).filter((f) => f.id === first.json.id)).toHaveLength(1);
    expect((await listed()).filter((f) => f.sha256 === first.json.sha256)).toHaveLength(1);
  });

  it('needs a bearer token on every evidence route', async () => {
    const body = docx({ body: ['No token'] });
    expect((await upload(body, 'x.docx', { upn: '' })).status).toBe(401);
    expect((await send(`/api/items/actions/${councilAction}/evidence`, {})).status).toBe(401);
    const [file] = await listed();
    expect((await send(`/api/evidence/${file?.id ?? 'x'}/content`, {})).status).toBe(401);
    const bad = await send(`/api/evidence/${file?.id ?? 'x'}/content`, {
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(bad.status).toBe(401);
  });
});

describe('listing and downloading over HTTP', () => {
  it('downloads the bytes uploaded, as an attachment that is never sniffed', async () => {
    // Binary content over 64 KB, with every byte value, attested as it cannot be read.
    const body = new Uint8Array(200_000).map((_v, i) => (i * 7 + (i >> 8)) & 0xff);
    const name = 'Réunion “notes” 2026.bin';
    const stored = await upload(body, name, { attested: true });
    expect(stored.status).toBe(201);

    // Another partner's lead may not read the council's evidence; an executive reads it all.
    const other = await send(`/api/evidence/${String(stored.json.id)}/content`, {
      upn: POLICE_LEAD,
    });
    expect(other.status).toBe(403);
    const res = await send(`/api/evidence/${String(stored.json.id)}/content`, { upn: EXECUTIVE });
    expect(res.status).toBe(200);
    expect(Buffer.from(res.bytes).equals(Buffer.from(body))).toBe(true);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="R_union _notes_ 2026\.bin"; /);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
  });

  it('lists the item’s files oldest first, for whoever may read the item', async () => {
    const other = await send(`/api/items/actions/${councilAction}/evidence`, { upn: POLICE_LEAD });
    expect(other.status).toBe(403);
    const res = await send(`/api/items/actions/${councilAction}/evidence`, { upn: EXECUTIVE });
    expect(res.status).toBe(200);
    const files = res.json.files as { uploadedAt: string; itemId: string }[];
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f) => f.itemId === councilAction)).toBe(true);
    const times = files.map((f) => f.uploadedAt);
    expect(times).toStrictEqual([...times].sort());
  });

  it('answers 404 for an unknown file, item or list', async () => {
    expect((await send('/api/evidence/no-such-file/content', { upn: SCRUTINEER })).status).toBe(
      404,
    );
    expect(
      (await send('/api/items/actions/no-such-item/evidence', { upn: SCRUTINEER })).status,
    ).toBe(404);
    expect(
      (await send(`/api/items/people/${councilAction}/evidence`, { upn: SCRUTINEER })).status,
    ).toBe(404);
  });

  it('describes all three routes in the API description', async () => {
    const doc = (await send('/api/openapi.json', {})).json as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    const item = doc.paths['/api/items/{list}/{id}/evidence'];
    expect(item?.get).toBeDefined();
    expect(Object.keys(item?.post?.requestBody?.content ?? {})).toStrictEqual([
      'application/octet-stream',
    ]);
    expect(doc.paths['/api/evidence/{fileId}/content']?.get).toBeDefined();
  });
});
