import { evidenceClasses, type EvidenceClass } from '../../../../src/domain/vocabulary';
import { evidenceClassLabels } from '../../forms/fields';

interface KeyLike {
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  key: string;
  code: string;
}

/**
 * Alt+1/2/3 pick the class. `code` is checked first because on a Mac Alt+1 types "¡", so `key`
 * is not the digit there.
 */
export function classFromShortcut(event: KeyLike): EvidenceClass | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const digit =
    /^(?:Digit|Numpad)([1-9])$/.exec(event.code)?.[1] ??
    (/^[1-9]$/.test(event.key) ? event.key : null);
  if (!digit) return null;
  return evidenceClasses[Number(digit) - 1] ?? null;
}

/** Enter saves; Shift+Enter (or typing with an input method) makes a new line as usual. */
export function isSaveKey(event: {
  key: string;
  shiftKey: boolean;
  isComposing: boolean;
}): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.isComposing;
}

export const shortcutHint = `Enter saves; Shift+Enter starts a new line. Class: ${evidenceClasses
  .map((value, i) => `Alt+${i + 1} ${evidenceClassLabels[value]}`)
  .join(', ')}.`;
