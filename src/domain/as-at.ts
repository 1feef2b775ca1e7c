import { londonInstant } from './london-time.js';

/**
 * "As at" a calendar date means as at the end of that day in England, where the partnership
 * keeps its clock: an update typed at 23:30 on 31 October (BST) still counts for 31 October.
 */

/** The last millisecond of a calendar date (`YYYY-MM-DD`) in Europe/London, as an ISO instant. */
export function endOfLondonDay(date: string): string {
  return new Date(londonInstant(date, 24 * 60) - 1).toISOString();
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
