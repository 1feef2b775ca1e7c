/**
 * A workbook as the use cases describe it: sheets of typed columns and plain values. The adapter
 * turns it into an Excel file; the use case never sees bytes or XML.
 */

/**
 * How a column's values are written. `date` takes `YYYY-MM-DD`; `datetime` takes a wall-clock
 * `YYYY-MM-DDTHH:mm[:ss]` (England, no offset): both become real dates, not text. `link` takes a
 * URL or `{ text, url }`; only http(s) URLs become hyperlinks.
 */
export type ColumnKind = 'text' | 'number' | 'date' | 'datetime' | 'link';

export interface SheetColumn {
  header: string;
  /** In characters, as Excel measures column width. */
  width?: number;
  kind: ColumnKind;
}

/** Empty (null or ''), a number, text, or a link with the text to show. */
export type CellValue = string | number | null | { text: string; url: string };

export interface SheetModel {
  /** Made safe for Excel by the writer: at most 31 characters, no []:*?/\, unique. */
  name: string;
  columns: SheetColumn[];
  rows: CellValue[][];
}

export interface WorkbookModel {
  sheets: SheetModel[];
  /** The file's document properties. */
  properties?: { title?: string; creator?: string; created?: string };
}

export interface SpreadsheetWriter {
  /** The workbook as `.xlsx` bytes. */
  write(book: WorkbookModel): Uint8Array;
}
