/**
 * Rounding for the day budget. Days are worked in quarters and halves, and a day rate may carry
 * pence, so days and money are both kept to two decimal places (money in pounds, to the penny).
 * Sums are rounded once, at the end, so small float errors never accumulate into a shown figure.
 */
export const round2 = (n: number): number => {
  const r = Math.round((n + Math.sign(n) * Number.EPSILON) * 100) / 100;
  // -0 would print as "0" but compare oddly in tests and JSON consumers.
  return Object.is(r, -0) ? 0 : r;
};

/** A day count for a sentence: 26, 3.5, 12.25 (no trailing zeros). */
export const formatDays = (n: number): string => String(round2(n));

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
