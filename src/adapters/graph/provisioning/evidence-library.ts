import type { EvidenceScreening } from '../../../application/ports/evidence.js';
import type { ListSchema } from '../../../domain/lists/columns.js';
import { listNames } from '../../../domain/lists/schema.js';

/** The key the evidence library goes by in the plan and in `columnNameOf`. */
export const EVIDENCE_LIBRARY = 'evidence';

/** The port's screening values, as the library's choices. */
export const screenings = [
  'text-checked',
  'attested',
] as const satisfies readonly EvidenceScreening[];

/**
 * The evidence library: a SharePoint document library (Graph `list.template: documentLibrary`,
 * https://learn.microsoft.com/graph/api/list-create) holding the files behind the `EvidenceStore`
 * port (`src/application/ports/evidence.ts`), each linked to the item it is evidence for. Never
 * list-item attachments: Graph cannot read or write those. Written in the same column vocabulary
 * as the lists and planned by the same function; the Graph adapter is `graph-evidence-store.ts`.
 *
 * - `title` is the library's built-in Title: the file's name as the app shows it. The file in
 *   the drive carries a content prefix (see the adapter), so SharePoint's own Name is not it.
 * - `itemList`, `itemId` and `sha256` are indexed: listing an item's files filters on `itemId`,
 *   and the idempotency lookup on `sha256`, past the 5,000-item threshold too.
 * - Who uploaded, when, from which tenant and channel are the system columns every list has
 *   (`cfCreatedBy`, `cfCreatedAt`, ... in `names.ts`): the app uploads with its own identity, so
 *   SharePoint's Created By would always name the app.
 * - Nothing is `required`: the app sets the columns just after the upload, and a library with
 *   required columns is reported to leave files checked out until they are filled in
 *   (UNVERIFIED for Graph uploads); the adapter, not SharePoint, enforces them.
 * - No multi-line text: in a library SharePoint limits it to 255 characters unless "allow
 *   unlimited length in document libraries" is on, which Graph's textColumn cannot set.
 */
export const evidenceLibrary = {
  title: 'CF Evidence',
  description:
    'Evidence files for actions and responses, each linked to its item and screened for identifiable data.',
  columns: {
    title: { kind: 'text', label: 'File name', maxLength: 255 },
    /** Which list the item is in (the schema's list key). */
    itemList: { kind: 'choice', label: 'Evidence for (list)', choices: listNames, indexed: true },
    /** The item's id in that list. Filtered on to show an item's files. */
    itemId: { kind: 'text', label: 'Evidence for (item id)', maxLength: 255, indexed: true },
    /** Hex SHA-256 of the content: the same file sent twice to one item is stored once. */
    sha256: { kind: 'text', label: 'SHA-256', maxLength: 64, indexed: true },
    contentType: { kind: 'text', label: 'Media type', maxLength: 255 },
    size: { kind: 'number', label: 'Size (bytes)', integer: true, min: 0 },
    /** How the identifiable-data guard dealt with the file. */
    screening: { kind: 'choice', label: 'Screening', choices: screenings },
    attestedBy: { kind: 'ref', label: 'Attested by', list: 'people' },
    attestedAt: { kind: 'dateTime', label: 'Attested at' },
  },
} as const satisfies ListSchema;
