/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

// Every source file of the tab, as text, keyed by its path from the repo root.
const SRC = '/teams-app/src';
const sources = import.meta.glob<string>(
  ['/teams-app/src/**/*.ts', '/teams-app/src/**/*.tsx', '!/teams-app/src/**/*.test.tsx'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

// `import … from '…'` and `export … from '…'`, but not `import type` (erased) or `import('…')`.
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = from.split('/').slice(0, -1);
  for (const part of spec.split('/')) {
    if (part === '..') base.pop();
    else if (part !== '.') base.push(part);
  }
  const path = base.join('/');
  for (const candidate of [path, `${path}.ts`, `${path}.tsx`, `${path}/index.ts`]) {
    if (candidate in sources) return candidate;
  }
  throw new Error(`${from} imports ${spec}, which is not in the tab's sources`);
}

/** Files and packages the entry reaches through static imports only: the first load. */
function staticClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    for (const [, spec] of (sources[file] ?? '').matchAll(STATIC_IMPORT)) {
      if (!spec) continue;
      const next = resolve(file, spec);
      if (next) queue.push(next);
      else packages.add(spec);
    }
  }
  return { files, packages };
}

describe('first load', () => {
  it('finds the entry and walks real imports (the check itself works)', () => {
    const { files, packages } = staticClosure(`${SRC}/main.tsx`);
    expect(files.has(`${SRC}/app/App.tsx`)).toBe(true);
    expect(files.has(`${SRC}/app/Shell.tsx`)).toBe(true);
    expect(files.has(`${SRC}/auth/lazyEntraAuthProvider.ts`)).toBe(true);
    expect(packages.has('@microsoft/teams-js')).toBe(true);
  });

  it('holds neither MSAL nor the Entra sign-in chain: both load on first use', () => {
    const { files, packages } = staticClosure(`${SRC}/main.tsx`);
    expect([...packages].filter((p) => p.startsWith('@azure/msal-browser'))).toEqual([]);
    expect([...files].filter((f) => f.startsWith(`${SRC}/auth/entra/`))).toEqual([]);
    expect(files.has(`${SRC}/auth/EntraSignIn.tsx`)).toBe(false);
  });

  it('reaches the Entra chain through a dynamic import', () => {
    const lazy = sources[`${SRC}/auth/lazyEntraAuthProvider.ts`] ?? '';
    const targets = [...lazy.matchAll(DYNAMIC_IMPORT)].map((m) => m[1]);
    expect(targets).toContain('./entra/createEntraProvider');
    // …and MSAL is only ever imported inside that chain (or the redirect page, lazily).
    const msalImporters = Object.entries(sources)
      .filter(([, text]) =>
        [...text.matchAll(STATIC_IMPORT)].some((m) => m[1]?.startsWith('@azure/msal-browser')),
      )
      .map(([file]) => file);
    expect(msalImporters.length).toBeGreaterThan(0);
    expect(msalImporters.every((file) => file.startsWith(`${SRC}/auth/entra/`))).toBe(true);
  });
});
