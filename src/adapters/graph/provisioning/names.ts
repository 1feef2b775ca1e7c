import type { Column } from '../../../domain/lists/columns.js';
import { channels } from '../../../domain/vocabulary.js';

/**
 * SharePoint column internal names for our schema fields.
 *
 * A column's internal name is what Graph returns as the key in a listItem's `fields`
 * (https://learn.microsoft.com/graph/api/resources/columndefinition, `name`), what CAML's
 * `<FieldRef Name=…>` and REST `$select` use. It is fixed once the column exists, so the mapping
 * must be deterministic: the Graph adapter and provisioning both call `columnNameOf`.
 *
 * Rules, in order:
 * 1. The field `title` (single-line text) is stored in the list's built-in `Title` column. Every
 *    generic list and library already has one (list-create: a list without a template facet
 *    defaults to the genericList template, which includes a Title column,
 *    https://learn.microsoft.com/graph/api/list-create), and Graph cannot take it out of the Item
 *    content type. A separate `cfTitle` would put two "Title" boxes in every SharePoint form, and
 *    the built-in one is the column SharePoint links to the item (LinkTitle) in its views. Lists
 *    without a `title` field leave the built-in Title unused and not required (see
 *    `unusedTitleColumn`).
 * 2. A field whose name equals a built-in field name of a list or document library
 *    (case-insensitive: SharePoint's internal names are matched case-insensitively in CAML and
 *    REST), or a system column below, or that looks like a SharePoint-generated name (leading `_`,
 *    a `LookupId` suffix, which Graph appends to lookup columns in `fields`:
 *    https://learn.microsoft.com/graph/api/resources/fieldvalueset) gets the prefix `cf`:
 *    `created` → `cfCreated`.
 * 3. Every other field keeps its own name: our fields are camelCase ASCII with no spaces, so
 *    SharePoint stores them as given (spaces and punctuation would be encoded as `_x0020_`).
 *
 * In the current schema only rule 1 applies (to `title` in CF Meetings, CF Findings,
 * CF Recommendations and CF Plan Activities). `channel`, `status`, `kind`, `text`, `description`,
 * `priority`, `body`, `subject`, `date`, `to` and `name` are not built-in columns of a generic
 * list (they are site columns of other templates, such as Tasks or Announcements, or display
 * names in libraries, which do not clash with a list column's internal name), so they keep their
 * names; `BUILT_IN_NAMES` below is the list checked.
 */

/** The built-in Title column every list and library has. */
export const TITLE = 'Title';

/**
 * Internal names of the columns SharePoint creates in a generic list or a document library,
 * and keys Graph puts in a listItem's `fields`. Sources: pnp/pnpcore
 * `src/sdk/PnP.Core/Model/SharePoint/Core/Internal/BuiltInFields.cs` (the hidden system fields),
 * the fields of the generic list template (ID, Title, Created, Modified, Author, Editor, …) and of
 * a document library (FileLeafRef, CheckoutUser, …), and the Graph fieldValueSet example
 * (`AuthorLookupId`, `id`). Compared case-insensitively.
 */
export const BUILT_IN_NAMES: readonly string[] = [
  // Every list item
  'ID',
  'Id',
  'Title',
  'ContentType',
  'ContentTypeId',
  'Created',
  'Modified',
  'Author',
  'Editor',
  'Attachments',
  'Edit',
  'LinkTitle',
  'LinkTitleNoMenu',
  'LinkTitle2',
  'SelectTitle',
  'DocIcon',
  'GUID',
  'Order',
  'owshiddenversion',
  'WorkflowVersion',
  'WorkflowInstanceID',
  'InstanceID',
  'PermMask',
  'ServerUrl',
  'EncodedAbsUrl',
  'BaseName',
  'ComplianceAssetId',
  'HTML_x0020_File_x0020_Type',
  'File_x0020_Type',
  '_ModerationStatus',
  '_ModerationComments',
  '_UIVersion',
  '_UIVersionString',
  '_Level',
  '_IsCurrentVersion',
  '_HasCopyDestinations',
  '_CopySource',
  '_EditMenuTableStart',
  '_EditMenuTableStart2',
  '_EditMenuTableEnd',
  '_ColorTag',
  // pnp/pnpcore BuiltInFields.cs (hidden system fields)
  '_CheckinComment',
  '_CommentCount',
  '_CommentFlags',
  '_ComplianceFlags',
  '_ComplianceTag',
  '_ComplianceTagUserId',
  '_ComplianceTagWrittenTime',
  '_Dirty',
  '_DisplayName',
  '_HasEncryptedContent',
  '_IpLabelAssignmentMethod',
  '_IpLabelId',
  '_LikeCount',
  '_ListSchemaVersion',
  '_Parsable',
  '_RmsTemplateId',
  '_StubFile',
  '_VirusInfo',
  '_VirusStatus',
  '_VirusVendorID',
  'A2ODMountCount',
  'AccessPolicy',
  'AppAuthor',
  'AppEditor',
  'BSN',
  'CheckedOutTitle',
  'CheckedOutUserId',
  'ContentVersion',
  'Created_x0020_Date',
  'DocConcurrencyNumber',
  'File_x0020_Size',
  'FileDirRef',
  'FileRef',
  'FolderChildCount',
  'FSObjType',
  'IsCheckedoutToLocal',
  'ItemChildCount',
  'Last_x0020_Modified',
  'MetaInfo',
  'NoExecute',
  'OriginatorId',
  'ParentLeafName',
  'ParentUniqueId',
  'ParentVersionString',
  'ProgId',
  'Restricted',
  'ScopeId',
  'SMLastModifiedDate',
  'SMTotalFileCount',
  'SMTotalFileStreamSize',
  'SMTotalSize',
  'SortBehavior',
  'StreamHash',
  'SyncClientId',
  'UniqueId',
  'VirusStatus',
  // Document libraries
  'FileLeafRef',
  'LinkFilename',
  'LinkFilenameNoMenu',
  'LinkFilename2',
  'FileSizeDisplay',
  'CheckoutUser',
  'Modified_x0020_By',
  'Created_x0020_By',
  'TemplateUrl',
  'xd_ProgID',
  'xd_Signature',
  '_SourceUrl',
  '_SharedFileIndex',
  '_ExtendedDescription',
  'ThumbnailExists',
  'PreviewExists',
  'MediaServiceImageTags',
  'TaxCatchAll',
];

/**
 * Display names SharePoint already uses in a list's forms and views. A schema label equal to one
 * (case-insensitive) is reported as a warning: two columns showing the same name confuse readers.
 */
export const BUILT_IN_DISPLAY_NAMES: Readonly<Record<'list' | 'library', readonly string[]>> = {
  list: [
    'ID',
    'Title',
    'Created',
    'Modified',
    'Created By',
    'Modified By',
    'Version',
    'Attachments',
    'Content Type',
    'Type',
    'Edit',
    'Item Child Count',
    'Folder Child Count',
    'Compliance Asset Id',
    'Retention label',
    'Label applied by',
    'Item is a Record',
    'App Created By',
    'App Modified By',
    'Color Tag',
  ],
  library: [
    'ID',
    'Title',
    'Name',
    'Created',
    'Modified',
    'Created By',
    'Modified By',
    'Version',
    'Content Type',
    'Type',
    'Edit',
    'File Size',
    'Checked Out To',
    'Check In Comment',
    'Description',
    'Item Child Count',
    'Folder Child Count',
    'Compliance Asset Id',
    'Retention label',
    'Label applied by',
    'Item is a Record',
    'App Created By',
    'App Modified By',
    'Color Tag',
  ],
};

/**
 * Columns the Graph adapter needs on every list to keep the `Repository` port's promises
 * (`src/application/ports/repository.ts`: `StoredItem.createdAt/createdBy/modifiedAt/modifiedBy/
 * channel`, `ItemVersion.homeTenantId`). SharePoint's own Created/Modified/Author/Editor cannot
 * carry them: the app writes with its own identity (so Author/Editor would name the app, not the
 * person) and its own clock (`ChangeContext.at`). SharePoint's version history keeps every version
 * of these columns, as the embedded store's history table does. They come from the port, not the
 * schema, and are planned after the schema's columns. Their labels avoid SharePoint's display names.
 */
export const systemColumns = {
  cfCreatedAt: { kind: 'dateTime', label: 'Created (app)' },
  cfCreatedBy: { kind: 'text', label: 'Created by (person id)', maxLength: 255 },
  cfModifiedAt: { kind: 'dateTime', label: 'Modified (app)' },
  cfModifiedBy: { kind: 'text', label: 'Modified by (person id)', maxLength: 255 },
  cfHomeTenantId: { kind: 'text', label: 'Changed from tenant', maxLength: 36 },
  cfChannel: { kind: 'choice', label: 'Changed through', choices: channels },
} as const satisfies Record<string, Column>;
export type SystemColumnName = keyof typeof systemColumns;
export const systemColumnNames = Object.keys(systemColumns) as SystemColumnName[];

const reservedLower = new Set(
  [...BUILT_IN_NAMES, ...systemColumnNames].map((name) => name.toLowerCase()),
);

/** True when `name` is (case-insensitively) a column SharePoint or this plan already owns. */
export function isReservedName(name: string): boolean {
  return reservedLower.has(name.toLowerCase()) || name.startsWith('_') || /lookupid$/i.test(name);
}

/** Internal names we create: ASCII letters and digits, starting with a letter. */
export const INTERNAL_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
/**
 * SharePoint cuts the internal names it generates from display names at 32 characters; we give
 * names explicitly, but keep within 32 so a name never depends on how a longer one is treated
 * (figure from practice, not from a Microsoft page: UNVERIFIED).
 */
export const MAX_INTERNAL_NAME = 32;

/** The internal name for one schema field (see the rules at the top of this file). */
export function internalNameOf(field: string, column: Column): string {
  if (field === 'title' && column.kind === 'text') return TITLE;
  if (isReservedName(field)) return `cf${field.charAt(0).toUpperCase()}${field.slice(1)}`;
  return field;
}
