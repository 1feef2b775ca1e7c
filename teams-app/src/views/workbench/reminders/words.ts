import type {
  ChairTermItem,
  ReminderNotice,
  ReminderRole,
  ReminderStage,
} from '../../../api/reminders';

/** The stage in plain words; a reminder says how many working days are left. */
export function stageText(stage: ReminderStage, workingDaysToDue: number): string {
  const words: Record<ReminderStage, string> = {
    reminder:
      workingDaysToDue <= 0
        ? 'Due today'
        : `Due in ${workingDaysToDue} working day${workingDaysToDue === 1 ? '' : 's'}`,
    overdue: 'Overdue',
    'escalation-dsp': 'Escalated to their DSP',
    'escalation-chair': 'Escalated to the chair',
    'escalation-lsp': 'Escalated to the lead safeguarding partners',
  };
  return words[stage];
}

export const roleText: Record<ReminderRole, string> = {
  owner: 'owner',
  dsp: 'as DSP',
  chair: 'as chair',
  lsp: 'as LSP',
};

export interface PersonNotices {
  personId: string;
  personName: string;
  notices: ReminderNotice[];
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' });

/**
 * One group per person (as each gets one digest card), by name; each person's items soonest due
 * first, then by reference.
 */
export function groupByPerson(notices: readonly ReminderNotice[]): PersonNotices[] {
  const groups = new Map<string, PersonNotices>();
  for (const notice of notices) {
    const group = groups.get(notice.personId);
    if (group) group.notices.push(notice);
    else
      groups.set(notice.personId, {
        personId: notice.personId,
        personName: notice.personName,
        notices: [notice],
      });
  }
  return [...groups.values()]
    .map((g) => ({
      ...g,
      notices: [...g.notices].sort(
        (a, b) => a.dueDate.localeCompare(b.dueDate) || byName(a.reference, b.reference),
      ),
    }))
    .sort((a, b) => byName(a.personName, b.personName) || a.personId.localeCompare(b.personId));
}

const ENGLAND = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in England (the partnership's clock) of an instant, as `YYYY-MM-DD`. */
export function englandDate(at: Date = new Date()): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    ENGLAND.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A real calendar date written `YYYY-MM-DD` (not 2026-02-30). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The term in force on `date`, as the server picks the chair for an escalation: the latest-starting
 * term that covers it (a new term overrides an open-ended old one); none in a gap.
 */
export function termOn(terms: readonly ChairTermItem[], date: string): ChairTermItem | undefined {
  let best: ChairTermItem | undefined;
  for (const t of terms) {
    if (t.startsOn > date || (t.endsOn && t.endsOn < date)) continue;
    if (!best || t.startsOn > best.startsOn) best = t;
  }
  return best;
}
