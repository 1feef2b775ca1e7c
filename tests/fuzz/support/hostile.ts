import fc from 'fast-check';

/**
 * Hostile building blocks shared by the API and bot fuzzers: strings, keys and JSON values that
 * have broken parsers, validators, SQL, renderers and prototype chains elsewhere.
 */

/** Single characters that are trouble: lone surrogates, bidi overrides, NUL, zero-widths, BOM. */
export const nastyChars = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\u202E', // right-to-left override
  '\u202D', // left-to-right override
  '\u2066', // left-to-right isolate
  '\u0000', // NUL
  '\u200B', // zero-width space
  '\uFEFF', // byte-order mark
  '\u0085', // next line
  '\u2028', // line separator
  '\r\n',
  '\t',
  '\\',
  '"',
  "'",
  '`',
  '<',
  '>',
  '&',
  '%',
  '$',
  '{',
  '}',
  '[',
  ']',
  '\u0301', // combining acute accent
  '👩‍👩‍👧', // ZWJ emoji sequence
  '\uD83D\uDE00', // a paired surrogate (😀)
  'ﷺ',
  'ß',
  'İ',
];

/** Whole strings that mean something to some interpreter somewhere. */
export const nastyStrings = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  'true',
  '[object Object]',
  "' OR '1'='1",
  "'; DROP TABLE items_recommendations; --",
  '" OR 1=1 --',
  "x' or 1 eq 1 or 'a' eq 'a",
  "$filter=fields/Title eq 'x'",
  "startswith(Title,'a')",
  '*',
  '%',
  '_',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '![x](https://evil.example/x.png)',
  '**bold** _it_ `code` # head',
  '{{constructor.constructor("return 1")()}}',
  '${7*7}',
  '=HYPERLINK("https://evil.example","x")',
  "=cmd|'/C calc'!A0",
  '@SUM(1+1)',
  '+1',
  '\u202Egnp.exe',
  'a\u0000b',
  '\uD800\uD800',
  'HSCP-R-2026-01',
  'HSCP-C-2026-14',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  '0000-00-00',
  '2026-11-02T10:00:00+14:00',
  'W/"1"',
  '"*"',
];

/** A string made of ordinary text and nasty pieces, up to `max` characters. */
export const hostileString = (max = 80): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...nastyStrings) },
    {
      weight: 3,
      arbitrary: fc
        .array(
          fc.oneof(
            fc.constantFrom(...nastyChars),
            fc.string({ unit: 'binary', maxLength: 6 }),
            fc.string({ unit: 'grapheme', maxLength: 6 }),
            fc.constantFrom(...nastyStrings),
          ),
          { maxLength: 12 },
        )
        .map((parts) => parts.join('').slice(0, max)),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: max }) },
    { weight: 1, arbitrary: fc.string({ maxLength: max }) },
  );

/** Very long strings: at, around and far past typical caps. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(255, 256, 4000, 4001, 8000, 8001, 20000, 20001, 100_000),
    fc.constantFrom('a', 'é', '😀', '\u202E', '\uD800', ' ', '<b>'),
  )
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));

/** Keys that are not plain data keys. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '$where',
    '$gt',
    'isAdmin',
    'role',
    'roles',
    'actorId',
    'upn',
    'tenantId',
    'homeTenantId',
    'id',
    'etag',
    'version',
    'createdBy',
    'modifiedBy',
    'channel',
    '',
    ' ',
    'a.b',
    'a[0]',
    '\u0000',
    '\uD800',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** Any JSON value, hostile strings included, a few levels deep. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString(40),
    fc.integer(),
    fc.constantFrom(
      0,
      -0,
      -1,
      1.5,
      Number.MAX_SAFE_INTEGER + 2,
      -Number.MAX_SAFE_INTEGER - 2,
      1e308,
      5e-324,
    ),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }).map(ownProto),
  ),
})).value;

/**
 * `{ "__proto__": x }` as JSON.parse makes it (an own property, as a body parser sees it), not
 * as an object literal would (which sets the prototype and is lost by JSON.stringify).
 */
export function ownProto<T>(o: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(o))
    Object.defineProperty(out, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

/** JSON text nested `depth` levels deep (built as text: JSON.stringify would recurse). */
export const deepJsonText = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Bodies that are not JSON at all, or JSON that parsers disagree about. */
export const malformedJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '}',
    '[',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    '{a:1}',
    'NaN',
    'Infinity',
    '{"a":NaN}',
    '{"a":1e400}',
    '{"a":-1e400}',
    '{"a":123456789012345678901234567890}',
    '\uFEFF{}',
    '{"a":"\\ud800"}',
    '{"a":"\\u0000"}',
    '{"a":"\\x41"}',
    '{"a":1,"a":2}',
    '{"__proto__":{"isAdmin":true,"role":"scrutineer"}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}',
    'null',
    'true',
    '1',
    '"text"',
    '[]',
    '[{}]',
    '{"text":"a"}garbage',
    '{"text":"a"}{"text":"b"}',
    '\u0000',
    '/* comment */ {}',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .tuple(
      fc.constantFrom(1000, 10_000, 60_000),
      fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>,
    )
    .map(([d, k]) => deepJsonText(d, k)),
);

/** A path segment as it goes on the wire: percent-encoded (validly), raw dots, SQL and OData text. */
export const hostilePathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '..%2F..%2F..%2Fetc%2Fpasswd',
    '%2F',
    '%5C',
    '%00',
    '%25',
    '%3F%23',
    ';x=1',
    '~',
    "'",
    '(1)',
    '*',
    'undefined',
    'null',
    '0',
    '-1',
    '1e3',
    '2026.5',
    '99999999999999999999',
    '%20',
    '%E2%80%AE', // right-to-left override
    encodeURIComponent("' OR 1=1 --"),
    encodeURIComponent("Title eq 'x'"),
    encodeURIComponent('$filter=id eq 1'),
    encodeURIComponent('<script>'),
  ),
  hostileString(60).map((s) => encodeURIComponent(wellFormed(s))),
  fc.constantFrom(300, 2000, 4000).map((n) => 'a'.repeat(n)),
);

/** Percent-encoding that does not decode: bad escapes, invalid UTF-8, an encoded lone surrogate. */
export const brokenPercentSegment = fc.constantFrom(
  '%',
  '%zz',
  'a%',
  '%E0%A4%A',
  '%ED%A0%80', // a surrogate encoded as UTF-8 bytes (WTF-8): not valid UTF-8
  '%C0%AE%C0%AE', // overlong dots
  '%FF',
  '%C3',
);

/** The string with each lone surrogate replaced by U+FFFD (encodeURIComponent refuses them). */
export const wellFormed = (s: string): string =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Percent-encodes every code unit as UTF-8 bytes, a lone surrogate as its raw 3 bytes (WTF-8). */
export function wireEncode(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (cp >= 0xd800 && cp <= 0xdfff)
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    else
      out += [...Buffer.from(ch, 'utf8')]
        .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
        .join('');
  }
  return out;
}

/** Header values a client may send (latin-1, no CR/LF/NUL), hostile for a server. */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '*',
    '"*"',
    'W/"x"',
    '"',
    '""',
    '"stale"',
    'null',
    'undefined',
    '0',
    '-1',
    "' OR 1=1 --",
    '<script>',
    '\u00ff\u00fe',
    'a'.repeat(2000),
    '"1","2","3"',
    '"\t"',
  ),
  fc
    .string({
      unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
      maxLength: 60,
    })
    .map((s) => s.replace(/\u007f/g, '')),
);
