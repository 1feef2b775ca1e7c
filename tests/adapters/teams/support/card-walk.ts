/** Every element of a card, depth first, with the actions inside it. */
export function walk(
  node: unknown,
  out: Record<string, unknown>[] = [],
): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => walk(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string') out.push(o);
    Object.values(o).forEach((v) => walk(v, out));
  }
  return out;
}

export const inputsOf = (card: unknown) =>
  walk(card).filter((e) => typeof e.type === 'string' && e.type.startsWith('Input.'));

/** The card's visible words, with markdown escapes removed. */
export const textOf = (card: unknown) =>
  walk(card)
    .flatMap((e) => [
      ...(typeof e.text === 'string' ? [e.text] : []),
      ...(Array.isArray(e.facts)
        ? (e.facts as { title: string; value: string }[]).map((f) => `${f.title}: ${f.value}`)
        : []),
    ])
    .join('\n')
    .replace(/\\(.)/g, '$1');
