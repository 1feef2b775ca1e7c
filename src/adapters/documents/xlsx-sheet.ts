import type { CellValue, SheetColumn, SheetModel } from '../../application/ports/spreadsheet.js';
import { Style, type StyleId } from './xlsx-styles.js';
import { dateSerial, safeUrl } from './xlsx-values.js';
import { cellRef, columnName, escapeAttribute, textElement, XML_HEAD } from './xlsx-xml.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const HYPERLINK_REL = `${REL}/hyperlink`;

/** Excel keeps at most this many hyperlinks on one sheet; later links are written as text. */
const MAX_LINKS = 65_530;

/**
 * The shared-string table: each distinct text is stored once and cells refer to it by index.
 * Chosen over inline strings because the tracker repeats the same words on every row (partner
 * names, RAG, statuses), and it is the form Excel itself writes, which every reader handles.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  private refs = 0;

  ref(text: string): number {
    this.refs++;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.items.length;
      this.items.push(text);
      this.index.set(text, at);
    }
    return at;
  }

  xml(): string {
    const items = this.items.map((t) => `<si>${textElement(t)}</si>`).join('');
    return `${XML_HEAD}<sst xmlns="${MAIN}" count="${this.refs}" uniqueCount="${this.items.length}">${items}</sst>`;
  }
}

export interface WrittenSheet {
  xml: string;
  /** The sheet's relationships part (its hyperlinks), when it has any. */
  rels?: string;
  /** The range the filter covers, as `A1:H20`. */
  filterRange: string;
}

const DEFAULT_WIDTH: Record<SheetColumn['kind'], number> = {
  text: 30,
  number: 12,
  date: 12,
  datetime: 17,
  link: 40,
};

/**
 * Wide enough for the header on one line beside the filter's drop-down button (about three
 * characters), so a header is never wrapped or hidden under the button.
 */
const columnWidth = (c: SheetColumn) =>
  Math.min(100, Math.max(c.width ?? DEFAULT_WIDTH[c.kind], c.header.length + 3));

/** Points per line of 11-point text, and Excel's tallest row. */
const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

/** The lines a wrapped text takes in a column this wide (a width unit is about one character). */
function linesOf(text: string, width: number): number {
  // Prose runs a little wider than the digit a width unit measures, and wider still in the
  // fonts that stand in for Calibri where it is not installed: err towards a line to spare.
  const perLine = Math.max(1, Math.floor(width * 0.9) - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

/**
 * A row's height when its text wraps, else undefined (the default). Written out because
 * LibreOffice keeps the default height for a row on opening and clips the wrapped text; an
 * estimate that errs tall reads better than a clipped cell.
 */
function rowHeight(columns: readonly SheetColumn[], row: readonly CellValue[]): number | undefined {
  let lines = 1;
  columns.forEach((column, c) => {
    const value = row[c];
    const text =
      typeof value === 'string' ? value : typeof value === 'object' && value ? value.text : '';
    if (text && column.kind !== 'date' && column.kind !== 'datetime')
      lines = Math.max(lines, linesOf(text, columnWidth(column)));
  });
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT) : undefined;
}

/**
 * One worksheet. Text is always a string cell (`t="s"`), never a formula: a value such as
 * `=HYPERLINK(...)`, `+1`, `-2` or `@SUM(A1)` is shown as typed and never evaluated, which is
 * what keeps an export from carrying formula injection into the reader's Excel.
 */
export function writeSheet(sheet: SheetModel, strings: SharedStrings): WrittenSheet {
  const width = Math.max(1, sheet.columns.length);
  const lastRow = sheet.rows.length + 1;
  const lastColumn = columnName(width);
  const filterRange = `A1:${lastColumn}${lastRow}`;
  const links: { ref: string; url: string }[] = [];

  const text = (ref: string, value: string, style: StyleId) =>
    `<c r="${ref}" s="${style}" t="s"><v>${strings.ref(value)}</v></c>`;
  const number = (ref: string, value: number, style: StyleId) =>
    `<c r="${ref}" s="${style}"><v>${value}</v></c>`;

  const cell = (column: SheetColumn, value: CellValue, ref: string): string => {
    if (value === null || value === '') return '';
    if (typeof value === 'number')
      return Number.isFinite(value) ? number(ref, value, Style.number) : '';
    if (typeof value === 'object') {
      const url = links.length < MAX_LINKS ? safeUrl(value.url) : undefined;
      const shown = value.text || value.url;
      if (!url) return text(ref, shown, Style.text);
      links.push({ ref, url });
      return text(ref, shown, Style.link);
    }
    if (column.kind === 'date' || column.kind === 'datetime') {
      const serial = dateSerial(value, column.kind === 'datetime');
      if (serial !== undefined)
        return number(ref, serial, column.kind === 'date' ? Style.date : Style.datetime);
    }
    if (column.kind === 'link' && links.length < MAX_LINKS) {
      const url = safeUrl(value);
      if (url) {
        links.push({ ref, url });
        return text(ref, value, Style.link);
      }
    }
    return text(ref, value, Style.text);
  };

  const header = sheet.columns
    .map((c, i) => text(cellRef(i + 1, 1), c.header, Style.header))
    .join('');
  const body = sheet.rows.map((row, r) => {
    const cells = sheet.columns
      .map((column, c) => cell(column, row[c] ?? null, cellRef(c + 1, r + 2)))
      .join('');
    const ht = rowHeight(sheet.columns, row);
    const height = ht ? ` ht="${ht}" customHeight="1"` : '';
    return `<row r="${r + 2}"${height}>${cells}</row>`;
  });
  const cols = sheet.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${columnWidth(c)}" customWidth="1"/>`)
    .join('');
  const hyperlinks = links.length
    ? `<hyperlinks>${links.map((l, i) => `<hyperlink ref="${l.ref}" r:id="rId${i + 1}"/>`).join('')}</hyperlinks>`
    : '';

  // Element order is fixed by the schema (CT_Worksheet); Excel refuses a sheet out of order.
  const xml =
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<dimension ref="${filterRange}"/>` +
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '</sheetView></sheetViews>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData><row r="1">${header}</row>${body.join('')}</sheetData>` +
    `<autoFilter ref="${filterRange}"/>` +
    hyperlinks +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup orientation="landscape" paperSize="9"/>' +
    '</worksheet>';

  const rels = links.length
    ? `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${links
        .map(
          (l, i) =>
            `<Relationship Id="rId${i + 1}" Type="${HYPERLINK_REL}" Target="${escapeAttribute(l.url)}" TargetMode="External"/>`,
        )
        .join('')}</Relationships>`
    : undefined;

  return { xml, filterRange, ...(rels ? { rels } : {}) };
}
