import { attribute, xmlTokens } from './xml-text.js';

/**
 * A workbook's cells as text, row by row. Numbers are kept (a phone or NHS number is often a
 * number cell), date cells are written as dates (a date of birth is a date cell), and each cell
 * below a sheet's first row is labelled with that column's heading, so a "Mother" or "DOB" column
 * gives the guard the context it looks for.
 */

/** The text of each shared string, in order (cells refer to them by index). */
export function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = 0;
  for (const token of xmlTokens(xml)) {
    if (token.tag === undefined) {
      if (current && inText > 0 && token.text) current.push(token.text);
    } else if (token.tag === 'si') {
      if (token.close || token.empty) {
        strings.push((current ?? []).join(''));
        current = undefined;
      } else current = [];
    } else if (token.tag === 't' && !token.empty) inText += token.close ? -1 : 1;
  }
  return strings;
}

/** Built-in number formats that show a date (ECMA-376 part 1, 18.8.30). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 22, 27, 30, 36, 45, 50, 57]);

/** For each cell style index, whether it shows its number as a date. */
export function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  for (const token of xmlTokens(xml)) {
    if (token.tag === 'numFmt' && !token.close) {
      const id = Number(attribute(token.attributes, 'numFmtId'));
      // Strip quoted text, [colour]/[locale] sections and escapes; then d or y means a date.
      const code = (attribute(token.attributes, 'formatCode') ?? '')
        .replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')
        .toLowerCase();
      custom.set(id, /[dy]/.test(code));
    } else if (token.tag === 'cellXfs') inCellXfs = !token.close;
    else if (token.tag === 'xf' && inCellXfs && !token.close) {
      const id = Number(attribute(token.attributes, 'numFmtId') ?? '0');
      styles.push(custom.get(id) ?? BUILT_IN_DATES.has(id));
    }
  }
  return styles;
}

export interface SheetContext {
  shared: readonly string[];
  dateStyle: readonly boolean[];
  date1904: boolean;
  /** Indexes of shared strings some cell used; the rest are read on their own afterwards. */
  used: Set<number>;
}

const DAY_MS = 86_400_000;

function serialDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  // Excel's 1900 system counts a 29 February 1900 that never was: serials from 61 on are one high.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, serial >= 61 ? 30 : 31);
  const date = new Date(epoch + Math.floor(serial) * DAY_MS);
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}

/** A number as it would be shown without exponent, so long digit runs stay digit runs. */
function plainNumber(value: string): string {
  if (!/e/i.test(value)) return value;
  const n = Number(value);
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : value;
}

const columnOf = (ref: string | undefined): string | undefined => /^[A-Z]+/.exec(ref ?? '')?.[0];

export function sheetText(xml: string, ctx: SheetContext): string {
  const lines: string[] = [];
  let headings: Map<string, string> | undefined;
  let row: { column: string; value: string }[] = [];
  let cell: { column: string; type: string; style: number } | undefined;
  let value = '';
  let inline = '';
  let inValue = false;
  let inInline = 0;

  const finishCell = () => {
    if (!cell) return;
    let shown: string | undefined;
    if (cell.type === 's') {
      const index = Number(value);
      ctx.used.add(index);
      shown = ctx.shared[index];
    } else if (cell.type === 'inlineStr') shown = inline;
    else if (cell.type === 'n' || cell.type === '') {
      shown = ctx.dateStyle[cell.style]
        ? (serialDate(Number(value), ctx.date1904) ?? plainNumber(value))
        : plainNumber(value);
    } else if (cell.type !== 'b' && cell.type !== 'e') shown = value;
    if (shown) row.push({ column: cell.column, value: shown });
    cell = undefined;
  };

  for (const token of xmlTokens(xml)) {
    if (token.tag === undefined) {
      if (inValue) value += token.text ?? '';
      else if (inInline > 0) inline += token.text ?? '';
      continue;
    }
    if (token.tag === 'c') {
      if (token.close) finishCell();
      else {
        cell = {
          column: columnOf(attribute(token.attributes, 'r')) ?? String(row.length),
          type: attribute(token.attributes, 't') ?? '',
          style: Number(attribute(token.attributes, 's') ?? '0'),
        };
        value = '';
        inline = '';
        if (token.empty) finishCell();
      }
    } else if (token.tag === 'v' && cell && !token.empty) inValue = !token.close;
    else if (token.tag === 't' && cell && !token.empty) inInline += token.close ? -1 : 1;
    else if (token.tag === 'row' && (token.close || token.empty)) {
      if (row.length === 0) continue;
      if (!headings) {
        headings = new Map(row.map((c) => [c.column, c.value]));
        lines.push(row.map((c) => c.value).join('\t'));
      } else {
        const labelled = row.map((c) => {
          const heading = headings?.get(c.column);
          return heading ? `${heading}: ${c.value}` : c.value;
        });
        lines.push(labelled.join('\t'));
      }
      row = [];
    }
  }
  return lines.join('\n');
}
