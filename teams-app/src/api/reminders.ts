import type { Fields } from '../../../src/domain/lists/schema';
import type { ApiClient } from './client';
import type { Item, PersonItem } from './types';

/** The stage an item has reached on the day: a reminder, overdue, or one of the escalations. */
export type ReminderStage = Fields<'reminderNotices'>['stage'];
/** The part the person plays: they own the item, or it was escalated to them. */
export type ReminderRole = Fields<'reminderNotices'>['role'];

/** One notice the day's run would give (`GET /api/reminders/preview`). */
export interface ReminderNotice {
  personId: string;
  personName: string;
  role: ReminderRole;
  stage: ReminderStage;
  kind: 'response' | 'action';
  /** The recommendation (a response due) or the action. */
  subjectId: string;
  /** The recommendation's reference (an action's, through its recommendation). */
  reference: string;
  partnerName: string;
  /** The date in force, `YYYY-MM-DD` (an action's latest revised date). */
  dueDate: string;
  /** Working days to the due date (positive), or past it (negative). */
  workingDaysToDue: number;
  /** Already given, on this or an earlier day: the run will not give it again. */
  given: boolean;
}

export interface ReminderPreview {
  /** The day of the run, `YYYY-MM-DD`. */
  date: string;
  notices: ReminderNotice[];
}

export type ChairTermItem = Item<Fields<'chairTerms'>>;

export interface ChairTermInput {
  personId: string;
  startsOn: string;
  endsOn?: string;
}

/** Who the run on `date` (`YYYY-MM-DD`) would remind or escalate to (scrutineer, business unit). */
export function getReminderPreview(api: ApiClient, date: string): Promise<ReminderPreview> {
  return api.get<ReminderPreview>(`/api/reminders/preview?date=${encodeURIComponent(date)}`);
}

/** Who has held the partnership chair and when, latest first. */
export function getChairTerms(api: ApiClient): Promise<ChairTermItem[]> {
  return api.getItems<ChairTermItem>('/api/chair-terms');
}

/** Everyone in the partnership, with their roles. */
export function getPeople(api: ApiClient): Promise<PersonItem[]> {
  return api.getItems<PersonItem>('/api/people');
}

/**
 * Records who holds the chair from a date (business unit). A term still open before it is closed
 * the day before, by the server.
 */
export function recordChairTerm(api: ApiClient, input: ChairTermInput): Promise<ChairTermItem> {
  const body: ChairTermInput = {
    personId: input.personId,
    startsOn: input.startsOn,
    ...(input.endsOn ? { endsOn: input.endsOn } : {}),
  };
  return api.post<ChairTermItem>('/api/chair-terms', body);
}
