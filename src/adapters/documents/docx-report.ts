import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { ReportRenderer } from '../../application/ports/report-renderer.js';
import type { YearlyReportModel } from '../../domain/yearly-report/model.js';
import { longDate } from '../../domain/yearly-report/period.js';
import { TABLE_TEXT } from './docx-report-parts.js';
import { bodyOf } from './docx-report-sections.js';

export const DOCX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const A4 = { width: 11906, height: 16838 };
const MARGIN = 1440;
const page = { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } };

const TITLE = 'Independent Scrutineer’s statement';

function titlePage(m: YearlyReportModel): Paragraph[] {
  const line = (text: string, size: number, bold = false) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text, size, bold })],
    });
  const status = m.signedOff
    ? `Signed off by ${m.signedOff.byName} on ${longDate(m.signedOff.at.slice(0, 10))}.`
    : `Draft, drawn from the evidence as at ${longDate(m.asAt)}.`;
  return [
    new Paragraph({ spacing: { before: 2400 }, children: [] }),
    line(TITLE, 52, true),
    line(m.partnershipName, 36),
    line(`Yearly report ${m.period.label}: ${m.period.words}`, 28),
    line(status, 24),
    new Paragraph({ spacing: { before: 2400 }, children: [] }),
    line('Records name no child or family: case reviews are named only by partnership codes.', 20),
  ];
}

const footer = (m: YearlyReportModel) =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 18,
            children: [
              `${TITLE} ${m.period.label} · Page `,
              PageNumber.CURRENT,
              ' of ',
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });

/** The statement as a Word document: a title page, then the sections with page numbers. */
export async function renderYearlyReportDocx(m: YearlyReportModel): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'Critical Friend',
    title: `${TITLE} ${m.period.label}`,
    description: `${m.partnershipName}: ${m.period.words}`,
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22 }, paragraph: { spacing: { after: 120 } } },
        // Outline levels, so Word's navigation pane and LibreOffice's navigator list the sections.
        heading1: {
          run: { font: 'Arial', size: 32, bold: true, color: '1F3864' },
          paragraph: { spacing: { before: 360, after: 160 }, outlineLevel: 0, keepNext: true },
        },
        heading2: {
          run: { font: 'Arial', size: 26, bold: true, color: '2F5496' },
          paragraph: { spacing: { before: 240, after: 120 }, outlineLevel: 1, keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: TABLE_TEXT,
          name: 'Table text',
          basedOn: 'Normal',
          run: { size: 18 },
          paragraph: { spacing: { after: 0 } },
        },
      ],
    },
    sections: [
      { properties: { page }, children: titlePage(m) },
      {
        properties: { page: { ...page, pageNumbers: { start: 2 } } },
        footers: { default: footer(m) },
        children: bodyOf(m),
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

export const docxReportRenderer: ReportRenderer = {
  contentType: DOCX_CONTENT_TYPE,
  extension: 'docx',
  render: renderYearlyReportDocx,
};
