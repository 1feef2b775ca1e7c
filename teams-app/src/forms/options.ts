/** A choice as a form shows it. */
export interface Option<V extends string> {
  value: V;
  label: string;
}

export function options<V extends string>(
  choices: readonly V[],
  labels: Record<V, string>,
): Option<V>[] {
  return choices.map((value) => ({ value, label: labels[value] }));
}

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `delegated-safeguarding-partner` → "Delegated safeguarding partner". */
export function humanise(value: string): string {
  return capitalise(value.replace(/-/g, ' '));
}
