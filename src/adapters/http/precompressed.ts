import type { RequestHandler, Response } from 'express';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/** Long-lived caching for the build's hashed files: a new build gives them new names. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const ONE_YEAR_MS = 31_536_000_000;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Server's preference when the client likes both equally: brotli is the smaller. */
const CODINGS = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
] as const;

/**
 * The quality (0 to 1) an Accept-Encoding header gives `coding`; 0 when it is refused or not
 * mentioned. No header at all means identity only here, as browsers always send one.
 */
export function encodingQuality(header: string | undefined, coding: string): number {
  let wildcard = 0;
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    const quality = Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0;
    if (name === coding) return quality;
    if (name === '*') wildcard = quality;
  }
  return wildcard;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Sends the build's `.br` or `.gz` copy of a script or stylesheet under `/assets/` when the
 * browser accepts it, with the original's type; anything else (no copy, no acceptable coding, a
 * path outside the tab's assets) goes on to express.static.
 */
export function precompressedAssets(tabDir: string): RequestHandler {
  const assets = resolve(tabDir, 'assets') + sep;
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const type = TYPES[extname(req.path)];
    if (!type || !req.path.startsWith('/assets/')) return next();
    let file: string;
    try {
      file = resolve(tabDir, `.${decodeURIComponent(req.path)}`);
    } catch {
      return next(); // malformed escapes: express.static answers those
    }
    // `..`, encoded slashes and the like must not leave the assets directory.
    if (!file.startsWith(assets) || file.includes('\0')) return next();
    const header = req.get('accept-encoding');
    const choices = CODINGS.map((c) => ({ ...c, quality: encodingQuality(header, c.coding) }))
      .filter((c) => c.quality > 0)
      .sort((a, b) => b.quality - a.quality);
    void (async () => {
      for (const choice of choices) {
        const copy = file + choice.suffix;
        if (!(await isFile(copy))) continue;
        res.setHeader('Content-Type', type);
        res.setHeader('Content-Encoding', choice.coding);
        res.setHeader('Vary', 'Accept-Encoding');
        res.sendFile(copy, { maxAge: ONE_YEAR_MS, immutable: true, acceptRanges: false }, (err) => {
          if (!err || res.headersSent) return;
          // Gone since the check (a rebuild): send the original instead.
          res.removeHeader('Content-Encoding');
          res.removeHeader('Content-Type');
          next();
        });
        return;
      }
      next();
    })().catch(next);
  };
}

/** Headers for the same files sent as they are (by express.static). */
export function setAssetHeaders(res: Response, path: string, tabDir: string): void {
  if (!resolve(path).startsWith(resolve(tabDir, 'assets') + sep)) return;
  res.setHeader('Cache-Control', IMMUTABLE);
  if (extname(path) in TYPES) res.setHeader('Vary', 'Accept-Encoding');
}
