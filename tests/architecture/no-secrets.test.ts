import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter(Boolean);

/** Shapes a real secret takes. A hit names the file and the kind, never the text. */
const secretShapes: [string, RegExp][] = [
  ['a private key', /-----BEGIN (?:RSA |EC |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/],
  ['a signed token (JWT)', /\beyJ[A-Za-z0-9_-]{20,}\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/],
  ['an Azure storage key', /AccountKey=[A-Za-z0-9+/]{40,}/],
  ['an Entra client secret', /\b[A-Za-z0-9_~.-]{3}8Q~[A-Za-z0-9_~.-]{31,34}\b/],
  [
    'a secret assigned a value',
    /\b(?:client_?secret|password|LINK_SIGNING_KEY|SECRET_[A-Z_]+)\s*[=:]\s*["']?([A-Za-z0-9+/_~.-]{16,})/gi,
  ],
];

/**
 * A value that names another setting (`SECRET_BOT_PASSWORD`) or reads as words
 * (`a-production-link-signing-key-of-32-plus-chars`, the tests' fakes) is not a secret; random
 * characters are.
 */
const isPlaceholder = (value: string) =>
  /^[A-Z0-9_]+$/.test(value) || /^[a-z]+(?:-[a-z0-9]+){3,}$/.test(value);

function findsSecret(shape: RegExp, text: string): boolean {
  if (!shape.global) return shape.test(text);
  return [...text.matchAll(shape)].some((m) => !isPlaceholder(m[1] ?? ''));
}

const binary = /\.(png|jpe?g|gif|ico|zip|docx|xlsx|pdf|woff2?)$/i;

describe('secrets', () => {
  it('keeps every tracked file free of keys, tokens and secret values', () => {
    const hits: string[] = [];
    for (const file of tracked) {
      if (binary.test(file) || file === 'package-lock.json') continue;
      let text: string;
      try {
        text = readFileSync(join(root, file), 'utf8');
      } catch {
        continue; // deleted in the working tree, not yet committed
      }
      for (const [kind, shape] of secretShapes)
        if (findsSecret(shape, text)) hits.push(`${file}: ${kind}`);
    }
    expect(hits).toEqual([]);
  });

  it('tracks no per-developer environment file or local data', () => {
    const offending = tracked.filter(
      (f) => /(^|\/)[^/]*\.user$/.test(f) || f.startsWith('.data/') || f.endsWith('.db'),
    );
    expect(offending).toEqual([]);
    const ignore = readFileSync(join(root, '.gitignore'), 'utf8').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['env/*.user', '.data/']));
  });

  it('would notice a secret of each kind (the patterns are not dead)', () => {
    const pem = ['-----BEGIN', 'PRIVATE KEY-----'].join(' ');
    const jwt = ['eyJ' + 'a'.repeat(24), 'eyJ' + 'b'.repeat(24), 'c'.repeat(24)].join('.');
    const samples = [
      pem,
      jwt,
      `AccountKey=${'K'.repeat(44)}`,
      `abc8Q~${'x'.repeat(32)}`,
      `clientSecret: "${'s'.repeat(20)}"`,
    ];
    for (const [i, [, shape]] of secretShapes.entries())
      expect(findsSecret(shape, samples[i] ?? ''), secretShapes[i]?.[0]).toBe(true);
    const secret = secretShapes[4]?.[1] ?? /$^/;
    expect(findsSecret(secret, 'clientSecret: SECRET_BOT_PASSWORD')).toBe(false);
    expect(findsSecret(secret, "LINK_SIGNING_KEY: 'a-test-key-of-many-words'")).toBe(false);
    expect(findsSecret(secret, ['LINK_SIGNING_KEY', 'Zx81kLq0Pw9vBn3Ty7uI2oPa'].join('='))).toBe(
      true,
    );
  });
});
