import type { DocumentFormat } from '../../application/ports/document-text.js';
import { attribute, xmlText, xmlTokens, type TextRules } from './xml-text.js';
import { dateStyles, sharedStrings, sheetText } from './xlsx-text.js';
import type { ZipReader } from './zip.js';

/** An Office part whose text cannot be read (an embedded object from another program). */
export class EmbeddedObjectError extends Error {
  constructor() {
    super('ooxml: embedded object');
    this.name = 'EmbeddedObjectError';
  }
}

const utf8 = new TextDecoder('utf-8');
const set = (...names: string[]) => new Set(names);

// Deleted text in tracked changes is still in the file, so it is read too.
const WORD: TextRules = {
  text: set('t', 'delText'),
  marks: new Map([
    ['tab', '\t'],
    ['br', '\n'],
    ['cr', '\n'],
  ]),
  lines: set('p'),
};
const DRAWING: TextRules = { text: set('t'), marks: new Map([['br', '\n']]), lines: set('p') };
const COMMENTS: TextRules = { text: set('t', 'text'), lines: set('p', 'text', 'comment') };
const PROPERTIES: TextRules = {
  text: set('title', 'subject', 'description', 'keywords', 'category'),
  lines: set('title', 'subject', 'description', 'keywords', 'category'),
};

const WORD_PARTS = /^word\/(?:document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/;
const SLIDE_PARTS = /^ppt\/(?:slides\/slide|notesSlides\/notesSlide)\d+\.xml$/;
const SHEET_PARTS = /^xl\/worksheets\/sheet\d+\.xml$/;
const DRAWING_PARTS =
  /^(?:xl\/drawings\/drawing|ppt\/diagrams\/data|word\/diagrams\/data)\d*\.xml$/;
const COMMENT_PARTS =
  /^(?:xl\/comments\d*|xl\/threadedComments\/threadedComment\d*|ppt\/comments\/\w+)\.xml$/;
const EMBEDDINGS = /^(?:word|xl|ppt)\/embeddings\//;

/** Which Office format a zip is, from the parts it holds; undefined for any other zip. */
export function ooxmlFormat(zip: ZipReader): Exclude<DocumentFormat, 'pdf' | 'text'> | undefined {
  if (!zip.has('[Content_Types].xml')) return undefined;
  if (zip.has('word/document.xml')) return 'docx';
  if (zip.has('xl/workbook.xml')) return 'xlsx';
  if (zip.has('ppt/presentation.xml')) return 'pptx';
  return undefined;
}

const partText = (zip: ZipReader, name: string): string => utf8.decode(zip.read(name));

/** Numbered parts (sheet2 before sheet10), so the text reads in document order. */
const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function workbookText(zip: ZipReader): string[] {
  const workbook = partText(zip, 'xl/workbook.xml');
  const out: string[] = [];
  let date1904 = false;
  for (const token of xmlTokens(workbook)) {
    if (token.tag === 'workbookPr')
      date1904 = /^(?:1|true)$/.test(attribute(token.attributes, 'date1904') ?? '');
    if (token.tag === 'sheet' || token.tag === 'definedName') {
      const name = attribute(token.attributes, 'name');
      if (name) out.push(name);
    }
  }
  const shared = zip.has('xl/sharedStrings.xml')
    ? sharedStrings(partText(zip, 'xl/sharedStrings.xml'))
    : [];
  const dateStyle = zip.has('xl/styles.xml') ? dateStyles(partText(zip, 'xl/styles.xml')) : [];
  const ctx = { shared, dateStyle, date1904, used: new Set<number>() };
  for (const name of zip
    .names()
    .filter((n) => SHEET_PARTS.test(n))
    .sort(byNumber))
    out.push(sheetText(partText(zip, name), ctx));
  // Strings no cell uses are still in the file.
  out.push(...shared.filter((_s, i) => !ctx.used.has(i)));
  return out;
}

/**
 * The text of a docx, xlsx or pptx: body, headers and footers, notes, comments, drawings' text
 * boxes and the title and keywords, as the guard should see it. Embedded Office files are read in
 * turn (one level down); any other embedded object makes the whole file unreadable.
 */
export function ooxmlText(
  zip: ZipReader,
  format: Exclude<DocumentFormat, 'pdf' | 'text'>,
  readEmbedded: (bytes: Uint8Array) => string,
): string {
  const names = zip.names().sort(byNumber);
  const out: string[] = [];
  if (format === 'xlsx') out.push(...workbookText(zip));
  for (const name of names) {
    if (format === 'docx' && WORD_PARTS.test(name)) out.push(xmlText(partText(zip, name), WORD));
    else if (format === 'pptx' && SLIDE_PARTS.test(name))
      out.push(xmlText(partText(zip, name), DRAWING));
    else if (DRAWING_PARTS.test(name)) out.push(xmlText(partText(zip, name), DRAWING));
    else if (COMMENT_PARTS.test(name)) out.push(xmlText(partText(zip, name), COMMENTS));
    else if (name === 'docProps/core.xml') out.push(xmlText(partText(zip, name), PROPERTIES));
    else if (EMBEDDINGS.test(name) && !name.endsWith('/')) {
      const bytes = zip.read(name);
      if (!bytes) continue;
      out.push(readEmbedded(bytes));
    }
  }
  return out.join('\n');
}
