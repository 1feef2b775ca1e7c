import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Hashed scripts and styles: the files the server can send pre-compressed. */
const COMPRESSIBLE = /^assets\/.+\.(?:js|css)$/;

/**
 * Writes a `.gz` and a `.br` beside each built script and stylesheet, at the strongest settings
 * (done once here rather than on every request), so the server can send them as they are. A copy
 * that would not be smaller is not written. Runs after the bundle is on disk, so neither the
 * service worker's list nor Vite's manifest sees the copies.
 */
export function precompress(options: { test?: RegExp } = {}): Plugin {
  const test = options.test ?? COMPRESSIBLE;
  let outDir = '';
  return {
    name: 'critical-friend:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle(output, bundle) {
      const dir = output.dir ?? outDir;
      const files = Object.keys(bundle).filter((file) => test.test(file));
      await Promise.all(
        files.map(async (file) => {
          const path = join(dir, file);
          const source = await readFile(path);
          const [gz, br] = await Promise.all([
            gzipAsync(source, { level: constants.Z_BEST_COMPRESSION }),
            brotliAsync(source, {
              params: {
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
              },
            }),
          ]);
          if (gz.length < source.length) await writeFile(`${path}.gz`, gz);
          if (br.length < source.length) await writeFile(`${path}.br`, br);
        }),
      );
    },
  };
}
