import { dateStyles, sharedStrings, sheetText } from '../../../src/adapters/documents/xlsx-text.js';
import { attribute, xmlTokens } from '../../../src/adapters/documents/xml-text.js';
import { ZipReader } from '../../../src/adapters/documents/zip.js';

/** A written workbook read back with the project's own zip and xlsx readers. */
export interface ReadBook {
  zip: ZipReader;
  names: string[];
  part(name: string): string;
  /** Sheet names in workbook order. */
  sheets: string[];
  /** The text of sheet `n` (1-based) as the guard's extractor reads it: dates as dd/mm/yyyy. */
  sheetText(n: number): string;
  shared: string[];
  dateStyle: boolean[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readBook(bytes: Uint8Array): ReadBook {
  const zip = new ZipReader(bytes, { maxEntries: 1000, maxUnpacked: 200 * 1024 * 1024 });
  const part = (name: string) => {
    const data = zip.read(name);
    if (!data) throw new Error(`no part ${name}`);
    return utf8.decode(data);
  };
  const shared = sharedStrings(part('xl/sharedStrings.xml'));
  const dateStyle = dateStyles(part('xl/styles.xml'));
  const sheets = [...xmlTokens(part('xl/workbook.xml'))]
    .filter((t) => t.tag === 'sheet' && !t.close)
    .map((t) => attribute(t.attributes, 'name') ?? '');
  return {
    zip,
    names: zip.names(),
    part,
    sheets,
    shared,
    dateStyle,
    sheetText: (n) =>
      sheetText(part(`xl/worksheets/sheet${n}.xml`), {
        shared,
        dateStyle,
        date1904: false,
        used: new Set(),
      }),
  };
}

/** Every `<c>` of a sheet: its reference, type, style and raw value. */
export function cells(sheetXml: string): Map<string, { t?: string; s: number; v: string }> {
  const out = new Map<string, { t?: string; s: number; v: string }>();
  const re = /<c r="([A-Z]+\d+)"(?: s="(\d+)")?(?: t="(\w+)")?>(?:<v>([^<]*)<\/v>)?<\/c>/g;
  for (const m of sheetXml.matchAll(re))
    out.set(m[1] ?? '', {
      s: Number(m[2] ?? 0),
      v: m[4] ?? '',
      ...(m[3] ? { t: m[3] } : {}),
    });
  return out;
}
