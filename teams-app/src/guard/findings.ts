import type { IdentifiableMatch } from '../../../src/domain/guard';
import { loadGuard } from './loadGuard';

/** What the guard found in some text: kinds in words, and the excerpts to show back to the writer. */
export interface TextFinding {
  /** e.g. "a phone number and a UK postcode" (kinds and counts only). */
  summary: string;
  /** The matched words, shown only on the writer's own screen; never logged or sent. */
  excerpts: string[];
}

const MAX_EXCERPTS = 5;
const MAX_EXCERPT_LENGTH = 40;

export function findingFrom(
  text: string,
  matches: IdentifiableMatch[],
  describe: (matches: IdentifiableMatch[]) => string,
): TextFinding | null {
  if (matches.length === 0) return null;
  const excerpts = [...new Set(matches.map((m) => text.slice(m.start, m.end).trim()))]
    .filter(Boolean)
    .slice(0, MAX_EXCERPTS)
    .map((e) => (e.length > MAX_EXCERPT_LENGTH ? `${e.slice(0, MAX_EXCERPT_LENGTH - 1)}…` : e));
  return { summary: describe(matches), excerpts };
}

/** Runs the domain guard (loading it if needed). */
export async function checkText(text: string): Promise<TextFinding | null> {
  const guard = await loadGuard();
  return findingFrom(text, guard.findIdentifiableData(text), guard.describeMatches);
}

/** The sentence shown when text may identify a child or family. */
export function warningText(finding: TextFinding): string {
  const quoted = finding.excerpts.map((e) => `“${e}”`).join(', ');
  return `This may identify a child or family: ${finding.summary}${quoted ? ` (${quoted})` : ''}.`;
}

export const rewriteAdvice =
  'Rewrite it without the details, using a partnership code such as HSCP-C-2026-14 or an anonymised form such as “Child J”.';
