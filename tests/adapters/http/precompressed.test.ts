import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../../src/adapters/http/app.js';
import { encodingQuality } from '../../../src/adapters/http/precompressed.js';
import type { Deps } from '../../../src/application/deps.js';

// A tab build in miniature: one hashed script with its .gz, a stylesheet with .gz and .br, and a
// script (with .gz) just outside the tab directory that no request may reach.
const SCRIPT = `export const greeting = ${JSON.stringify('hello '.repeat(200))};\n`;
const STYLE = `body { margin: 0; } ${'.a { color: red; } '.repeat(100)}`;
const SECRET = 'export const secret = "not for the web";\n';

let root: string;
let tabDir: string;
let server: Server;
let base: URL;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cf-precompressed-'));
  tabDir = join(root, 'tab');
  mkdirSync(join(tabDir, 'assets'), { recursive: true });
  writeFileSync(join(tabDir, 'index.html'), '<!doctype html><title>Tab</title>');
  writeFileSync(join(tabDir, 'assets/app-abc123.js'), SCRIPT);
  writeFileSync(join(tabDir, 'assets/app-abc123.js.gz'), gzipSync(SCRIPT));
  writeFileSync(join(tabDir, 'assets/style-def456.css'), STYLE);
  writeFileSync(join(tabDir, 'assets/style-def456.css.gz'), gzipSync(STYLE));
  writeFileSync(join(tabDir, 'assets/style-def456.css.br'), brotliCompressSync(STYLE));
  writeFileSync(join(root, 'secret.js'), SECRET);
  writeFileSync(join(root, 'secret.js.gz'), gzipSync(SECRET));
  writeFileSync(join(tabDir, 'secret.js.gz'), gzipSync(SECRET));

  const app = createHttpApp({
    // Nothing here reaches the API, so it needs no store or token validator.
    deps: {} as Deps,
    routes: [],
    validateToken: () => Promise.reject(new Error('no tokens in this test')),
    authConfig: { mode: 'local' },
    tabDir,
    version: 'test',
  });
  server = await new Promise<Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  const address = server.address();
  base = new URL(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(root, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GET with the path sent exactly as written (fetch would normalise it and decompress the body). */
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: base.hostname, port: base.port, path, method: 'GET', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end();
  });
}

describe('pre-compressed assets', () => {
  it('sends the .gz copy to a browser that takes gzip, as JavaScript, cached for good', async () => {
    const res = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip, deflate' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-length']).toBe(String(gzipSync(SCRIPT).length));
    expect(gunzipSync(res.body).toString()).toBe(SCRIPT);
  });

  it('sends the file as it is when the request has no Accept-Encoding', async () => {
    const res = await get('/assets/app-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.toString()).toBe(SCRIPT);
  });

  it('sends it as it is when gzip is refused, and gzip when brotli has no copy', async () => {
    const refused = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.toString()).toBe(SCRIPT);

    const noBrotli = await get('/assets/app-abc123.js', { 'accept-encoding': 'br' });
    expect(noBrotli.headers['content-encoding']).toBeUndefined();
    const either = await get('/assets/app-abc123.js', { 'accept-encoding': 'br, gzip' });
    expect(either.headers['content-encoding']).toBe('gzip');
  });

  it('prefers brotli where there is a copy, and sends styles as CSS', async () => {
    // Chrome's header: gzip first, all equal, so the server's preference decides.
    const res = await get('/assets/style-def456.css', {
      'accept-encoding': 'gzip, deflate, br, zstd',
    });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.body.equals(brotliCompressSync(STYLE))).toBe(true);
    const gzipPreferred = await get('/assets/style-def456.css', {
      'accept-encoding': 'br;q=0.5, gzip',
    });
    expect(gzipPreferred.headers['content-encoding']).toBe('gzip');
  });

  it('never leaves the assets directory, however the path is written', async () => {
    for (const path of [
      '/assets/../../secret.js',
      '/assets/..%2F..%2Fsecret.js',
      '/assets/%2e%2e/%2e%2e/secret.js',
      '/assets/..%5C..%5Csecret.js',
      '/assets/%2e%2e%2fsecret.js',
      '/assets/app-abc123.js%00.js',
    ]) {
      const res = await get(path, { 'accept-encoding': 'gzip' });
      expect(res.headers['content-encoding'], path).toBeUndefined();
      expect(res.body.toString(), path).not.toContain('not for the web');
      expect(res.body.equals(gzipSync(SECRET)), path).toBe(false);
    }
  });

  it('reads Accept-Encoding with its q-values', () => {
    expect(encodingQuality(undefined, 'gzip')).toBe(0);
    expect(encodingQuality('', 'gzip')).toBe(0);
    expect(encodingQuality('GZIP', 'gzip')).toBe(1);
    expect(encodingQuality('gzip;q=0.4, br', 'gzip')).toBe(0.4);
    expect(encodingQuality('*;q=0.3', 'br')).toBe(0.3);
    expect(encodingQuality('*, br;q=0', 'br')).toBe(0);
    expect(encodingQuality('gzip;q=oops', 'gzip')).toBe(0);
  });
});
