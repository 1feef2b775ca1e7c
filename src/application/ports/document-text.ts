/** The formats whose text can be read, so the identifiable-data guard can check it. */
export type DocumentFormat = 'docx' | 'xlsx' | 'pptx' | 'pdf' | 'text';

export type ExtractedText =
  /** The file's text, as the guard should see it (paragraphs and rows as lines). */
  | { kind: 'text'; format: DocumentFormat; text: string }
  /** Its text cannot be read; the reason is for the uploader and never quotes the file. */
  | { kind: 'unreadable'; reason: string };

/**
 * Reads the text of an uploaded file. The type is told from the content, not trusted from the name
 * or the sender's content type; anything that cannot be read safely is `unreadable`, never thrown.
 */
export interface DocumentText {
  extract(bytes: Uint8Array, name: string, contentType: string): Promise<ExtractedText>;
}
