import type { ListName } from '../../domain/lists/schema.js';
import type { ChangeContext } from './repository.js';

/** How the identifiable-data guard dealt with a file. */
export type EvidenceScreening =
  /** Its text was read (docx, xlsx, pdf text) and the guard found nothing. */
  | 'text-checked'
  /** Its text could not be read; the uploader attested it names no child or family. */
  | 'attested';

/** What is kept about one evidence file, beside the file itself. */
export interface EvidenceFile {
  id: string;
  /**
   * The file name as stored (made safe for SharePoint). A store may change it to keep names unique
   * among one item's files (as SharePoint's conflict rename does), never its extension.
   */
  name: string;
  contentType: string;
  size: number;
  /** The item the file is evidence for. */
  itemList: ListName;
  itemId: string;
  screening: EvidenceScreening;
  /** Set when screening is `attested`: who attested, and when. */
  attestedBy?: string;
  attestedAt?: string;
  uploadedBy: string;
  uploadedAt: string;
  /** Hex SHA-256 of the content: the same file sent twice to the same item is stored once. */
  sha256: string;
}

/** What the use case hands the store: the name is already safe; size comes from the content. */
export interface NewEvidence {
  name: string;
  contentType: string;
  itemList: ListName;
  itemId: string;
  screening: EvidenceScreening;
  attestedBy?: string;
  attestedAt?: string;
  sha256: string;
}

/**
 * Where evidence files live: a SharePoint document library in production (never list-item
 * attachments, which Graph cannot handle), a table in the embedded store locally. Files are linked
 * to items by list and id. Implementations must be idempotent on (itemList, itemId, sha256): a
 * retried upload returns the file already stored rather than storing a second copy. Uploader and
 * upload time come from the ChangeContext. Unknown ids (of any shape) read as undefined.
 */
export interface EvidenceStore {
  put(file: NewEvidence, content: Uint8Array, ctx: ChangeContext): Promise<EvidenceFile>;
  /** The files linked to one item, oldest first. */
  list(itemList: ListName, itemId: string): Promise<EvidenceFile[]>;
  get(id: string): Promise<EvidenceFile | undefined>;
  /** The file's bytes; undefined when there is no such file. */
  content(id: string): Promise<Uint8Array | undefined>;
}
