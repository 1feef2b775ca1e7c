import { randomUUID } from 'node:crypto';
import { graphTime, type EmulatorClock } from './clock.js';
import { localMidnight } from './dates.js';
import {
  builtInColumns,
  columnFromDefinition,
  isMultiValue,
  patchColumn,
  type Column,
} from './columns.js';
import { GraphError, invalidRequest, nameAlreadyExists, notFound } from './errors.js';

/**
 * The emulator's in-memory SharePoint: sites, lists, columns, items, their versions and each
 * list's change log (for delta). Everything Graph can refuse about a write is checked here, so the
 * HTTP layer and `$batch` share one set of rules.
 */

/** identitySet (https://learn.microsoft.com/graph/api/resources/identityset). */
export interface IdentitySet {
  user?: { id?: string; displayName: string; email?: string };
  application?: { id: string; displayName: string };
}

export interface ItemVersion {
  label: string;
  fields: Record<string, unknown>;
  modified: number;
  modifiedBy: IdentitySet;
}

export interface StoredItem {
  id: number;
  /** The GUID in the item's eTag. */
  guid: string;
  /** Starts at 1, +1 on every update: the number after the comma in the eTag. */
  version: number;
  /** Column values by internal name (lookups: the looked-up item id, or ids). */
  fields: Record<string, unknown>;
  created: number;
  modified: number;
  createdBy: IdentitySet;
  modifiedBy: IdentitySet;
  authorLookupId: number;
  editorLookupId: number;
  /** Position in the list's change log of this item's latest change. */
  changeSeq: number;
  /** Every version, oldest first (SharePoint keeps major versions on lists by default). */
  history: ItemVersion[];
}

export interface Tombstone {
  id: number;
  changeSeq: number;
}

export interface StoredList {
  id: string;
  siteId: string;
  name: string;
  displayName: string;
  description: string;
  template: string;
  /** The GUID and version of the list's own eTag. */
  guid: string;
  version: number;
  created: number;
  modified: number;
  createdBy: IdentitySet;
  columns: Column[];
  items: Map<number, StoredItem>;
  tombstones: Map<number, Tombstone>;
  nextItemId: number;
  /** The change log's head: every create, update and delete takes the next number. */
  changeSeq: number;
  /** Per unique column: value key -> item id (built on demand, dropped when columns change). */
  uniqueIndex?: Map<string, Map<string, number>>;
}

export interface StoredSite {
  /** "{hostname},{site collection id},{web id}" (see `addSite`). */
  id: string;
  hostname: string;
  /** Server-relative path, e.g. "/sites/scrutiny". */
  path: string;
  name: string;
  displayName: string;
  description: string;
  webUrl: string;
  created: number;
  /** The site's regional time zone (IANA name), which date-only columns are kept in. */
  timeZone: string;
  lists: Map<string, StoredList>;
}

export interface SiteInput {
  hostname: string;
  /** Server-relative path, e.g. "/sites/scrutiny". */
  path: string;
  displayName?: string;
  description?: string;
  /** GUIDs for the id; random when omitted. */
  siteCollectionId?: string;
  webId?: string;
  /** The site's regional time zone as an IANA name; UTC when omitted. */
  timeZone?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const sameText = (a: string, b: string) =>
  a.localeCompare(b, 'en', { sensitivity: 'accent' }) === 0;

export const etagOf = (guid: string, version: number) => `"{${guid}},${version}"`;

/** "If-Match: <eTag>": 412 when it is not the item's current eTag (listitem-update.md). */
export function checkIfMatch(headers: Record<string, string>, item: StoredItem): void {
  const wanted = headers['if-match'];
  if (wanted === undefined || wanted.trim() === '*') return;
  const norm = (tag: string) => tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '').toLowerCase();
  if (norm(wanted) !== norm(etagOf(item.guid, item.version))) {
    // Code from concepts/errors.md: "resourceModified: The resource being updated has changed
    // since the caller last read it, usually an eTag mismatch." (message assumed)
    throw new GraphError(
      412,
      'resourceModified',
      "The request ETag value does not match the object's ETag value.",
    );
  }
}

const LIST_KEYS = new Set(['displayName', 'name', 'description', 'columns', 'list', '@odata.type']);

export class Store {
  readonly sites = new Map<string, StoredSite>();
  /** Delta tokens issued before the current generation answer 410 Gone. */
  deltaGeneration = 0;
  private readonly people = new Map<string, number>();
  private readonly names = new Map<number, string>();

  constructor(private readonly clock: EmulatorClock) {}

  /**
   * Seeds a site (the emulator never creates sites through Graph). The id follows Graph's site id
   * format "{hostname},{spsite.id},{spweb.id}", e.g.
   * "contoso.sharepoint.com,2C712604-1370-44E7-A1F5-426573FDA80A,2D2244C3-251A-49EA-93A8-39E1C3A060FE"
   * (https://learn.microsoft.com/graph/api/site-getbypath, response example).
   */
  addSite(input: SiteInput): StoredSite {
    const path = '/' + input.path.replace(/^\/+|\/+$/g, '');
    const collection = (input.siteCollectionId ?? randomUUID()).toUpperCase();
    const web = (input.webId ?? randomUUID()).toUpperCase();
    const id = `${input.hostname},${collection},${web}`;
    const name = path.split('/').filter(Boolean).pop() ?? input.hostname;
    const site: StoredSite = {
      id,
      hostname: input.hostname,
      path,
      name,
      displayName: input.displayName ?? name,
      description: input.description ?? '',
      webUrl: `https://${input.hostname}${path === '/' ? '' : path}`,
      created: this.clock.now(),
      timeZone: input.timeZone ?? 'UTC',
      lists: new Map(),
    };
    if (this.siteByPath(site.hostname, site.path)) {
      throw new Error(`a site already exists at ${site.hostname}${site.path}`);
    }
    this.sites.set(id.toLowerCase(), site);
    return site;
  }

  siteById(id: string): StoredSite | undefined {
    return this.sites.get(id.toLowerCase());
  }

  siteByPath(hostname: string, path: string): StoredSite | undefined {
    const wanted = '/' + path.replace(/^\/+|\/+$/g, '');
    for (const site of this.sites.values()) {
      if (sameText(site.hostname, hostname) && sameText(site.path, wanted)) return site;
    }
    return undefined;
  }

  /** A list by id, or by title: GET /sites/{site-id}/lists/{list-title} (list-get.md). */
  findList(site: StoredSite, ref: string): StoredList | undefined {
    const byId = site.lists.get(ref.toLowerCase());
    if (byId) return byId;
    for (const list of site.lists.values()) {
      if (sameText(list.displayName, ref) || sameText(list.name, ref)) return list;
    }
    return undefined;
  }

  /** POST /sites/{site-id}/lists (https://learn.microsoft.com/graph/api/list-create). */
  createList(site: StoredSite, body: unknown, who: IdentitySet): StoredList {
    if (!isRecord(body)) throw invalidRequest('The request body must be a JSON object.');
    for (const key of Object.keys(body)) {
      if (!LIST_KEYS.has(key)) {
        throw invalidRequest(`Property '${key}' does not exist on type 'microsoft.graph.list'.`);
      }
    }
    const displayName = body.displayName;
    if (typeof displayName !== 'string' || displayName.trim() === '') {
      throw invalidRequest("A list needs a 'displayName'.");
    }
    const facet = body.list;
    const template = isRecord(facet) && typeof facet.template === 'string' ? facet.template : '';
    // "If the list facet or template is unspecified, the list defaults to the genericList
    // template" (list-create.md). Document libraries get a drive (drives.ts); other templates
    // (tasks, announcements...) are not emulated.
    if (template !== '' && template !== 'genericList' && template !== 'documentLibrary') {
      throw invalidRequest(
        `The emulator only creates 'genericList' lists and 'documentLibrary' libraries, not '${template}'.`,
      );
    }
    for (const list of site.lists.values()) {
      if (sameText(list.displayName, displayName)) {
        // SharePoint's SPException text for a duplicate list title.
        throw nameAlreadyExists(
          'A list, survey, discussion board, or document library with the specified title ' +
            'already exists in this Web site.  Please choose another title.',
        );
      }
    }
    const columns = builtInColumns();
    // A library's Title is optional: files are named by their file name.
    if (template === 'documentLibrary') {
      columns[0] = { ...(columns[0] as Column), required: false };
    }
    const definitions = body.columns ?? [];
    if (!Array.isArray(definitions)) throw invalidRequest("'columns' must be an array.");
    for (const definition of definitions) addColumnTo(columns, columnFromDefinition(definition));
    const now = this.clock.now();
    const id = randomUUID();
    const list: StoredList = {
      id,
      siteId: site.id,
      name:
        typeof body.name === 'string' && body.name !== ''
          ? body.name
          : displayName.replace(/[^A-Za-z0-9_-]/g, ''),
      displayName,
      description: typeof body.description === 'string' ? body.description : '',
      template: template === 'documentLibrary' ? template : 'genericList',
      guid: randomUUID().toUpperCase(),
      version: 1,
      created: now,
      modified: now,
      createdBy: who,
      columns,
      items: new Map(),
      tombstones: new Map(),
      nextItemId: 1,
      changeSeq: 0,
    };
    for (const column of columns) this.checkLookupTarget(site, column);
    site.lists.set(id, list);
    return list;
  }

  /** By id only: the documented address is .../columns/{column-id} (columndefinition-get.md). */
  findColumn(list: StoredList, ref: string): Column | undefined {
    return list.columns.find((c) => c.id.toLowerCase() === ref.toLowerCase());
  }

  /** POST /sites/{site-id}/lists/{list-id}/columns (list-post-columns.md). */
  addColumn(site: StoredSite, list: StoredList, body: unknown): Column {
    const column = columnFromDefinition(body);
    this.checkLookupTarget(site, column);
    addColumnTo(list.columns, column);
    this.touchList(list);
    return column;
  }

  /** PATCH /sites/{site-id}/lists/{list-id}/columns/{column-id} (columndefinition-update.md). */
  updateColumn(list: StoredList, column: Column, body: unknown): Column {
    const next = patchColumn(column, body);
    if (next.enforceUniqueValues && !column.enforceUniqueValues) {
      const seen = new Set<string>();
      for (const item of list.items.values()) {
        const key = uniqueKey(valueOf(item, next));
        if (key === undefined) continue;
        if (seen.has(key)) {
          // SharePoint's message when uniqueness is turned on over existing duplicates.
          throw invalidRequest(
            'This field contains duplicate values. Remove all duplicate values and try the operation again.',
          );
        }
        seen.add(key);
      }
    }
    list.columns[list.columns.indexOf(column)] = next;
    this.touchList(list);
    return next;
  }

  deleteColumn(list: StoredList, column: Column): void {
    if (column.builtIn) throw invalidRequest(`Column '${column.name}' cannot be deleted.`);
    list.columns.splice(list.columns.indexOf(column), 1);
    for (const item of list.items.values()) delete item.fields[column.name];
    this.touchList(list);
  }

  /** The SharePoint user-information-list id a person or app gets on first write. */
  lookupIdFor(who: IdentitySet): number {
    const key = who.user?.id ?? who.application?.id ?? who.user?.displayName ?? 'anonymous';
    let id = this.people.get(key);
    if (id === undefined) {
      id = this.people.size + 1;
      this.people.set(key, id);
      this.names.set(id, who.user?.displayName ?? who.application?.displayName ?? key);
    }
    return id;
  }

  /** The display name behind a person lookup id (undefined for people never seen). */
  personName(lookupId: number): string | undefined {
    return this.names.get(lookupId);
  }

  /** POST /sites/{site-id}/lists/{list-id}/items (listitem-create.md). */
  createItem(list: StoredList, input: unknown, who: IdentitySet): StoredItem {
    const values = this.normalise(list, input);
    this.checkUnique(list, values, undefined);
    const now = this.clock.now();
    const lookupId = this.lookupIdFor(who);
    const item: StoredItem = {
      id: list.nextItemId++,
      guid: randomUUID().toUpperCase(),
      version: 1,
      fields: dropEmpty(values),
      created: now,
      modified: now,
      createdBy: who,
      modifiedBy: who,
      authorLookupId: lookupId,
      editorLookupId: lookupId,
      changeSeq: ++list.changeSeq,
      history: [],
    };
    item.history.push(snapshot(item));
    list.items.set(item.id, item);
    indexItem(list, item);
    return item;
  }

  /** PATCH .../items/{item-id}/fields (listitem-update.md). */
  updateItem(list: StoredList, item: StoredItem, input: unknown, who: IdentitySet): StoredItem {
    const values = this.normalise(list, input);
    const merged = dropEmpty({ ...item.fields, ...values });
    this.checkUnique(list, merged, item.id);
    unindexItem(list, item);
    item.fields = merged;
    item.version += 1;
    item.modified = this.clock.now();
    item.modifiedBy = who;
    item.editorLookupId = this.lookupIdFor(who);
    item.changeSeq = ++list.changeSeq;
    item.history.push(snapshot(item));
    indexItem(list, item);
    return item;
  }

  /** DELETE .../items/{item-id} (listitem-delete.md); delta reports it afterwards. */
  deleteItem(list: StoredList, item: StoredItem): void {
    unindexItem(list, item);
    list.items.delete(item.id);
    list.tombstones.set(item.id, { id: item.id, changeSeq: ++list.changeSeq });
  }

  /** Seeds items straight into a list (no HTTP, no throttling), e.g. 5,001 for threshold tests. */
  seedItems(list: StoredList, rows: Record<string, unknown>[], who: IdentitySet): StoredItem[] {
    return rows.map((fields) => this.createItem(list, fields, who));
  }

  private touchList(list: StoredList): void {
    list.uniqueIndex = undefined;
    list.version += 1;
    list.modified = this.clock.now();
  }

  private checkLookupTarget(site: StoredSite, column: Column): void {
    if (column.kind !== 'lookup') return;
    const listId = column.facet.listId;
    if (typeof listId !== 'string' || !this.findList(site, listId)) {
      throw invalidRequest(
        `The lookup column '${column.name}' needs the 'listId' of a list in this site.`,
      );
    }
  }

  /**
   * Turns a fieldValueSet from a create or update into stored values. Unknown names answer as
   * Graph does, "Field 'X' is not recognized" (commonly reported; not on a Learn page).
   * Lookup and person columns are written through "{Name}LookupId", the name Graph reads them
   * back under (https://learn.microsoft.com/graph/api/resources/fieldvalueset).
   * Required columns are not enforced: SharePoint checks "required" in its forms, not on writes
   * through the API (not documented for Graph; assumed).
   */
  private normalise(list: StoredList, input: unknown): Record<string, unknown> {
    if (input === undefined || input === null) return {};
    if (!isRecord(input)) throw invalidRequest("'fields' must be a JSON object.");
    const out: Record<string, unknown> = {};
    const timeZone = this.sites.get(list.siteId.toLowerCase())?.timeZone ?? 'UTC';
    for (const [key, raw] of Object.entries(input)) {
      if (key.includes('@')) continue; // annotations such as "XLookupId@odata.type"
      let column = list.columns.find((c) => c.name === key);
      let viaLookupId = false;
      if (!column && key.endsWith('LookupId')) {
        const base = list.columns.find((c) => c.name === key.slice(0, -'LookupId'.length));
        if (base && (base.kind === 'lookup' || base.kind === 'personOrGroup')) {
          column = base;
          viaLookupId = true;
        }
      }
      if (!column) throw invalidRequest(`Field '${key}' is not recognized`);
      if (column.readOnly) throw invalidRequest(`Field '${key}' is read-only`);
      if ((column.kind === 'lookup' || column.kind === 'personOrGroup') && !viaLookupId) {
        throw invalidRequest(`Field '${key}' is a lookup: write it as '${key}LookupId'.`);
      }
      out[column.name] = coerce(column, raw, key, timeZone);
    }
    return out;
  }

  /**
   * enforceUniqueValues: "If true, no two list items may have the same value for this column."
   * (columndefinition.md). SharePoint compares case-insensitively (ee536168, "Defining Unique").
   * Graph's answer to a duplicate is not documented; the emulator answers 409 nameAlreadyExists
   * (concepts/errors.md: "The specified item name already exists") with SharePoint's own message
   * (SPDuplicateValuesFoundException), the combination commonly reported for Graph writes.
   */
  private checkUnique(
    list: StoredList,
    values: Record<string, unknown>,
    selfId: number | undefined,
  ) {
    const index = uniqueIndexOf(list);
    for (const column of list.columns) {
      if (!column.enforceUniqueValues) continue;
      const key = uniqueKey(values[column.name]);
      if (key === undefined) continue;
      const holder = index.get(column.name)?.get(key);
      if (holder !== undefined && holder !== selfId) {
        throw nameAlreadyExists(
          'The list item could not be added or updated because duplicate values were found ' +
            `in the following field(s) in the list: [${column.name}].`,
        );
      }
    }
  }
}

/** The list's unique-value index, built from its items when first needed. */
function uniqueIndexOf(list: StoredList): Map<string, Map<string, number>> {
  if (!list.uniqueIndex) {
    list.uniqueIndex = new Map();
    for (const column of list.columns) {
      if (column.enforceUniqueValues) list.uniqueIndex.set(column.name, new Map());
    }
    for (const item of list.items.values()) indexItem(list, item);
  }
  return list.uniqueIndex;
}

function indexItem(list: StoredList, item: StoredItem): void {
  if (!list.uniqueIndex) return;
  for (const [name, values] of list.uniqueIndex) {
    const key = uniqueKey(item.fields[name]);
    if (key !== undefined) values.set(key, item.id);
  }
}

function unindexItem(list: StoredList, item: StoredItem): void {
  if (!list.uniqueIndex) return;
  for (const [name, values] of list.uniqueIndex) {
    const key = uniqueKey(item.fields[name]);
    if (key !== undefined && values.get(key) === item.id) values.delete(key);
  }
}

function addColumnTo(columns: Column[], column: Column): void {
  if (columns.some((c) => c.name.toLowerCase() === column.name.toLowerCase())) {
    // SharePoint's SPException text; the Graph status for it is not documented (409 assumed).
    throw nameAlreadyExists(`A duplicate field name "${column.name}" was found.`);
  }
  columns.push(column);
}

function dropEmpty(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

function snapshot(item: StoredItem): ItemVersion {
  return {
    label: `${item.version}.0`,
    fields: structuredClone(item.fields),
    modified: item.modified,
    modifiedBy: item.modifiedBy,
  };
}

/** A column's value on an item, built-ins included (for filters, ordering and uniqueness). */
export function valueOf(item: StoredItem, column: Column): unknown {
  if (!column.builtIn || column.name === 'Title') return item.fields[column.name];
  switch (column.name) {
    case 'ID':
      return item.id;
    case 'Created':
      return graphTime(item.created);
    case 'Modified':
      return graphTime(item.modified);
    case 'Author':
      return item.authorLookupId;
    case 'Editor':
      return item.editorLookupId;
    case 'ContentType':
      return 'Item';
    case '_UIVersionString':
      return `${item.version}.0`;
    case 'Attachments':
      return false;
    default:
      return undefined;
  }
}

function uniqueKey(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return `s:${value.toLocaleLowerCase('en')}`;
  return `${typeof value}:${JSON.stringify(value)}`;
}

const invalid = (key: string) => invalidRequest(`Invalid value for field '${key}'.`);

function coerceOne(column: Column, raw: unknown, key: string, timeZone: string): unknown {
  switch (column.kind) {
    case 'text': {
      if (typeof raw !== 'string') throw invalid(key);
      const max = column.facet.maxLength;
      // SharePoint's single-line limit; the exact Graph error is not documented (assumed 400).
      if (column.facet.allowMultipleLines !== true && typeof max === 'number' && raw.length > max) {
        throw invalidRequest(`The value for field '${key}' is longer than ${max} characters.`);
      }
      return raw;
    }
    case 'choice':
      // Values outside `choices` are stored: SharePoint checks fill-in choices in its forms only
      // (not documented for Graph; assumed).
      if (typeof raw !== 'string') throw invalid(key);
      return raw;
    case 'number':
    case 'currency': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw invalid(key);
      const { minimum, maximum } = column.facet;
      if (
        (typeof minimum === 'number' && n < minimum) ||
        (typeof maximum === 'number' && n > maximum)
      ) {
        throw invalidRequest(`The value for field '${key}' is outside its allowed range.`);
      }
      return n;
    }
    case 'boolean':
      if (typeof raw !== 'boolean') throw invalid(key);
      return raw;
    case 'dateTime': {
      if (typeof raw !== 'string' || Number.isNaN(Date.parse(raw))) throw invalid(key);
      const at = Date.parse(raw);
      // A date-only column keeps the day the instant falls on in the site's time zone, and gives
      // it back as that day's local midnight in UTC: a London site in summer answers
      // "2026-05-31T23:00:00Z" for 1 June (see dates.ts).
      return column.facet.format === 'dateOnly' ? localMidnight(at, timeZone) : graphTime(at);
    }
    case 'lookup':
    case 'personOrGroup': {
      const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw invalid(key);
      return n;
    }
    default:
      return raw;
  }
}

function coerce(column: Column, raw: unknown, key: string, timeZone: string): unknown {
  if (raw === null) return null;
  if (isMultiValue(column)) {
    if (!Array.isArray(raw)) throw invalid(key);
    return raw.map((v) => coerceOne(column, v, key, timeZone));
  }
  return coerceOne(column, raw, key, timeZone);
}

/** Looks an item up by the id in a URL ("1", "2"...): Graph's listItem ids are integers. */
export function findItem(list: StoredList, ref: string): StoredItem {
  const item = /^\d+$/.test(ref) ? list.items.get(Number(ref)) : undefined;
  if (!item) throw notFound('Item not found');
  return item;
}
