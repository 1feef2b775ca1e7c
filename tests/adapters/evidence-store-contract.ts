import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  EvidenceFile,
  EvidenceStore,
  NewEvidence,
} from '../../src/application/ports/evidence.js';
import type { ChangeContext } from '../../src/application/ports/repository.js';

/**
 * The EvidenceStore port's contract. Every adapter (embedded SQLite, SharePoint document library
 * via Graph) runs this same suite, through the port only. It never assumes an empty store: each
 * test links its files to item ids of its own.
 */

const PARTNERSHIP_TENANT = '0e5f6a7b-0000-4000-8000-00000000a001';
const PARTNER_TENANT = '0e5f6a7b-0000-4000-8000-00000000b002';

function ctx(minute: number, actorId = 'actor-scrutineer'): ChangeContext {
  const mm = String(minute).padStart(2, '0');
  return {
    actorId,
    homeTenantId: PARTNERSHIP_TENANT,
    channel: 'tab',
    at: `2026-03-04T10:${mm}:00Z`,
  };
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Deterministic bytes that do not compress and hold every byte value (0x00 included). */
function binary(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    // xorshift32: cheap, repeatable, and no two seeds give the same stream.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    bytes[i] = i < 256 ? i : x & 0xff;
  }
  return bytes;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Byte-exact comparison without printing a megabyte on failure. */
function expectSameBytes(actual: Uint8Array | undefined, expected: Uint8Array): void {
  expect(actual).toBeInstanceOf(Uint8Array);
  expect(actual?.byteLength).toBe(expected.byteLength);
  expect(sha256(actual ?? new Uint8Array())).toBe(sha256(expected));
}

export function evidenceStoreContract(
  name: string,
  make: () => Promise<{ store: EvidenceStore; close(): Promise<void> }>,
): void {
  describe(`EvidenceStore contract: ${name}`, () => {
    let store: EvidenceStore;
    let close: () => Promise<void>;
    /** An item id no other test (or earlier run against the same store) has used. */
    let itemId: string;

    beforeEach(async () => {
      ({ store, close } = await make());
      itemId = `item-${randomUUID()}`;
    });
    afterEach(async () => {
      await close();
    });

    const evidence = (content: Uint8Array, extra: Partial<NewEvidence> = {}): NewEvidence => ({
      name: 'Audit sample summary.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      itemList: 'actions',
      itemId,
      screening: 'text-checked',
      sha256: sha256(content),
      ...extra,
    });

    describe('put, get, list and content', () => {
      it('round-trips a small text file and all its metadata', async () => {
        const content = utf8('Multi-agency audit: 12 cases sampled, HSCP-C-2026-14 among them.\n');
        const stored = await store.put(
          evidence(content, { name: 'Audit notes.txt', contentType: 'text/plain; charset=utf-8' }),
          content,
          ctx(1),
        );

        expect(stored.id).toEqual(expect.any(String));
        expect(stored.id).not.toBe('');
        expect(stored).toMatchObject({
          name: 'Audit notes.txt',
          contentType: 'text/plain; charset=utf-8',
          size: content.byteLength,
          itemList: 'actions',
          itemId,
          screening: 'text-checked',
          uploadedBy: 'actor-scrutineer',
          uploadedAt: '2026-03-04T10:01:00Z',
          sha256: sha256(content),
        });
        expect(stored.attestedBy).toBeUndefined();
        expect(stored.attestedAt).toBeUndefined();

        expect(await store.get(stored.id)).toStrictEqual(stored);
        expect(await store.list('actions', itemId)).toStrictEqual([stored]);
        expectSameBytes(await store.content(stored.id), content);
      });

      it('keeps a binary file over 1 MB byte for byte', async () => {
        // Not a multiple of any likely chunk size, so an upload session's last part is short.
        const content = binary(1_048_576 + 12_345, 0x5eed);
        const stored = await store.put(
          evidence(content, {
            name: 'Scanned minutes.pdf',
            contentType: 'application/pdf',
            screening: 'attested',
            attestedBy: 'actor-partner-lead',
            attestedAt: '2026-03-04T10:02:30Z',
          }),
          content,
          ctx(2, 'actor-partner-lead'),
        );

        expect(stored.size).toBe(content.byteLength);
        expect(stored.sha256).toBe(sha256(content));
        expectSameBytes(await store.content(stored.id), content);
      });

      it('keeps the attestation: who attested and when', async () => {
        const content = binary(4096, 7);
        const stored = await store.put(
          evidence(content, {
            name: 'Photo of flipchart.jpg',
            contentType: 'image/jpeg',
            screening: 'attested',
            attestedBy: 'actor-partner-lead',
            attestedAt: '2026-03-04T10:03:30Z',
          }),
          content,
          ctx(3, 'actor-partner-lead'),
        );

        const read = await store.get(stored.id);
        expect(read).toStrictEqual(stored);
        expect(read).toMatchObject({
          screening: 'attested',
          attestedBy: 'actor-partner-lead',
          attestedAt: '2026-03-04T10:03:30Z',
          uploadedBy: 'actor-partner-lead',
          uploadedAt: '2026-03-04T10:03:00Z',
          contentType: 'image/jpeg',
        });
      });

      it("lists only the item's own files, oldest first", async () => {
        const other = `item-${randomUUID()}`;
        const a = utf8('first');
        const b = utf8('second');
        const c = utf8('third');
        const first = await store.put(evidence(a, { name: 'One.txt' }), a, ctx(4));
        // Same list, another item; and another list with the same item id.
        await store.put(evidence(b, { name: 'Elsewhere.txt', itemId: other }), b, ctx(5));
        await store.put(evidence(c, { name: 'Finding.txt', itemList: 'findings' }), c, ctx(5));
        const second = await store.put(evidence(b, { name: 'Two.txt' }), b, ctx(6));
        const third = await store.put(evidence(c, { name: 'Three.txt' }), c, ctx(7));

        const listed = await store.list('actions', itemId);
        expect(listed.map((file) => file.id)).toStrictEqual([first.id, second.id, third.id]);
        expect(listed).toStrictEqual([first, second, third]);
        expect((await store.list('actions', other)).map((file) => file.name)).toStrictEqual([
          'Elsewhere.txt',
        ]);
        expect((await store.list('findings', itemId)).map((file) => file.name)).toStrictEqual([
          'Finding.txt',
        ]);
      });

      it('lists nothing for an item with no files', async () => {
        expect(await store.list('responses', `item-${randomUUID()}`)).toStrictEqual([]);
      });

      it('keeps two different files with the same name on one item', async () => {
        const a = utf8('version one of the audit tool');
        const b = utf8('version two of the audit tool');
        const first = await store.put(evidence(a, { name: 'Audit tool.txt' }), a, ctx(8));
        const second = await store.put(evidence(b, { name: 'Audit tool.txt' }), b, ctx(9));

        expect(second.id).not.toBe(first.id);
        expect(first.name).toBe('Audit tool.txt');
        // A store may rename the second to keep names unique, but keeps the extension.
        expect(second.name.endsWith('.txt')).toBe(true);
        expect(await store.list('actions', itemId)).toStrictEqual([first, second]);
        expectSameBytes(await store.content(first.id), a);
        expectSameBytes(await store.content(second.id), b);
      });
    });

    describe('idempotence on (itemList, itemId, sha256)', () => {
      it('returns the stored file for a retried put, and keeps one copy', async () => {
        const content = binary(20_000, 42);
        const first = await store.put(evidence(content), content, ctx(10));
        const retry = await store.put(
          // A retry may arrive later, from someone else, under another name: still one file.
          evidence(content, { name: 'Renamed.docx' }),
          content,
          ctx(11, 'actor-business-unit'),
        );

        expect(retry).toStrictEqual(first);
        expect(await store.list('actions', itemId)).toStrictEqual([first]);
      });

      it('stores the same bytes again for another item', async () => {
        const other = `item-${randomUUID()}`;
        const content = utf8('shared evidence pack');
        const here = await store.put(evidence(content), content, ctx(12));
        const there = await store.put(evidence(content, { itemId: other }), content, ctx(13));
        const otherList = await store.put(
          evidence(content, { itemList: 'responses' }),
          content,
          ctx(14),
        );

        expect(new Set([here.id, there.id, otherList.id]).size).toBe(3);
        expect(there).toMatchObject({ itemList: 'actions', itemId: other });
        expect(otherList).toMatchObject({ itemList: 'responses', itemId });
        expectSameBytes(await store.content(there.id), content);
      });

      it('runs concurrent identical puts down to one file', async () => {
        const content = binary(50_000, 99);
        const results: EvidenceFile[] = await Promise.all([
          store.put(evidence(content), content, ctx(15)),
          store.put(evidence(content), content, ctx(15)),
        ]);
        const listed = await store.list('actions', itemId);
        expect(listed).toHaveLength(1);
        expect(results.map((file) => file.id)).toStrictEqual([listed[0]?.id, listed[0]?.id]);
      });
    });

    describe('unknown ids', () => {
      it.each(['no-such-evidence', randomUUID(), '../../etc/passwd', "x' OR '1'='1", '01ABC%2F'])(
        'reads %s as undefined',
        async (id) => {
          expect(await store.get(id)).toBeUndefined();
          expect(await store.content(id)).toBeUndefined();
        },
      );
    });

    it('returns exactly the fields the port names, without attestation when not attested', async () => {
      const content = utf8('partner upload');
      const stored = await store.put(evidence(content), content, {
        ...ctx(16, 'actor-guest-lead'),
        homeTenantId: PARTNER_TENANT,
      });
      expect(Object.keys(stored).sort()).toStrictEqual(
        [
          'id',
          'name',
          'contentType',
          'size',
          'itemList',
          'itemId',
          'screening',
          'uploadedBy',
          'uploadedAt',
          'sha256',
        ].sort(),
      );
      expect(stored.uploadedBy).toBe('actor-guest-lead');
    });
  });
}
