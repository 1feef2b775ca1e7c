import { describe, expect, it } from 'vitest';
import { createDocumentText } from '../../../src/adapters/documents/index.js';
import { sheetNames, writeXlsx } from '../../../src/adapters/documents/xlsx-writer.js';
import { dateSerial, safeUrl } from '../../../src/adapters/documents/xlsx-values.js';
import type { SheetModel, WorkbookModel } from '../../../src/application/ports/spreadsheet.js';
import { wellFormedProblems } from '../../support/xml-well-formed.js';
import { cells, readBook } from './xlsx-read.js';

const actions: SheetModel = {
  name: 'Actions',
  columns: [
    { header: 'Reference', kind: 'text' },
    { header: 'Due', kind: 'date' },
    { header: 'Verified at', kind: 'datetime' },
    { header: 'Progress (%)', kind: 'number' },
    { header: 'Evidence', kind: 'link' },
  ],
  rows: [
    ['HSCP-R-2026-01', '2026-11-22', '2026-11-22T14:30:00', 75, 'https://example.org/a?b=1&c=2'],
    [
      'HSCP-R-2026-02',
      '2026-02-30',
      null,
      0,
      { text: 'Audit summary', url: 'https://x.example/s' },
    ],
    ['HSCP-R-2026-03', null, '', Number.NaN, 'javascript:alert(1)'],
    ['HSCP-R-2026-04', 'soon', null, -2.5, '/api/evidence/abc/content'],
  ],
};

const book = (sheets: SheetModel[] = [actions]): WorkbookModel => ({
  sheets,
  properties: { title: 'Tracker', creator: 'Sam Scrutineer', created: '2026-11-22T10:00:00.000Z' },
});

/** Excel's `_xHHHH_` escapes undone, as Excel and LibreOffice read a cell's text. */
const excelDecode = (text: string) =>
  text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('writeXlsx: the package', () => {
  it('holds every part, each well-formed XML with no forbidden characters', () => {
    const read = readBook(writeXlsx(book([actions, { ...actions, name: 'Second' }])));
    expect(read.names).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/sharedStrings.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
        'xl/worksheets/_rels/sheet1.xml.rels',
        'docProps/core.xml',
        'docProps/app.xml',
      ]),
    );
    for (const name of read.names)
      expect([name, wellFormedProblems(read.part(name))]).toEqual([name, []]);
    const types = read.part('[Content_Types].xml');
    for (const name of read.names.filter(
      (n) => !n.endsWith('.rels') && n !== '[Content_Types].xml',
    ))
      expect(types).toContain(`PartName="/${name}"`);
    expect(read.sheets).toEqual(['Actions', 'Second']);
    expect(read.part('docProps/core.xml')).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-22T10:00:00Z</dcterms:created>',
    );
  });

  it('the well-formedness check itself catches broken XML', () => {
    expect(wellFormedProblems('<a><b></a>')).not.toEqual([]);
    expect(wellFormedProblems('<a>x & y</a>')).not.toEqual([]);
    expect(wellFormedProblems('<a>\u0001</a>')).not.toEqual([]);
    expect(wellFormedProblems('<a>&#1;</a>')).not.toEqual([]);
    expect(wellFormedProblems('<r:a/>')).not.toEqual([]);
    expect(wellFormedProblems('<a x="1" x="2"/>')).not.toEqual([]);
    expect(wellFormedProblems('<a/><b/>')).not.toEqual([]);
    expect(wellFormedProblems('<a xmlns:r="u"><r:b r:id="1">&lt;&#10;</r:b></a>')).toEqual([]);
  });

  it('writes the same bytes for the same workbook', () => {
    expect(writeXlsx(book())).toEqual(writeXlsx(book()));
  });

  it('refuses a workbook with no sheets', () => {
    expect(() => writeXlsx({ sheets: [] })).toThrow(/at least one sheet/);
  });

  it('is read by the project’s own xlsx text extractor', async () => {
    const result = await createDocumentText().extract(writeXlsx(book()), 'tracker.xlsx', '');
    expect(result.kind).toBe('text');
    if (result.kind === 'text') {
      expect(result.format).toBe('xlsx');
      expect(result.text).toContain('Due: 22/11/2026');
      expect(result.text).toContain('Reference: HSCP-R-2026-01');
    }
  });
});

describe('writeXlsx: each sheet', () => {
  it('has a bold header row, frozen, and a filter over the rows written', () => {
    const read = readBook(writeXlsx(book()));
    const sheet = read.part('xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<autoFilter ref="A1:E5"/>');
    expect(sheet).toContain('<dimension ref="A1:E5"/>');
    expect(sheet).toContain(
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    );
    const header = cells(sheet).get('A1');
    expect(header?.t).toBe('s');
    expect(read.shared[Number(header?.v)]).toBe('Reference');
    // The header's style uses the bold font.
    const styles = read.part('xl/styles.xml');
    const xfs = [...(styles.split('<cellXfs')[1] ?? '').matchAll(/<xf [^>]*fontId="(\d+)"/g)];
    const fonts = [
      ...(styles.split('<fonts')[1]?.split('</fonts>')[0] ?? '').matchAll(/<font>(.*?)<\/font>/g),
    ];
    const headerFont = fonts[Number(xfs[header?.s ?? 0]?.[1])]?.[1] ?? '';
    expect(headerFont).toContain('<b/>');
    // The hidden name Excel writes for each filter.
    expect(read.part('xl/workbook.xml')).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Actions'!$A$1:$E$5</definedName>`,
    );
  });

  it('puts the filter on the header alone when there are no rows, and names columns past Z', () => {
    const wide: SheetModel = {
      name: 'Wide',
      columns: Array.from({ length: 28 }, (_, i) => ({
        header: `C${i + 1}`,
        kind: 'text' as const,
      })),
      rows: [],
    };
    const sheet = readBook(writeXlsx(book([wide]))).part('xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<autoFilter ref="A1:AB1"/>');
    expect(sheet).toContain('<c r="AB1"');
  });

  it('writes dates and date-times as serials with a date format, not as text', () => {
    const read = readBook(writeXlsx(book()));
    const c = cells(read.part('xl/worksheets/sheet1.xml'));
    expect(c.get('B2')).toEqual({ s: expect.any(Number), v: '46348' });
    expect(read.dateStyle[c.get('B2')?.s ?? 0]).toBe(true);
    expect(Number(c.get('C2')?.v)).toBeCloseTo(46348 + 14.5 / 24, 6);
    expect(read.dateStyle[c.get('C2')?.s ?? 0]).toBe(true);
    expect(read.part('xl/styles.xml')).toContain('formatCode="dd/mm/yyyy hh:mm"');
    // Not a real date, or not a date at all: kept as the text it was.
    expect(c.get('B3')?.t).toBe('s');
    expect(read.shared[Number(c.get('B3')?.v)]).toBe('2026-02-30');
    expect(read.shared[Number(c.get('B5')?.v)]).toBe('soon');
    expect(read.sheetText(1)).toContain('Due: 22/11/2026');
  });

  it('works out serials as Excel counts them', () => {
    expect(dateSerial('1900-03-01', false)).toBe(61);
    expect(dateSerial('2023-03-15', false)).toBe(45000);
    expect(dateSerial('2026-11-22T06:00', true)).toBe(46348.25);
    expect(dateSerial('2026-11-22', true)).toBe(46348);
    expect(dateSerial('2026-11-22T24:00', true)).toBeUndefined();
    expect(dateSerial('2026-11-22T06:00', false)).toBeUndefined();
    expect(dateSerial('1899-12-31', false)).toBeUndefined();
  });

  it('writes numbers as numbers, and leaves empty and non-finite values out', () => {
    const c = cells(readBook(writeXlsx(book())).part('xl/worksheets/sheet1.xml'));
    expect(c.get('D2')).toEqual({ s: expect.any(Number), v: '75' });
    expect(c.get('D5')?.v).toBe('-2.5');
    expect(c.get('D5')?.t).toBeUndefined();
    expect(c.has('D4')).toBe(false);
    expect(c.has('C3')).toBe(false);
    expect(c.has('C4')).toBe(false);
  });

  it('makes http(s) links hyperlinks through relationships, and anything else plain text', () => {
    const read = readBook(writeXlsx(book()));
    const sheet = read.part('xl/worksheets/sheet1.xml');
    const rels = read.part('xl/worksheets/_rels/sheet1.xml.rels');
    const links = [...sheet.matchAll(/<hyperlink ref="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(links).toEqual([
      ['E2', 'rId1'],
      ['E3', 'rId2'],
    ]);
    expect(rels).toContain(
      'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/a?b=1&amp;c=2" TargetMode="External"',
    );
    expect(rels).toContain('Target="https://x.example/s" TargetMode="External"');
    expect(rels).not.toContain('javascript');
    const c = cells(sheet);
    expect(read.shared[Number(c.get('E3')?.v)]).toBe('Audit summary');
    expect(read.shared[Number(c.get('E4')?.v)]).toBe('javascript:alert(1)');
    expect(read.shared[Number(c.get('E5')?.v)]).toBe('/api/evidence/abc/content');
    expect(safeUrl('file:///etc/passwd')).toBeUndefined();
    expect(safeUrl(' https://example.org/x y')).toBe('https://example.org/x%20y');
  });

  it('gives a row with wrapping text the height of its lines, and leaves other rows alone', () => {
    const sheet: SheetModel = {
      name: 'Wrap',
      columns: [
        { header: 'Narrative', kind: 'text', width: 21 },
        { header: 'Due', kind: 'date' },
      ],
      rows: [
        ['short', '2026-11-22'],
        ['x'.repeat(40), null],
        ['one\ntwo\nthree', null],
      ],
    };
    const xml = readBook(writeXlsx(book([sheet]))).part('xl/worksheets/sheet1.xml');
    expect(xml).toContain('<row r="2">');
    // 21 wide holds about 17 characters a line: 40 take three lines.
    expect(xml).toContain('<row r="3" ht="45" customHeight="1">');
    expect(xml).toContain('<row r="4" ht="45" customHeight="1">');
  });

  it('writes a sheet with no links without a relationships part', () => {
    const plain: SheetModel = {
      name: 'Plain',
      columns: [{ header: 'A', kind: 'text' }],
      rows: [['x']],
    };
    const read = readBook(writeXlsx(book([plain])));
    expect(read.names).not.toContain('xl/worksheets/_rels/sheet1.xml.rels');
    expect(read.part('xl/worksheets/sheet1.xml')).not.toContain('<hyperlinks>');
  });
});

describe('writeXlsx: text', () => {
  const awkward = [
    'Tom & Jerry <b>"quoted"</b> \'single\'',
    'bell\u0007 and nul\u0000 and vt\u000b gone',
    'lone \uD800 surrogate, not \uFFFE either',
    'emoji 🧒 kept',
    '  leading and trailing spaces  ',
    'line one\nline two\ttabbed',
    'literal _x0041_ stays literal',
    ']]> is fine too',
  ];
  const expected = [
    'Tom & Jerry <b>"quoted"</b> \'single\'',
    'bell and nul and vt gone',
    'lone  surrogate, not  either',
    'emoji 🧒 kept',
    '  leading and trailing spaces  ',
    'line one\nline two\ttabbed',
    'literal _x0041_ stays literal',
    ']]> is fine too',
  ];

  it('escapes every string and drops characters XML 1.0 forbids; the text reads back the same', () => {
    const sheet: SheetModel = {
      name: 'Text',
      columns: [{ header: 'Awkward <&>', kind: 'text' }],
      rows: awkward.map((t) => [t]),
    };
    const read = readBook(writeXlsx(book([sheet])));
    for (const name of read.names) expect(wellFormedProblems(read.part(name))).toEqual([]);
    const c = cells(read.part('xl/worksheets/sheet1.xml'));
    expect(read.shared[Number(c.get('A1')?.v)]).toBe('Awkward <&>');
    const back = awkward.map((_, i) =>
      excelDecode(read.shared[Number(c.get(`A${i + 2}`)?.v)] ?? ''),
    );
    expect(back).toEqual(expected);
    expect(read.part('xl/sharedStrings.xml')).toContain('<t xml:space="preserve">  leading');
  });

  it('keeps text that looks like a formula as text: never a formula cell', () => {
    const risky = [
      '=1+1',
      '+SUM(A1:A2)',
      '-2+3',
      '@cmd|" /C calc"!A0',
      '=HYPERLINK("https://x.example")',
    ];
    const sheet: SheetModel = {
      name: 'Formulas',
      columns: [
        { header: 'Text', kind: 'text' },
        { header: 'Link', kind: 'link' },
      ],
      rows: risky.map((t) => [t, t]),
    };
    const read = readBook(writeXlsx(book([sheet])));
    const xml = read.part('xl/worksheets/sheet1.xml');
    expect(xml).not.toMatch(/<f[ >]/);
    const c = cells(xml);
    risky.forEach((t, i) => {
      expect(c.get(`A${i + 2}`)?.t).toBe('s');
      expect(read.shared[Number(c.get(`A${i + 2}`)?.v)]).toBe(t);
      expect(c.get(`B${i + 2}`)?.t).toBe('s');
    });
  });

  it('stores repeated text once in the shared-string table', () => {
    const sheet: SheetModel = {
      name: 'Repeats',
      columns: [{ header: 'RAG', kind: 'text' }],
      rows: [['Red'], ['Red'], ['Amber'], ['Red']],
    };
    const sst = readBook(writeXlsx(book([sheet]))).part('xl/sharedStrings.xml');
    expect(sst).toContain('count="5" uniqueCount="3"');
  });

  it('cuts a cell at Excel’s 32,767 characters without splitting a character', () => {
    const long = `${'a'.repeat(32_766)}🧒tail`;
    const sheet: SheetModel = {
      name: 'Long',
      columns: [{ header: 'T', kind: 'text' }],
      rows: [[long]],
    };
    const read = readBook(writeXlsx(book([sheet])));
    const text =
      read.shared[Number(cells(read.part('xl/worksheets/sheet1.xml')).get('A2')?.v)] ?? '';
    expect(text).toBe('a'.repeat(32_766));
  });
});

describe('sheetNames', () => {
  it('cuts to 31 characters, strips []:*?/\\ and makes names unique regardless of case', () => {
    expect(
      sheetNames([
        'Recommendations and responses for the year',
        'Actions: [open]/*?\\',
        'actions: [open]',
        '',
        "'quoted'",
        'History',
        'Recommendations and responses for the year',
      ]),
    ).toEqual([
      'Recommendations and responses f',
      'Actions open',
      'actions open (2)',
      'Sheet4',
      'quoted',
      'History (2)',
      'Recommendations and respons (2)',
    ]);
  });

  it('writes the cleaned names into the workbook, escaped', () => {
    const read = readBook(
      writeXlsx(
        book([
          { ...actions, name: 'R&D <notes>' },
          { ...actions, name: "O'Brien's" },
        ]),
      ),
    );
    expect(read.sheets).toEqual(['R&D <notes>', "O'Brien's"]);
    expect(read.part('xl/workbook.xml')).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'O''Brien''s'!$A$1:$E$5</definedName>`,
    );
  });
});
