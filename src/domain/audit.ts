import type { AuditOp } from './lists/audit-trail.js';
import type { AuditEntry } from './lists/schema.js';
import type { Channel } from './vocabulary.js';

/**
 * The audit trail's hash chain, pure: the hash function is passed in (sha256 in the adapters), so
 * the domain needs no crypto. Each entry's hash covers the hash before it and every other field,
 * so altering, removing, inserting or reordering an entry breaks the chain from there on.
 */

/** Hex digest of a UTF-8 string (sha256 in production: 64 hex characters). */
export type HashFn = (text: string) => string;

/** The first entry's previous hash. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level and undefined members left out, so the same value
 * always gives the same text whatever order its keys were built in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    // undefined, functions and symbols have no JSON form; inside arrays JSON writes null.
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

/** An entry before its own hash is known. */
export type UnsealedEntry = Omit<AuditEntry, 'hash'>;

/** What the entry's hash is taken over: the previous hash, then every other field. */
export function hashInput(entry: UnsealedEntry): string {
  const { prevHash, ...rest } = entry;
  // prevHash is also inside the JSON; leading with it keeps the chain's link obvious to a reader.
  return prevHash + canonicalJson({ ...rest, prevHash });
}

export function entryHash(entry: UnsealedEntry, hash: HashFn): string {
  return hash(hashInput(entry));
}

/** The hash of an item's fields as stored: the trail keeps this, never the values. */
export function contentHash(fields: object, hash: HashFn): string {
  return hash(canonicalJson(fields));
}

/** The last link of the chain, which the next entry follows. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** One write, as the trail records it. */
export interface AuditedChange {
  at: string;
  actorId: string;
  homeTenantId: string;
  channel: Channel;
  itemList: string;
  itemId: string;
  op: AuditOp;
  itemVersion: number;
  /** Names only. */
  changedFields: readonly string[];
  contentHash: string;
}

/** The entry that follows `head` (or starts the chain) for this change, sealed with its hash. */
export function nextEntry(
  head: ChainHead | undefined,
  change: AuditedChange,
  hash: HashFn,
): AuditEntry {
  const unsealed: UnsealedEntry = {
    seq: (head?.seq ?? 0) + 1,
    at: change.at,
    actorId: change.actorId,
    homeTenantId: change.homeTenantId,
    channel: change.channel,
    itemList: change.itemList,
    itemId: change.itemId,
    op: change.op,
    itemVersion: change.itemVersion,
    changedFields: JSON.stringify([...new Set(change.changedFields)].sort()),
    contentHash: change.contentHash,
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  return { ...unsealed, hash: entryHash(unsealed, hash) };
}

/** The field names an entry records (an unreadable value reads as none). */
export function changedFieldsOf(entry: Pick<AuditEntry, 'changedFields'>): string[] {
  try {
    const parsed: unknown = JSON.parse(entry.changedFields);
    return Array.isArray(parsed) ? parsed.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/** Why one entry does not hold. */
export type ChainBreak =
  | { seq: number; kind: 'altered' }
  | { seq: number; kind: 'link'; expectedPrevHash: string }
  | { seq: number; kind: 'duplicate' };

export interface ChainCheck {
  entries: number;
  head?: ChainHead;
  /** In seq order; the first is where the chain stops being trustworthy. */
  breaks: ChainBreak[];
  /** Sequence numbers with no entry (removed entries), as inclusive ranges. */
  gaps: { from: number; to: number }[];
}

/**
 * Walks the entries in seq order: each must hash to its stored hash (else it was altered), follow
 * the entry before it (else one was removed, inserted or moved), and take the next number.
 */
export function verifyChain(entries: readonly AuditEntry[], hash: HashFn): ChainCheck {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const breaks: ChainBreak[] = [];
  const gaps: ChainCheck['gaps'] = [];
  let previous: AuditEntry | undefined;
  for (const entry of sorted) {
    if (previous && entry.seq === previous.seq) {
      breaks.push({ seq: entry.seq, kind: 'duplicate' });
      continue;
    }
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (entry.seq > expectedSeq) gaps.push({ from: expectedSeq, to: entry.seq - 1 });
    const { hash: stored, ...unsealed } = entry;
    if (entryHash(unsealed, hash) !== stored) breaks.push({ seq: entry.seq, kind: 'altered' });
    const expectedPrevHash = previous?.hash ?? GENESIS_HASH;
    if (entry.prevHash !== expectedPrevHash)
      breaks.push({ seq: entry.seq, kind: 'link', expectedPrevHash });
    previous = entry;
  }
  return {
    entries: sorted.length,
    ...(previous ? { head: { seq: previous.seq, hash: previous.hash } } : {}),
    breaks,
    gaps,
  };
}

/** An item whose stored state the trail does not account for. */
export type ItemMismatch =
  | { itemList: string; itemId: string; kind: 'unaudited'; version: number }
  | { itemList: string; itemId: string; kind: 'changed-outside'; version: number }
  | { itemList: string; itemId: string; kind: 'versions-missing'; versions: number[] };

/** An item as it is stored now, with the hash of its fields. */
export interface CurrentItem {
  itemList: string;
  itemId: string;
  version: number;
  contentHash: string;
}

/**
 * Compares the items as stored with the trail: each item's latest entry must be for its current
 * version and content (else it was changed outside the app, or its entry was removed), and every
 * version from 1 must have an entry (else a write went unrecorded).
 */
export function checkItems(
  entries: readonly AuditEntry[],
  items: readonly CurrentItem[],
): ItemMismatch[] {
  const byItem = new Map<string, AuditEntry[]>();
  for (const entry of entries) {
    const key = `${entry.itemList}\u0000${entry.itemId}`;
    const list = byItem.get(key);
    if (list) list.push(entry);
    else byItem.set(key, [entry]);
  }
  const mismatches: ItemMismatch[] = [];
  for (const item of items) {
    const recorded = byItem.get(`${item.itemList}\u0000${item.itemId}`) ?? [];
    const { itemList, itemId, version } = item;
    if (recorded.length === 0) {
      mismatches.push({ itemList, itemId, kind: 'unaudited', version });
      continue;
    }
    // By version, not by seq: two writes to one item may finish (and be appended) out of order.
    const latest = recorded.reduce((a, b) =>
      b.itemVersion > a.itemVersion || (b.itemVersion === a.itemVersion && b.seq > a.seq) ? b : a,
    );
    if (latest.itemVersion !== version || latest.contentHash !== item.contentHash) {
      mismatches.push({ itemList, itemId, kind: 'changed-outside', version });
      continue;
    }
    const seen = new Set(recorded.map((e) => e.itemVersion));
    const missing: number[] = [];
    for (let v = 1; v <= version; v++) if (!seen.has(v)) missing.push(v);
    if (missing.length > 0)
      mismatches.push({ itemList, itemId, kind: 'versions-missing', versions: missing });
  }
  return mismatches;
}
