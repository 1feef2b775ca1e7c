import { findIdentifiableData, type IdentifiableMatch } from '../../domain/guard/index.js';

export interface TextCheck {
  identifiable: boolean;
  /** Kinds and spans only: the text itself is never echoed, logged or stored. */
  matches: IdentifiableMatch[];
}

/** Runs the identifiable-data guard on text before the person saves it; nothing is kept. */
export function checkText(text: string): TextCheck {
  const matches = findIdentifiableData(text).map(({ kind, start, end }) => ({ kind, start, end }));
  return { identifiable: matches.length > 0, matches };
}
