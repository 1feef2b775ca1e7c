import { expect } from 'vitest';
import { inputsOf, textOf } from './bot-harness.js';

/** What someone the partnership does not know here gets instead of a card's content. */
export const NOT_A_MEMBER =
  "This card is for the partnership's recorded members, signed in through its own Teams. Nothing is shown here and nothing was recorded.";

/** What a member gets for another organisation's recommendation or action. */
export const NOT_YOURS =
  "This card is about another organisation's work, so it is not shown to you. Nothing was recorded.";

/** The card says only this: no record's content, no inputs, no actions, no refresh. */
export function expectOnlyNotice(card: Record<string, unknown> | undefined, notice: string) {
  expect(textOf(card)).toBe(notice);
  expect(inputsOf(card)).toEqual([]);
  expect(card?.actions).toBeUndefined();
  expect(card?.refresh).toBeUndefined();
}
