/** Text made safe for SpreadsheetML parts. */

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Characters XML 1.0 forbids anywhere, even escaped (C0 controls but tab, LF and CR; lone
 * surrogates; U+FFFE and U+FFFF). A part holding one will not open, so they are dropped.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const stripForbidden = (text: string): string => text.replace(FORBIDDEN, '');

/** Character data: `&` and `<` must be escaped, `>` is for `]]>`. */
export const escapeText = (text: string): string =>
  stripForbidden(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An attribute value in double quotes; tab, LF and CR as references, else they read as spaces. */
export const escapeAttribute = (text: string): string =>
  escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');

/**
 * Excel and LibreOffice read `_xHHHH_` in a cell's text as an escaped character, so a literal
 * one would change on opening. Escaping its underscore (`_x005F_`) keeps the text as written.
 */
export const escapeExcelCodes = (text: string): string =>
  text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32_767;

/** A cell string's `<t>` element: cleaned, within Excel's limit, whitespace kept. */
export function textElement(text: string): string {
  let clean = stripForbidden(text);
  if (clean.length > MAX_CELL_TEXT) {
    clean = clean.slice(0, MAX_CELL_TEXT);
    // Never leave half of a surrogate pair at the cut.
    if (/[\uD800-\uDBFF]$/.test(clean)) clean = clean.slice(0, -1);
  }
  const space = /^\s|\s$/.test(clean) ? ' xml:space="preserve"' : '';
  return `<t${space}>${escapeText(escapeExcelCodes(clean))}</t>`;
}

/** 1 → A, 26 → Z, 27 → AA. */
export function columnName(index: number): string {
  let n = index;
  let name = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export const cellRef = (column: number, row: number): string => `${columnName(column)}${row}`;
