import {
  BorderStyle,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/** Building blocks of the statement: headings, plain paragraphs, guidance and tables. */

/** A4 with 2.54 cm margins: the width text and tables have, in twentieths of a point. */
export const TEXT_WIDTH = 9026;

export const h1 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
export const h2 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });

export const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });

/** Paragraphs of the scrutineer's own text, as they were typed (blank lines part paragraphs). */
export const paragraphsOf = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => new Paragraph({ children: lines(p) }));

const lines = (text: string) =>
  text.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) }));

/** Guidance to the scrutineer, in grey italics, so it reads as a prompt, not as the statement. */
export const guidance = (text: string, bullet = false) =>
  new Paragraph({
    children: [new TextRun({ text, italics: true, color: '595959' })],
    ...(bullet ? { bullet: { level: 0 } } : {}),
  });

export const bullet = (text: string) =>
  new Paragraph({ children: [new TextRun(text)], bullet: { level: 0 } });

/** A titled item: the title in bold, then its text, then a line saying where it came from. */
export function item(title: string | undefined, text: string, source: string): Paragraph[] {
  return [
    new Paragraph({
      keepNext: true,
      spacing: { before: 160 },
      children: [
        ...(title ? [new TextRun({ text: `${title}. `, bold: true })] : []),
        ...lines(text),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: source, italics: true, size: 18 })] }),
  ];
}

const line = { style: BorderStyle.SINGLE, size: 4, color: '8C8C8C' };
// Borders and margins are set once on the table, not on every cell: a long table renders faster.
const borders = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};
const header = { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' };

/** The paragraph style of table cells (9 pt), defined once in the document's styles. */
export const TABLE_TEXT = 'TableText';

const cell = (text: string, width: number, isHeader: boolean) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(isHeader ? { shading: header } : {}),
    children: [
      new Paragraph({
        style: TABLE_TEXT,
        children: [isHeader ? new TextRun({ text, bold: true }) : new TextRun(text)],
      }),
    ],
  });

/**
 * A table with a header row that repeats on each page. `weights` share out the text width
 * (so a long column can be given more room); widths are fixed so Word and LibreOffice agree.
 */
export function table(head: string[], rows: string[][], weights?: number[]): Table {
  const w = weights ?? head.map(() => 1);
  const total = w.reduce((a, b) => a + b, 0);
  const widths = w.map((x) => Math.floor((TEXT_WIDTH * x) / total));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [
      new TableRow({
        tableHeader: true,
        children: head.map((h, i) => cell(h, widths[i] ?? 0, true)),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) => cell(c, widths[i] ?? 0, false)),
          }),
      ),
    ],
  });
}

/** "1 piece", "3 pieces". */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
