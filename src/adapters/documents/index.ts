import type { DocumentText, ExtractedText } from '../../application/ports/document-text.js';
import { EmbeddedObjectError, ooxmlFormat, ooxmlText } from './ooxml.js';
import { isPdf, pdfText } from './pdf-text.js';
import { plainText } from './plain-text.js';
import { isZip, ZipError, ZipReader, type ZipProblem } from './zip.js';

export interface DocumentLimits {
  /** Most bytes one file's parts may unpack to, together (a zip bomb stops here). */
  maxUnpacked: number;
  maxZipEntries: number;
  maxPdfPages: number;
  pdfTimeoutMs: number;
}

export const defaultDocumentLimits: DocumentLimits = {
  maxUnpacked: 50 * 1024 * 1024,
  maxZipEntries: 5000,
  maxPdfPages: 1000,
  pdfTimeoutMs: 30_000,
};

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const isOle = (bytes: Uint8Array) => OLE.every((b, i) => bytes[i] === b);

const zipReasons: Record<ZipProblem, string> = {
  damaged: 'it is damaged or not a complete file',
  encrypted: 'it is a password-protected archive',
  'too-many-entries': 'it holds too many parts to check',
  'too-big': 'it unpacks to more than can be checked',
};

const unreadable = (reason: string): ExtractedText => ({ kind: 'unreadable', reason });

/**
 * Reads uploaded files' text for the identifiable-data guard: Word, Excel and PowerPoint
 * (OOXML), PDFs with a text layer, and plain text. The type is told from the bytes; a name
 * or content type is only a hint for plain text's encoding.
 */
export function createDocumentText(limits: DocumentLimits = defaultDocumentLimits): DocumentText {
  const readOoxml = (bytes: Uint8Array, budget: number, depth: number): ExtractedText => {
    const zip = new ZipReader(bytes, { maxEntries: limits.maxZipEntries, maxUnpacked: budget });
    const format = ooxmlFormat(zip);
    if (!format) return unreadable('it is an archive, not a document whose text can be read');
    const text = ooxmlText(zip, format, (inner) => {
      // One level of embedded Office files is read; anything else embedded cannot be checked.
      if (depth > 0 || !isZip(inner)) throw new EmbeddedObjectError();
      const result = readOoxml(inner, zip.remaining, depth + 1);
      if (result.kind !== 'text') throw new EmbeddedObjectError();
      return result.text;
    });
    return { kind: 'text', format, text };
  };

  return {
    async extract(bytes, name, contentType) {
      if (isZip(bytes)) {
        try {
          return readOoxml(bytes, limits.maxUnpacked, 0);
        } catch (error) {
          if (error instanceof ZipError) return unreadable(zipReasons[error.problem]);
          if (error instanceof EmbeddedObjectError)
            return unreadable('it holds an embedded object whose text cannot be read');
          return unreadable(zipReasons.damaged);
        }
      }
      if (isPdf(bytes)) {
        const pdf = await pdfText(bytes, {
          maxPages: limits.maxPdfPages,
          timeoutMs: limits.pdfTimeoutMs,
        });
        return pdf.ok ? { kind: 'text', format: 'pdf', text: pdf.text } : unreadable(pdf.reason);
      }
      if (isOle(bytes))
        return unreadable(
          'it is a password-protected Office file or an older format (.doc, .xls, .ppt); save it as .docx, .xlsx or .pptx without a password',
        );
      const text = plainText(bytes, name, contentType);
      if (text !== undefined) return { kind: 'text', format: 'text', text };
      return unreadable(
        'its type has no text that can be read (only Word, Excel, PowerPoint, PDFs with text, and plain text or CSV can be checked)',
      );
    },
  };
}
