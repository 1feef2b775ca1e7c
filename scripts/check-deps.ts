// The dependency rule: the domain imports nothing outside itself; the application imports the
// domain and zod only (never an adapter, the server, an SDK or Node's I/O).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const APPLICATION_PACKAGES = new Set(['zod']);

/** Checks one file's imports against the rule for the layer it is in. */
export function checkImports(file: string, specifiers: string[], srcRoot: string): Violation[] {
  const rel = relative(srcRoot, file).replaceAll('\\', '/');
  const layer = rel.split('/')[0];
  const out: Violation[] = [];
  for (const specifier of specifiers) {
    const relative_ = specifier.startsWith('.');
    const target = relative_
      ? relative(srcRoot, resolve(dirname(file), specifier)).replaceAll('\\', '/')
      : undefined;
    if (layer === 'domain' && (!target || !target.startsWith('domain/'))) {
      out.push({ file: rel, specifier, rule: 'src/domain may import only from src/domain' });
    }
    if (layer === 'application') {
      if (target && !target.startsWith('domain/') && !target.startsWith('application/')) {
        out.push({
          file: rel,
          specifier,
          rule: 'src/application may import only the domain and itself',
        });
      }
      if (!target && !APPLICATION_PACKAGES.has(specifier)) {
        out.push({
          file: rel,
          specifier,
          rule: `src/application may use only these packages: ${[...APPLICATION_PACKAGES].join(', ')}`,
        });
      }
    }
  }
  return out;
}

export const importsOf = (source: string) =>
  ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.tsx?$/.test(name)) yield path;
  }
}

export function checkTree(srcRoot: string): Violation[] {
  return [...walk(srcRoot)].flatMap((f) =>
    checkImports(f, importsOf(readFileSync(f, 'utf8')), srcRoot),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const violations = checkTree(resolve('src'));
  for (const v of violations) console.error(`${v.file}: imports "${v.specifier}" (${v.rule})`);
  if (violations.length) process.exit(1);
  console.log('Dependency rule holds: domain is pure, application imports no adapter.');
}
