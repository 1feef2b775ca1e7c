import { evidenceClasses, type EvidenceClass } from '../../../../src/domain/observation-vocabulary';
import { evidenceClassLabels } from '../../forms/observationFields';

interface KeyLike {
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  key: string;
  code: string;
}

/** The digit 1–9 a key stands for. `code` first: on a Mac Alt+1 types "¡", not "1". */
function digitOf(event: KeyLike): number | null {
  const digit =
    /^(?:Digit|Numpad)([1-9])$/.exec(event.code)?.[1] ??
    (/^[1-9]$/.test(event.key) ? event.key : null);
  return digit ? Number(digit) : null;
}

const onlyAlt = (e: KeyLike) => e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
const noModifier = (e: KeyLike) => !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;

/** Alt+1/2/3 pick the class. */
export function classFromShortcut(event: KeyLike): EvidenceClass | null {
  if (!onlyAlt(event)) return null;
  const digit = digitOf(event);
  return digit ? (evidenceClasses[digit - 1] ?? null) : null;
}

/**
 * Alt+P moves to the partners. Chosen because neither Teams, Chrome, Edge nor Firefox bind it,
 * and screen readers use Insert/Caps Lock rather than Alt. On a Mac Option+P types "π", so the
 * physical key counts.
 */
export function isPartnerShortcut(event: KeyLike): boolean {
  return onlyAlt(event) && (event.code === 'KeyP' || event.key.toLowerCase() === 'p');
}

/** Inside the partner group, plain 1–9 tick or untick the partner with that number. */
export function partnerNumberFromKey(event: KeyLike): number | null {
  return noModifier(event) ? digitOf(event) : null;
}

/** Enter saves; Shift+Enter (or typing with an input method) makes a new line as usual. */
export function isSaveKey(event: {
  key: string;
  shiftKey: boolean;
  isComposing: boolean;
}): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.isComposing;
}

export const classHint = `Class: ${evidenceClasses
  .map((value, i) => `Alt+${i + 1} ${evidenceClassLabels[value]}`)
  .join(', ')}.`;

export const shortcutHint = `Enter saves; Shift+Enter starts a new line. ${classHint} Partners: Alt+P. Class, partners, line of enquiry and source stay chosen for the next observation.`;

export const partnerHint =
  'Press 1 to 9 to tick or untick a partner; Esc goes back to the observation.';
