import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Real Office and PDF files built in code from minimal valid parts, so tests need no binary
 * fixtures. Text that identifies anyone comes only from tests/domain/guard/samples.ts.
 */

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006';

export const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const contentTypes = (overrides: Record<string, string>) =>
  `${XML}<Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${Object.entries(
    overrides,
  )
    .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
    .join('')}</Types>`;

const rootRels = (target: string) =>
  `${XML}<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="${target}"/></Relationships>`;

const paragraphs = (lines: readonly string[]) =>
  lines
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`)
    .join('');

export interface DocxParts {
  body: readonly string[];
  header?: readonly string[];
  footnote?: string;
  comment?: string;
  deleted?: string;
  title?: string;
  /** Extra parts (embedded objects, media) by path. */
  extra?: Record<string, Uint8Array>;
}

export function docx(parts: DocxParts): Uint8Array {
  const wml = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  const deleted = parts.deleted
    ? `<w:p><w:del w:id="1" w:author="Reviewer" w:date="2026-03-01T00:00:00Z"><w:r><w:delText>${escapeXml(parts.deleted)}</w:delText></w:r></w:del></w:p>`
    : '';
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      contentTypes({ 'word/document.xml': `${wml}.document.main+xml` }),
    ),
    '_rels/.rels': strToU8(rootRels('word/document.xml')),
    'word/document.xml': strToU8(
      `${XML}<w:document xmlns:w="${W}"><w:body>${paragraphs(parts.body)}${deleted}<w:p><w:r><w:t>Tab</w:t><w:tab/><w:t>bed</w:t><w:br/><w:t>Next line</w:t></w:r></w:p><w:sectPr/></w:body></w:document>`,
    ),
  };
  if (parts.header)
    files['word/header1.xml'] = strToU8(
      `${XML}<w:hdr xmlns:w="${W}">${paragraphs(parts.header)}</w:hdr>`,
    );
  if (parts.footnote)
    files['word/footnotes.xml'] = strToU8(
      `${XML}<w:footnotes xmlns:w="${W}"><w:footnote w:id="1">${paragraphs([parts.footnote])}</w:footnote></w:footnotes>`,
    );
  if (parts.comment)
    files['word/comments.xml'] = strToU8(
      `${XML}<w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="Reviewer">${paragraphs([parts.comment])}</w:comment></w:comments>`,
    );
  if (parts.title)
    files['docProps/core.xml'] = strToU8(
      `${XML}<cp:coreProperties xmlns:cp="${PKG}/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(parts.title)}</dc:title><dc:creator>Scrutineer</dc:creator></cp:coreProperties>`,
    );
  for (const [path, bytes] of Object.entries(parts.extra ?? {})) files[path] = bytes;
  return zipSync(files);
}

/** A cell: text (shared or inline), a number, or a number shown as a date (style 1). */
export type Cell = string | number | { inline: string } | { date: number };

const columnName = (index: number) => String.fromCharCode(65 + index);

export function xlsx(sheets: Record<string, readonly (readonly Cell[])[]>): Uint8Array {
  const sml = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const shared: string[] = [];
  const sheetXml = Object.values(sheets).map((rows) => {
    const body = rows
      .map((cells, r) => {
        const xml = cells
          .map((cell, c) => {
            const ref = `${columnName(c)}${r + 1}`;
            if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
            if (typeof cell === 'string') {
              shared.push(cell);
              return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
            }
            if ('inline' in cell)
              return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(cell.inline)}</t></is></c>`;
            return `<c r="${ref}" s="1"><v>${cell.date}</v></c>`;
          })
          .join('');
        return `<row r="${r + 1}">${xml}</row>`;
      })
      .join('');
    return `${XML}<worksheet xmlns="${S}"><sheetData>${body}</sheetData></worksheet>`;
  });
  const names = Object.keys(sheets);
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      contentTypes({
        'xl/workbook.xml': `${sml}.sheet.main+xml`,
        ...Object.fromEntries(
          names.map((_n, i) => [`xl/worksheets/sheet${i + 1}.xml`, `${sml}.worksheet+xml`]),
        ),
      }),
    ),
    '_rels/.rels': strToU8(rootRels('xl/workbook.xml')),
    'xl/workbook.xml': strToU8(
      `${XML}<workbook xmlns="${S}" xmlns:r="${R}"><sheets>${names
        .map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML}<Relationships xmlns="${PKG}/relationships">${names
        .map(
          (_n, i) =>
            `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('')}</Relationships>`,
    ),
    // Style 1 shows its number as a date (built-in format 14).
    'xl/styles.xml': strToU8(
      `${XML}<styleSheet xmlns="${S}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `${XML}<sst xmlns="${S}" count="${shared.length}">${shared
        .map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`)
        .join('')}</sst>`,
    ),
  };
  sheetXml.forEach((xml, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml);
  });
  return zipSync(files);
}

export function pptx(slides: readonly string[]): Uint8Array {
  const pml = 'application/vnd.openxmlformats-officedocument.presentationml';
  const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      contentTypes({ 'ppt/presentation.xml': `${pml}.presentation.main+xml` }),
    ),
    '_rels/.rels': strToU8(rootRels('ppt/presentation.xml')),
    'ppt/presentation.xml': strToU8(`${XML}<p:presentation xmlns:p="${P}"/>`),
  };
  slides.forEach((text, i) => {
    files[`ppt/slides/slide${i + 1}.xml`] = strToU8(
      `${XML}<p:sld xmlns:p="${P}" xmlns:a="${A}"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>${escapeXml(text)}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>`,
    );
  });
  return zipSync(files);
}

export interface PdfPage {
  /** Lines of text drawn on the page (a text layer). */
  lines?: readonly string[];
  /** Paint an image over the page, as a scanner does. */
  image?: boolean;
  /** Draw the text before the image (a page number stamped on a scan). */
  textFirst?: boolean;
}

const pdfString = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** A small real PDF: catalog, page tree, pages with Helvetica text and/or an image, and xref. */
export function pdf(pages: readonly PdfPage[], options: { header?: string } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) + 0;
  const stream = (content: string, dict = '') =>
    `<< ${dict} /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

  add('<< /Type /Catalog /Pages 2 0 R >>'); // 1
  add(''); // 2: the page tree, filled in once the pages have numbers
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'); // 3
  // 4: a 2x2 grey image, the smallest thing a scan is made of.
  add(
    stream(
      '\u0080\u00ff\u0040\u0000',
      '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8',
    ),
  );
  const kids: number[] = [];
  for (const page of pages) {
    const parts: string[] = [];
    if (page.image) parts.push('q 500 0 0 700 50 50 cm /Im1 Do Q');
    if (page.lines?.length)
      parts[page.textFirst ? 'unshift' : 'push'](
        `BT /F1 12 Tf 72 720 Td 14 TL ${page.lines.map((l) => `${pdfString(l)} Tj T*`).join(' ')} ET`,
      );
    const contents = add(stream(parts.join('\n')));
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents ${contents} 0 R >>`,
      ),
    );
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  let out = `${options.header ?? '%PDF-1.4'}\n%\u00e2\u00e3\u00cf\u00d3\n`;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
