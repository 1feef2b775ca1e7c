import type { ListSchema } from '../../../domain/lists/columns.js';
import { listNames } from '../../../domain/lists/schema.js';

/** The key the evidence library goes by in the plan and in `columnNameOf`. */
export const EVIDENCE_LIBRARY = 'evidence';

/**
 * The evidence library: a SharePoint document library (Graph `list.template: documentLibrary`,
 * https://learn.microsoft.com/graph/api/list-create) where partners' evidence files are kept, each
 * linked to the item it is evidence for. Written in the same column vocabulary as the lists and
 * planned by the same function. It lives here, not in the domain, until the app has an evidence
 * feature that reads it; then it belongs beside the other lists in `src/domain/lists`.
 *
 * No multi-line text: in a document library SharePoint limits multiple lines of text to 255
 * characters unless its "allow unlimited length in document libraries" setting is on, which
 * Graph's textColumn does not express (from SharePoint's column settings; UNVERIFIED via Graph).
 */
export const evidenceLibrary = {
  title: 'CF Evidence',
  description:
    'Evidence files for actions and responses, each linked to its item and attested free of identifiable data.',
  columns: {
    /** Which list the item is in (the schema's list key). */
    itemList: {
      kind: 'choice',
      label: 'Evidence for (list)',
      choices: listNames,
      required: true,
      indexed: true,
    },
    /** The item's id in that list. Filtered on to show an item's files. */
    itemId: {
      kind: 'text',
      label: 'Evidence for (item id)',
      maxLength: 255,
      required: true,
      indexed: true,
    },
    /** The uploader confirmed the file names no child or family (the guard cannot read files). */
    attestedNoIdentifiableData: {
      kind: 'boolean',
      label: 'Attested: no identifiable data',
      required: true,
    },
    attestedBy: { kind: 'ref', label: 'Attested by', list: 'people', required: true },
    attestedAt: { kind: 'dateTime', label: 'Attested at', required: true },
  },
} as const satisfies ListSchema;
