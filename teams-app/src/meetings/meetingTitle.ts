import { checkText } from '../guard/findings';

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "Teams meeting, 22 November 2026": names nobody. */
export function neutralTitle(startsAt: string): string {
  const date = new Date(startsAt);
  return Number.isNaN(date.getTime()) ? 'Teams meeting' : `Teams meeting, ${longDate.format(date)}`;
}

const MAX_TITLE = 255;

/**
 * Teams subjects can name people (a review titled with a child's parent's name), and the record keeps
 * its title, so a subject the guard flags, or one we cannot check, gives way to a neutral title.
 */
export async function safeMeetingTitle(
  title: string | undefined,
  startsAt: string,
): Promise<string> {
  const trimmed = title?.trim().slice(0, MAX_TITLE);
  if (!trimmed) return neutralTitle(startsAt);
  try {
    return (await checkText(trimmed)) ? neutralTitle(startsAt) : trimmed;
  } catch {
    return neutralTitle(startsAt);
  }
}
