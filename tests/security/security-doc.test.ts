import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * docs/security.md maps every authorisation rule to where it is enforced and the tests that prove
 * it. This reads its rule table and checks each citation against the code, so the map cannot rot:
 * a renamed function, a moved file or a renamed test fails here.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Row {
  id: string;
  enforced: { file: string; name: string }[];
  tests: { file: string; name: string }[];
}

/** The rows of the table under `## Rules`. */
export function parseRules(markdown: string): Row[] {
  const start = markdown.indexOf('\n## Rules');
  if (start < 0) return [];
  const end = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  const rows: Row[] = [];
  for (const line of section.split('\n')) {
    const cells = line
      .split('|')
      .map((c) => c.trim())
      .filter((c, i, all) => i > 0 && i < all.length - 1);
    const [id, , enforced = '', proved = ''] = cells;
    if (!id || !/^[A-Z]+\d+$/.test(id)) continue;
    rows.push({
      id,
      enforced: [...enforced.matchAll(/`(src\/[^`]+)` `([^`]+)`/g)].map((m) => ({
        file: m[1] ?? '',
        name: m[2] ?? '',
      })),
      tests: [...proved.matchAll(/`(tests\/[^`]+)` "([^"]+)"/g)].map((m) => ({
        file: m[1] ?? '',
        name: m[2] ?? '',
      })),
    });
  }
  return rows;
}

/** The names given to it() and test() in a test file (a template's fixed text included). */
function testNames(source: string): string[] {
  return [...source.matchAll(/\b(?:it|test)\(\s*(['"`])((?:\\.|(?!\1)[\s\S])*?)\1/g)].map((m) =>
    (m[2] ?? '').replace(/\\(['"`])/g, '$1'),
  );
}

/** What is wrong with a row's citations; empty when every one is found. */
export function problemsWith(row: Row, base = root): string[] {
  const problems: string[] = [];
  if (row.enforced.length === 0) problems.push(`${row.id}: names no enforcement`);
  if (row.tests.length === 0) problems.push(`${row.id}: names no test`);
  for (const { file, name } of row.enforced) {
    const path = join(base, file);
    if (!existsSync(path)) problems.push(`${row.id}: ${file} does not exist`);
    else if (
      !new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(
        readFileSync(path, 'utf8'),
      )
    )
      problems.push(`${row.id}: ${file} has no ${name}`);
  }
  for (const { file, name } of row.tests) {
    const path = join(base, file);
    if (!existsSync(path)) {
      problems.push(`${row.id}: ${file} does not exist`);
      continue;
    }
    const found = testNames(readFileSync(path, 'utf8')).some(
      (t) => t === name || (t.includes('${') && t.includes(name)),
    );
    if (!found) problems.push(`${row.id}: ${file} has no test "${name}"`);
  }
  return problems;
}

const doc = readFileSync(join(root, 'docs/security.md'), 'utf8');
const rows = parseRules(doc);

describe('docs/security.md', () => {
  it('has a rule table with an id, an enforcement and a test on every row, ids unique', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.filter((r) => !r.enforced.length || !r.tests.length).map((r) => r.id)).toEqual([]);
  });

  it('cites only files, functions and tests that exist', () => {
    expect(rows.flatMap((r) => problemsWith(r))).toEqual([]);
  });

  it('would notice a missing file, function or test', () => {
    const bad: Row = {
      id: 'X1',
      enforced: [
        { file: 'src/adapters/http/authenticate.ts', name: 'noSuchFunction' },
        { file: 'src/no/such/file.ts', name: 'x' },
      ],
      tests: [
        { file: 'tests/adapters/http/api.test.ts', name: 'a test nobody wrote' },
        { file: 'tests/no-such.test.ts', name: 'x' },
      ],
    };
    expect(problemsWith(bad)).toHaveLength(4);
    const good: Row = {
      id: 'X2',
      enforced: [{ file: 'src/adapters/http/authenticate.ts', name: 'authenticate' }],
      tests: [{ file: 'tests/adapters/http/api.test.ts', name: 'refuses /api without a token' }],
    };
    expect(problemsWith(good)).toEqual([]);
  });

  it('keeps the sections the lead engineer completes', () => {
    for (const heading of [
      'Audit trail',
      'Hostile input',
      'Bot',
      'Tab sign-in',
      'Secrets and deployment',
    ])
      expect(doc).toContain(`\n## ${heading}\n`);
  });
});
