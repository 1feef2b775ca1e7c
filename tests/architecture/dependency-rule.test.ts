import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImports, checkTree, importsOf } from '../../scripts/check-deps.js';

const src = resolve('src');

describe('the dependency rule', () => {
  it('holds for the source tree', () => {
    expect(checkTree(src)).toEqual([]);
  });

  it('catches the domain importing an SDK, Node I/O or an adapter', () => {
    const file = resolve(src, 'domain/x.ts');
    const found = checkImports(
      file,
      importsOf(
        "import fs from 'node:fs';\nimport { z } from 'zod';\nimport '../adapters/sqlite/ddl.js';\nimport './ok.js';",
      ),
      src,
    );
    expect(found.map((v) => v.specifier)).toEqual(['node:fs', 'zod', '../adapters/sqlite/ddl.js']);
  });

  it('catches the application importing an adapter or an SDK', () => {
    const file = resolve(src, 'application/use-cases/x.ts');
    const found = checkImports(
      file,
      importsOf(
        "import '../../adapters/teams/bot.js';\nimport '@microsoft/agents-hosting';\nimport '../../domain/result.js';\nimport 'zod';",
      ),
      src,
    );
    expect(found.map((v) => v.specifier)).toEqual([
      '../../adapters/teams/bot.js',
      '@microsoft/agents-hosting',
    ]);
  });
});
