import { mayUpdateAction } from '../../domain/actions.js';
import { findIdentifiableData } from '../../domain/guard/index.js';
import type { ListName } from '../../domain/lists/schema.js';
import { hasRole } from '../../domain/people.js';
import type { Channel } from '../../domain/vocabulary.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { forbidden, invalid, notFound, RequestError } from '../errors.js';
import type { DocumentText } from '../ports/document-text.js';
import type { EvidenceFile, EvidenceStore, NewEvidence } from '../ports/evidence.js';
import { contentTypeFor, safeFileName } from './evidence-name.js';

/** 50 MB: a long report or a slide deck with pictures, well short of an upload session's limits. */
export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024;

/**
 * What evidence may be attached to: an observation's or finding's sources (the scrutineer's), a
 * response's supporting papers and an action's or update's proof of progress (the partner's).
 */
export const evidenceLists = [
  'observations',
  'findings',
  'responses',
  'actions',
  'actionUpdates',
] as const satisfies readonly ListName[];
export type EvidenceList = (typeof evidenceLists)[number];

export interface EvidenceDeps {
  store: EvidenceStore;
  documents: DocumentText;
  /** Largest file accepted, in bytes; MAX_EVIDENCE_BYTES unless set. */
  maxBytes?: number;
}

export interface UploadEvidence {
  itemList: string;
  itemId: string;
  name: string;
  content: Uint8Array;
  /** The sender's content type: only a hint for reading plain text. */
  contentType?: string;
  /** The uploader confirms the file names no child or family (needed when its text cannot be read). */
  attested: boolean;
}

export interface UploadResult {
  file: EvidenceFile;
  /** False when the same file was already attached to the item (a retry): nothing new stored. */
  created: boolean;
}

const isEvidenceList = (list: string): list is EvidenceList =>
  (evidenceLists as readonly string[]).includes(list);

const partnerOf = async (deps: Deps, list: 'responses' | 'actions', id: string) =>
  (await deps.repo.get(list, id))?.fields.partnerId;

/** The item, from server state; 404 when the list takes no evidence or there is no such item. */
async function itemOf(deps: Deps, list: string, id: string) {
  if (!isEvidenceList(list))
    throw notFound(`Evidence can be attached only to ${evidenceLists.join(', ')}.`);
  const item = await deps.repo.get(list, id);
  if (!item) throw notFound(`There is no ${list} item ${id}.`);
  return { list, item };
}

/**
 * The scrutineer may attach evidence to anything; a partner lead (or an action's owner) only to
 * their own organisation's responses, actions and action updates; nobody else at all.
 */
async function authoriseAttach(
  deps: Deps,
  actor: Actor,
  found: Awaited<ReturnType<typeof itemOf>>,
): Promise<void> {
  if (hasRole(actor, 'scrutineer')) return;
  const refuse = () =>
    forbidden('Only the scrutineer, or the partner concerned, may attach evidence to this.');
  switch (found.list) {
    case 'responses': {
      const partnerId = await partnerOf(deps, 'responses', found.item.id);
      if (hasRole(actor, 'partner-lead') && actor.partnerId && actor.partnerId === partnerId)
        return;
      throw refuse();
    }
    case 'actions':
    case 'actionUpdates': {
      const actionId =
        found.list === 'actions'
          ? found.item.id
          : (await deps.repo.get('actionUpdates', found.item.id))?.fields.actionId;
      const action = actionId ? await deps.repo.get('actions', actionId) : undefined;
      if (action && mayUpdateAction(action.fields, actor)) return;
      throw refuse();
    }
    default:
      throw refuse();
  }
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Web Crypto wants a plain ArrayBuffer's view; a copy only when the bytes sit in a shared one.
  const view =
    bytes.buffer instanceof ArrayBuffer
      ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      : new Uint8Array(bytes);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', view));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

const kindsIn = (text: string) => [...new Set(findIdentifiableData(text).map((m) => m.kind))];

function refuseIdentifiable(where: 'name' | 'content', kinds: string[]): RequestError {
  const what = where === 'name' ? 'This file’s name' : 'This file';
  return new RequestError(
    422,
    'identifiable-data',
    `${what} appears to identify a child or family (${kinds.join(', ')}). Remove those details, using partnership codes such as HSCP-C-2026-14, and upload it again. Nothing was stored.`,
    { where, kinds },
  );
}

/**
 * Attaches a file to an item. Checked before anything is stored: the item and the uploader's
 * right to it from server state, the size, the identifiable-data guard on the name and, where the
 * text can be read, on the text; a file whose text cannot be read needs the uploader's attestation,
 * which is recorded. The same bytes sent again to the same item return the file already stored.
 * Errors name what was found (kinds), never the file's text.
 */
export async function uploadEvidence(
  deps: Deps,
  evidence: EvidenceDeps,
  actor: Actor,
  input: UploadEvidence,
  channel: Channel,
): Promise<UploadResult> {
  const found = await itemOf(deps, input.itemList, input.itemId);
  await authoriseAttach(deps, actor, found);

  const maxBytes = evidence.maxBytes ?? MAX_EVIDENCE_BYTES;
  if (input.content.byteLength === 0) throw invalid('empty-file', 'The file is empty.');
  if (input.content.byteLength > maxBytes)
    throw new RequestError(
      413,
      'too-large',
      `The file is too large: evidence files may be up to ${Math.floor(maxBytes / (1024 * 1024))} MB.`,
    );

  const name = safeFileName(input.name);
  if (!name) throw invalid('invalid-name', 'Give the file a name.');
  // Separators as spaces, so "Mother_Jane_Doe.docx" reads as the words it holds.
  const nameKinds = kindsIn(name.replace(/[_.+-]+/g, ' '));
  if (nameKinds.length) throw refuseIdentifiable('name', nameKinds);

  const sha256 = await sha256Hex(input.content);
  const already = (await evidence.store.list(found.list, found.item.id)).find(
    (f) => f.sha256 === sha256,
  );
  if (already) return { file: already, created: false };

  const ctx = changeContext(deps, actor, channel);
  const read = await evidence.documents.extract(input.content, name, input.contentType ?? '');
  let screening: Pick<NewEvidence, 'screening' | 'attestedBy' | 'attestedAt'>;
  if (read.kind === 'text') {
    const kinds = kindsIn(read.text);
    if (kinds.length) throw refuseIdentifiable('content', kinds);
    screening = { screening: 'text-checked' };
  } else if (input.attested) {
    screening = { screening: 'attested', attestedBy: actor.id, attestedAt: ctx.at };
  } else {
    throw new RequestError(
      422,
      'attestation-required',
      `This file’s text cannot be checked for details that identify a child or family (${read.reason}). Upload it again confirming that it names no child or family; your confirmation is recorded with the file.`,
      { reason: read.reason },
    );
  }

  const file = await evidence.store.put(
    {
      name,
      contentType: contentTypeFor(name, read.kind === 'text' ? read.format : undefined),
      itemList: found.list,
      itemId: found.item.id,
      sha256,
      ...screening,
    },
    input.content,
    ctx,
  );
  return { file, created: true };
}

/** The files attached to an item, oldest first; whoever may read the item may list them. */
export async function listEvidence(
  deps: Deps,
  evidence: EvidenceDeps,
  itemList: string,
  itemId: string,
): Promise<EvidenceFile[]> {
  const found = await itemOf(deps, itemList, itemId);
  return evidence.store.list(found.list, found.item.id);
}

/** One file and its bytes; whoever may read the item it is attached to may download it. */
export async function downloadEvidence(
  deps: Deps,
  evidence: EvidenceDeps,
  fileId: string,
): Promise<{ file: EvidenceFile; content: Uint8Array }> {
  const file = await evidence.store.get(fileId);
  if (!file) throw notFound(`There is no evidence file ${fileId}.`);
  await itemOf(deps, file.itemList, file.itemId);
  const content = await evidence.store.content(fileId);
  if (!content) throw notFound(`There is no evidence file ${fileId}.`);
  return { file, content };
}
