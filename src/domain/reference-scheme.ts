import { fail, ok, type Result } from './result.js';

/**
 * How a partnership numbers its recommendations: a template of tokens and literal characters.
 * `{prefix}` is the partnership's recommendation prefix, `{year}` the 4-digit year, `{yy}` its
 * last two digits, `{seq}` or `{seq:N}` the running number (zero-padded to N digits).
 */
export const DEFAULT_RECOMMENDATION_SCHEME = '{prefix}-R-{year}-{seq:2}';

/** The reference column's limit (schema: recommendations.reference). */
export const MAX_REFERENCE_LENGTH = 40;
/** The partnership's prefix column's limit, assumed when no prefix is given. */
const MAX_PREFIX_LENGTH = 20;
/** Room kept for the number: at least 999 references per stem. */
const MIN_SEQ_ROOM = 3;

export type SchemePart =
  | { kind: 'literal'; text: string }
  | { kind: 'prefix' }
  | { kind: 'year' }
  | { kind: 'yy' }
  | { kind: 'seq'; width: number };

export interface ReferenceContext {
  prefix: string;
  year: number;
}

const LITERAL_RE = /^[A-Za-z0-9\-/._]$/;
const TOKEN_RE = /^\{([^{}:]*)(?::([^{}]*))?\}/;
const TOKENS = '{prefix}, {year}, {yy}, {seq} or {seq:N}';

/** Splits a template into parts, refusing anything a reference may not contain. */
export function parseScheme(template: string): Result<SchemePart[]> {
  if (template.length === 0) return fail('invalid', 'The reference scheme is empty.');
  const parts: SchemePart[] = [];
  let i = 0;
  while (i < template.length) {
    const ch = template.charAt(i);
    if (ch === '{') {
      const m = TOKEN_RE.exec(template.slice(i));
      if (!m) return fail('invalid', `A "{" at position ${i + 1} is not closed with "}".`);
      const [whole, name, arg] = m;
      const part = tokenPart(name ?? '', arg);
      if (!part.ok) return part;
      parts.push(part.value);
      i += whole.length;
      continue;
    }
    if (!LITERAL_RE.test(ch)) {
      return fail(
        'invalid',
        `The character "${ch}" is not allowed in a reference scheme; use letters, digits, -, /, . or _ between the tokens ${TOKENS}.`,
      );
    }
    const last = parts.at(-1);
    if (last?.kind === 'literal') last.text += ch;
    else parts.push({ kind: 'literal', text: ch });
    i++;
  }
  const seqs = parts.filter((p) => p.kind === 'seq').length;
  if (seqs === 0)
    return fail('invalid', 'The reference scheme needs a {seq} or {seq:N} token for the number.');
  if (seqs > 1) return fail('invalid', 'The reference scheme may have only one {seq} token.');
  return ok(parts);
}

function tokenPart(name: string, arg: string | undefined): Result<SchemePart> {
  if (name === 'seq') {
    if (arg === undefined) return ok({ kind: 'seq', width: 1 });
    if (!/^[1-6]$/.test(arg))
      return fail('invalid', `In {seq:N}, N must be a number from 1 to 6 (got "${arg}").`);
    return ok({ kind: 'seq', width: Number(arg) });
  }
  if (arg === undefined && (name === 'prefix' || name === 'year' || name === 'yy'))
    return ok({ kind: name });
  return fail(
    'invalid',
    `Unknown token {${name}${arg === undefined ? '' : `:${arg}`}}; use ${TOKENS}.`,
  );
}

/**
 * Checks a template before it is saved. The rendered length counts the prefix (the longest allowed
 * when none is given), a 4-digit year and the number at its padded width or 3 digits.
 */
export function validateScheme(
  template: string,
  context?: { prefix: string },
): Result<SchemePart[]> {
  const parsed = parseScheme(template);
  if (!parsed.ok) return parsed;
  const prefixLength = context ? context.prefix.length : MAX_PREFIX_LENGTH;
  const length = parsed.value.reduce((n, p) => {
    switch (p.kind) {
      case 'literal':
        return n + p.text.length;
      case 'prefix':
        return n + prefixLength;
      case 'year':
        return n + 4;
      case 'yy':
        return n + 2;
      case 'seq':
        return n + Math.max(p.width, MIN_SEQ_ROOM);
    }
  }, 0);
  if (length > MAX_REFERENCE_LENGTH) {
    return fail(
      'invalid',
      `References from this scheme could be ${length} characters long; the limit is ${MAX_REFERENCE_LENGTH}.`,
    );
  }
  return parsed;
}

function renderPart(p: SchemePart, ctx: ReferenceContext, seq: number): string {
  switch (p.kind) {
    case 'literal':
      return p.text;
    case 'prefix':
      return ctx.prefix;
    case 'year':
      return String(ctx.year).padStart(4, '0');
    case 'yy':
      return String(ctx.year % 100).padStart(2, '0');
    case 'seq':
      return String(seq).padStart(p.width, '0');
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Matches references of this scheme for this prefix and year, capturing the number. */
function referencePattern(parts: SchemePart[], ctx: ReferenceContext): RegExp {
  const source = parts
    .map((p) => (p.kind === 'seq' ? `(\\d{${p.width},})` : escapeRe(renderPart(p, ctx, 0))))
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * The next reference: one more than the highest number among existing references with the same
 * rendered stem (everything but the number). References made under another scheme do not match,
 * so changing the scheme never renumbers anything; it starts its own sequence.
 */
export function nextReference(
  template: string,
  ctx: ReferenceContext,
  existing: readonly string[],
): Result<string> {
  const parsed = parseScheme(template);
  if (!parsed.ok) return parsed;
  const pattern = referencePattern(parsed.value, ctx);
  let max = 0;
  for (const reference of existing) {
    const m = pattern.exec(reference);
    if (m?.[1] !== undefined) max = Math.max(max, Number.parseInt(m[1], 10));
  }
  const reference = parsed.value.map((p) => renderPart(p, ctx, max + 1)).join('');
  if (reference.length > MAX_REFERENCE_LENGTH) {
    return fail(
      'invalid',
      `The next reference would be longer than ${MAX_REFERENCE_LENGTH} characters; shorten the reference scheme.`,
    );
  }
  return ok(reference);
}

/** The partnership's scheme, or the default when it has none. */
export const schemeOf = (partnership: { recommendationScheme?: string | null }): string =>
  partnership.recommendationScheme?.trim() || DEFAULT_RECOMMENDATION_SCHEME;
