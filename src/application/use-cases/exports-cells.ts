import { londonParts } from '../../domain/london-time.js';
import type { RagRules } from '../../domain/rag.js';
import type {
  ActionEventKind,
  ActionStatus,
  Channel,
  ImpactCheckStatus,
} from '../../domain/vocabulary.js';

/** Words and values the export sheets share. */

/**
 * An instant as England's wall clock, `YYYY-MM-DDTHH:mm:ss`: a spreadsheet date has no time zone,
 * so it is written as the partnership reads its clock. Null when there is no instant.
 */
export function londonWallClock(instant: string | undefined): string | null {
  if (!instant) return null;
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return null;
  const p = londonParts(d.getTime());
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

export const actionStatusLabels: Record<ActionStatus, string> = {
  open: 'Open',
  done: 'Done, awaiting verification',
  verified: 'Verified',
  reopened: 'Reopened',
  paused: 'Paused',
};

export const historyKindLabels: Record<'update' | ActionEventKind, string> = {
  update: 'Update',
  verified: 'Verified',
  reopened: 'Reopened',
  paused: 'Paused',
  resumed: 'Resumed',
};

export const channelLabels: Record<Channel, string> = {
  tab: 'Teams tab',
  'teams-card': 'Teams card',
  'web-link': 'Web link',
  api: 'API',
  system: 'System',
};

export const impactCheckStatusLabels: Record<ImpactCheckStatus, string> = {
  scheduled: 'Scheduled',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** The RAG rules in words, for the cover sheet (the same rules as src/domain/rag.ts applies). */
export function ragRulesInWords(rules: RagRules): [string, string][] {
  const weeks = `${rules.staleAfterWeeks} week${rules.staleAfterWeeks === 1 ? '' : 's'}`;
  return [
    ['Green', 'The action is done and the scrutineer has verified it, with the evidence seen.'],
    [
      'Amber',
      "On track: not past its target date and updated recently; or done and awaiting the scrutineer's verification; or a response not yet due.",
    ],
    [
      'Red',
      `Overdue (past the target date in force), or no update for ${weeks}; a response past its due date; a declined recommendation (referred to the SLG).`,
    ],
    ['Paused', 'Paused by the scrutineer, with the reason recorded.'],
    [
      'Recommendation and partner',
      'A partner’s RAG is the worst of its actions (red over amber over paused over green); a recommendation’s is the worst of its partners’.',
    ],
  ];
}
