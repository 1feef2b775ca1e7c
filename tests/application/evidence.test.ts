import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteEvidenceStore } from '../../src/adapters/sqlite/sqlite-evidence-store.js';
import { SqliteRepository } from '../../src/adapters/sqlite/sqlite-repository.js';
import type { Actor, Deps } from '../../src/application/deps.js';
import { RequestError } from '../../src/application/errors.js';
import type { CardGateway } from '../../src/application/ports/cards.js';
import type { DocumentText, ExtractedText } from '../../src/application/ports/document-text.js';
import {
  downloadEvidence,
  listEvidence,
  uploadEvidence,
  type EvidenceDeps,
  type UploadEvidence,
} from '../../src/application/use-cases/evidence.js';
import { contentTypeFor, safeFileName } from '../../src/application/use-cases/evidence-name.js';
import { seedHarbourside } from '../../src/server/seed/harbourside.js';
import { sample } from '../domain/guard/samples.js';

const NOW = new Date('2026-03-04T10:00:00Z');

/** Reads every file as the text or verdict the test sets, and remembers what it was given. */
class StubDocuments implements DocumentText {
  next: ExtractedText = { kind: 'text', format: 'docx', text: 'Audit summary.' };
  calls = 0;
  async extract(): Promise<ExtractedText> {
    this.calls++;
    return this.next;
  }
}

let repo: SqliteRepository;
let store: SqliteEvidenceStore;
let documents: StubDocuments;
let deps: Deps;
let evidence: EvidenceDeps;
let people: Map<string, Actor>;
let councilAction: string;
let councilResponse: string;

const actor = (upn: string): Actor => {
  const found = people.get(upn);
  if (!found) throw new Error(`no ${upn}`);
  return found;
};
const scrutineer = () => actor('scrutineer@harbourside.example');
const councilLead = () => actor('sam.carter@harbourside.example');
const policeLead = () => actor('aisha.noor@eastshire-police.example');

const bytes = (text: string) => new TextEncoder().encode(text);
const upload = (who: Actor, extra: Partial<UploadEvidence> = {}) =>
  uploadEvidence(
    deps,
    evidence,
    who,
    {
      itemList: 'actions',
      itemId: councilAction,
      name: 'Panel notes.docx',
      content: bytes('docx bytes'),
      attested: false,
      ...extra,
    },
    'tab',
  );

async function refusal(promise: Promise<unknown>): Promise<RequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RequestError) return error;
    throw error;
  }
  throw new Error('Expected a refusal, but the call succeeded.');
}

beforeEach(async () => {
  repo = SqliteRepository.open(':memory:');
  await seedHarbourside(repo, NOW);
  store = SqliteEvidenceStore.open(':memory:');
  documents = new StubDocuments();
  deps = { repo, now: () => NOW, cards: {} as CardGateway };
  evidence = { store, documents, maxBytes: 1024 };
  people = new Map(
    (await repo.all('people')).map((p) => [p.fields.upn, { ...p.fields, id: p.id }]),
  );
  const [action] = await repo.all('actions');
  const [response] = await repo.all('responses');
  if (!action || !response) throw new Error('the demo partnership has no action or response');
  councilAction = action.id;
  councilResponse = response.id;
});
afterEach(() => {
  store.close();
  repo.close();
});

describe('uploading evidence', () => {
  it('stores a file whose text the guard passed, as text-checked, with who and when', async () => {
    const content = bytes('a clean document');
    const { file, created } = await upload(councilLead(), { content });
    expect(created).toBe(true);
    expect(file).toMatchObject({
      name: 'Panel notes.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: content.byteLength,
      itemList: 'actions',
      itemId: councilAction,
      screening: 'text-checked',
      uploadedBy: councilLead().id,
      uploadedAt: NOW.toISOString(),
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    expect(file.attestedBy).toBeUndefined();
    expect(await store.content(file.id)).toStrictEqual(content);
  });

  it('refuses a file whose text identifies someone, naming the kinds and never the text', async () => {
    documents.next = {
      kind: 'text',
      format: 'docx',
      text: `Spoke to ${sample.parentName}, the mother, on ${sample.phone}.`,
    };
    const error = await refusal(upload(scrutineer()));
    expect(error.status).toBe(422);
    expect(error.code).toBe('identifiable-data');
    expect(error.details).toStrictEqual({
      where: 'content',
      kinds: expect.arrayContaining(['person-name', 'phone-number']),
    });
    const said = `${error.message} ${JSON.stringify(error.details)}`;
    expect(said).not.toContain(sample.parentName);
    expect(said).not.toContain(sample.phone);
    expect(await store.list('actions', councilAction)).toStrictEqual([]);
  });

  it('checks the name always, even of a file it cannot read, and refuses before reading', async () => {
    documents.next = { kind: 'unreadable', reason: 'it is a scanned PDF' };
    const error = await refusal(
      upload(scrutineer(), { name: `Mother ${sample.parentName}.pdf`, attested: true }),
    );
    expect(error.status).toBe(422);
    expect(error.details).toStrictEqual({ where: 'name', kinds: ['person-name'] });
    expect(error.message).not.toContain(sample.parentName);
    expect(documents.calls).toBe(0);
  });

  it('asks for an attestation when the text cannot be read, saying why', async () => {
    documents.next = { kind: 'unreadable', reason: 'it is a scanned PDF' };
    const error = await refusal(upload(councilLead(), { name: 'Signed letter.pdf' }));
    expect(error.status).toBe(422);
    expect(error.code).toBe('attestation-required');
    expect(error.message).toContain('it is a scanned PDF');
    expect(error.message).toMatch(/confirming that it names no child or family/);
    expect(await store.list('actions', councilAction)).toStrictEqual([]);
  });

  it('stores an unreadable file the uploader attested, recording who and when', async () => {
    documents.next = { kind: 'unreadable', reason: 'it is a scanned PDF' };
    const { file } = await upload(councilLead(), { name: 'Signed letter.pdf', attested: true });
    expect(file).toMatchObject({
      screening: 'attested',
      attestedBy: councilLead().id,
      attestedAt: NOW.toISOString(),
      contentType: 'application/pdf',
    });
  });

  it('does not treat an attestation as a pass for readable text', async () => {
    documents.next = { kind: 'text', format: 'pdf', text: `NHS ${sample.nhsNumber}` };
    const error = await refusal(upload(scrutineer(), { attested: true }));
    expect(error.code).toBe('identifiable-data');
  });

  it('returns the stored file for a retry, storing nothing twice and not reading again', async () => {
    const first = await upload(councilLead());
    const calls = documents.calls;
    const retry = await upload(councilLead(), { name: 'Renamed.docx' });
    expect(retry).toStrictEqual({ file: first.file, created: false });
    expect(documents.calls).toBe(calls);
    expect(await store.list('actions', councilAction)).toHaveLength(1);
  });

  it('refuses an empty file (400) and one over the limit (413)', async () => {
    const empty = await refusal(upload(scrutineer(), { content: new Uint8Array() }));
    expect([empty.status, empty.code]).toStrictEqual([400, 'empty-file']);
    const big = await refusal(upload(scrutineer(), { content: new Uint8Array(1025) }));
    expect([big.status, big.code]).toStrictEqual([413, 'too-large']);
    // Exactly at the limit is allowed.
    expect((await upload(scrutineer(), { content: new Uint8Array(1024).fill(1) })).created).toBe(
      true,
    );
  });

  it('refuses a name that is nothing once made safe', async () => {
    const error = await refusal(upload(scrutineer(), { name: ' . .. ' }));
    expect([error.status, error.code]).toStrictEqual([400, 'invalid-name']);
  });

  it('stores the name made safe for SharePoint', async () => {
    const { file } = await upload(scrutineer(), { name: 'Q3: audit "final" <v2>?.docx' });
    expect(file.name).toBe('Q3_ audit _final_ _v2__.docx');
  });
});

describe('who may attach evidence', () => {
  it('lets the scrutineer attach to anything that takes evidence', async () => {
    const [finding] = await repo.all('findings');
    const [observation] = await repo.all('observations');
    for (const [list, id] of [
      ['findings', finding?.id],
      ['observations', observation?.id],
      ['responses', councilResponse],
      ['actions', councilAction],
    ] as const) {
      const content = bytes(`evidence for ${list}`);
      const { file } = await upload(scrutineer(), { itemList: list, itemId: id ?? '', content });
      expect(file.itemList).toBe(list);
    }
  });

  it("lets a partner lead attach to their own organisation's response, action and update", async () => {
    expect(
      (await upload(councilLead(), { itemList: 'responses', itemId: councilResponse })).created,
    ).toBe(true);
    const update = await repo.create(
      'actionUpdates',
      {
        actionId: councilAction,
        progress: 50,
        narrative: 'Format agreed with the panel.',
        authorId: councilLead().id,
        at: NOW.toISOString(),
        updateKey: 'evidence-test-update',
      },
      {
        actorId: councilLead().id,
        homeTenantId: councilLead().homeTenantId,
        channel: 'tab',
        at: NOW.toISOString(),
      },
    );
    const { file } = await upload(councilLead(), {
      itemList: 'actionUpdates',
      itemId: update.id,
      content: bytes('update evidence'),
    });
    expect(file.itemId).toBe(update.id);
  });

  it("refuses a partner lead on another partner's action, response or update", async () => {
    for (const [itemList, itemId] of [
      ['actions', councilAction],
      ['responses', councilResponse],
    ]) {
      const error = await refusal(upload(policeLead(), { itemList, itemId: itemId ?? '' }));
      expect(error.status).toBe(403);
    }
    expect(documents.calls).toBe(0);
  });

  it('refuses partner leads on findings and observations, and readers everywhere', async () => {
    const [finding] = await repo.all('findings');
    const error = await refusal(
      upload(councilLead(), { itemList: 'findings', itemId: finding?.id ?? '' }),
    );
    expect(error.status).toBe(403);
    for (const upn of [
      'business.unit@harbourside.example',
      'chief.executive@harbourside.example',
    ]) {
      expect((await refusal(upload(actor(upn)))).status).toBe(403);
    }
  });

  it('answers 404 for a list that takes no evidence, or an item that does not exist', async () => {
    const [partner] = await repo.all('partners');
    expect(
      (await refusal(upload(scrutineer(), { itemList: 'partners', itemId: partner?.id ?? '' })))
        .status,
    ).toBe(404);
    expect((await refusal(upload(scrutineer(), { itemList: 'nonsense' }))).status).toBe(404);
    expect((await refusal(upload(scrutineer(), { itemId: 'no-such-action' }))).status).toBe(404);
  });
});

describe('listing and downloading', () => {
  it("lists an item's files oldest first and downloads one byte for byte", async () => {
    const a = await upload(councilLead(), { content: bytes('first') });
    const b = await upload(councilLead(), { content: bytes('second'), name: 'Second.docx' });
    expect(await listEvidence(deps, evidence, 'actions', councilAction)).toStrictEqual([
      a.file,
      b.file,
    ]);
    const got = await downloadEvidence(deps, evidence, b.file.id);
    expect(got.file).toStrictEqual(b.file);
    expect(new TextDecoder().decode(got.content)).toBe('second');
  });

  it('answers 404 for an unknown file or item', async () => {
    expect((await refusal(downloadEvidence(deps, evidence, 'nope'))).status).toBe(404);
    expect((await refusal(listEvidence(deps, evidence, 'actions', 'nope'))).status).toBe(404);
  });
});

describe('file names and types', () => {
  it.each([
    ['report.docx', 'report.docx'],
    ['  ..hidden name. ', 'hidden name'],
    ['a/b\\c|d.pdf', 'a_b_c_d.pdf'],
    ['CON.txt', 'file-CON.txt'],
    ['tab\there.txt', 'tab here.txt'],
    ['~$lock.docx', 'lock.docx'],
    ['_vti_bin.docx', '_vti-bin.docx'],
  ])('%j is stored as %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('caps the length, keeping the extension', () => {
    const safe = safeFileName(`${'x'.repeat(300)}.xlsx`);
    expect(safe).toHaveLength(120);
    expect(safe.endsWith('.xlsx')).toBe(true);
  });

  it('types a file by the format read from it, then by its extension', () => {
    expect(contentTypeFor('photo.jpg', 'pdf')).toBe('application/pdf');
    expect(contentTypeFor('scan.PDF')).toBe('application/pdf');
    expect(contentTypeFor('list.csv', 'text')).toBe('text/csv');
    expect(contentTypeFor('mystery')).toBe('application/octet-stream');
  });
});
