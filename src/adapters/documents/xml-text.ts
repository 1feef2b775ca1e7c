/**
 * Just enough XML reading for Office's parts: tags by local name (prefixes vary between writers)
 * and text with its entities decoded. Linear in the input; no DTDs, so no entity expansion bombs.
 */

export interface XmlToken {
  /** Element local name for tags; undefined for text. */
  tag?: string;
  /** A closing tag (`</w:p>`). */
  close?: boolean;
  /** A self-closing tag (`<w:br/>`). */
  empty?: boolean;
  /** The raw attributes of a tag. */
  attributes?: string;
  /** Decoded character data (text and CDATA). */
  text?: string;
}

const TOKEN_RE =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<[?!][^>]*>|<(\/?)([^\s/>]+)([^>]*?)(\/?)>|([^<]+)/g;
const ENTITY_RE = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(value: number): string {
  return value <= 0x10ffff ? String.fromCodePoint(value) : '';
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY_RE, (_m, dec?: string, hex?: string, name?: string) =>
    dec ? codePoint(Number(dec)) : hex ? codePoint(parseInt(hex, 16)) : (NAMED[name ?? ''] ?? ''),
  );
}

export function* xmlTokens(xml: string): Generator<XmlToken> {
  for (const m of xml.matchAll(TOKEN_RE)) {
    if (m[1] !== undefined) yield { text: m[1] };
    else if (m[3] !== undefined) {
      const name = m[3];
      yield {
        tag: name.slice(name.indexOf(':') + 1),
        close: m[2] === '/',
        empty: m[5] === '/',
        attributes: m[4] ?? '',
      };
    } else if (m[6] !== undefined) yield { text: decodeEntities(m[6]) };
  }
}

const attributeRes = new Map<string, RegExp>();

/** An attribute's decoded value by local name (`t` matches `t="s"`). */
export function attribute(attributes: string | undefined, name: string): string | undefined {
  if (!attributes) return undefined;
  let re = attributeRes.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributeRes.set(name, re);
  }
  const m = re.exec(attributes);
  const value = m?.[1] ?? m?.[2];
  return value === undefined ? undefined : decodeEntities(value);
}

export interface TextRules {
  /** Elements whose text content is document text. */
  text: ReadonlySet<string>;
  /** Elements that stand for a character where they appear (tab, line break). */
  marks?: ReadonlyMap<string, string>;
  /** Elements whose end closes a line (paragraphs, rows). */
  lines?: ReadonlySet<string>;
}

/** The text of one part: the content of text elements, with marks and line ends in place. */
export function xmlText(xml: string, rules: TextRules): string {
  const out: string[] = [];
  let depth = 0;
  for (const token of xmlTokens(xml)) {
    if (token.tag === undefined) {
      if (depth > 0 && token.text) out.push(token.text);
      continue;
    }
    const mark = rules.marks?.get(token.tag);
    if (mark !== undefined && !token.close) out.push(mark);
    if (rules.text.has(token.tag) && !token.empty)
      depth = Math.max(0, depth + (token.close ? -1 : 1));
    if (token.close && rules.lines?.has(token.tag)) out.push('\n');
  }
  return out.join('');
}
