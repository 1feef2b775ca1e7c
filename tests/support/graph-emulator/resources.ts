import { graphTime } from './clock.js';
import type { Column } from './columns.js';
import {
  etagOf,
  type ItemVersion,
  type StoredItem,
  type StoredList,
  type StoredSite,
} from './store.js';

/** The JSON Graph answers with for each resource the emulator serves. */

/** site (https://learn.microsoft.com/graph/api/resources/site; site-getbypath.md example). */
export function siteJson(site: StoredSite) {
  return {
    createdDateTime: graphTime(site.created),
    description: site.description,
    id: site.id,
    lastModifiedDateTime: graphTime(site.created),
    name: site.name,
    webUrl: site.webUrl,
    displayName: site.displayName,
    siteCollection: { hostname: site.hostname },
  };
}

/** list (https://learn.microsoft.com/graph/api/resources/list; list-get.md examples). */
export function listJson(site: StoredSite, list: StoredList, columns?: Record<string, unknown>[]) {
  const etag = etagOf(list.guid, list.version);
  return {
    '@odata.etag': etag,
    createdDateTime: graphTime(list.created),
    description: list.description,
    eTag: etag,
    id: list.id,
    lastModifiedDateTime: graphTime(list.modified),
    name: list.name,
    webUrl: `${site.webUrl}/Lists/${list.name}`,
    displayName: list.displayName,
    createdBy: list.createdBy,
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
    ...(columns ? { columns } : {}),
  };
}

/** columnDefinition (https://learn.microsoft.com/graph/api/resources/columndefinition). */
export function columnJson(column: Column): Record<string, unknown> {
  const facet =
    column.kind === 'counter' || column.kind === 'computed' ? {} : { [column.kind]: column.facet };
  return {
    columnGroup: column.columnGroup,
    description: column.description,
    displayName: column.displayName,
    enforceUniqueValues: column.enforceUniqueValues,
    hidden: column.hidden,
    id: column.id,
    indexed: column.indexed,
    name: column.name,
    readOnly: column.readOnly,
    required: column.required,
    ...facet,
  };
}

/** Applies `$select` to a resource: named properties only, annotations kept. */
export function selectProps(
  json: Record<string, unknown>,
  select: string[] | undefined,
): Record<string, unknown> {
  if (!select) return json;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) {
    if (k.startsWith('@') || select.includes(k)) out[k] = v;
  }
  return out;
}

const BUILT_IN_ORDER = [
  'id',
  'ContentType',
  'Modified',
  'Created',
  'AuthorLookupId',
  'EditorLookupId',
  '_UIVersionString',
  'Attachments',
  'Edit',
  'LinkTitleNoMenu',
  'LinkTitle',
  'ItemChildCount',
  'FolderChildCount',
];

/**
 * fieldValueSet (https://learn.microsoft.com/graph/api/resources/fieldvalueset): "Each
 * user-visible field in the listItem is returned as a name-value pair". Lookup fields come back as
 * "{Name}LookupId"; the looked-up value too when the column is named in `select`. Hidden columns
 * appear only when selected by name (columndefinition.md). Empty values are left out, and the
 * built-ins are those real answers carry (`id`, `ContentType`, `Modified`, `Created`,
 * `AuthorLookupId`, `EditorLookupId`, `_UIVersionString`, `Attachments`, `LinkTitle`...).
 */
export function fieldsJson(
  list: StoredList,
  item: StoredItem | ItemVersion,
  select: string[] | undefined,
  itemMeta: StoredItem,
  resolveLookup: (column: Column, id: number) => unknown,
): Record<string, unknown> {
  const values = item.fields;
  const all: Record<string, unknown> = {};
  const title = values.Title;
  if (title !== undefined) all.Title = title;
  for (const column of list.columns) {
    if (column.builtIn) continue;
    if (column.hidden && !select?.includes(column.name)) continue;
    const value = values[column.name];
    if (value === undefined) continue;
    if (column.kind === 'lookup' || column.kind === 'personOrGroup') {
      all[`${column.name}LookupId`] = Array.isArray(value) ? value.map(String) : String(value);
      if (select?.includes(column.name)) {
        all[column.name] = Array.isArray(value)
          ? value.map((id: number) => ({ LookupId: id, LookupValue: resolveLookup(column, id) }))
          : resolveLookup(column, value as number);
      }
    } else {
      all[column.name] = value;
    }
  }
  const version = 'label' in item ? item.label : `${itemMeta.version}.0`;
  const modified = 'label' in item ? item.modified : itemMeta.modified;
  const linkTitle = typeof title === 'string' ? title : '';
  const builtIns: Record<string, unknown> = {
    id: String(itemMeta.id),
    ContentType: 'Item',
    Modified: graphTime(modified),
    Created: graphTime(itemMeta.created),
    AuthorLookupId: String(itemMeta.authorLookupId),
    EditorLookupId: String(itemMeta.editorLookupId),
    _UIVersionString: version,
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: linkTitle,
    LinkTitle: linkTitle,
    ItemChildCount: '0',
    FolderChildCount: '0',
  };
  for (const name of BUILT_IN_ORDER) all[name] = builtIns[name];
  const etag = etagOf(itemMeta.guid, itemMeta.version);
  if (!select) return { '@odata.etag': etag, ...all };
  const out: Record<string, unknown> = { '@odata.etag': etag };
  for (const name of select) {
    const key = name === 'ID' ? 'id' : name;
    if (key === 'Author' || key === 'Editor') {
      const id = key === 'Author' ? itemMeta.authorLookupId : itemMeta.editorLookupId;
      const column = list.columns.find((c) => c.name === key);
      out[`${key}LookupId`] = String(id);
      if (column) out[key] = resolveLookup(column, id);
      continue;
    }
    if (all[key] !== undefined) out[key] = all[key];
    if (all[`${key}LookupId`] !== undefined) out[`${key}LookupId`] = all[`${key}LookupId`];
  }
  return out;
}

export interface ItemJsonOptions {
  site: StoredSite;
  list: StoredList;
  /** `expand=fields`: undefined leaves fields out; `{ select }` includes them. */
  fields?: { select?: string[] };
  resolveLookup: (column: Column, id: number) => unknown;
}

/**
 * listItem (https://learn.microsoft.com/graph/api/resources/listitem), with the properties real
 * answers carry: `@odata.etag` and `eTag` (the same value), createdBy/lastModifiedBy identity
 * sets, parentReference and contentType. The eTag's shape follows Microsoft's examples,
 * `"\"{12AD05BB-59B8-43AA-9456-77C44E9BC066},756\""` (listitem-delta.md): a GUID in braces and
 * the item's version. (Traffic from SharePoint Online has been seen without the braces, e.g.
 * "\"12b493eb-2452-451b-84e5-ecba8ec898c8,1\"": clients must treat eTags as opaque.)
 */
export function itemJson(item: StoredItem, options: ItemJsonOptions): Record<string, unknown> {
  const { site, list } = options;
  const etag = etagOf(item.guid, item.version);
  const json: Record<string, unknown> = {
    '@odata.etag': etag,
    createdDateTime: graphTime(item.created),
    eTag: etag,
    id: String(item.id),
    lastModifiedDateTime: graphTime(item.modified),
    webUrl: `${site.webUrl}/Lists/${list.name}/${item.id}_.000`,
    createdBy: item.createdBy,
    lastModifiedBy: item.modifiedBy,
    parentReference: { id: list.id, siteId: site.id },
    contentType: { id: '0x0100', name: 'Item' },
  };
  if (options.fields) {
    json.fields = fieldsJson(list, item, options.fields.select, item, options.resolveLookup);
  }
  return json;
}

/** listItemVersion (https://learn.microsoft.com/graph/api/resources/listitemversion). */
export function versionJson(version: ItemVersion): Record<string, unknown> {
  return {
    id: version.label,
    lastModifiedDateTime: graphTime(version.modified),
    lastModifiedBy: version.modifiedBy,
  };
}
