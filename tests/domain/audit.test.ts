import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  canonicalJson,
  checkItems,
  contentHash,
  nextEntry,
  verifyChain,
  type AuditedChange,
} from '../../src/domain/audit.js';
import type { AuditEntry } from '../../src/domain/lists/schema.js';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const change = (n: number, extra: Partial<AuditedChange> = {}): AuditedChange => ({
  at: `2026-11-02T10:00:${String(n).padStart(2, '0')}.000Z`,
  actorId: `person-${n % 3}`,
  homeTenantId: '0e5f6a7b-0000-4000-8000-00000000a001',
  channel: 'tab',
  itemList: 'observations',
  itemId: `item-${n}`,
  op: 'create',
  itemVersion: 1,
  changedFields: ['text', 'evidenceClass'],
  contentHash: sha(`content ${n}`),
  ...extra,
});

function chainOf(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let n = 1; n <= count; n++) {
    const prev = entries.at(-1);
    entries.push(nextEntry(prev && { seq: prev.seq, hash: prev.hash }, change(n), sha));
  }
  return entries;
}

describe('canonical JSON', () => {
  it('sorts keys at every level and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 'x' }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":"x","z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe('the hash chain', () => {
  it('starts from the genesis hash and links each entry to the one before', () => {
    const entries = chainOf(4);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < entries.length; i++)
      expect(entries[i]?.prevHash).toBe(entries[i - 1]?.hash);
    expect(entries[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(entries.map((e) => e.hash)).size).toBe(4);
    // Field names only, sorted, as JSON text.
    expect(entries[0]?.changedFields).toBe('["evidenceClass","text"]');
  });

  it('verifies an untouched chain, and an empty one', () => {
    const check = verifyChain(chainOf(5), sha);
    expect(check).toMatchObject({ entries: 5, breaks: [], gaps: [] });
    expect(check.head?.seq).toBe(5);
    expect(verifyChain([], sha)).toEqual({ entries: 0, breaks: [], gaps: [] });
  });

  const fields = [
    'seq',
    'at',
    'actorId',
    'homeTenantId',
    'channel',
    'itemList',
    'itemId',
    'op',
    'itemVersion',
    'changedFields',
    'contentHash',
    'prevHash',
    'hash',
  ] as const;
  for (const field of fields)
    it(`detects a change to ${field} in any entry`, () => {
      const entries = chainOf(4);
      const target = entries[2] as AuditEntry;
      const value = target[field];
      const tampered: AuditEntry = {
        ...target,
        [field]:
          typeof value === 'number'
            ? field === 'seq'
              ? value + 10
              : value + 1
            : field === 'channel'
              ? 'api'
              : field === 'op'
                ? 'update'
                : `${value.slice(0, -1)}${value.endsWith('0') ? '1' : '0'}`,
      };
      entries[2] = tampered;
      const check = verifyChain(entries, sha);
      expect(check.breaks.length, field).toBeGreaterThan(0);
    });

  it('names the altered entry first', () => {
    const entries = chainOf(6);
    entries[3] = { ...(entries[3] as AuditEntry), actorId: 'someone-else' };
    const check = verifyChain(entries, sha);
    expect(check.breaks[0]).toEqual({ seq: 4, kind: 'altered' });
  });

  it('detects two entries swapped in order (their numbers exchanged)', () => {
    const entries = chainOf(5);
    const a = entries[1] as AuditEntry;
    const b = entries[2] as AuditEntry;
    entries[1] = { ...b, seq: a.seq };
    entries[2] = { ...a, seq: b.seq };
    const check = verifyChain(entries, sha);
    expect(check.breaks[0]?.seq).toBe(2);
    expect(check.gaps).toEqual([]);
  });

  it('detects a deleted entry: a gap and a broken link where it was', () => {
    const entries = chainOf(5).filter((e) => e.seq !== 3);
    const check = verifyChain(entries, sha);
    expect(check.gaps).toEqual([{ from: 3, to: 3 }]);
    expect(check.breaks).toEqual([{ seq: 4, kind: 'link', expectedPrevHash: entries[1]?.hash }]);
  });

  it('detects a deleted entry even when the later ones are renumbered', () => {
    const entries = chainOf(5)
      .filter((e) => e.seq !== 2)
      .map((e) => (e.seq > 2 ? { ...e, seq: e.seq - 1 } : e));
    const check = verifyChain(entries, sha);
    expect(check.gaps).toEqual([]);
    expect(check.breaks[0]?.seq).toBe(2);
  });

  it('detects a missing first entry', () => {
    const check = verifyChain(chainOf(3).slice(1), sha);
    expect(check.gaps).toEqual([{ from: 1, to: 1 }]);
    expect(check.breaks[0]).toMatchObject({ seq: 2, kind: 'link' });
  });

  it('detects an entry inserted with a taken number', () => {
    const entries = chainOf(3);
    entries.push({ ...(entries[1] as AuditEntry), itemId: 'forged' });
    const check = verifyChain(entries, sha);
    expect(check.breaks.some((b) => b.kind === 'duplicate' || b.kind === 'altered')).toBe(true);
  });
});

describe('items against the trail', () => {
  const fields = { text: 'A note.', evidenceClass: 'worry' };
  const hash = contentHash(fields, sha);
  const entries = [nextEntry(undefined, change(1, { itemId: 'a', contentHash: hash }), sha)];
  const second = nextEntry(
    { seq: 1, hash: entries[0]?.hash ?? '' },
    change(2, { itemId: 'a', op: 'update', itemVersion: 2, contentHash: hash }),
    sha,
  );

  it('accepts an item whose current version and content match its last entry', () => {
    const all = [...entries, second];
    expect(
      checkItems(all, [{ itemList: 'observations', itemId: 'a', version: 2, contentHash: hash }]),
    ).toEqual([]);
  });

  it('the content hash does not depend on key order', () => {
    expect(contentHash({ evidenceClass: 'worry', text: 'A note.' }, sha)).toBe(hash);
  });

  it('flags an item changed outside the app, one with no entry, and an unrecorded version', () => {
    const all = [...entries, second];
    const other = contentHash({ ...fields, text: 'Edited in SharePoint.' }, sha);
    expect(
      checkItems(all, [
        { itemList: 'observations', itemId: 'a', version: 2, contentHash: other },
        { itemList: 'observations', itemId: 'b', version: 1, contentHash: hash },
      ]),
    ).toEqual([
      { itemList: 'observations', itemId: 'a', kind: 'changed-outside', version: 2 },
      { itemList: 'observations', itemId: 'b', kind: 'unaudited', version: 1 },
    ]);
    // Version 1's entry lost (an append that failed): the latest still matches, the gap shows.
    expect(
      checkItems(
        [second],
        [{ itemList: 'observations', itemId: 'a', version: 2, contentHash: hash }],
      ),
    ).toEqual([{ itemList: 'observations', itemId: 'a', kind: 'versions-missing', versions: [1] }]);
  });
});

describe('items whose writes were appended out of order', () => {
  it('compares with the entry for the highest version, not the last appended', () => {
    const v3 = contentHash({ text: 'third' }, sha);
    const e1 = nextEntry(undefined, change(1, { itemId: 'a', itemVersion: 1 }), sha);
    const e3 = nextEntry(
      { seq: 1, hash: e1.hash },
      change(2, { itemId: 'a', op: 'update', itemVersion: 3, contentHash: v3 }),
      sha,
    );
    const e2 = nextEntry(
      { seq: 2, hash: e3.hash },
      change(3, { itemId: 'a', op: 'update', itemVersion: 2 }),
      sha,
    );
    expect(
      checkItems(
        [e1, e3, e2],
        [{ itemList: 'observations', itemId: 'a', version: 3, contentHash: v3 }],
      ),
    ).toEqual([]);
  });
});
