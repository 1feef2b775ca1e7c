// Generates the Teams app icons and the SharePoint preview image with plain Node (zlib + hand-written
// PNG chunks), so no image tooling or binary download is needed. Run: node --import tsx scripts/make-icons.ts
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';

type Rgb = readonly [number, number, number];

/** Must match `accentColor` in manifest/manifest.template.json. */
export const ACCENT: Rgb = [0x1b, 0x4f, 0x72];
const WHITE: Rgb = [0xff, 0xff, 0xff];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes 8-bit RGB (channels 3) or RGBA (channels 4) pixels, row-major, no interlace. */
export function encodePng(
  width: number,
  height: number,
  channels: 3 | 4,
  pixels: Uint8Array,
): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = channels === 4 ? 6 : 2; // colour type: truecolour (+alpha)
  // bytes 10-12: compression, filter, interlace = 0
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none (flat artwork compresses well anyway)
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** "CF" monogram in a unit square (0..1, y down). True where the glyph is inked. */
function monogram(u: number, v: number): boolean {
  // C: elliptical ring with an opening on the right.
  const cx = 0.27;
  const cy = 0.5;
  const ox = (u - cx) / 0.27;
  const oy = (v - cy) / 0.4;
  const ix = (u - cx) / 0.14;
  const iy = (v - cy) / 0.27;
  const inRing = ox * ox + oy * oy <= 1 && ix * ix + iy * iy > 1;
  const angle = Math.atan2(oy, ox); // 0 = pointing right
  if (inRing && Math.abs(angle) > (40 * Math.PI) / 180) return true;
  // F: stem, top arm, middle arm.
  if (u >= 0.62 && u <= 0.75 && v >= 0.1 && v <= 0.9) return true;
  if (u >= 0.62 && u <= 1.0 && v >= 0.1 && v <= 0.23) return true;
  if (u >= 0.62 && u <= 0.93 && v >= 0.44 && v <= 0.56) return true;
  return false;
}

interface Box {
  x: number;
  y: number;
  size: number;
}

/** Coverage (0..1) of the monogram over one pixel, 4x4 supersampled for smooth edges. */
function coverage(px: number, py: number, box: Box): number {
  const n = 4;
  let hits = 0;
  for (let sy = 0; sy < n; sy++) {
    for (let sx = 0; sx < n; sx++) {
      const u = (px + (sx + 0.5) / n - box.x) / box.size;
      const v = (py + (sy + 0.5) / n - box.y) / box.size;
      if (u >= 0 && u <= 1 && v >= 0 && v <= 1 && monogram(u, v)) hits++;
    }
  }
  return hits / (n * n);
}

/** Opaque image: accent background, white monogram centred in a square of `glyph` pixels. */
function opaqueImage(width: number, height: number, glyph: number): Buffer {
  const box = { x: (width - glyph) / 2, y: (height - glyph) / 2, size: glyph };
  const px = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const a = coverage(x, y, box);
      for (let c = 0; c < 3; c++) {
        px[(y * width + x) * 3 + c] = Math.round(ACCENT[c]! * (1 - a) + WHITE[c]! * a);
      }
    }
  }
  return encodePng(width, height, 3, px);
}

/** Outline icon: white monogram on a transparent background, edges carried by alpha. */
function outlineImage(size: number, margin: number): Buffer {
  const box = { x: margin, y: margin, size: size - 2 * margin };
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      px[i] = px[i + 1] = px[i + 2] = 0xff;
      px[i + 3] = Math.round(coverage(x, y, box) * 255);
    }
  }
  return encodePng(size, size, 4, px);
}

export function makeIcons(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: Array<[string, Buffer]> = [
    ['color.png', opaqueImage(192, 192, 112)], // full-bleed background, glyph inside the safe area
    ['outline.png', outlineImage(32, 2)],
    ['sharepoint-preview.png', opaqueImage(1024, 768, 420)],
  ];
  return files.map(([name, png]) => {
    const path = join(outDir, name);
    writeFileSync(path, png);
    return path;
  });
}

const isMain =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;

if (isMain) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  for (const path of makeIcons(join(root, 'manifest'))) console.log(`wrote ${path}`);
}
