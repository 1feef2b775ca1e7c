import { badRequest, invalidRequest } from './errors.js';

/**
 * The OData query options the emulator understands on list items, parsed and nothing more:
 * https://learn.microsoft.com/graph/query-parameters and
 * https://learn.microsoft.com/graph/api/listitem-list ("You can apply the $filter (eq, ne, lt,
 * gt, le, ge, and startswith) query parameter ... Both listItem properties and fields can be
 * filtered.").
 */

export type Literal = string | number | boolean | null;
export type Comparison = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';

export type FilterNode =
  | { kind: 'and'; left: FilterNode; right: FilterNode }
  | { kind: 'compare'; field: string; op: Comparison; value: Literal }
  | { kind: 'startswith'; field: string; value: string };

type Token =
  | { t: 'word'; v: string }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: '(' | ')' | ',' };

// Graph's answer to a filter it cannot parse (reported in microsoftgraph/microsoft-graph-docs#7040:
// "Code: BadRequest ... Message: Invalid filter clause").
const invalidFilter = (detail?: string) =>
  badRequest(detail ? `Invalid filter clause: ${detail}` : 'Invalid filter clause');

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ t: ch });
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) throw invalidFilter('unterminated string literal');
        if (source[i] === "'") {
          if (source[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += source[i];
        i++;
      }
      tokens.push({ t: 'string', v: value });
    } else {
      const match = /^[^\s(),']+/.exec(source.slice(i));
      const word = match?.[0] ?? '';
      i += word.length;
      // Unquoted ISO dates are DateTimeOffset literals; other numbers are numbers.
      if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(word)) {
        tokens.push({ t: 'string', v: word });
      } else if (/^-?\d+(\.\d+)?$/.test(word)) {
        tokens.push({ t: 'number', v: Number(word) });
      } else {
        tokens.push({ t: 'word', v: word });
      }
    }
  }
  return tokens;
}

/**
 * Parses a $filter. Comparisons, `startswith` and `and` are served; `or` and `not` are refused.
 * The listitem-list page names the operators and says nothing of `or` (open request:
 * microsoftgraph/microsoft-graph-docs#14458, "Missing information about supported filters"),
 * so a client that needs it should split the query: the emulator makes that visible.
 */
export function parseFilter(source: string): FilterNode {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => {
    const token = tokens[pos++];
    if (!token) throw invalidFilter('unexpected end');
    return token;
  };
  const isWord = (token: Token | undefined, word: string) =>
    token?.t === 'word' && token.v.toLowerCase() === word;

  const literal = (): Literal => {
    const token = next();
    if (token.t === 'string' || token.t === 'number') return token.v;
    if (token.t === 'word') {
      if (token.v === 'true') return true;
      if (token.v === 'false') return false;
      if (token.v === 'null') return null;
    }
    throw invalidFilter('expected a value');
  };

  const fieldPath = (): string => {
    const token = next();
    if (token.t !== 'word') throw invalidFilter('expected a property');
    return token.v;
  };

  const term = (): FilterNode => {
    const token = peek();
    if (token?.t === '(') {
      next();
      const inner = expression();
      if (next().t !== ')') throw invalidFilter("expected ')'");
      return inner;
    }
    if (isWord(token, 'not'))
      throw invalidRequest('The provided filter statement is not supported');
    if (isWord(token, 'startswith') && tokens[pos + 1]?.t === '(') {
      next();
      next();
      const field = fieldPath();
      if (next().t !== ',') throw invalidFilter("expected ','");
      const value = literal();
      if (next().t !== ')') throw invalidFilter("expected ')'");
      if (typeof value !== 'string') throw invalidFilter('startswith takes a string');
      return { kind: 'startswith', field, value };
    }
    const field = fieldPath();
    const opToken = next();
    const op = opToken.t === 'word' ? opToken.v.toLowerCase() : '';
    if (!['eq', 'ne', 'lt', 'gt', 'le', 'ge'].includes(op)) {
      throw invalidFilter(`unsupported operator '${op || opToken.t}'`);
    }
    return { kind: 'compare', field, op: op as Comparison, value: literal() };
  };

  const expression = (): FilterNode => {
    let left = term();
    for (;;) {
      if (isWord(peek(), 'and')) {
        next();
        left = { kind: 'and', left, right: term() };
      } else if (isWord(peek(), 'or')) {
        throw invalidRequest('The provided filter statement is not supported');
      } else {
        return left;
      }
    }
  };

  const root = expression();
  if (pos !== tokens.length) throw invalidFilter('unexpected input after the expression');
  return root;
}

/** The conjuncts of an and-chain, left to right. */
export function conjuncts(node: FilterNode): FilterNode[] {
  return node.kind === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

export interface OrderBy {
  field: string;
  descending: boolean;
}

export function parseOrderBy(source: string): OrderBy[] {
  return splitTopLevel(source).map((part) => {
    const [field, direction, extra] = part.trim().split(/\s+/);
    if (!field || extra !== undefined || (direction && !/^(asc|desc)$/i.test(direction))) {
      throw badRequest(`Invalid $orderby expression '${part.trim()}'.`);
    }
    return { field, descending: direction?.toLowerCase() === 'desc' };
  });
}

/** Splits on commas that are not inside parentheses. */
export function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of source) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export interface Expand {
  /** `expand=fields` or `expand=fields(select=A,B)`; select undefined means every column. */
  fields?: { select?: string[] };
  columns?: { select?: string[] };
}

/**
 * `expand=fields(select=Column1,Column2)` as the listitem-list page writes it; the OData form
 * `$expand=fields($select=...)` that SDKs send is read the same way.
 */
export function parseExpand(source: string | null): Expand {
  const expand: Expand = {};
  if (!source) return expand;
  for (const part of splitTopLevel(source)) {
    const match = /^([A-Za-z]+)(?:\((.*)\))?$/.exec(part);
    if (!match) throw badRequest(`Invalid $expand expression '${part}'.`);
    const [, name, inner] = match;
    let select: string[] | undefined;
    if (inner !== undefined && inner.trim() !== '') {
      const option = /^\$?select=(.*)$/i.exec(inner.trim());
      if (!option) throw badRequest(`Unsupported option in $expand: '${inner}'.`);
      select = parseSelect(option[1] ?? '');
    }
    if (name === 'fields') expand.fields = { select };
    else if (name === 'columns') expand.columns = { select };
    else throw badRequest(`Could not find a property named '${name}' to expand.`);
  }
  return expand;
}

export function parseSelect(source: string | null): string[] | undefined {
  if (source === null) return undefined;
  return source
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export const MAX_TOP = 5000;

/**
 * $top for list items. Graph documents no maximum for listItems (open docs issue
 * microsoftgraph/microsoft-graph-docs-contrib#28); SharePoint's own limit is 5,000 and a larger
 * value "will still return a max item limit of 5000" (third-party, microsoft365blogs.com,
 * "Microsoft Graph: Working with Paginated result sets"): the emulator clamps to 5,000.
 */
export function parseTop(source: string | null, fallback: number): number {
  if (source === null) return fallback;
  if (!/^\d+$/.test(source) || Number(source) < 1) {
    throw badRequest(`Invalid value '${source}' for $top: it must be a positive integer.`);
  }
  return Math.min(Number(source), MAX_TOP);
}

/**
 * List-item skip tokens: SharePoint's paging cookie "Paged=TRUE&p_ID={last id}", base64-encoded
 * without padding, as real nextLinks show ("$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTE" decodes to
 * "Paged=TRUE&p_ID=1"). With $orderby the emulator adds its position ("&p_Position=n").
 * Clients must treat the token as opaque.
 */
export function encodeSkipToken(lastId: number, position?: number): string {
  const cookie =
    `Paged=TRUE&p_ID=${lastId}` + (position === undefined ? '' : `&p_Position=${position}`);
  return Buffer.from(cookie, 'utf8').toString('base64').replace(/=+$/, '');
}

export function decodeSkipToken(token: string): { lastId: number; position?: number } {
  const cookie = Buffer.from(token, 'base64').toString('utf8');
  const params = new URLSearchParams(cookie);
  const lastId = params.get('p_ID');
  const position = params.get('p_Position');
  if (params.get('Paged') !== 'TRUE' || lastId === null || !/^\d+$/.test(lastId)) {
    throw badRequest('The $skiptoken is not valid.');
  }
  return {
    lastId: Number(lastId),
    position: position !== null && /^\d+$/.test(position) ? Number(position) : undefined,
  };
}

/** Query-string value lookup that accepts the option with or without its `$`. */
export function option(query: URLSearchParams, name: string): string | null {
  return query.get(`$${name}`) ?? query.get(name);
}

/**
 * Builds a link that keeps `$` in option names, as Graph's nextLinks do
 * ("...items?$expand=fields&$top=1&$skiptoken=...").
 */
export function buildLink(base: string, path: string, params: [string, string][]): string {
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `${base}${path}${query ? `?${query}` : ''}`;
}
