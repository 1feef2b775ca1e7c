import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentText } from '../../../src/adapters/documents/index.js';
import { reportSections } from '../../../src/domain/yearly-report/sections.js';
import { sample } from '../../domain/guard/samples.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import {
  BUSINESS_UNIT,
  POLICE_LEAD,
  SCRUTINEER,
  newObservation,
  withEtag,
  type ErrorBody,
  type Item,
} from './helpers.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const EXECUTIVE = 'chief.executive@harbourside.example';
const SUMMARY =
  'The arrangements are effective in most respects. Leaders know their practice, and the escalation route works. Progress on the one open recommendation is slow, and the voice of children and families is heard too rarely at the Strategic Leadership Group. Partners should put that right first, before the next reporting year begins in April.';

/** The yearly statement through the real server, on the demo partnership (2026/27). */
let server: TestServer;
let scrutineer: string;
let businessUnit: string;
let executive: string;
let policeLead: string;

beforeAll(async () => {
  server = await startTestServer();
  [scrutineer, businessUnit, executive, policeLead] = await Promise.all([
    server.token(SCRUTINEER),
    server.token(BUSINESS_UNIT),
    server.token(EXECUTIVE),
    server.token(POLICE_LEAD),
  ]);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

async function download(path: string, token: string) {
  const res = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes };
}

const errorOf = (json: unknown) => (json as ErrorBody).error;

type Checklist = {
  report: Item | null;
  period: { from: string; to: string };
  sections: { key: string; expected: boolean; state: string; count: number; hint: string }[];
  distributions: Item[];
};

describe('the yearly statement API', () => {
  it('returns the 2026/27 statement as a Word document drafted from the demo data', async () => {
    const res = await download('/api/reports/yearly?year=2026', executive);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="yearly-statement-2026-27.docx"; ' +
        "filename*=UTF-8''yearly-statement-2026-27.docx",
    );
    const read = await createDocumentText().extract(res.bytes, 'statement.docx', '');
    expect(read.kind).toBe('text');
    const text = read.kind === 'text' ? read.text : '';
    expect(text).toContain('1 April 2026 to 31 March 2027');
    for (const s of reportSections) expect(text).toContain(s.title);
    // The demo's recommendation is on the tracker, with its partners' responses.
    expect(text).toMatch(/HSCP-R-2026-\d+/);
  });

  it('refuses a bad or missing year, saying what a year looks like', async () => {
    for (const query of ['', '?year=26', '?year=twenty', '?year=2026-27']) {
      const res = await server.api(`/api/reports/yearly${query}`, { token: scrutineer });
      expect(res.status, query).toBe(400);
      expect(errorOf(res.json).message).toBe('year must be a year such as 2026');
    }
    const checklist = await server.api('/api/reports/yearly/checklist?year=x', {
      token: scrutineer,
    });
    expect(checklist.status).toBe(400);
    expect(errorOf(checklist.json).message).toBe('year must be a year such as 2026');
  });

  it('lists the sections Working Together expects, with their state', async () => {
    const res = await server.api('/api/reports/yearly/checklist?year=2026', { token: executive });
    expect(res.status).toBe(200);
    const body = res.json as Checklist;
    expect(body.report).toBeNull();
    expect(body.period).toEqual({ from: '2026-04-01', to: '2027-03-31' });
    expect(body.sections.map((s) => s.key)).toEqual(reportSections.map((s) => s.key));
    expect(body.sections.filter((s) => s.expected).map((s) => s.key)).toEqual(
      expect.arrayContaining(['summary', 'little-progress', 'case-reviews', 'voice', 'training']),
    );
    expect(body.sections.find((s) => s.key === 'summary')?.state).toBe('empty');
    // The demo year has observations and meetings: the method has evidence.
    expect(body.sections.find((s) => s.key === 'method')?.count).toBeGreaterThan(0);
  });

  it('keeps partner people out, and lets executives read but not write', async () => {
    expect((await download('/api/reports/yearly?year=2026', policeLead)).status).toBe(403);
    expect(
      (await server.api('/api/reports/yearly/checklist?year=2026', { token: policeLead })).status,
    ).toBe(403);
    const put = await server.api('/api/reports/yearly/2026/summary', {
      method: 'PUT',
      token: executive,
      body: { summaryJudgement: SUMMARY },
    });
    expect(put.status).toBe(403);
    const bu = await server.api('/api/reports/yearly/2026/summary', {
      method: 'PUT',
      token: businessUnit,
      body: { summaryJudgement: SUMMARY },
    });
    expect(bu.status).toBe(403);
  });

  it('refuses a summary that identifies a family, storing nothing', async () => {
    const res = await server.api('/api/reports/yearly/2027/summary', {
      method: 'PUT',
      token: scrutineer,
      body: { summaryJudgement: `We met the mother, ${sample.parentName}, at home.` },
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.json)).not.toContain(sample.parentName);
    const after = await server.api('/api/reports/yearly/checklist?year=2027', {
      token: scrutineer,
    });
    expect((after.json as Checklist).report).toBeNull();
  });

  it('writes the summary, signs off, then freezes the document and the summary', async () => {
    const first = await server.api('/api/reports/yearly/2026/summary', {
      method: 'PUT',
      token: scrutineer,
      body: { summaryJudgement: 'Draft.' },
    });
    expect(first.status).toBe(201);
    const draft = first.json as Item;

    // A change needs the etag it was based on.
    const blind = await server.api('/api/reports/yearly/2026/summary', {
      method: 'PUT',
      token: scrutineer,
      body: { summaryJudgement: SUMMARY },
    });
    expect(blind.status).toBe(428);
    const written = await withEtag(server, '/api/reports/yearly/2026/summary', {
      method: 'PUT',
      token: scrutineer,
      body: { summaryJudgement: SUMMARY },
      etag: draft.etag,
    });
    expect(written.status).toBe(200);
    const report = written.json as Item;

    // Distributions wait for sign-off.
    const early = await server.api('/api/reports/yearly/2026/distributions', {
      token: scrutineer,
      body: { recipient: 'national-panel', sentOn: '2027-05-03', distributionKey: 'panel-1' },
    });
    expect(early.status).toBe(409);

    expect(
      (
        await withEtag(server, '/api/reports/yearly/2026/sign-off', {
          method: 'POST',
          token: executive,
          etag: report.etag,
        })
      ).status,
    ).toBe(403);
    const signed = await withEtag(server, '/api/reports/yearly/2026/sign-off', {
      method: 'POST',
      token: scrutineer,
      etag: report.etag,
    });
    expect(signed.status).toBe(200);
    const signedOff = signed.json as Item;
    expect(signedOff).toMatchObject({ status: 'signed-off' });
    expect(signedOff.snapshotFileId).toEqual(expect.any(String));
    expect(signedOff.signedOffAt).toEqual(expect.any(String));

    const frozen = await download('/api/reports/yearly?year=2026', executive);
    expect(frozen.status).toBe(200);
    const read = await createDocumentText().extract(frozen.bytes, 'statement.docx', '');
    const text = read.kind === 'text' ? read.text : '';
    expect(text).toContain('Leaders know their practice');
    expect(text).toContain('Signed off by');

    // New evidence after sign-off does not change the signed-off statement.
    await newObservation(server, scrutineer, {
      text: 'Practitioners said supervision now makes time for reflection.',
      lineOfEnquiry: 'training-effectiveness',
    });
    const again = await download('/api/reports/yearly?year=2026', executive);
    expect(Buffer.from(again.bytes).equals(Buffer.from(frozen.bytes))).toBe(true);

    const late = await withEtag(server, '/api/reports/yearly/2026/summary', {
      method: 'PUT',
      token: scrutineer,
      body: { summaryJudgement: `${SUMMARY} Changed.` },
      etag: signedOff.etag,
    });
    expect(late.status).toBe(409);
    const twice = await withEtag(server, '/api/reports/yearly/2026/sign-off', {
      method: 'POST',
      token: scrutineer,
      etag: signedOff.etag,
    });
    expect(twice.status).toBe(409);

    const checklist = (
      await server.api('/api/reports/yearly/checklist?year=2026', { token: executive })
    ).json as Checklist;
    expect(checklist.report).toMatchObject({ status: 'signed-off' });
    expect(checklist.sections.find((s) => s.key === 'summary')?.state).toBe('ok');
  });

  it('records each distribution once per key, after sign-off', async () => {
    const send = (token: string, body: Record<string, unknown>) =>
      server.api('/api/reports/yearly/2026/distributions', { token, body });
    const panel = { recipient: 'national-panel', sentOn: '2027-05-03', distributionKey: 'panel-1' };
    const first = await send(scrutineer, panel);
    expect(first.status).toBe(201);
    const retry = await send(scrutineer, panel);
    expect(retry.status).toBe(200);
    expect((retry.json as Item).id).toBe((first.json as Item).id);
    expect(
      (
        await send(businessUnit, {
          recipient: 'foundations',
          sentOn: '2027-05-04',
          distributionKey: 'f-1',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await send(executive, {
          recipient: 'foundations',
          sentOn: '2027-05-04',
          distributionKey: 'f-2',
        })
      ).status,
    ).toBe(403);
    const other = await send(scrutineer, {
      recipient: 'other',
      sentOn: '2027-05-05',
      distributionKey: 'o-1',
    });
    expect(other.status).toBe(400);

    const checklist = (
      await server.api('/api/reports/yearly/checklist?year=2026', { token: executive })
    ).json as Checklist;
    expect(checklist.distributions.map((d) => d.recipient)).toEqual([
      'national-panel',
      'foundations',
    ]);
  });
});
