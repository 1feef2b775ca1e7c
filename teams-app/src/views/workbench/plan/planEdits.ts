import type {
  ActivityStatus,
  LineOfEnquiry,
  ScrutinyFunction,
} from '../../../../../src/domain/vocabulary';
import type { PlanActivityItem, PlanActivityPatch, PlanItem, PlanPatch } from '../../../api/types';
import type { Status } from '../../../components/StatusArea';

/** What a form field holds: typed text, a choice, or a set of choices. */
type FormValue = string | readonly string[];

/** Two form values are the same: text ignoring outer spaces, choices ignoring their order. */
export function sameValue(a: FormValue, b: FormValue): boolean {
  if (typeof a === 'string' || typeof b === 'string') {
    return typeof a === 'string' && typeof b === 'string' && a.trim() === b.trim();
  }
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/**
 * After someone else's change is loaded (a 412), the fields the user has not touched take the
 * latest values and the ones they changed keep what they typed.
 */
export function rebase<T extends { [K in keyof T]: FormValue }>(draft: T, base: T, latest: T): T {
  const next = { ...draft };
  for (const key of Object.keys(latest) as (keyof T)[]) {
    if (sameValue(draft[key], base[key])) next[key] = latest[key];
  }
  return next;
}

/** An open edit: what was loaded (`base`, at `etag`), what the user has typed, and its status. */
export interface Edit<T> {
  etag: string;
  base: T;
  draft: T;
  invalid: Partial<Record<keyof T, string>>;
  status: Status | null;
  /** A save was refused as stale: take the next version loaded as the new base. */
  conflict: boolean;
}

export function openEdit<T>(etag: string, values: T): Edit<T> {
  return { etag, base: values, draft: values, invalid: {}, status: null, conflict: false };
}

/** Nothing typed yet: every field is as loaded. */
export function untouched<T extends { [K in keyof T]: FormValue }>(edit: Edit<T>): boolean {
  return (Object.keys(edit.base) as (keyof T)[]).every((key) =>
    sameValue(edit.draft[key], edit.base[key]),
  );
}

/** Reopening: what was typed stays; an untouched form takes the latest version instead. */
export function reopenEdit<T extends { [K in keyof T]: FormValue }>(
  edit: Edit<T> | null | undefined,
  etag: string,
  latest: T,
): Edit<T> {
  return edit && (edit.etag === etag || !untouched(edit)) ? edit : openEdit(etag, latest);
}

/** Moves a conflicted edit onto the latest version once it has loaded; otherwise leaves it be. */
export function rebaseEdit<T extends { [K in keyof T]: FormValue }>(
  edit: Edit<T>,
  etag: string,
  latest: T,
): Edit<T> {
  if (!edit.conflict || edit.etag === etag) return edit;
  return {
    ...edit,
    etag,
    base: latest,
    draft: rebase(edit.draft, edit.base, latest),
    conflict: false,
  };
}

// Activities.

export interface ActivityDraft {
  theme: string;
  title: string;
  functions: ScrutinyFunction[];
  linesOfEnquiry: LineOfEnquiry[];
  /** As typed. */
  daysAllocated: string;
  status: ActivityStatus;
}

export type ActivityEdit = Edit<ActivityDraft>;

export function activityDraftOf(item: PlanActivityItem): ActivityDraft {
  return {
    theme: item.theme,
    title: item.title,
    functions: [...(item.functions ?? [])],
    linesOfEnquiry: [...(item.linesOfEnquiry ?? [])],
    daysAllocated: String(item.daysAllocated),
    status: item.status,
  };
}

/** Only what differs from the version the user opened; `daysAllocated` already read as a number. */
export function activityChanges(
  base: ActivityDraft,
  draft: ActivityDraft,
  daysAllocated: number,
): PlanActivityPatch {
  const changes: PlanActivityPatch = {};
  if (!sameValue(draft.theme, base.theme)) changes.theme = draft.theme.trim();
  if (!sameValue(draft.title, base.title)) changes.title = draft.title.trim();
  if (!sameValue(draft.functions, base.functions)) changes.functions = draft.functions;
  if (!sameValue(draft.linesOfEnquiry, base.linesOfEnquiry)) {
    changes.linesOfEnquiry = draft.linesOfEnquiry;
  }
  if (daysAllocated !== Number(base.daysAllocated)) changes.daysAllocated = daysAllocated;
  if (draft.status !== base.status) changes.status = draft.status;
  return changes;
}

// The plan's day budget.

export interface BudgetDraft {
  daysContracted: string;
  dayRate: string;
}

export type BudgetEdit = Edit<BudgetDraft>;

export function budgetDraftOf(plan: PlanItem): BudgetDraft {
  return { daysContracted: String(plan.daysContracted), dayRate: String(plan.dayRate) };
}

export function budgetChanges(
  base: BudgetDraft,
  values: { daysContracted: number; dayRate: number },
): PlanPatch {
  const changes: PlanPatch = {};
  if (values.daysContracted !== Number(base.daysContracted)) {
    changes.daysContracted = values.daysContracted;
  }
  if (values.dayRate !== Number(base.dayRate)) changes.dayRate = values.dayRate;
  return changes;
}
