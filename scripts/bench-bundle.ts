/**
 * Bundle figures for `npm run bench`: builds the tab and a baseline page with Vite, and adds up
 * the gzip size of what each needs before it can render, from Vite's manifest, and the bytes the
 * server actually sends (the build's pre-compressed copies). Run on its own
 * (`node --import tsx scripts/bench-bundle.ts`) it builds the tab and prints the tab's figures.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface FirstLoad {
  files: string[];
  /** Each file gzipped at zlib's default level: the budget's measure. */
  gzipBytes: number;
  rawBytes: number;
  /**
   * The bodies the server sends for these files: the build's `.br` copy to a browser that takes
   * brotli (Teams' Chromium webviews do), the `.gz` copy to one that takes gzip only, and the file
   * as it is where there is no copy.
   */
  wire: { br: number; gzip: number };
}

function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** The chunks statically reachable from `keys` in a manifest, with their CSS. */
function staticFiles(manifest: Manifest, keys: string[]): string[] {
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
    if (seen.has(key)) return;
    seen.add(key);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of chunk.imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return [...files];
}

const sizeOf = (path: string): number | undefined =>
  existsSync(path) ? statSync(path).size : undefined;

function measure(outDir: string, files: string[]): FirstLoad {
  let gzipBytes = 0;
  let rawBytes = 0;
  const wire = { br: 0, gzip: 0 };
  for (const file of files) {
    const path = join(outDir, file);
    const bytes = readFileSync(path);
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes).length; // zlib's default level, as a server would send it
    const gz = sizeOf(`${path}.gz`) ?? bytes.length;
    wire.gzip += gz;
    wire.br += sizeOf(`${path}.br`) ?? gz;
  }
  return { files, gzipBytes, rawBytes, wire };
}

function entryKey(manifest: Manifest): string {
  const key = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!key) throw new Error('The Vite manifest has no entry');
  return key;
}

export interface TabBundle {
  /** The entry chunk and everything it imports statically. */
  entry: FirstLoad;
  /** Entry, the chunk holding the side panel view and its static imports, and the light theme. */
  sidePanel: FirstLoad;
  /** Chunks the side panel imports dynamically (loaded later, on first use). */
  sidePanelLazy: FirstLoad;
  /** Entry, the workbench view's chunk and its static imports, and the light theme. */
  workbench: FirstLoad;
}

interface BuiltChunk {
  imports: string[];
  dynamicImports: string[];
  moduleIds: string[];
  css: string[];
  isEntry: boolean;
}

/** The output chunks as the bundler saw them: which modules each holds, and what it imports. */
function recordChunks(into: Map<string, BuiltChunk>): Plugin {
  return {
    name: 'bench:record-chunks',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        into.set(output.fileName, {
          imports: output.imports,
          dynamicImports: output.dynamicImports,
          moduleIds: output.moduleIds,
          css: [...(output.viteMetadata?.importedCss ?? [])],
          isEntry: output.isEntry,
        });
      }
    },
  };
}

function closure(chunks: Map<string, BuiltChunk>, starts: string[]): string[] {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    const chunk = chunks.get(file);
    if (!chunk) throw new Error(`${file} is not in the build`);
    files.add(file);
    chunk.css.forEach((css) => files.add(css));
    chunk.imports.forEach(visit);
  };
  starts.forEach(visit);
  return [...files];
}

function chunkWith(chunks: Map<string, BuiltChunk>, moduleSuffix: string): string {
  for (const [file, chunk] of chunks) {
    if (chunk.moduleIds.some((id) => id.endsWith(moduleSuffix))) return file;
  }
  throw new Error(`no chunk holds ${moduleSuffix}`);
}

/** Builds the tab with its own config into `dist/tab` (where the server serves it from). */
export async function buildTab(root: string): Promise<TabBundle> {
  const outDir = join(root, 'dist/tab');
  const chunks = new Map<string, BuiltChunk>();
  await build({
    configFile: join(root, 'teams-app/vite.config.ts'),
    logLevel: 'error',
    plugins: [recordChunks(chunks)],
  });
  // The manifest is the build's own account of the entry; the chunks say where modules went.
  const manifest = readManifest(outDir);
  const entry = manifest[entryKey(manifest)]?.file ?? '';
  const view = chunkWith(chunks, '/teams-app/src/views/sidePanel/SidePanel.tsx');
  // The theme chunk is fetched at start-up, beside the handshake; light is the default.
  const theme = chunkWith(chunks, '/teams-app/src/theme/themes/light.ts');
  const initial = closure(chunks, [entry, view, theme]);
  const viewsAndThemes = new Set(
    [...chunks]
      .filter(([, c]) => c.moduleIds.some((id) => /\/teams-app\/src\/(views|theme)\//.test(id)))
      .map(([file]) => file),
  );
  const lazyStarts = closure(chunks, [view])
    .flatMap((file) => chunks.get(file)?.dynamicImports ?? [])
    .filter((file) => !viewsAndThemes.has(file));
  const lazy = closure(chunks, lazyStarts).filter((file) => !initial.includes(file));
  return {
    entry: measure(outDir, closure(chunks, [entry])),
    sidePanel: measure(outDir, initial),
    sidePanelLazy: measure(outDir, lazy),
    workbench: measure(
      outDir,
      closure(chunks, [
        entry,
        chunkWith(chunks, '/teams-app/src/views/workbench/Workbench.tsx'),
        theme,
      ]),
    ),
  };
}

const BASELINE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="UTF-8"><title>Baseline</title></head>
<body><div id="root"></div><script type="module" src="/main.js"></script></body></html>
`;

// The least a React 19 Teams tab does: render, initialise TeamsJS, tell Teams it has loaded.
const BASELINE_MAIN = `import { createElement, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { app } from '@microsoft/teams-js';

function Baseline() {
  useEffect(() => {
    app.initialize().then(() => app.notifySuccess()).catch(() => undefined);
  }, []);
  return createElement('h1', null, 'Baseline tab');
}

createRoot(document.getElementById('root')).render(createElement(Baseline));
`;

const BASELINE_DIR = 'dist/bench-baseline';

/**
 * Builds the baseline page. Its sources sit under the repo so the packages resolve, in `dist/`,
 * which git, ESLint and Prettier all ignore; `removeBaseline` deletes them afterwards.
 */
export async function buildBaseline(root: string): Promise<{ outDir: string; bundle: FirstLoad }> {
  const dir = join(root, BASELINE_DIR, 'src');
  const outDir = join(root, BASELINE_DIR, 'out');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), BASELINE_HTML);
  writeFileSync(join(dir, 'main.js'), BASELINE_MAIN);
  await build({
    root: dir,
    configFile: false,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, manifest: true, modulePreload: { polyfill: false } },
  });
  const manifest = readManifest(outDir);
  return { outDir, bundle: measure(outDir, staticFiles(manifest, [entryKey(manifest)])) };
}

export function removeBaseline(root: string): void {
  rmSync(join(root, BASELINE_DIR), { recursive: true, force: true });
}

/** `node --import tsx scripts/bench-bundle.ts`: builds the tab and prints its first-load figures. */
async function main(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tab = await buildTab(root);
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const rows: [string, FirstLoad][] = [
    ['side panel first load', tab.sidePanel],
    ['entry chunk (+ static imports)', tab.entry],
    ['side panel, loaded on first use', tab.sidePanelLazy],
    ['workbench first load', tab.workbench],
  ];
  const header = ['', 'gzip', 'raw', 'sent, br', 'sent, gzip only', 'files'];
  const table = [
    header,
    ...rows.map(([name, load]) => [
      name,
      kb(load.gzipBytes),
      kb(load.rawBytes),
      kb(load.wire.br),
      kb(load.wire.gzip),
      String(load.files.length),
    ]),
  ];
  const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)));
  for (const row of table) {
    console.log(
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  '),
    );
  }
  console.log(
    `\nside panel first load, gzip: ${kb(tab.sidePanel.gzipBytes)} (target 130 kB); on the wire: ${kb(tab.sidePanel.wire.br)} as brotli, ${kb(tab.sidePanel.wire.gzip)} as gzip (${tab.sidePanel.files.join(', ')})`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
