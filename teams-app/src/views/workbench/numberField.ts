import type { NumberColumn } from '../../../../src/domain/lists/columns';

/** Reads a typed number against its schema column; returns a problem in words, or the value. */
export function readNumber(
  text: string,
  column: NumberColumn,
): { value: number; problem?: undefined } | { value?: undefined; problem: string } {
  const trimmed = text.trim();
  const value = Number(trimmed);
  const name = column.label.replace(/ \(.*\)$/, '').toLowerCase();
  if (!trimmed || !Number.isFinite(value)) return { problem: `Give the ${name} as a number.` };
  if (column.integer && !Number.isInteger(value)) {
    return { problem: `Give the ${name} as a whole number.` };
  }
  if (column.min !== undefined && value < column.min) {
    return { problem: `The ${name} must be at least ${column.min}.` };
  }
  if (column.max !== undefined && value > column.max) {
    return { problem: `The ${name} must be at most ${column.max}.` };
  }
  return { value };
}
