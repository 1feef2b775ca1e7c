import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  createDocumentText,
  defaultDocumentLimits,
} from '../../../src/adapters/documents/index.js';
import type { ExtractedText } from '../../../src/application/ports/document-text.js';
import { findIdentifiableData } from '../../../src/domain/guard/index.js';
import { sample } from '../../domain/guard/samples.js';
import { docx, pdf, pptx, xlsx } from './build.js';

const documents = createDocumentText();
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function textOf(result: ExtractedText): string {
  if (result.kind !== 'text') throw new Error(`unreadable: ${result.reason}`);
  return result.text;
}

const kinds = (text: string) => [...new Set(findIdentifiableData(text).map((m) => m.kind))];

describe('Word documents', () => {
  it('reads the body, headers, footnotes, comments, deleted text and title, paragraphs as lines', async () => {
    const bytes = docx({
      body: ['Audit of escalation', 'Twelve cases sampled.'],
      header: ['Harbourside header'],
      footnote: 'Footnote on method',
      comment: 'Reviewer comment here',
      deleted: 'Text a reviewer deleted',
      title: 'Audit title',
    });
    const result = await documents.extract(bytes, 'audit.docx', DOCX);
    expect(result).toMatchObject({ kind: 'text', format: 'docx' });
    const text = textOf(result);
    expect(text).toContain('Audit of escalation\nTwelve cases sampled.\n');
    expect(text).toContain('Tab\tbed\nNext line');
    for (const part of [
      'Harbourside header',
      'Footnote on method',
      'Reviewer comment here',
      'Text a reviewer deleted',
      'Audit title',
    ])
      expect(text).toContain(part);
  });

  it('decodes entities, so escaped names still reach the guard', async () => {
    const bytes = docx({ body: [`Mother & carer: ${sample.parentName} <see note>`] });
    const text = textOf(await documents.extract(bytes, 'x.docx', DOCX));
    expect(text).toContain(`Mother & carer: ${sample.parentName} <see note>`);
    expect(kinds(text)).toContain('person-name');
  });

  it('finds identifying details hidden in a comment or a header', async () => {
    const inComment = docx({ body: ['Clean body'], comment: `NHS number ${sample.nhsNumber}` });
    expect(kinds(textOf(await documents.extract(inComment, 'a.docx', DOCX)))).toContain(
      'nhs-number',
    );
    const inHeader = docx({ body: ['Clean body'], header: [`Call ${sample.phone}`] });
    expect(kinds(textOf(await documents.extract(inHeader, 'b.docx', DOCX)))).toContain(
      'phone-number',
    );
  });

  it('is told by its content, whatever its name or declared type', async () => {
    const bytes = docx({ body: ['Named as a picture'] });
    const result = await documents.extract(bytes, 'holiday.jpg', 'image/jpeg');
    expect(result).toMatchObject({ kind: 'text', format: 'docx' });
  });

  it('reads an embedded Word document, and refuses an embedded object it cannot read', async () => {
    const inner = docx({ body: [`Embedded: mother ${sample.parentName}`] });
    const outer = docx({ body: ['Outer'], extra: { 'word/embeddings/Document1.docx': inner } });
    expect(kinds(textOf(await documents.extract(outer, 'o.docx', DOCX)))).toContain('person-name');

    const ole = docx({
      body: ['Outer'],
      extra: { 'word/embeddings/oleObject1.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]) },
    });
    expect(await documents.extract(ole, 'o.docx', DOCX)).toStrictEqual({
      kind: 'unreadable',
      reason: 'it holds an embedded object whose text cannot be read',
    });
  });

  it('ignores pictures (they are not text) but still reads the words', async () => {
    const bytes = docx({
      body: ['With a logo'],
      extra: { 'word/media/image1.png': new Uint8Array(2000).fill(7) },
    });
    expect(textOf(await documents.extract(bytes, 'l.docx', DOCX))).toContain('With a logo');
  });
});

describe('Excel workbooks', () => {
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  it('reads shared and inline strings, numbers and sheet names, rows as lines', async () => {
    const bytes = xlsx({
      'Audit sample': [
        ['Case', 'Days open', 'Note'],
        ['HSCP-C-2026-14', 12, { inline: 'inline note' }],
      ],
      Summary: [['Total', 12]],
    });
    const result = await documents.extract(bytes, 'sample.xlsx', XLSX);
    expect(result).toMatchObject({ kind: 'text', format: 'xlsx' });
    const text = textOf(result);
    expect(text).toContain('Audit sample\nSummary');
    expect(text).toContain(
      'Case\tDays open\tNote\nCase: HSCP-C-2026-14\tDays open: 12\tNote: inline note',
    );
    expect(text).toContain('Total\t12');
  });

  it('keeps number cells, so an NHS number typed as a number is found', async () => {
    const nhs = Number(sample.nhsNumber.replace(/\s/g, ''));
    const bytes = xlsx({ Sheet1: [['Reference'], [nhs]] });
    const text = textOf(await documents.extract(bytes, 'n.xlsx', XLSX));
    expect(text).toContain(String(nhs));
    expect(kinds(text)).toContain('nhs-number');
  });

  it('labels each cell with its column heading, so a name column is caught', async () => {
    const bytes = xlsx({ Contacts: [['Mother'], [sample.parentName]] });
    const text = textOf(await documents.extract(bytes, 'c.xlsx', XLSX));
    expect(text).toContain(`Mother: ${sample.parentName}`);
    expect(kinds(text)).toContain('person-name');
  });

  it('shows date cells as dates, so a date of birth column is caught', async () => {
    // 45000 is 15 March 2023 in Excel's 1900 date system.
    const bytes = xlsx({ Sheet1: [['Date of birth'], [{ date: 45000 }]] });
    const text = textOf(await documents.extract(bytes, 'd.xlsx', XLSX));
    expect(text).toContain(`Date of birth: ${sample.dateOfBirth}`);
    expect(kinds(text)).toContain('date-of-birth');
  });
});

describe('PowerPoint presentations', () => {
  it('reads the slides in order', async () => {
    const bytes = pptx(['First slide', 'Second slide']);
    const result = await documents.extract(bytes, 'deck.pptx', 'application/octet-stream');
    expect(result).toMatchObject({ kind: 'text', format: 'pptx' });
    expect(textOf(result)).toMatch(/First slide[\s\S]*Second slide/);
  });
});

describe('PDFs', () => {
  it('reads the text layer of every page', async () => {
    const bytes = pdf([
      { lines: ['Learning review minutes', 'Attendance was good.'] },
      { lines: [`Contact the mother ${sample.parentName}`] },
    ]);
    const result = await documents.extract(bytes, 'minutes.pdf', 'application/pdf');
    expect(result).toMatchObject({ kind: 'text', format: 'pdf' });
    const text = textOf(result);
    expect(text).toContain('Learning review minutes');
    expect(kinds(text)).toContain('person-name');
  });

  it('leaves the caller’s bytes intact', async () => {
    const bytes = pdf([{ lines: ['Intact'] }]);
    const copy = new Uint8Array(bytes);
    await documents.extract(bytes, 'i.pdf', 'application/pdf');
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
  });

  it('calls a scan (images, no text) unreadable', async () => {
    const bytes = pdf([{ image: true }, { image: true }]);
    expect(await documents.extract(bytes, 'scan.pdf', 'application/pdf')).toStrictEqual({
      kind: 'unreadable',
      reason: 'it is a scanned PDF: its pages are images, with no text to check',
    });
  });

  it('calls a part-scanned PDF unreadable, saying how many pages are images', async () => {
    const bytes = pdf([{ lines: ['Cover sheet with text'] }, { image: true }]);
    expect(await documents.extract(bytes, 'mixed.pdf', 'application/pdf')).toStrictEqual({
      kind: 'unreadable',
      reason: '1 of its 2 pages are scanned images, with no text to check',
    });
  });

  it('calls a scan with a stamped page number unreadable, whichever is drawn first', async () => {
    for (const textFirst of [false, true]) {
      const bytes = pdf([
        { lines: ['Page text that is long enough'] },
        { lines: ['3'], image: true, textFirst },
      ]);
      expect(await documents.extract(bytes, 'stamped.pdf', 'application/pdf')).toStrictEqual({
        kind: 'unreadable',
        reason: '1 of its 2 pages are scanned images, with no text to check',
      });
    }
  });

  it('reads a PDF with a picture beside its text, and a blank page', async () => {
    const bytes = pdf([{ lines: ['A chart and its caption'], image: true }, {}]);
    expect(textOf(await documents.extract(bytes, 'c.pdf', 'application/pdf'))).toContain(
      'A chart and its caption',
    );
  });

  it('refuses a PDF with more pages than the cap', async () => {
    const small = createDocumentText({ ...defaultDocumentLimits, maxPdfPages: 2 });
    const bytes = pdf([{ lines: ['one'] }, { lines: ['two'] }, { lines: ['three'] }]);
    expect(await small.extract(bytes, 'long.pdf', 'application/pdf')).toStrictEqual({
      kind: 'unreadable',
      reason: 'it is a PDF of more than 2 pages',
    });
  });

  it('calls a damaged PDF unreadable', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog garbage');
    expect(await documents.extract(bytes, 'bad.pdf', 'application/pdf')).toMatchObject({
      kind: 'unreadable',
    });
  });
});

describe('plain text', () => {
  it('reads UTF-8 text and CSV', async () => {
    const csv = `Role,Name\nMother,${sample.parentName}\n`;
    const result = await documents.extract(strToU8(csv), 'contacts.csv', 'text/csv');
    expect(result).toStrictEqual({ kind: 'text', format: 'text', text: csv });
  });

  it('reads a CSV that Excel saved as Windows-1252', async () => {
    const bytes = new Uint8Array([...strToU8('Cost,'), 0xa3, ...strToU8('550\n')]);
    expect(textOf(await documents.extract(bytes, 'costs.csv', 'text/csv'))).toBe('Cost,£550\n');
  });

  it('reads UTF-16 text with a byte-order mark', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('Phone list', 'utf16le')]);
    expect(textOf(await documents.extract(bytes, 'u.txt', 'text/plain'))).toBe('Phone list');
  });
});

describe('what cannot be read', () => {
  const reasonOf = async (bytes: Uint8Array, name: string, type = 'application/octet-stream') => {
    const result = await documents.extract(bytes, name, type);
    if (result.kind !== 'unreadable') throw new Error('expected unreadable');
    return result.reason;
  };

  it('calls an image unreadable, even when named as text', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
    expect(await reasonOf(jpeg, 'photo.jpg', 'image/jpeg')).toMatch(/type has no text/);
    expect(await reasonOf(jpeg, 'notes.txt', 'text/plain')).toMatch(/type has no text/);
  });

  it('calls a password-protected or old Office file unreadable', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await reasonOf(ole, 'locked.docx', DOCX)).toMatch(/password-protected Office file/);
  });

  it('calls a zip that is not an Office document unreadable', async () => {
    const zip = zipSync({ 'notes.txt': strToU8('hello') });
    expect(await reasonOf(zip, 'bundle.zip')).toMatch(/archive/);
  });

  it('calls a truncated Office file damaged', async () => {
    const bytes = docx({ body: ['Cut short'] });
    expect(await reasonOf(bytes.subarray(0, bytes.length - 40), 'cut.docx', DOCX)).toMatch(
      /damaged/,
    );
  });

  it('calls a password-protected zip unreadable', async () => {
    const bytes = docx({ body: ['Secret'] });
    // Set the "encrypted" flag on every central directory entry, as a zip password does.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i + 4 <= bytes.length; i++)
      if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, 1, true);
    expect(await reasonOf(bytes, 'locked.docx', DOCX)).toMatch(/password-protected archive/);
  });

  it('stops at a zip bomb: parts that unpack past the cap', async () => {
    const limited = createDocumentText({ ...defaultDocumentLimits, maxUnpacked: 1024 * 1024 });
    const huge = new Uint8Array(2 * 1024 * 1024).fill(0x20);
    const bomb = docx({ body: ['Small'], extra: { 'word/footer1.xml': huge } });
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    expect(await limited.extract(bomb, 'bomb.docx', DOCX)).toStrictEqual({
      kind: 'unreadable',
      reason: 'it unpacks to more than can be checked',
    });
  });

  it('catches a part that unpacks to more than it declares', async () => {
    const xml = `<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>${'pad '.repeat(5000)} mother ${sample.parentName}</w:t></w:r></w:p></w:body></w:document>`;
    const bytes = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8(xml),
    });
    // Declare the document part far smaller than it is, in both headers.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i + 4 <= bytes.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x02014b50 && view.getUint32(i + 24, true) === xml.length)
        view.setUint32(i + 24, 100, true);
    }
    expect(await reasonOf(bytes, 'liar.docx', DOCX)).toMatch(/damaged/);
  });

  it('refuses an archive with too many entries', async () => {
    const limited = createDocumentText({ ...defaultDocumentLimits, maxZipEntries: 10 });
    const files = Object.fromEntries(
      Array.from({ length: 11 }, (_v, i) => [`word/media/image${i}.png`, new Uint8Array([i])]),
    );
    const bytes = docx({ body: ['Many parts'], extra: files });
    const result = await limited.extract(bytes, 'many.docx', DOCX);
    expect(result).toMatchObject({
      kind: 'unreadable',
      reason: 'it holds too many parts to check',
    });
  });

  it('never quotes the file in a reason', async () => {
    const bytes = strToU8(`${sample.parentName}\u0000binary`);
    const reason = await reasonOf(bytes, 'x.bin');
    expect(reason).not.toContain(sample.parentName);
  });
});
