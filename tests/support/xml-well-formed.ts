/**
 * A strict XML 1.0 well-formedness check for the parts our writers produce (no DTDs, no
 * processing instructions but the declaration): legal characters only, names, quoted attributes
 * without duplicates, only the five named entities and character references to legal characters,
 * balanced tags, one root, and every namespace prefix declared. Returns the problems found.
 */

const CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const ATTRIBUTE = /\s+([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9A-Fa-f]+));/y;

function checkCharData(text: string, where: string, problems: string[]): void {
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    REFERENCE.lastIndex = i;
    const m = REFERENCE.exec(text);
    if (!m) {
      problems.push(`${where}: bare & at ${i}`);
      continue;
    }
    if (m[1]) continue;
    const code = m[2] ? Number(m[2]) : parseInt(m[3] ?? '', 16);
    if (code > 0x10ffff || !CHAR.test(String.fromCodePoint(code)))
      problems.push(`${where}: reference to a forbidden character &#${code};`);
  }
}

export function wellFormedProblems(xml: string): string[] {
  const problems: string[] = [];
  if (!CHAR.test(xml)) problems.push('holds a character XML 1.0 forbids');
  let at = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) return ['unterminated declaration'];
    at = end + 2;
  }
  const stack: { name: string; prefixes: Set<string> }[] = [];
  let roots = 0;
  const declared = (prefix: string) =>
    prefix === 'xml' || prefix === 'xmlns' || stack.some((s) => s.prefixes.has(prefix));

  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const text = xml.slice(at, lt < 0 ? xml.length : lt);
    if (text) {
      if (stack.length === 0 && text.trim()) problems.push(`text outside the root: ${text.trim()}`);
      if (text.includes(']]>')) problems.push(']]> in text');
      checkCharData(text, 'text', problems);
    }
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return [...problems, 'unterminated comment'];
      at = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end < 0) return [...problems, 'unterminated CDATA'];
      at = end + 3;
      continue;
    }
    if (xml.startsWith('<!', lt) || xml.startsWith('<?', lt)) {
      problems.push('DTD or processing instruction');
      return problems;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return [...problems, 'unterminated tag'];
    const tag = xml.slice(lt + 1, gt);
    at = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name)
        problems.push(`</${name}> does not close <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const empty = tag.endsWith('/');
    const body = empty ? tag.slice(0, -1) : tag;
    const nameEnd = body.search(/\s|$/);
    const name = body.slice(0, nameEnd);
    if (!NAME.test(name)) problems.push(`bad element name "${name}"`);
    const prefixes = new Set<string>();
    const seen = new Set<string>();
    const attributes: string[] = [];
    let i = nameEnd;
    while (i < body.length) {
      if (/^\s*$/.test(body.slice(i))) break;
      ATTRIBUTE.lastIndex = i;
      const m = ATTRIBUTE.exec(body);
      if (!m) {
        problems.push(`bad attributes in <${name}>: ${body.slice(i)}`);
        break;
      }
      const attr = m[1] ?? '';
      const value = m[2] ?? m[3] ?? '';
      if (!NAME.test(attr)) problems.push(`bad attribute name "${attr}"`);
      if (seen.has(attr)) problems.push(`duplicate attribute ${attr} on <${name}>`);
      seen.add(attr);
      if (value.includes('<')) problems.push(`< in attribute ${attr}`);
      checkCharData(value, `attribute ${attr}`, problems);
      if (attr.startsWith('xmlns:')) prefixes.add(attr.slice(6));
      attributes.push(attr);
      i = ATTRIBUTE.lastIndex;
    }
    if (stack.length === 0) roots++;
    stack.push({ name, prefixes });
    for (const qname of [name, ...attributes.filter((a) => a.includes(':'))]) {
      const prefix = qname.includes(':') ? qname.slice(0, qname.indexOf(':')) : undefined;
      if (prefix && !declared(prefix)) problems.push(`undeclared prefix ${prefix} on ${qname}`);
    }
    if (empty) stack.pop();
  }
  if (stack.length) problems.push(`unclosed <${stack.map((s) => s.name).join('>, <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
