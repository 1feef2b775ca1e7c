import { extractText, getDocumentProxy, getResolvedPDFJS } from 'unpdf';

export type PdfResult = { ok: true; text: string } | { ok: false; reason: string };

export interface PdfLimits {
  maxPages: number;
  /** Parsing runs on the event loop: a pathological file is given up on after this long. */
  timeoutMs: number;
}

/** A page with fewer visible characters than this has no real text layer. */
const MIN_PAGE_CHARACTERS = 10;

export const isPdf = (bytes: Uint8Array): boolean => {
  // The header may follow a little junk; readers look in the first kilobyte.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
};

const visible = (text: string): number => text.replace(/\s+/g, '').length;

/**
 * Whether a page with (almost) no text is a scan: it paints an image. pdf.js skips the rest of a
 * page's operators when one fails (on Node 20 a font needs a newer ArrayBuffer method), so a list
 * cut off inside a text block cannot show there is no image, and counts as a scan too.
 */
async function scanDetector(): Promise<(ops: readonly number[]) => boolean> {
  const { OPS } = await getResolvedPDFJS();
  const painters = new Set([
    OPS.paintImageXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintInlineImageXObject,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageMaskXObject,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
  ]);
  return (ops) =>
    ops.some((op) => painters.has(op)) ||
    ops.lastIndexOf(OPS.beginText) > ops.lastIndexOf(OPS.endText);
}

async function read(bytes: Uint8Array, limits: PdfLimits): Promise<PdfResult> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may detach the buffer it is given: it gets a copy, the upload stays intact.
    pdf = await getDocumentProxy(new Uint8Array(bytes), {
      isEvalSupported: false,
      // Errors only: pdf.js's warnings are noise in the server log.
      verbosity: 0,
    });
  } catch (error) {
    const name = (error as { name?: string } | undefined)?.name;
    return name === 'PasswordException'
      ? { ok: false, reason: 'it is a password-protected PDF' }
      : { ok: false, reason: 'it is a damaged PDF' };
  }
  try {
    if (pdf.numPages > limits.maxPages)
      return { ok: false, reason: `it is a PDF of more than ${limits.maxPages} pages` };
    const { text } = await extractText(pdf, { mergePages: false });
    const isScan = await scanDetector();
    let scanned = 0;
    for (const [index, page] of text.entries()) {
      if (visible(page) >= MIN_PAGE_CHARACTERS) continue;
      const ops = await (await pdf.getPage(index + 1)).getOperatorList();
      if (isScan(ops.fnArray)) scanned++;
    }
    if (scanned > 0)
      return {
        ok: false,
        reason:
          scanned === text.length
            ? 'it is a scanned PDF: its pages are images, with no text to check'
            : `${scanned} of its ${text.length} pages are scanned images, with no text to check`,
      };
    return { ok: true, text: text.join('\n\f\n') };
  } catch {
    return { ok: false, reason: 'it is a damaged PDF' };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

/** A PDF's text layer, or why it cannot be read (password, damage, too many pages, a scan). */
export async function pdfText(bytes: Uint8Array, limits: PdfLimits): Promise<PdfResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PdfResult>((done) => {
    timer = setTimeout(
      () => done({ ok: false, reason: 'its text took too long to read' }),
      limits.timeoutMs,
    );
  });
  try {
    return await Promise.race([read(bytes, limits), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
