import { randomBytes, randomUUID } from 'node:crypto';
import { graphTime, type EmulatorClock } from './clock.js';
import { GraphError, invalidRequest, nameAlreadyExists, notFound } from './errors.js';
import { itemJson } from './resources.js';
import type { IdentitySet, Store, StoredItem, StoredList, StoredSite } from './store.js';

/**
 * Document libraries as drives (https://learn.microsoft.com/graph/api/resources/drive): every
 * list created with `list.template: documentLibrary` has one drive, whose files and folders are
 * driveItems (https://learn.microsoft.com/graph/api/resources/driveitem) and, at the same time,
 * items of the library's list ("Items in SharePoint document libraries can be represented as
 * listItem or driveItem resources", same page). So a file's custom columns are the list item's
 * fields, and the list items endpoint, its filters and the indexed-column rule work on a library
 * as on any list. The HTTP side is `drive-routes.ts`; upload sessions are `upload-sessions.ts`.
 */

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

export interface DriveItemRecord {
  /** Opaque, like SharePoint's "01NKDM7HMOJTVYMDOSXFDK2QJDXCDI3WUK" (driveitem-get.md example). */
  id: string;
  name: string;
  /** Undefined for the root folder. */
  parentId?: string;
  folder: boolean;
  content?: Buffer;
  /** The library's list item behind this driveItem (the root has none). */
  listItemId?: number;
  guid: string;
  version: number;
  created: number;
  modified: number;
  createdBy: IdentitySet;
  modifiedBy: IdentitySet;
}

export interface StoredDrive {
  /** "b!..." like the drive-get.md example id. */
  id: string;
  site: StoredSite;
  list: StoredList;
  rootId: string;
  items: Map<string, DriveItemRecord>;
}

/** SharePoint refuses these in file and folder names (" * : < > ? / \ |), and edge spaces. */
const INVALID_NAME = /["*:<>?/\\|]|^\s|\s$|^\.+$|\.$/;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const itemId = () =>
  '01' + Array.from(randomBytes(32), (b) => BASE32[b % 32]).join(''); /* 34 characters in all */

const MIME: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** SharePoint gives a file's mimeType from its extension, not from what the client sent. */
export function mimeTypeOf(name: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return MIME[ext] ?? 'application/octet-stream';
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** "name.ext" → "name 1.ext", "name 2.ext"...: SharePoint's rename on conflict. */
function renamed(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} ${n}${name.slice(dot)}` : `${name} ${n}`;
}

export class Drives {
  private readonly byId = new Map<string, StoredDrive>();
  private readonly byList = new Map<string, StoredDrive>();

  constructor(
    readonly store: Store,
    readonly clock: EmulatorClock,
  ) {}

  /** The drive of a document library (made on first use); undefined for other lists. */
  forList(site: StoredSite, list: StoredList): StoredDrive | undefined {
    if (list.template !== 'documentLibrary' || !site.lists.has(list.id)) return undefined;
    let drive = this.byList.get(list.id);
    if (!drive) {
      const now = list.created;
      const root: DriveItemRecord = {
        id: itemId(),
        name: 'root',
        folder: true,
        guid: randomUUID().toUpperCase(),
        version: 1,
        created: now,
        modified: now,
        createdBy: list.createdBy,
        modifiedBy: list.createdBy,
      };
      drive = {
        id: `b!${randomBytes(48).toString('base64url')}`,
        site,
        list,
        rootId: root.id,
        items: new Map([[root.id, root]]),
      };
      this.byList.set(list.id, drive);
      this.byId.set(drive.id, drive);
    }
    return drive;
  }

  /** Every drive of a site: its document libraries (GET /sites/{site-id}/drives). */
  ofSite(site: StoredSite): StoredDrive[] {
    return [...site.lists.values()]
      .map((list) => this.forList(site, list))
      .filter((d): d is StoredDrive => d !== undefined);
  }

  drive(id: string): StoredDrive {
    const drive = this.byId.get(id);
    // A library deleted since: its drive is gone too.
    if (!drive || !drive.site.lists.has(drive.list.id)) throw notFound('Drive not found');
    return drive;
  }

  item(drive: StoredDrive, id: string): DriveItemRecord {
    const found = drive.items.get(id);
    if (!found) throw notFound('Item not found');
    return found;
  }

  /** The driveItem behind a library's list item (GET .../items/{item-id}/driveItem). */
  byListItem(drive: StoredDrive, listItemId: number): DriveItemRecord {
    for (const item of drive.items.values()) if (item.listItemId === listItemId) return item;
    throw notFound('Item not found');
  }

  children(drive: StoredDrive, parent: DriveItemRecord): DriveItemRecord[] {
    return [...drive.items.values()].filter((i) => i.parentId === parent.id);
  }

  child(drive: StoredDrive, parent: DriveItemRecord, name: string): DriveItemRecord | undefined {
    return this.children(drive, parent).find((i) => sameName(i.name, name));
  }

  /** Walks "a/b/c" from `base` (names compared case-insensitively, as SharePoint does). */
  resolve(drive: StoredDrive, base: DriveItemRecord, path: string[]): DriveItemRecord {
    let at = base;
    for (const name of path) {
      const next = at.folder ? this.child(drive, at, name) : undefined;
      if (!next) throw notFound('The resource could not be found.');
      at = next;
    }
    return at;
  }

  listItemOf(drive: StoredDrive, item: DriveItemRecord): StoredItem {
    const found = item.listItemId === undefined ? undefined : drive.list.items.get(item.listItemId);
    if (!found) throw notFound('Item not found');
    return found;
  }

  /**
   * Where a new item named `name` may go, by conflictBehavior: "fail" answers 409
   * nameAlreadyExists, "rename" finds a free name, "replace" returns the existing file to
   * overwrite (https://learn.microsoft.com/graph/api/resources/driveitem, instance attributes).
   */
  place(
    drive: StoredDrive,
    parent: DriveItemRecord,
    name: string,
    behavior: ConflictBehavior,
  ): { name: string; existing?: DriveItemRecord } {
    checkName(name);
    if (!parent.folder) throw invalidRequest('The parent of an item must be a folder.');
    const existing = this.child(drive, parent, name);
    if (!existing) return { name };
    if (behavior === 'fail') {
      throw nameAlreadyExists('The specified item name already exists.');
    }
    if (behavior === 'replace') return { name, existing };
    for (let n = 1; ; n++) {
      const candidate = renamed(name, n);
      if (!this.child(drive, parent, candidate)) return { name: candidate };
    }
  }

  createFolder(
    drive: StoredDrive,
    parent: DriveItemRecord,
    name: string,
    behavior: ConflictBehavior,
    who: IdentitySet,
  ): DriveItemRecord {
    const spot = this.place(drive, parent, name, behavior);
    if (spot.existing) {
      if (spot.existing.folder) return spot.existing;
      throw nameAlreadyExists('A file with this name already exists.');
    }
    return this.add(drive, parent, spot.name, true, undefined, who);
  }

  /** Writes a file: a new one, or new content for `existing` (a new version of it). */
  writeFile(
    drive: StoredDrive,
    parent: DriveItemRecord,
    name: string,
    content: Buffer,
    behavior: ConflictBehavior,
    who: IdentitySet,
  ): { item: DriveItemRecord; created: boolean } {
    const spot = this.place(drive, parent, name, behavior);
    const existing = spot.existing;
    if (existing) {
      if (existing.folder) throw nameAlreadyExists('A folder with this name already exists.');
      existing.content = content;
      existing.version += 1;
      existing.modified = this.clock.now();
      existing.modifiedBy = who;
      this.store.updateItem(drive.list, this.listItemOf(drive, existing), {}, who);
      return { item: existing, created: false };
    }
    return { item: this.add(drive, parent, spot.name, false, content, who), created: true };
  }

  delete(drive: StoredDrive, item: DriveItemRecord): void {
    if (item.id === drive.rootId) throw invalidRequest('The root folder cannot be deleted.');
    for (const child of this.children(drive, item)) this.delete(drive, child);
    const listItem =
      item.listItemId === undefined ? undefined : drive.list.items.get(item.listItemId);
    if (listItem) this.store.deleteItem(drive.list, listItem);
    drive.items.delete(item.id);
  }

  private add(
    drive: StoredDrive,
    parent: DriveItemRecord,
    name: string,
    folder: boolean,
    content: Buffer | undefined,
    who: IdentitySet,
  ): DriveItemRecord {
    // Every file and folder in a library is also an item of its list, with empty custom columns.
    const listItem = this.store.createItem(drive.list, {}, who);
    const now = this.clock.now();
    const item: DriveItemRecord = {
      id: itemId(),
      name,
      parentId: parent.id,
      folder,
      ...(content ? { content } : {}),
      listItemId: listItem.id,
      guid: listItem.guid,
      version: 1,
      created: now,
      modified: now,
      createdBy: who,
      modifiedBy: who,
    };
    drive.items.set(item.id, item);
    return item;
  }
}

export function checkName(name: string): void {
  if (name === '' || name.length > 400 || INVALID_NAME.test(name)) {
    // SharePoint's restricted characters and edges ("Restrictions and limitations in OneDrive
    // and SharePoint"); Graph's exact message is not documented (assumed 400 invalidRequest).
    throw invalidRequest(`The name '${name}' contains characters that aren't allowed.`);
  }
}

/** The conflictBehavior value, or a 400 for anything else. */
export function conflictBehaviorOf(value: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === 'fail' || value === 'replace' || value === 'rename') return value;
  throw invalidRequest(`Invalid value '${String(value)}' for @microsoft.graph.conflictBehavior.`);
}

/** drive (https://learn.microsoft.com/graph/api/resources/drive; drive-get.md example). */
export function driveJson(drive: StoredDrive): Record<string, unknown> {
  const { list, site } = drive;
  return {
    createdDateTime: graphTime(list.created),
    description: list.description,
    id: drive.id,
    lastModifiedDateTime: graphTime(list.modified),
    name: list.displayName,
    webUrl: `${site.webUrl}/${list.name}`,
    driveType: 'documentLibrary',
    createdBy: list.createdBy,
    owner: { group: { displayName: `${site.displayName} Owners` } },
  };
}

export function pathOf(drive: StoredDrive, item: DriveItemRecord): string {
  const names: string[] = [];
  let at: DriveItemRecord | undefined = item;
  while (at && at.parentId !== undefined) {
    names.unshift(at.name);
    at = drive.items.get(at.parentId);
  }
  return names.join('/');
}

function sizeOf(drive: StoredDrive, item: DriveItemRecord): number {
  if (!item.folder) return item.content?.byteLength ?? 0;
  let total = 0;
  for (const child of drive.items.values()) {
    if (child.parentId === item.id) total += sizeOf(drive, child);
  }
  return total;
}

export interface DriveItemJsonOptions {
  /** Where pre-authenticated download URLs point (the emulator's origin). */
  downloadUrl?: (item: DriveItemRecord) => string;
  /** `expand=listItem` / `expand=listItem(expand=fields)`. */
  listItem?: { fields: boolean };
  resolveLookup: Parameters<typeof itemJson>[1]['resolveLookup'];
}

/**
 * driveItem (https://learn.microsoft.com/graph/api/resources/driveitem): eTag "{GUID},n" and
 * cTag "c:{GUID},n" as in the driveitem-get.md example, the file or folder facet, parentReference
 * and, for files, `@microsoft.graph.downloadUrl` ("A URL that can be used to download this file's
 * content. Authentication is not required with this URL.").
 */
export function driveItemJson(
  drive: StoredDrive,
  item: DriveItemRecord,
  options: DriveItemJsonOptions,
): Record<string, unknown> {
  const path = pathOf(drive, item);
  const parent = item.parentId === undefined ? undefined : drive.items.get(item.parentId);
  const json: Record<string, unknown> = {};
  if (!item.folder && options.downloadUrl) {
    json['@microsoft.graph.downloadUrl'] = options.downloadUrl(item);
  }
  Object.assign(json, {
    createdBy: item.createdBy,
    createdDateTime: graphTime(item.created),
    eTag: `"{${item.guid}},${item.version}"`,
    id: item.id,
    lastModifiedBy: item.modifiedBy,
    lastModifiedDateTime: graphTime(item.modified),
    name: item.parentId === undefined ? 'root' : item.name,
    webUrl: `${drive.site.webUrl}/${drive.list.name}${path ? `/${encodeURI(path)}` : ''}`,
    size: sizeOf(drive, item),
  });
  if (!item.folder) json.cTag = `"c:{${item.guid}},${item.version}"`;
  if (parent) {
    const parentPath = pathOf(drive, parent);
    json.parentReference = {
      driveId: drive.id,
      driveType: 'documentLibrary',
      id: parent.id,
      path: `/drives/${drive.id}/root:${parentPath ? `/${parentPath}` : ''}`,
      siteId: drive.site.id,
    };
  }
  if (item.folder) {
    json.folder = {
      childCount: [...drive.items.values()].filter((c) => c.parentId === item.id).length,
    };
  } else {
    json.file = { mimeType: mimeTypeOf(item.name) };
  }
  if (item.parentId === undefined) json.root = {};
  if (options.listItem && item.listItemId !== undefined) {
    const listItem = drive.list.items.get(item.listItemId);
    if (listItem) {
      json.listItem = itemJson(listItem, {
        site: drive.site,
        list: drive.list,
        ...(options.listItem.fields ? { fields: {} } : {}),
        resolveLookup: options.resolveLookup,
      });
    }
  }
  return json;
}

/** `$expand` on a driveItem: `listItem`, `listItem(expand=fields)`, `listItem($expand=fields)`. */
export function parseDriveItemExpand(source: string | null): { fields: boolean } | undefined {
  if (source === null || source.trim() === '') return undefined;
  const match = /^listItem(?:\(\$?expand=fields\))?$/.exec(source.replace(/\s+/g, ''));
  if (!match) {
    throw new GraphError(
      400,
      'BadRequest',
      `The emulator expands only 'listItem' or 'listItem(expand=fields)' on a driveItem.`,
    );
  }
  return { fields: source.includes('fields') };
}
