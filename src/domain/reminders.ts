import { addWorkingDays, workingDaysBetween } from './calendar/working-days.js';

/**
 * Reminders and escalation, in working days. Pure: the bank holidays, the open items and who holds
 * which role come in; the notices to give today come out. The application stores each notice
 * under its key, so a run repeated on the same day (a restart, a second server) tells nobody
 * twice, and a day missed (the server was down) is caught up on the next run with the latest
 * stage only: nobody gets "due in 5 days" after the item went overdue.
 */

export type ReminderStage =
  'reminder' | 'overdue' | 'escalation-dsp' | 'escalation-chair' | 'escalation-lsp';

/** The part a recipient plays: they own the item, or it was escalated to them. */
export type ReminderRole = 'owner' | 'dsp' | 'chair' | 'lsp';

export interface ReminderPolicy {
  /** Remind owners this many working days before the due date (0 = on the day). */
  remindBefore: readonly number[];
  /** Tell owners it is overdue this many working days after the due date (1 = the next one). */
  overdueAfter: number;
  /** Escalate this many working days after the due date: to the owner's DSP, the chair, the LSPs. */
  escalateAfter: { dsp: number; chair: number; lsp: number };
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  remindBefore: [5, 1],
  overdueAfter: 1,
  escalateAfter: { dsp: 5, chair: 10, lsp: 15 },
};

/** Why a policy cannot be used, or undefined when it can. */
export function policyProblem(policy: ReminderPolicy): string | undefined {
  const whole = (n: number) => Number.isInteger(n) && n >= 0 && n <= 250;
  if (!policy.remindBefore.every(whole))
    return 'Reminders must be whole numbers of working days before the due date, 0 to 250.';
  const { overdueAfter, escalateAfter: e } = policy;
  if (![overdueAfter, e.dsp, e.chair, e.lsp].every(whole))
    return 'Escalation offsets must be whole numbers of working days after the due date, 0 to 250.';
  if (!(overdueAfter >= 1 && overdueAfter < e.dsp && e.dsp < e.chair && e.chair < e.lsp))
    return 'Escalation must run in order: overdue (at least 1 working day after due), then the DSP, then the chair, then the LSPs, each later than the one before.';
  return undefined;
}

/** Something someone must do by a date: a partner's response, or an action. */
export interface DueItem {
  kind: 'response' | 'action';
  /** The recommendation (response) or the action (action). */
  subjectId: string;
  partnerId: string;
  /** The date in force (an action's latest revised target date). */
  dueDate: string;
  /** Who must act: the action's owner, or the partner's leads for a response. */
  ownerIds: readonly string[];
}

/** Who holds which role, as the partnership records it. */
export interface Directory {
  /** The delegated safeguarding partner a person escalates to. */
  dspOf(personId: string): string | undefined;
  /** Who holds the partnership chair on a date (it rotates). */
  chairOn(date: string): string | undefined;
  /** The lead safeguarding partners. */
  lsps: readonly string[];
}

export interface StageToday {
  stage: ReminderStage;
  /** Distinguishes the reminders (`reminder-5`, `reminder-1`); the stage name otherwise. */
  stageKey: string;
  /** Working days to the due date (positive), or past it (negative). */
  workingDaysToDue: number;
}

/**
 * The latest stage an item has reached on `today`, or undefined before its first reminder. Each
 * stage starts on its own date: a reminder k working days before the due date, overdue and each
 * escalation so many working days after it. A reminder is never given after the due date.
 */
export function stageOn(
  dueDate: string,
  today: string,
  holidays: ReadonlySet<string>,
  policy: ReminderPolicy,
): StageToday | undefined {
  const after = (n: number) => addWorkingDays(dueDate, n, holidays);
  const starts: { stage: ReminderStage; stageKey: string; on: string }[] = [
    ...policy.remindBefore.map((k) => ({
      stage: 'reminder' as const,
      stageKey: `reminder-${k}`,
      on: k === 0 ? dueDate : after(-k),
    })),
    { stage: 'overdue', stageKey: 'overdue', on: after(policy.overdueAfter) },
    { stage: 'escalation-dsp', stageKey: 'escalation-dsp', on: after(policy.escalateAfter.dsp) },
    {
      stage: 'escalation-chair',
      stageKey: 'escalation-chair',
      on: after(policy.escalateAfter.chair),
    },
    { stage: 'escalation-lsp', stageKey: 'escalation-lsp', on: after(policy.escalateAfter.lsp) },
  ];
  let reached: (typeof starts)[number] | undefined;
  for (const s of starts) {
    if (s.on > today) continue;
    if (s.stage === 'reminder' && today > dueDate) continue;
    if (!reached || s.on > reached.on || (s.on === reached.on && rank(s) > rank(reached))) {
      reached = s;
    }
  }
  if (!reached) return undefined;
  return {
    stage: reached.stage,
    stageKey: reached.stageKey,
    workingDaysToDue: workingDaysBetween(today, dueDate, holidays),
  };
}

const stageOrder: readonly ReminderStage[] = [
  'reminder',
  'overdue',
  'escalation-dsp',
  'escalation-chair',
  'escalation-lsp',
];
const rank = (s: { stage: ReminderStage }) => stageOrder.indexOf(s.stage);

/** One person told about one item at one stage: stored under `noticeKey`, given once. */
export interface PlannedNotice {
  noticeKey: string;
  personId: string;
  role: ReminderRole;
  item: DueItem;
  stage: ReminderStage;
  stageKey: string;
  workingDaysToDue: number;
  /** Who it has been escalated to so far, in chain order (person ids). */
  escalatedTo: string[];
}

/** The same item, due date, stage and person always give the same key. */
export const noticeKeyOf = (item: DueItem, stageKey: string, personId: string) =>
  `${item.kind}:${item.subjectId}:${item.partnerId}:${item.dueDate}:${stageKey}:${personId}`;

/**
 * Everyone to tell about `item` today. The chain is cumulative, so everyone already in it hears
 * when it goes a step higher: reminders and overdue go to the owners; at each escalation the
 * owners and everyone escalated to so far are told, with the new person (the owners' DSPs, then
 * the chair on that date, then the LSPs). A person in two places is told once, in the nearest
 * role (owner before DSP before chair before LSP).
 */
export function noticesFor(
  item: DueItem,
  today: string,
  holidays: ReadonlySet<string>,
  policy: ReminderPolicy,
  directory: Directory,
): PlannedNotice[] {
  const reached = stageOn(item.dueDate, today, holidays, policy);
  if (!reached || item.ownerIds.length === 0) return [];
  const level = rank(reached);
  const chain: { personId: string; role: ReminderRole }[] = item.ownerIds.map((personId) => ({
    personId,
    role: 'owner',
  }));
  if (level >= rank({ stage: 'escalation-dsp' })) {
    for (const owner of item.ownerIds) {
      const dsp = directory.dspOf(owner);
      if (dsp) chain.push({ personId: dsp, role: 'dsp' });
    }
  }
  if (level >= rank({ stage: 'escalation-chair' })) {
    const chair = directory.chairOn(today);
    if (chair) chain.push({ personId: chair, role: 'chair' });
  }
  if (level >= rank({ stage: 'escalation-lsp' })) {
    for (const lsp of directory.lsps) chain.push({ personId: lsp, role: 'lsp' });
  }
  const seen = new Set<string>();
  const recipients = chain.filter(({ personId }) => !seen.has(personId) && !!seen.add(personId));
  const escalatedTo = recipients.filter((r) => r.role !== 'owner').map((r) => r.personId);
  return recipients.map(({ personId, role }) => ({
    noticeKey: noticeKeyOf(item, reached.stageKey, personId),
    personId,
    role,
    item,
    stage: reached.stage,
    stageKey: reached.stageKey,
    workingDaysToDue: reached.workingDaysToDue,
    escalatedTo,
  }));
}

/** The ledger key of one person's digest card for one working day. */
export const digestKeyOf = (personId: string, date: string) => `digest:${personId}:${date}`;

/** The chair on a date from the recorded terms (start and optional end, both inclusive). */
export function chairOnDate(
  terms: readonly { personId: string; startsOn: string; endsOn?: string | undefined }[],
  date: string,
): string | undefined {
  // The latest-starting term that covers the date: a new term overrides an open-ended old one.
  let best: { personId: string; startsOn: string } | undefined;
  for (const t of terms) {
    if (t.startsOn > date || (t.endsOn && t.endsOn < date)) continue;
    if (!best || t.startsOn > best.startsOn) best = t;
  }
  return best?.personId;
}

/**
 * How far an item is from its due date, in words: "Due in 5 working days", "Due today",
 * "1 working day overdue". The digest card and the digest email both say it this way.
 */
export function timingWords(workingDaysToDue: number): string {
  const days = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`;
  if (workingDaysToDue > 0) return `Due in ${days(workingDaysToDue)}`;
  if (workingDaysToDue === 0) return 'Due today';
  return `${days(-workingDaysToDue)} overdue`;
}
