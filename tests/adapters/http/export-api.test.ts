import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server.js';
import { cells, readBook, type ReadBook } from '../documents/xlsx-read.js';
import { POLICE_LEAD, SCRUTINEER, type ErrorBody, type Item } from './helpers.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const OTHER_PARTNERS = [
  'Harbourside Council',
  'Coast & Vale ICB',
  'Harbourside College',
  'Brightpath Youth Trust',
];

let server: TestServer;
let scrutineer = '';
let police = '';

beforeAll(async () => {
  server = await startTestServer();
  scrutineer = await server.token(SCRUTINEER);
  police = await server.token(POLICE_LEAD);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

async function download(path: string, token?: string) {
  const res = await fetch(`${server.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes };
}

const errorOf = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as ErrorBody;

/** A column's values below the header, by its header text. */
function column(book: ReadBook, sheet: number, header: string): string[] {
  const c = cells(book.part(`xl/worksheets/sheet${sheet}.xml`));
  const text = (ref: string) => {
    const cell = c.get(ref);
    return cell?.t === 's' ? (book.shared[Number(cell.v)] ?? '') : (cell?.v ?? '');
  };
  const letter = [...c.keys()]
    .filter((ref) => /^[A-Z]+1$/.test(ref) && text(ref) === header)
    .map((ref) => ref.slice(0, -1))[0];
  if (!letter) throw new Error(`no column ${header}`);
  const values: string[] = [];
  for (let row = 2; c.has(`A${row}`); row++) values.push(text(`${letter}${row}`));
  return values;
}

describe('GET /api/export/tracker.xlsx', () => {
  it('sends the tracker as a workbook, one sheet per view', async () => {
    const { res, bytes } = await download('/api/export/tracker.xlsx', scrutineer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="critical-friend-tracker-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''critical-friend-tracker-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const book = readBook(bytes);
    expect(book.sheets).toEqual([
      'About',
      'Recommendations',
      'Responses',
      'Actions',
      'Update history',
      'Impact checks',
    ]);
    expect(column(book, 2, 'Reference')).toEqual(
      expect.arrayContaining(['HSCP-R-2026-01', 'HSCP-R-2026-04', 'HSCP-R-2026-06']),
    );
    // The draft is not on the tracker.
    expect(column(book, 2, 'Reference')).not.toContain('HSCP-R-2026-02');
    expect(new Set(column(book, 3, 'Partner'))).toEqual(
      new Set(['Eastshire Constabulary', ...OTHER_PARTNERS]),
    );
    expect(book.sheetText(1)).toContain('Harbourside Safeguarding Children Partnership');
    expect(book.sheetText(1)).toContain('Exported by\tDetail: Morgan Ellis (scrutineer)');
    // The seeded verified action's history carries its evidence link as a hyperlink.
    expect(book.part('xl/worksheets/_rels/sheet5.xml.rels')).toContain(
      'Target="https://intranet.eastshire-police.example/public-protection/rota"',
    );
  });

  it('gives a partner lead only their own partner’s rows and parts', async () => {
    const { res, bytes } = await download('/api/export/tracker.xlsx', police);
    expect(res.status).toBe(200);
    const book = readBook(bytes);
    const references = column(book, 2, 'Reference');
    expect(references).toEqual(expect.arrayContaining(['HSCP-R-2026-01', 'HSCP-R-2026-03']));
    for (const other of ['HSCP-R-2026-04', 'HSCP-R-2026-05', 'HSCP-R-2026-06'])
      expect(references).not.toContain(other);
    for (const sheet of [3, 4, 5]) {
      const partners = column(book, sheet, 'Partner');
      expect(partners.length).toBeGreaterThan(0);
      expect(new Set(partners)).toEqual(new Set(['Eastshire Constabulary']));
    }
    // No other partner's name anywhere in the workbook's text.
    for (const other of OTHER_PARTNERS)
      expect(book.shared.some((s) => s.includes(other))).toBe(false);
    expect(book.sheetText(1)).toContain('Only Eastshire Constabulary');
  });

  it('exports as at a past date, named for that date; refuses a bad or future date', async () => {
    const past = await download('/api/export/tracker.xlsx?asAt=2026-01-01', scrutineer);
    expect(past.res.status).toBe(200);
    expect(past.res.headers.get('content-disposition')).toContain(
      'critical-friend-tracker-2026-01-01.xlsx',
    );
    const bad = await download('/api/export/tracker.xlsx?asAt=yesterday', scrutineer);
    expect(bad.res.status).toBe(400);
    expect(errorOf(bad.bytes).error.issues?.[0]?.message).toContain('asAt must be a date');
    const future = await download('/api/export/tracker.xlsx?asAt=2999-01-01', scrutineer);
    expect(future.res.status).toBe(400);
    expect(errorOf(future.bytes).error.message).toContain('future');
  });

  it('needs a signed-in member', async () => {
    const { res } = await download('/api/export/tracker.xlsx');
    expect(res.status).toBe(401);
  });
});

describe('GET /api/export/inspection-pack.xlsx', () => {
  it('packs one line of enquiry: its findings, recommendations, actions and evidence links', async () => {
    const findings = (await server.api('/api/findings', { token: scrutineer })).json as {
      items: Item[];
    };
    const voice = findings.items.find(
      (f) => f.title === 'The voice of children and families does not reach the SLG',
    );
    expect(voice).toBeDefined();
    const upload = await fetch(`${server.url}/api/items/findings/${voice?.id}/evidence`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${scrutineer}`,
        'content-type': 'text/plain',
        'x-file-name': encodeURIComponent('Panel notes.txt'),
      },
      body: 'Notes from the young people’s panel session on the standing item.',
    });
    expect(upload.status).toBe(201);
    const file = (await upload.json()) as { id: string };

    const { res, bytes } = await download(
      '/api/export/inspection-pack.xlsx?theme=voice-of-the-child',
      scrutineer,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="critical-friend-inspection-pack-voice-of-the-child-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const book = readBook(bytes);
    expect(book.sheets).toEqual([
      'About',
      'Findings',
      'Recommendations and responses',
      'Actions',
      'Evidence',
      'Impact checks',
    ]);
    expect(column(book, 2, 'Title')).toEqual([
      'The voice of children and families does not reach the SLG',
    ]);
    const references = new Set(column(book, 3, 'Reference'));
    expect(references).toEqual(new Set(['HSCP-R-2026-01', 'HSCP-R-2026-05']));
    expect(new Set(column(book, 4, 'Reference'))).toEqual(references);
    expect(column(book, 5, 'File')).toContain('Panel notes.txt');
    const link = `${server.url}/api/evidence/${file.id}/content`;
    expect(column(book, 5, 'Link')).toContain(link);
    expect(book.part('xl/worksheets/_rels/sheet5.xml.rels')).toContain(`Target="${link}"`);
  });

  it('is for whole-view readers: 403 for a partner lead', async () => {
    const { res, bytes } = await download(
      '/api/export/inspection-pack.xlsx?theme=voice-of-the-child',
      police,
    );
    expect(res.status).toBe(403);
    expect(errorOf(bytes).error.message).toContain('inspection pack');
  });

  it('400 naming the valid themes for a bad or missing one', async () => {
    const bad = await download('/api/export/inspection-pack.xlsx?theme=children', scrutineer);
    expect(bad.res.status).toBe(400);
    const message = errorOf(bad.bytes).error.message;
    expect(message).toContain('voice-of-the-child');
    expect(message).toContain('case-review-arrangements');
    expect(message).toContain('"children"');
    const missing = await download('/api/export/inspection-pack.xlsx', scrutineer);
    expect(missing.res.status).toBe(400);
    expect(errorOf(missing.bytes).error.issues?.[0]?.message).toContain('voice-of-the-child');
  });
});
