import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../src/adapters/documents/xlsx-writer.js';
import type { WorkbookModel } from '../../../src/application/ports/spreadsheet.js';
import { aboutSheet } from '../../../src/application/use-cases/exports.js';
import {
  actionsSheet,
  historySheet,
  impactChecksSheet,
  recommendationsSheet,
  responsesSheet,
} from '../../../src/application/use-cases/exports-tracker-sheets.js';
import { trackerFixture } from './tracker-fixture.js';
import { readBook, type ReadBook } from './xlsx-read.js';

const run = promisify(execFile);

/** Where LibreOffice and poppler are, on PATH or in /usr/bin. */
function tool(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(':').concat('/usr/bin')) {
    const path = join(dir, name);
    if (dir && existsSync(path)) return path;
  }
  throw new Error(
    `${name} is not installed: \`npm test\` installs LibreOffice and poppler-utils (scripts/setup.mjs); this check needs them and does not skip.`,
  );
}

const rows = trackerFixture.rows;
/** The tracker export's sheets, built by the use case's own sheet builders from a fixture view. */
const tracker: WorkbookModel = {
  properties: { title: 'Tracker', creator: 'Sam Scrutineer', created: '2026-11-22T12:00:00Z' },
  sheets: [
    aboutSheet(
      [['Partnership', 'Harbourside Safeguarding Children Partnership']],
      trackerFixture.rules,
    ),
    recommendationsSheet(rows),
    responsesSheet(rows),
    actionsSheet(rows),
    historySheet(rows),
    impactChecksSheet(rows),
  ],
};

/**
 * The tracker workbook opens in LibreOffice Calc: converted headless to PDF (every sheet's
 * headers and known values on the pages) and its first sheet to CSV (dates read as dates).
 * A private profile keeps parallel runs apart.
 */
describe('the tracker workbook in LibreOffice', () => {
  let dir = '';
  let pdfText = '';
  let csv = '';
  let resaved: ReadBook | undefined;

  beforeAll(async () => {
    const soffice = tool('soffice');
    const pdftotext = tool('pdftotext');
    dir = mkdtempSync(join(tmpdir(), 'cf-xlsx-'));
    const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
    writeFileSync(join(dir, 'tracker.xlsx'), writeXlsx(tracker));
    await run(
      soffice,
      [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'tracker.xlsx')],
      { timeout: 110_000 },
    );
    const pdf = join(dir, 'tracker.pdf');
    expect(existsSync(pdf), 'LibreOffice wrote no PDF').toBe(true);
    pdfText = (await run(pdftotext, [pdf, '-'])).stdout.replace(/\s+/g, ' ');

    // The first sheet only (Recommendations), cells as shown: UTF-8, comma-separated, quoted.
    const first = join(dir, 'recommendations.xlsx');
    writeFileSync(first, writeXlsx({ sheets: tracker.sheets.slice(1, 2) }));
    await run(
      soffice,
      [
        profile,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true',
        '--outdir',
        dir,
        first,
      ],
      { timeout: 110_000 },
    );
    csv = readFileSync(join(dir, 'recommendations.csv'), 'utf8');

    // Saved again by Calc: what it understood of filters, frozen panes and links, it writes back.
    await run(
      soffice,
      [
        profile,
        '--headless',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        join(dir, 'resaved'),
        join(dir, 'tracker.xlsx'),
      ],
      { timeout: 110_000 },
    );
    resaved = readBook(readFileSync(join(dir, 'resaved', 'tracker.xlsx')));
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints every sheet’s header row', () => {
    for (const sheet of tracker.sheets)
      for (const column of sheet.columns.filter((c) => c.header))
        expect(pdfText, `${sheet.name}: ${column.header}`).toContain(column.header);
  });

  it('prints known values from each sheet', () => {
    for (const value of [
      'Harbourside Safeguarding Children Partnership',
      'Agree an escalation protocol',
      'We accept the protocol but not the timescale.',
      'Publish one escalation protocol for all partners',
      'Draft protocol agreed at the sub-group.',
      'Training register and feedback seen.',
      'Eastshire Constabulary',
    ])
      expect(pdfText).toContain(value);
    // A date cell as its date format shows it.
    expect(pdfText).toContain('31/03/2026');
  });

  it('reads the first sheet’s date cells as dates in their format, not as the text written', () => {
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'Reference,Title,Priority,Themes,Partners,Issued,Response due,Age (days),RAG,Reason',
    );
    const first = lines[1] ?? '';
    expect(first).toContain('HSCP-R-2026-01');
    // 10:15 UTC on 2 March is 10:15 in England (GMT); written as a date-time serial.
    expect(first).toContain('02/03/2026 10:15');
    expect(first).toContain(',31/03/2026,');
    expect(first).not.toContain('2026-03-31');
    expect(first).toContain(',265,');
  });

  it('keeps each sheet’s filter and the hyperlinks when Calc saves it again', () => {
    // (Headless Calc has no view, so it writes no panes back: the frozen header is checked on
    // the written XML in xlsx-writer.test.ts.)
    expect(resaved?.sheets).toEqual(tracker.sheets.map((sh) => sh.name));
    tracker.sheets.forEach((sheet, i) => {
      const xml = resaved?.part(`xl/worksheets/sheet${i + 1}.xml`) ?? '';
      const last = String.fromCharCode(64 + sheet.columns.length);
      expect(xml, sheet.name).toContain(`<autoFilter ref="A1:${last}${sheet.rows.length + 1}"`);
    });
    expect(resaved?.part('xl/worksheets/_rels/sheet5.xml.rels')).toContain(
      'https://harbourside.example/docs/protocol-draft',
    );
  });
});
