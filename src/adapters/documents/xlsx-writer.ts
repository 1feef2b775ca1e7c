import { strToU8, zipSync, type Zippable } from 'fflate';
import type { SpreadsheetWriter, WorkbookModel } from '../../application/ports/spreadsheet.js';
import { SharedStrings, writeSheet } from './xlsx-sheet.js';
import { stylesXml } from './xlsx-styles.js';
import { escapeAttribute, escapeText, stripForbidden, XML_HEAD } from './xlsx-xml.js';

const PKG = 'http://schemas.openxmlformats.org/package/2006';
const DOC = 'http://schemas.openxmlformats.org/officeDocument/2006';
const REL = `${DOC}/relationships`;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export const XLSX_CONTENT_TYPE = `${SML}.sheet`;

/** Excel's rules for a sheet name: 1 to 31 characters, none of []:*?/\, no ' at either end. */
const MAX_NAME = 31;
/** Excel keeps this name for its own change history and will not open a sheet called it. */
const RESERVED = new Set(['history']);

/** Sheet names Excel accepts, unique regardless of case (as Excel compares them). */
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((raw, i) => {
    const base =
      stripForbidden(raw)
        .replace(/[[\]:*?/\\]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^'+|'+$/g, '')
        .trim()
        .slice(0, MAX_NAME)
        .trim() || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()) || RESERVED.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${base.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A sheet name as formulas and defined names quote it: in '', with ' doubled. */
const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** `A1:H20` as an absolute reference `$A$1:$H$20`. */
const absolute = (range: string) => range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');

const relationship = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;

/**
 * The workbook as an `.xlsx` (SpreadsheetML) package: one worksheet per sheet, each with a bold
 * frozen header row and a filter over the rows written, real dates and numbers, and http(s)
 * links as hyperlinks. Built from fixed templates; nothing in a value is ever read as markup or
 * as a formula.
 */
export function writeXlsx(book: WorkbookModel): Uint8Array {
  if (book.sheets.length === 0) throw new Error('A workbook needs at least one sheet.');
  const names = sheetNames(book.sheets.map((s) => s.name));
  const strings = new SharedStrings();
  const sheets = book.sheets.map((sheet) => writeSheet(sheet, strings));
  // W3CDTF to the second, as Excel writes it.
  const created = (book.properties?.created ?? new Date().toISOString()).replace(/\.\d+Z$/, 'Z');
  const files: Zippable = {};
  const put = (path: string, xml: string) => {
    files[path] = strToU8(xml);
  };

  const overrides = [
    ['/xl/workbook.xml', `${SML}.sheet.main+xml`],
    ['/xl/styles.xml', `${SML}.styles+xml`],
    ['/xl/sharedStrings.xml', `${SML}.sharedStrings+xml`],
    ...sheets.map((_, i) => [`/xl/worksheets/sheet${i + 1}.xml`, `${SML}.worksheet+xml`]),
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ];
  put(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="${PKG}/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      overrides
        .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
        .join('') +
      '</Types>',
  );
  put(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG}/relationships">` +
      relationship('rId1', `${REL}/officeDocument`, 'xl/workbook.xml') +
      relationship('rId2', `${PKG}/relationships/metadata/core-properties`, 'docProps/core.xml') +
      relationship('rId3', `${REL}/extended-properties`, 'docProps/app.xml') +
      '</Relationships>',
  );

  // Excel writes a hidden _FilterDatabase name for each sheet's filter, and print titles repeat
  // the header row on every printed page.
  const definedNames = names
    .flatMap((name, i) => [
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeText(
        `${quoted(name)}!${absolute(sheets[i]?.filterRange ?? 'A1:A1')}`,
      )}</definedName>`,
      `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(`${quoted(name)}!$1:$1`)}</definedName>`,
    ])
    .join('');
  put(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
      '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
      names
        .map(
          (name, i) =>
            `<sheet name="${escapeAttribute(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
        )
        .join('') +
      `</sheets><definedNames>${definedNames}</definedNames></workbook>`,
  );
  const n = sheets.length;
  put(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG}/relationships">` +
      sheets
        .map((_, i) =>
          relationship(`rId${i + 1}`, `${REL}/worksheet`, `worksheets/sheet${i + 1}.xml`),
        )
        .join('') +
      relationship(`rId${n + 1}`, `${REL}/styles`, 'styles.xml') +
      relationship(`rId${n + 2}`, `${REL}/sharedStrings`, 'sharedStrings.xml') +
      '</Relationships>',
  );
  put('xl/styles.xml', stylesXml);
  sheets.forEach((sheet, i) => {
    put(`xl/worksheets/sheet${i + 1}.xml`, sheet.xml);
    if (sheet.rels) put(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, sheet.rels);
  });
  // After the sheets: the table holds every string they referred to.
  put('xl/sharedStrings.xml', strings.xml());

  const title = book.properties?.title;
  const creator = book.properties?.creator;
  put(
    'docProps/core.xml',
    `${XML_HEAD}<cp:coreProperties xmlns:cp="${PKG}/metadata/core-properties" ` +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      (title ? `<dc:title>${escapeText(title)}</dc:title>` : '') +
      (creator ? `<dc:creator>${escapeText(creator)}</dc:creator>` : '') +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeText(created)}</dcterms:created>` +
      '</cp:coreProperties>',
  );
  put(
    'docProps/app.xml',
    `${XML_HEAD}<Properties xmlns="${DOC}/extended-properties" xmlns:vt="${DOC}/docPropsVTypes">` +
      '<Application>Critical Friend</Application><DocSecurity>0</DocSecurity>' +
      '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr>' +
      `</vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${names
        .map((name) => `<vt:lpstr>${escapeText(name)}</vt:lpstr>`)
        .join('')}</vt:vector></TitlesOfParts></Properties>`,
  );

  // A fixed time in each entry keeps the same workbook byte-for-byte the same.
  return zipSync(files, { level: 6, mtime: new Date(created) });
}

export const xlsxWriter: SpreadsheetWriter = { write: writeXlsx };
