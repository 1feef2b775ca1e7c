import { crc32, inflateRawSync } from 'node:zlib';

/** Why a zip cannot be read; each maps to a reason the uploader is given. */
export type ZipProblem = 'damaged' | 'encrypted' | 'too-many-entries' | 'too-big';

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`zip: ${problem}`);
    this.name = 'ZipError';
  }
}

export interface ZipLimits {
  /** Most entries the archive may list. */
  maxEntries: number;
  /** Most bytes all the entries read from one archive may unpack to, together. */
  maxUnpacked: number;
}

interface Entry {
  method: number;
  crc: number;
  packed: number;
  unpacked: number;
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;

/**
 * A zip's entries, read from its central directory, and their contents on demand. Written here
 * rather than taken from fflate's unzipSync because that trusts each entry's declared size and
 * silently cuts off a stream that inflates to more, so text past the cut would go unchecked; here a
 * stream must inflate to exactly its declared size and CRC, and the declared sizes are capped.
 */
export class ZipReader {
  private readonly entries = new Map<string, Entry>();
  private budget: number;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    limits: ZipLimits,
  ) {
    this.budget = limits.maxUnpacked;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = this.findEnd();
    const count = this.u16(end + 10);
    const offset = this.u32(end + 16);
    // Zip64 (over 65,535 entries or 4 GB) is never a real office document of a size we accept.
    if (count === 0xffff || offset === 0xffffffff) throw new ZipError('too-big');
    if (count > limits.maxEntries) throw new ZipError('too-many-entries');
    let at = offset;
    const names = new TextDecoder('utf-8');
    for (let i = 0; i < count; i++) {
      if (this.u32(at) !== CENTRAL) throw new ZipError('damaged');
      const flags = this.u16(at + 8);
      const nameLength = this.u16(at + 28);
      const name = names.decode(this.slice(at + 46, nameLength));
      // Bit 0: the entry is encrypted (a password-protected zip).
      if (flags & 1) throw new ZipError('encrypted');
      this.entries.set(name, {
        method: this.u16(at + 10),
        crc: this.u32(at + 16),
        packed: this.u32(at + 20),
        unpacked: this.u32(at + 24),
        offset: this.u32(at + 42),
      });
      at += 46 + nameLength + this.u16(at + 30) + this.u16(at + 32);
    }
  }

  /** What is left of the unpacked budget (an embedded archive gets no more than this). */
  get remaining(): number {
    return this.budget;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, or undefined when there is none; counts against the unpacked budget. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.unpacked > this.budget) throw new ZipError('too-big');
    this.budget -= entry.unpacked;
    if (this.u32(entry.offset) !== LOCAL) throw new ZipError('damaged');
    const start = entry.offset + 30 + this.u16(entry.offset + 26) + this.u16(entry.offset + 28);
    const packed = this.slice(start, entry.packed);
    let data: Uint8Array;
    if (entry.method === 0) data = packed;
    else if (entry.method === 8) {
      try {
        data = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.unpacked) });
      } catch {
        throw new ZipError('damaged');
      }
    } else throw new ZipError('damaged');
    if (data.byteLength !== entry.unpacked || crc32(data) >>> 0 !== entry.crc)
      throw new ZipError('damaged');
    return data;
  }

  private findEnd(): number {
    const last = this.bytes.length - 22;
    // The end record sits in the last 22 bytes plus at most a 65,535-byte comment.
    for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
      if (this.view.getUint32(at, true) === EOCD) return at;
    }
    throw new ZipError('damaged');
  }

  private u16(at: number): number {
    if (at < 0 || at + 2 > this.bytes.length) throw new ZipError('damaged');
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    if (at < 0 || at + 4 > this.bytes.length) throw new ZipError('damaged');
    return this.view.getUint32(at, true);
  }

  private slice(at: number, length: number): Uint8Array {
    if (at < 0 || at + length > this.bytes.length) throw new ZipError('damaged');
    return this.bytes.subarray(at, at + length);
  }
}
