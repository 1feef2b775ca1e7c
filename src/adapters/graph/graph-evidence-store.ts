import { createHash } from 'node:crypto';
import type {
  EvidenceFile,
  EvidenceScreening,
  EvidenceStore,
  NewEvidence,
} from '../../application/ports/evidence.js';
import type { ChangeContext } from '../../application/ports/repository.js';
import { safeFileName } from '../../application/use-cases/evidence-name.js';
import { listNames, type ListName } from '../../domain/lists/schema.js';
import { DEFAULT_FRAGMENT, DriveTransfer, type UploadOutcome } from './drive-transfer.js';
import type { GraphHttp, GraphResponse } from './graph-http.js';
import { columnNameOf } from './provisioning-plan.js';
import { EVIDENCE_LIBRARY, evidenceLibrary, screenings } from './provisioning/evidence-library.js';

/**
 * The EvidenceStore port on a SharePoint document library (`CF Evidence`, planned in
 * `provisioning/evidence-library.ts`) through Microsoft Graph.
 *
 * Layout: one folder per linked item (`actions-<item id>`), and in it each file named
 * `<first 16 hex of its SHA-256>-<name>`. The port's metadata are the file's list-item columns.
 *
 * put, in an order that makes a retry safe at any point:
 * 1. the item's files are looked up by `sha256` (indexed): a complete one is returned as it is;
 * 2. the item's folder is listed for a file with this content's prefix: one left by an earlier
 *    try whose metadata never arrived (or by a concurrent put) is taken, not uploaded again;
 * 3. otherwise the bytes go up with conflictBehavior=fail: one PUT up to 4 MiB
 *    (https://learn.microsoft.com/graph/api/driveitem-put-content; the OneDrive upload guide
 *    keeps simple upload for "less than 4 MB"), an upload session above
 *    (https://learn.microsoft.com/graph/api/driveitem-createuploadsession); a 409 means another
 *    try got there first, so its file is taken as in 2;
 * 4. the columns are written with If-Match on the list item (PATCH .../listItem/fields): if
 *    someone else completed it meanwhile (412), what they wrote is returned.
 *
 * Ids are the library's list-item ids; get, list and content read the list items
 * (GET /sites/{site-id}/lists/{list-id}/items, listitem-list.md) and content follows the 302
 * of GET /drives/{drive-id}/items/{item-id}/content (driveitem-get-content.md) without the token.
 */

export interface GraphEvidenceStoreOptions {
  /** Bytes per upload-session fragment, a multiple of 320 KiB (default 5 MiB). */
  fragmentSize?: number;
  /** The largest file sent in one PUT (default 4 MiB). */
  simpleUploadMax?: number;
  /** For the pre-authenticated URLs, which must not carry the token (default: global fetch). */
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Tries of one fragment or download (default 5). */
  maxAttempts?: number;
  /** First back-off after a failed fragment, doubling (default 1 s). */
  retryDelayMs?: number;
}

const SIMPLE_UPLOAD_MAX = 4 * 1024 * 1024;
const PAGE = 5_000;

type Fields = Record<string, unknown>;
interface Library {
  listId: string;
  driveId: string;
}

/** Column names, from the plan that created them. */
const col = Object.fromEntries(
  Object.keys(evidenceLibrary.columns).map((field) => [
    field,
    columnNameOf(EVIDENCE_LIBRARY, field),
  ]),
) as Record<keyof typeof evidenceLibrary.columns, string>;

const isHex64 = (value: string) => /^[0-9a-f]{64}$/.test(value);
const isListItemId = (id: string) => /^[1-9]\d{0,15}$/.test(id);
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The stored name: the use case's rules (`safeFileName`), and also no `#` or `%`, which break
 * path-based addressing (`/root:/{path}:`) in some clients even when encoded.
 */
function storedFileName(name: string): string {
  return safeFileName(name).replace(/[#%]/g, '_') || 'file';
}

/** The item's folder: readable when the id is plain, a hash otherwise (never a path). */
export function folderNameOf(itemList: string, itemId: string): string {
  if (/^[A-Za-z0-9-]{1,100}$/.test(itemId)) return `${itemList}-${itemId}`;
  return `${itemList}_${createHash('sha256').update(itemId).digest('hex').slice(0, 32)}`;
}

export class GraphEvidenceStore implements EvidenceStore {
  private library: Promise<Library> | undefined;
  private readonly folders = new Map<string, Promise<string>>();
  private readonly transfer: DriveTransfer;
  private readonly fragmentSize: number;
  private readonly simpleUploadMax: number;

  constructor(
    private readonly http: GraphHttp,
    private readonly siteId: string,
    options: GraphEvidenceStoreOptions = {},
  ) {
    this.fragmentSize = options.fragmentSize ?? DEFAULT_FRAGMENT;
    this.simpleUploadMax = options.simpleUploadMax ?? SIMPLE_UPLOAD_MAX;
    this.transfer = new DriveTransfer({
      gate: http.gate,
      fetch: options.fetch ?? fetch,
      now: options.now ?? Date.now,
      sleep: options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms))),
      maxAttempts: options.maxAttempts ?? 5,
      retryDelayMs: options.retryDelayMs ?? 1_000,
    });
  }

  async put(file: NewEvidence, content: Uint8Array, ctx: ChangeContext): Promise<EvidenceFile> {
    if (!isHex64(file.sha256)) throw new Error('sha256 must be 64 lower-case hex digits.');
    if (createHash('sha256').update(content).digest('hex') !== file.sha256) {
      throw new Error('The content does not match its sha256.');
    }
    const lib = await this.lib();
    const stored = await this.findStored(lib, file);
    if (stored) return stored;
    const folderId = await this.folder(lib, folderNameOf(file.itemList, file.itemId));
    const prefix = `${file.sha256.slice(0, 16)}-`;
    let driveItemId = await this.findUpload(lib, folderId, prefix);
    if (!driveItemId) {
      const outcome = await this.upload(lib, folderId, prefix + storedFileName(file.name), content);
      driveItemId = 'id' in outcome ? outcome.id : await this.findUpload(lib, folderId, prefix);
      if (!driveItemId) throw new Error('The evidence file name is taken by another file.');
    }
    return this.complete(lib, driveItemId, file, content.byteLength, ctx);
  }

  async list(itemList: ListName, itemId: string): Promise<EvidenceFile[]> {
    const lib = await this.lib();
    const files = (await this.itemsWhere(lib, col.itemId, itemId)).filter(
      (file) => file.itemList === itemList,
    );
    return files.sort(
      (a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || Number(a.id) - Number(b.id),
    );
  }

  async get(id: string): Promise<EvidenceFile | undefined> {
    if (!isListItemId(id)) return undefined;
    const lib = await this.lib();
    const res = await this.http.send('GET', `${this.items(lib)}/${id}?expand=fields`);
    if (res.status === 404) return undefined;
    const item = ok(res, 'reading an evidence file') as { id: string; fields?: Fields };
    return evidenceOf(item.id, item.fields ?? {});
  }

  async content(id: string): Promise<Uint8Array | undefined> {
    if (!isListItemId(id)) return undefined;
    const lib = await this.lib();
    const res = await this.http.send(
      'GET',
      `${this.items(lib)}/${id}/driveItem?$select=id&expand=listItem(expand=fields)`,
    );
    if (res.status === 404) return undefined;
    const item = ok(res, 'reading an evidence file') as {
      id: string;
      listItem?: { fields?: Fields };
    };
    if (!evidenceOf(id, item.listItem?.fields ?? {})) return undefined;
    const redirect = await this.http.send(
      'GET',
      `/drives/${encodeURIComponent(lib.driveId)}/items/${encodeURIComponent(item.id)}/content`,
      { redirect: 'manual' },
    );
    const location = redirect.headers.get('location');
    if (redirect.status !== 302 || !location) {
      throw graphError(redirect, 'downloading an evidence file');
    }
    return this.transfer.download(location);
  }

  private lib(): Promise<Library> {
    this.library ??= this.findLibrary().catch((error: unknown) => {
      this.library = undefined;
      throw error;
    });
    return this.library;
  }

  private async findLibrary(): Promise<Library> {
    const site = `/sites/${encodeURIComponent(this.siteId)}`;
    const list = ok(
      await this.http.send(
        'GET',
        `${site}/lists/${encodeURIComponent(evidenceLibrary.title)}?$select=id`,
      ),
      `finding the ${evidenceLibrary.title} library (provision it first)`,
    ) as { id: string };
    const drive = ok(
      await this.http.send('GET', `${site}/lists/${list.id}/drive?$select=id`),
      `opening the ${evidenceLibrary.title} drive`,
    ) as { id: string };
    return { listId: list.id, driveId: drive.id };
  }

  private items(lib: Library): string {
    return `/sites/${encodeURIComponent(this.siteId)}/lists/${lib.listId}/items`;
  }

  private drive(lib: Library): string {
    return `/drives/${encodeURIComponent(lib.driveId)}`;
  }

  /** Complete evidence files whose indexed `column` equals `value`. */
  private async itemsWhere(lib: Library, column: string, value: string): Promise<EvidenceFile[]> {
    const filter = encodeURIComponent(`fields/${column} eq ${literal(value)}`);
    let link: string | undefined =
      `${this.items(lib)}?expand=fields&$filter=${filter}&$top=${PAGE}`;
    const out: EvidenceFile[] = [];
    while (link) {
      const body = ok(await this.http.send('GET', link), 'listing evidence files') as {
        value: { id: string; fields?: Fields }[];
        '@odata.nextLink'?: string;
      };
      for (const item of body.value) {
        const file = evidenceOf(item.id, item.fields ?? {});
        if (file) out.push(file);
      }
      link = body['@odata.nextLink'];
    }
    return out;
  }

  /** The oldest complete file with this content for this item, if any. */
  private async findStored(lib: Library, file: NewEvidence): Promise<EvidenceFile | undefined> {
    const same = (await this.itemsWhere(lib, col.sha256, file.sha256)).filter(
      (f) => f.itemList === file.itemList && f.itemId === file.itemId,
    );
    return same.sort((a, b) => Number(a.id) - Number(b.id))[0];
  }

  /** The item's folder id, made on first use (POST .../children, driveitem-post-children.md). */
  private folder(lib: Library, name: string): Promise<string> {
    let found = this.folders.get(name);
    if (!found) {
      found = this.ensureFolder(lib, name).catch((error: unknown) => {
        this.folders.delete(name);
        throw error;
      });
      this.folders.set(name, found);
    }
    return found;
  }

  private async ensureFolder(lib: Library, name: string): Promise<string> {
    const byPath = `${this.drive(lib)}/root:/${encodeURIComponent(name)}?$select=id`;
    const existing = await this.http.send('GET', byPath);
    if (existing.status === 200) return (existing.body as { id: string }).id;
    if (existing.status !== 404) throw graphError(existing, 'finding an evidence folder');
    const made = await this.http.send('POST', `${this.drive(lib)}/root/children`, {
      body: { name, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
    });
    if (made.status === 201) return (made.body as { id: string }).id;
    if (made.status !== 409) throw graphError(made, 'making an evidence folder');
    // Made by a concurrent put.
    return (ok(await this.http.send('GET', byPath), 'finding an evidence folder') as { id: string })
      .id;
  }

  /** A file in the folder whose name starts with the content prefix. */
  private async findUpload(
    lib: Library,
    folderId: string,
    prefix: string,
  ): Promise<string | undefined> {
    let link: string | undefined =
      `${this.drive(lib)}/items/${encodeURIComponent(folderId)}/children?$select=id,name`;
    while (link) {
      const body = ok(await this.http.send('GET', link), 'listing an evidence folder') as {
        value: { id: string; name: string }[];
        '@odata.nextLink'?: string;
      };
      const hit = body.value.find((child) => child.name.startsWith(prefix));
      if (hit) return hit.id;
      link = body['@odata.nextLink'];
    }
    return undefined;
  }

  private async upload(
    lib: Library,
    folderId: string,
    name: string,
    content: Uint8Array,
  ): Promise<UploadOutcome> {
    const at = `${this.drive(lib)}/items/${encodeURIComponent(folderId)}:/${encodeURIComponent(name)}:`;
    if (content.byteLength <= this.simpleUploadMax) {
      // conflictBehavior goes in the URL ("instead of the body", resources/driveitem.md).
      const res = await this.http.send(
        'PUT',
        `${at}/content?@microsoft.graph.conflictBehavior=fail`,
        {
          body: Buffer.from(content.buffer, content.byteOffset, content.byteLength),
          headers: { 'Content-Type': 'application/octet-stream' },
        },
      );
      if (res.status === 409) return { conflict: true };
      return { id: (ok(res, 'uploading an evidence file') as { id: string }).id };
    }
    const session = await this.http.send('POST', `${at}/createUploadSession`, {
      body: { item: { '@microsoft.graph.conflictBehavior': 'fail', name } },
    });
    if (session.status === 409) return { conflict: true };
    const { uploadUrl } = ok(session, 'starting an upload session') as { uploadUrl: string };
    return this.transfer.upload(uploadUrl, content, this.fragmentSize);
  }

  /** Writes the columns once, guarded by the list item's eTag; returns what is stored. */
  private async complete(
    lib: Library,
    driveItemId: string,
    file: NewEvidence,
    size: number,
    ctx: ChangeContext,
  ): Promise<EvidenceFile> {
    const at = `${this.drive(lib)}/items/${encodeURIComponent(driveItemId)}/listItem`;
    for (let attempt = 0; attempt < 3; attempt++) {
      const item = ok(await this.http.send('GET', `${at}?expand=fields`), 'reading an upload') as {
        id: string;
        eTag: string;
        fields?: Fields;
      };
      const stored = evidenceOf(item.id, item.fields ?? {});
      if (stored) {
        if (
          stored.itemList === file.itemList &&
          stored.itemId === file.itemId &&
          stored.sha256 === file.sha256
        ) {
          return stored;
        }
        throw new Error('An evidence file with this content prefix belongs to other content.');
      }
      const res = await this.http.send('PATCH', `${at}/fields`, {
        body: fieldsOf(file, size, ctx),
        headers: { 'If-Match': item.eTag },
      });
      if (res.status === 412) continue;
      const done = evidenceOf(item.id, ok(res, 'describing an evidence file') as Fields);
      if (!done) throw new Error('Graph did not keep the evidence file’s columns.');
      return done;
    }
    throw new Error('The evidence file kept changing while its columns were written.');
  }
}

/** The list-item columns for a new file (who and when in the system columns). */
function fieldsOf(file: NewEvidence, size: number, ctx: ChangeContext): Fields {
  return {
    [col.title]: storedFileName(file.name),
    [col.itemList]: file.itemList,
    [col.itemId]: file.itemId,
    [col.sha256]: file.sha256,
    [col.contentType]: file.contentType,
    [col.size]: size,
    [col.screening]: file.screening,
    ...(file.attestedBy ? { [col.attestedBy]: file.attestedBy } : {}),
    ...(file.attestedAt ? { [col.attestedAt]: file.attestedAt } : {}),
    cfCreatedBy: ctx.actorId,
    cfCreatedAt: ctx.at,
    cfModifiedBy: ctx.actorId,
    cfModifiedAt: ctx.at,
    cfHomeTenantId: ctx.homeTenantId,
    cfChannel: ctx.channel,
  };
}

/** The port's record from a list item's fields; undefined unless every column is there. */
function evidenceOf(id: string, fields: Fields): EvidenceFile | undefined {
  const name = str(fields[col.title]);
  const itemList = str(fields[col.itemList]);
  const itemId = str(fields[col.itemId]);
  const sha256 = str(fields[col.sha256]);
  const contentType = str(fields[col.contentType]);
  const screening = str(fields[col.screening]);
  const uploadedBy = str(fields.cfCreatedBy);
  const uploadedAt = str(fields.cfCreatedAt);
  const size = fields[col.size];
  if (
    !name ||
    !itemList ||
    !(listNames as readonly string[]).includes(itemList) ||
    !itemId ||
    !sha256 ||
    !contentType ||
    !screening ||
    !(screenings as readonly string[]).includes(screening) ||
    !uploadedBy ||
    !uploadedAt ||
    typeof size !== 'number'
  ) {
    return undefined;
  }
  const attestedBy = str(fields[col.attestedBy]);
  const attestedAt = str(fields[col.attestedAt]);
  return {
    id: String(id),
    name,
    contentType,
    size,
    itemList: itemList as ListName,
    itemId,
    screening: screening as EvidenceScreening,
    ...(attestedBy ? { attestedBy } : {}),
    ...(attestedAt ? { attestedAt } : {}),
    uploadedBy,
    uploadedAt,
    sha256,
  };
}

function graphError(res: GraphResponse, what: string): Error {
  const error = (res.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return new Error(
    `${what}: Graph answered ${res.status} ${error?.code ?? ''} ${error?.message ?? ''}`.trim(),
  );
}

function ok(res: GraphResponse, what: string): unknown {
  if (res.status >= 200 && res.status < 300) return res.body;
  throw graphError(res, what);
}
