import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createDocumentText } from '../../../src/adapters/documents/index.js';
import { docxReportRenderer } from '../../../src/adapters/documents/docx-report.js';
import { reportSections, summaryPrompts } from '../../../src/domain/yearly-report/sections.js';
import type { YearlyReportModel } from '../../../src/domain/yearly-report/model.js';
import { fullModel } from './yearly-report-fixture.js';

async function textOf(model: YearlyReportModel): Promise<string> {
  const bytes = await docxReportRenderer.render(model);
  const read = await createDocumentText().extract(bytes, 'statement.docx', '');
  if (read.kind !== 'text') throw new Error(`unreadable: ${read.reason}`);
  expect(read.format).toBe('docx');
  return read.text;
}

/** The paragraphs styled as headings, in order, from document.xml. */
async function headings(model: YearlyReportModel, style: 'Heading1' | 'Heading2') {
  const parts = unzipSync(await docxReportRenderer.render(model));
  const xml = strFromU8(parts['word/document.xml'] ?? new Uint8Array());
  return [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<\/w:p>/gs)]
    .map((m) => m[0])
    .filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`))
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

describe('the yearly statement as a Word document', () => {
  it('has a title page with the partnership and the period', async () => {
    const text = await textOf(fullModel());
    const lines = text.split('\n');
    expect(lines.slice(0, 6).join('\n')).toContain('Independent Scrutineer’s statement');
    expect(text).toContain('Harbourside Safeguarding Children Partnership');
    expect(text).toContain('Yearly report 2026/27: 1 April 2026 to 31 March 2027');
    expect(text).toContain('Draft, drawn from the evidence as at 22 November 2026.');
  });

  it('heads every section with the Heading 1 style, in order, and sub-parts with Heading 2', async () => {
    expect(await headings(fullModel(), 'Heading1')).toEqual(reportSections.map((s) => s.title));
    const h2 = await headings(fullModel(), 'Heading2');
    expect(h2).toEqual(
      expect.arrayContaining(['Meetings observed', 'Days of scrutiny', 'Timeliness by clock']),
    );
  });

  it('shows the prompts as guidance while the summary judgement is empty, and the words once written', async () => {
    const empty = await textOf(fullModel());
    for (const prompt of summaryPrompts) expect(empty).toContain(prompt);
    const written = await textOf(
      fullModel({ summaryJudgement: 'The arrangements are effective.\n\nTwo worries remain.' }),
    );
    expect(written).toContain('The arrangements are effective.');
    expect(written).toContain('Two worries remain.');
    expect(written).not.toContain(summaryPrompts[0]);
  });

  it('puts recommendations, responses and progress in a table, a row per named partner', async () => {
    const text = await textOf(fullModel());
    // Each cell is its own paragraph, so a row reads as consecutive lines.
    expect(text).toContain(
      [
        'Reference',
        'Recommendation',
        'Partner',
        'Response',
        'Actions verified',
        'Progress',
        'HSCP-R-2026-01',
        'Agree an escalation protocol (issued 23 October 2026)',
        'Eastshire Constabulary',
        'Accept, 30 October 2026',
        '1 of 2',
        'Red: Overdue by 3 days',
      ].join('\n'),
    );
    expect(text).toContain(
      'Harbourside Council\nAwaiting response\n0 of 0\nAmber: Awaiting response',
    );
  });

  it('does not repeat a RAG its reason already names', async () => {
    const base = fullModel();
    const [rec] = base.recommendations;
    if (!rec) throw new Error('fixture has no recommendation');
    const paused = {
      ...rec,
      partners: [
        {
          name: 'Coast & Vale ICB',
          response: 'Accept',
          actions: 1,
          verified: 0,
          rag: 'paused' as const,
          reason: 'Paused: waiting for the data-sharing agreement',
        },
      ],
    };
    const text = await textOf(fullModel({ recommendations: [paused] }));
    expect(text).toContain('\nPaused: waiting for the data-sharing agreement');
    expect(text).not.toContain('Paused: Paused');
  });

  it('tabulates case-review timeliness and says why a clock was missed', async () => {
    const text = await textOf(fullModel());
    expect(text).toContain(
      'Clock\nMet\nLate\nOverdue\nRunning\nNotification\n1\n0\n0\n0\nRapid review\n0\n1\n0\n0',
    );
    expect(text).toContain('Late by 2 working days');
    expect(text).toContain('HSCP-C-2026-14, rapid review: The health chronology arrived late.');
    expect(text).toContain('The partners have changed how chronologies are requested.');
  });

  it('counts method, disagreements and the sign-off in plain words', async () => {
    const text = await textOf(
      fullModel({
        status: 'signed-off',
        signedOff: { at: '2027-05-02T10:00:00Z', byName: 'Sam Reid' },
      }),
    );
    expect(text).toContain(
      'observed 5 meetings, visits and audits, including 2 frontline visits and 0 audits',
    );
    expect(text).toContain(
      '9.5 days used of the 24 days contracted (14.5 days remaining), at £650 a day',
    );
    expect(text).toContain('1 disagreement in the period; 1 resolved, in a median of 20 days.');
    expect(text).toContain('Signed off by Sam Reid on 2 May 2027.');
  });

  it('numbers the pages in the footer', async () => {
    const parts = unzipSync(await docxReportRenderer.render(fullModel()));
    const footers = Object.keys(parts).filter((n) => /^word\/footer\d*\.xml$/.test(n));
    const xml = footers.map((n) => strFromU8(parts[n] ?? new Uint8Array())).join('');
    expect(xml).toMatch(/PAGE/);
    expect(xml).toMatch(/NUMPAGES/);
  });
});
