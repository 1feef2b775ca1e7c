import { addCalendarDays, isIsoDate, isWorkingDay } from '../../domain/calendar/working-days.js';
import { hasRole, leadsFor } from '../../domain/people.js';
import {
  chairOnDate,
  digestKeyOf,
  noticesFor,
  type Directory,
  type DueItem,
  type PlannedNotice,
  type ReminderPolicy,
} from '../../domain/reminders.js';
import { londonDate } from '../../domain/responses.js';
import { details } from '../../domain/deliveries.js';
import type { Person, WithId } from '../../domain/lists/schema.js';
import type { Deps } from '../deps.js';
import { forbidden, invalid } from '../errors.js';
import type { HolidayCalendar } from '../ports/holidays.js';
import { DuplicateError } from '../ports/repository.js';
import { systemChange } from './deliveries.js';

/** Actions that still need doing: done and verified ones are the scrutineer's to check. */
const openActionStatuses = ['open', 'reopened'] as const;

/** Every response and action still to be done, with the date in force and who must act. */
export async function openItems(deps: Deps, people: readonly WithId<Person>[]): Promise<DueItem[]> {
  const items: DueItem[] = [];
  const issued = await deps.repo.all('recommendations', { field: 'status', equals: 'issued' });
  for (const rec of issued) {
    const responses = await deps.repo.all('responses', {
      field: 'recommendationId',
      equals: rec.id,
    });
    const answered = new Set(responses.map((r) => r.fields.partnerId));
    for (const partnerId of rec.fields.partnerIds) {
      if (answered.has(partnerId)) continue;
      items.push({
        kind: 'response',
        subjectId: rec.id,
        partnerId,
        dueDate: rec.fields.responseDueDate,
        ownerIds: leadsFor(partnerId, people).map((p) => p.id),
      });
    }
  }
  for (const status of openActionStatuses) {
    for (const action of await deps.repo.all('actions', { field: 'status', equals: status })) {
      const updates = await deps.repo.all('actionUpdates', {
        field: 'actionId',
        equals: action.id,
      });
      // The latest revised date in force, else the one first agreed.
      const revised = updates
        .filter((u) => u.fields.revisedDate)
        .sort((a, b) => a.fields.at.localeCompare(b.fields.at))
        .at(-1)?.fields.revisedDate;
      const owner = action.fields.ownerId;
      items.push({
        kind: 'action',
        subjectId: action.id,
        partnerId: action.fields.partnerId,
        dueDate: revised ?? action.fields.targetDate,
        // An action with no owner falls to its partner's leads.
        ownerIds: owner ? [owner] : leadsFor(action.fields.partnerId, people).map((p) => p.id),
      });
    }
  }
  return items;
}

/** Who escalates to whom, from the people list and the chair's terms. */
export async function directory(deps: Deps, people: readonly WithId<Person>[]): Promise<Directory> {
  const byId = new Map(people.map((p) => [p.id, p]));
  const terms = (await deps.repo.all('chairTerms')).map(({ fields: t }) => ({
    personId: t.personId,
    startsOn: t.startsOn,
    endsOn: t.endsOn ?? undefined,
  }));
  const chairRole = people.find((p) => hasRole(p, 'partnership-chair'))?.id;
  return {
    dspOf: (id) => byId.get(id)?.delegatedPartnerId ?? undefined,
    // The recorded terms when there are any; a partnership that does not rotate the chair can
    // just give one person the role.
    chairOn: (date) => (terms.length > 0 ? chairOnDate(terms, date) : chairRole),
    lsps: people.filter((p) => hasRole(p, 'lead-safeguarding-partner')).map((p) => p.id),
  };
}

/** The bank holidays from a year before to a year after `today`: every stage date falls within. */
async function holidaysAround(calendar: HolidayCalendar, today: string) {
  return calendar.holidaysBetween(addCalendarDays(today, -400), addCalendarDays(today, 400));
}

/** Everything to tell everyone on `today`, whether or not it was told already. */
export async function planReminders(
  deps: Deps,
  calendar: HolidayCalendar,
  policy: ReminderPolicy,
  today: string,
): Promise<PlannedNotice[]> {
  const people = (await deps.repo.all('people')).map((p) => ({ ...p.fields, id: p.id }));
  const [items, dir, holidays] = await Promise.all([
    openItems(deps, people),
    directory(deps, people),
    holidaysAround(calendar, today),
  ]);
  return items.flatMap((item) => noticesFor(item, today, holidays, policy, dir));
}

/** A digest no send has started on yet, so a notice added now still makes it into the card. */
const waiting = (d: {
  status: string;
  attempts?: number | null;
  inFlightSince?: string | null;
  leaseOwner?: string | null;
}) => d.status === 'pending' && !d.attempts && !d.inFlightSince && !d.leaseOwner;

export interface ReminderRun {
  date: string;
  /** Why nothing was done, when nothing was (a weekend, a bank holiday). */
  skipped?: string;
  /** Notices given for the first time in this run. */
  notices: number;
  /** People whose digest card was queued in this run. */
  digests: number;
}

/**
 * The day's reminders and escalations: each new notice is stored under its key, then one digest
 * card per person is queued in the card ledger for the delivery worker, which holds it until
 * working hours. Idempotent for the day: a second run (a restart, another server) finds the
 * stored notices and the queued digests. A person whose digest has already gone today gets what
 * is new tomorrow, in tomorrow's digest, rather than a second card today.
 */
export async function runReminders(
  deps: Deps,
  calendar: HolidayCalendar,
  policy: ReminderPolicy,
): Promise<ReminderRun> {
  const today = londonDate(deps.now());
  const holidays = await calendar.holidaysBetween(today, today);
  if (!isWorkingDay(today, holidays)) {
    return { date: today, skipped: 'not a working day', notices: 0, digests: 0 };
  }
  const planned = await planReminders(deps, calendar, policy, today);
  const [partnership] = await deps.repo.all('partnerships');
  const ctx = systemChange(deps, partnership?.fields.tenantId ?? '');
  let notices = 0;
  let digests = 0;
  const byPerson = new Map<string, PlannedNotice[]>();
  for (const n of planned) byPerson.set(n.personId, [...(byPerson.get(n.personId) ?? []), n]);
  for (const [personId, mine] of byPerson) {
    const deliveryKey = digestKeyOf(personId, today);
    const [digest] = await deps.repo.all('cardDeliveries', {
      field: 'deliveryKey',
      equals: deliveryKey,
    });
    if (digest && !waiting(digest.fields)) continue; // gone, or going: what is new waits a day
    // One person's notices in one go; a DuplicateError is a notice told already (this run was
    // repeated). Any other failure is raised before the digest, as a failed create was.
    const results = await deps.repo.createMany(
      'reminderNotices',
      mine.map((n) => ({
        noticeKey: n.noticeKey,
        subjectKind: n.item.kind,
        subjectId: n.item.subjectId,
        partnerId: n.item.partnerId,
        dueDate: n.item.dueDate,
        stage: n.stage,
        stageKey: n.stageKey,
        personId,
        role: n.role,
        workingDaysToDue: n.workingDaysToDue,
        escalatedTo: n.escalatedTo.join(','),
        deliveryKey,
        date: today,
      })),
      ctx,
    );
    const failed = results.find((r) => !r.ok && !(r.error instanceof DuplicateError));
    if (failed && !failed.ok) throw failed.error;
    const fresh = results.filter((r) => r.ok).length;
    notices += fresh;
    if (digest) continue;
    // Written after its notices, so the worker never sends a digest with some of them missing;
    // a crash in between is mended by the next run, which finds the notices and writes this.
    // A notice just stored carries the digest's key, so the store is asked only when none was.
    if (fresh === 0) {
      const carried = await deps.repo.query('reminderNotices', {
        filter: { field: 'deliveryKey', equals: deliveryKey },
        top: 1,
      });
      if (carried.items.length === 0) continue;
    }
    try {
      await deps.repo.create(
        'cardDeliveries',
        {
          kind: 'digest',
          deliveryKey,
          personId,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: deps.now().toISOString(),
          detail: details.queued,
        },
        ctx,
      );
      digests++;
    } catch (e) {
      if (!(e instanceof DuplicateError)) throw e;
    }
  }
  return { date: today, notices, digests };
}

/** One notice as the business unit sees it in the preview. */
export interface NoticePreview {
  personId: string;
  personName: string;
  role: PlannedNotice['role'];
  stage: PlannedNotice['stage'];
  kind: DueItem['kind'];
  subjectId: string;
  reference: string;
  partnerName: string;
  dueDate: string;
  workingDaysToDue: number;
  /** Already given (on this or an earlier day): the run will not give it again. */
  given: boolean;
}

/**
 * What the run on `date` would give, and to whom: for the scrutineer and the business unit to
 * check the chain (DSPs, the chair on that date, the LSPs) before anyone is chased.
 */
export async function previewReminders(
  deps: Deps,
  actor: { roles: readonly string[] },
  calendar: HolidayCalendar,
  policy: ReminderPolicy,
  date: string,
): Promise<NoticePreview[]> {
  if (!actor.roles.some((r) => r === 'scrutineer' || r === 'business-unit')) {
    throw forbidden('Only the scrutineer or the business unit may preview reminders.');
  }
  if (!isIsoDate(date)) {
    throw invalid(
      'invalid-date',
      'Send date as a real date written YYYY-MM-DD, such as 2026-12-21.',
    );
  }
  const planned = await planReminders(deps, calendar, policy, date);
  const people = new Map((await deps.repo.all('people')).map((p) => [p.id, p.fields.displayName]));
  const partners = new Map((await deps.repo.all('partners')).map((p) => [p.id, p.fields.name]));
  const out: NoticePreview[] = [];
  const references = new Map<string, string>();
  for (const n of planned) {
    const [given] = await deps.repo.all('reminderNotices', {
      field: 'noticeKey',
      equals: n.noticeKey,
    });
    // Several people are told about the same item: look its reference up once.
    const key = `${n.item.kind}:${n.item.subjectId}`;
    const reference = references.get(key) ?? (await referenceOf(deps, n.item));
    references.set(key, reference);
    out.push({
      personId: n.personId,
      personName: people.get(n.personId) ?? 'someone no longer recorded',
      role: n.role,
      stage: n.stage,
      kind: n.item.kind,
      subjectId: n.item.subjectId,
      reference,
      partnerName: partners.get(n.item.partnerId) ?? '',
      dueDate: n.item.dueDate,
      workingDaysToDue: n.workingDaysToDue,
      given: !!given,
    });
  }
  return out;
}

/** The recommendation reference an item belongs to (an action's, through its recommendation). */
async function referenceOf(deps: Deps, item: DueItem): Promise<string> {
  let recommendationId = item.subjectId;
  if (item.kind === 'action') {
    const action = await deps.repo.get('actions', item.subjectId);
    if (!action) return '';
    recommendationId = action.fields.recommendationId;
  }
  return (await deps.repo.get('recommendations', recommendationId))?.fields.reference ?? '';
}

/** One reminder or escalation given about an item, as the tracker shows its history. */
export interface GivenNotice {
  date: string;
  personName: string;
  role: PlannedNotice['role'];
  stage: PlannedNotice['stage'];
  dueDate: string;
}

/**
 * Who was reminded of an item, or had it escalated to them, and when: oldest first. Any member
 * of the partnership may see it (it is the tracker's escalation history, names and dates only).
 */
export async function noticesGiven(deps: Deps, subjectId: string): Promise<GivenNotice[]> {
  const rows = await deps.repo.all('reminderNotices', { field: 'subjectId', equals: subjectId });
  const names = new Map<string, string>();
  const out: GivenNotice[] = [];
  for (const { fields: n } of rows) {
    if (!names.has(n.personId)) {
      const p = await deps.repo.get('people', n.personId);
      names.set(n.personId, p?.fields.displayName ?? 'someone no longer recorded');
    }
    out.push({
      date: n.date,
      personName: names.get(n.personId) ?? '',
      role: n.role,
      stage: n.stage,
      dueDate: n.dueDate,
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
