import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RECOMMENDATION_SCHEME,
  nextReference,
  parseScheme,
  schemeOf,
  validateScheme,
} from '../../src/domain/reference-scheme.js';

const ctx = { prefix: 'HSCP', year: 2026 };
const next = (scheme: string, existing: string[] = [], c = ctx) => {
  const r = nextReference(scheme, c, existing);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const errorOf = (template: string, prefix?: string) => {
  const r = validateScheme(template, prefix === undefined ? undefined : { prefix });
  return r.ok ? undefined : r.error.message;
};

describe('the default scheme', () => {
  it('numbers as references always have been, e.g. HSCP-R-2026-07', () => {
    expect(DEFAULT_RECOMMENDATION_SCHEME).toBe('{prefix}-R-{year}-{seq:2}');
    expect(next(DEFAULT_RECOMMENDATION_SCHEME, ['HSCP-R-2026-01', 'HSCP-R-2026-06'])).toBe(
      'HSCP-R-2026-07',
    );
  });

  it('starts at 01 and ignores other years and prefixes', () => {
    expect(next(DEFAULT_RECOMMENDATION_SCHEME, ['HSCP-R-2025-09', 'XYZ-R-2026-04'])).toBe(
      'HSCP-R-2026-01',
    );
  });

  it('grows past the padding rather than wrapping', () => {
    expect(next(DEFAULT_RECOMMENDATION_SCHEME, ['HSCP-R-2026-99'])).toBe('HSCP-R-2026-100');
    expect(next(DEFAULT_RECOMMENDATION_SCHEME, ['HSCP-R-2026-100', 'HSCP-R-2026-99'])).toBe(
      'HSCP-R-2026-101',
    );
  });

  it('is used when the partnership has none or an empty one', () => {
    expect(schemeOf({})).toBe(DEFAULT_RECOMMENDATION_SCHEME);
    expect(schemeOf({ recommendationScheme: null })).toBe(DEFAULT_RECOMMENDATION_SCHEME);
    expect(schemeOf({ recommendationScheme: '  ' })).toBe(DEFAULT_RECOMMENDATION_SCHEME);
    expect(schemeOf({ recommendationScheme: 'R{seq}' })).toBe('R{seq}');
  });
});

describe('custom schemes', () => {
  it('renders {yy}, literals and padding', () => {
    expect(next('{prefix}/{yy}/{seq:3}')).toBe('HSCP/26/001');
    expect(next('REC.{year}_{seq:4}')).toBe('REC.2026_0001');
  });

  it('continues the highest number with the same stem, even with the number first', () => {
    expect(next('{seq:3}/{prefix}-{yy}', ['004/HSCP-26', '011/HSCP-26', '099/HSCP-25'])).toBe(
      '012/HSCP-26',
    );
  });

  it('an unpadded {seq} reads numbers of any width', () => {
    expect(next('R{seq}-{year}', ['R9-2026', 'R10-2026', 'R3-2026'])).toBe('R11-2026');
  });

  it('never renumbers: references from another scheme do not count', () => {
    // The partnership moves from the default to a three-digit scheme mid-year.
    expect(next('{prefix}-R-{year}-{seq:3}', ['HSCP-R-2026-01', 'HSCP-R-2026-02'])).toBe(
      'HSCP-R-2026-001',
    );
  });

  it('treats a prefix with regular-expression characters literally', () => {
    const c = { prefix: 'A.B', year: 2026 };
    expect(next('{prefix}-{seq}', ['AxB-5', 'A.B-2'], c)).toBe('A.B-3');
  });
});

describe('validateScheme', () => {
  it('accepts the default and tokens in any order', () => {
    expect(errorOf(DEFAULT_RECOMMENDATION_SCHEME)).toBeUndefined();
    expect(errorOf('{seq:6}/{yy}')).toBeUndefined();
    expect(errorOf('{seq}')).toBeUndefined();
  });

  it.each([
    ['', /empty/],
    ['{prefix}-{year}', /needs a \{seq\}/],
    ['{seq}-{seq:2}', /only one \{seq\}/],
    ['{prefix}-{seq:0}', /N must be a number from 1 to 6/],
    ['{prefix}-{seq:7}', /N must be a number from 1 to 6/],
    ['{prefix}-{seq:x}', /N must be a number from 1 to 6/],
    ['{prefix}-{month}-{seq}', /Unknown token \{month\}/],
    ['{Prefix}-{seq}', /Unknown token \{Prefix\}/],
    ['{prefix} {seq}', /character " " is not allowed/],
    ['{prefix}#{seq}', /character "#" is not allowed/],
    ['{prefix}-{seq', /not closed/],
    ['R}{seq}', /character "}" is not allowed/],
  ])('refuses %j with a message saying why', (template, message) => {
    expect(errorOf(template)).toMatch(message);
  });

  it('refuses a scheme whose references could pass 40 characters', () => {
    // 20-character prefix assumed when none is given: 20 + 17 + 3 = 40 fits, one more does not.
    expect(errorOf('{prefix}-ABCDEFGHIJKLMNOP{seq}')).toBeUndefined();
    expect(errorOf('{prefix}-ABCDEFGHIJKLMNOPQ{seq}')).toMatch(/41 characters.*limit is 40/);
    // With the real, short prefix the same scheme fits.
    expect(errorOf('{prefix}-ABCDEFGHIJKLMNOPQ{seq}', 'HSCP')).toBeUndefined();
    // Nine 4-digit years and six digits: 42.
    expect(errorOf(`${'{year}'.repeat(9)}{seq:6}`, 'HSCP')).toMatch(/42 characters/);
  });

  it('parses into parts the renderer uses', () => {
    const parsed = parseScheme('A-{seq:2}');
    expect(parsed).toEqual({
      ok: true,
      value: [
        { kind: 'literal', text: 'A-' },
        { kind: 'seq', width: 2 },
      ],
    });
  });
});

describe('nextReference', () => {
  it('refuses when the next reference would not fit the 40-character column', () => {
    // 35 + 1 + 4 = 40 fits; the next, 10000, needs 41.
    const long = { prefix: 'P'.repeat(35), year: 2026 };
    expect(nextReference('{prefix}-{seq:4}', long, [])).toEqual({
      ok: true,
      value: `${'P'.repeat(35)}-0001`,
    });
    const r = nextReference('{prefix}-{seq:4}', long, [`${'P'.repeat(35)}-9999`]);
    expect(r.ok ? r.value : r.error.message).toMatch(/longer than 40/);
  });

  it('refuses an invalid template rather than guessing', () => {
    expect(nextReference('{prefix}', ctx, []).ok).toBe(false);
  });
});
