import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxReportRenderer } from '../../../src/adapters/documents/docx-report.js';
import { reportSections } from '../../../src/domain/yearly-report/sections.js';
import { fullModel } from './yearly-report-fixture.js';

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

/**
 * The statement opens in LibreOffice: converted to PDF headless, its text read back with
 * pdftotext and its first page drawn as a PNG. A private profile keeps parallel runs apart.
 */
describe('the yearly statement in LibreOffice', () => {
  let dir = '';
  let pages: string[] = [];
  let pdf = '';

  beforeAll(async () => {
    const soffice = tool('soffice');
    const pdftotext = tool('pdftotext');
    dir = mkdtempSync(join(tmpdir(), 'cf-statement-'));
    const docx = join(dir, 'statement.docx');
    writeFileSync(docx, await docxReportRenderer.render(fullModel()));
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        docx,
      ],
      { timeout: 110_000 },
    );
    pdf = join(dir, 'statement.pdf');
    expect(existsSync(pdf), 'LibreOffice wrote no PDF').toBe(true);
    const { stdout } = await run(pdftotext, [pdf, '-']);
    // pdftotext ends each page with a form feed.
    pages = stdout.split('\f').slice(0, -1);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has a title page, then every section heading on the pages', () => {
    expect(pages[0]).toContain('Harbourside Safeguarding Children Partnership');
    expect(pages[0]).toContain('1 April 2026 to 31 March 2027');
    const body = pages.slice(1).join('\n').replace(/\s+/g, ' ');
    for (const s of reportSections) expect(body, s.title).toContain(s.title);
    expect(pages[1]).toContain('Summary judgement');
  });

  it('runs to a sensible number of pages, numbered in the footer', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.length).toBeLessThanOrEqual(20);
    expect(pages[1]).toContain(`Page 2 of ${pages.length}`);
  });

  it('draws its first page', async () => {
    const pdftoppm = tool('pdftoppm');
    await run(pdftoppm, ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, join(dir, 'page')]);
    const png = readdirSync(dir).find((f) => /^page-0*1\.png$/.test(f));
    expect(png, 'pdftoppm wrote no PNG').toBeDefined();
    const bytes = readFileSync(join(dir, png ?? ''));
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // A blank A4 page at 50 dpi compresses to well under this; text makes it larger.
    expect(bytes.byteLength).toBeGreaterThan(3000);
  });
});
