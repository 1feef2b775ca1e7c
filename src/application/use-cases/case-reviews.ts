import {
  caseReviewClocks,
  caseReviewHolidaySpan,
  caseReviewProblems,
  type CaseReviewClock,
  type FieldProblem,
} from '../../domain/case-review-clocks.js';
import type { CaseReview, Fields } from '../../domain/lists/schema.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { notFound, RequestError } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import type { HolidayCalendar } from '../ports/holidays.js';
import { DuplicateError, type StoredItem } from '../ports/repository.js';
import { requireRole } from './authorise.js';
import { assertCurrent, requireIfMatch } from './etag.js';
import { londonDate } from './plan.js';
import { requireWholeView, writerRoles } from './visibility.js';

export interface CaseReviewRow {
  item: StoredItem<'caseReviews'>;
  clocks: CaseReviewClock[];
}

export type CaseReviewInput = Fields<'caseReviews'>;
/** null clears an optional date or note. */
export type CaseReviewPatch = Partial<CaseReviewInput>;

/** A 400 that names each problem, by field, as zod's refusals do. */
export function refuse(code: string, problems: readonly FieldProblem[]): RequestError {
  return new RequestError(400, code, problems.map((p) => p.message).join(' '), {
    issues: problems.map((p) => ({ path: p.field, message: p.message })),
  });
}

/** The clocks of many reviews with one call for the bank holidays they all need. */
async function withClocks(
  deps: Deps,
  calendar: HolidayCalendar,
  items: StoredItem<'caseReviews'>[],
): Promise<CaseReviewRow[]> {
  if (items.length === 0) return [];
  const today = londonDate(deps.now());
  const spans = items.map((i) => caseReviewHolidaySpan(i.fields, today));
  const from = spans.map((s) => s.from).sort()[0] ?? today;
  const to =
    spans
      .map((s) => s.to)
      .sort()
      .at(-1) ?? today;
  const holidays = await calendar.holidaysBetween(from, to);
  return items.map((item) => ({ item, clocks: caseReviewClocks(item.fields, today, holidays) }));
}

/** Every case review (codes only), newest awareness first. Whole-view readers only. */
export async function listCaseReviews(
  deps: Deps,
  calendar: HolidayCalendar,
  actor: Actor,
): Promise<CaseReviewRow[]> {
  requireWholeView(actor, 'see case reviews');
  const items = await deps.repo.all('caseReviews');
  items.sort((a, b) => b.fields.awareOn.localeCompare(a.fields.awareOn));
  return withClocks(deps, calendar, items);
}

function check(review: CaseReview): void {
  assertNoIdentifiableData('caseReviews', review);
  const problems = caseReviewProblems(review);
  if (problems.length) throw refuse('invalid-case-review', problems);
}

const duplicate = (code: string, existingId: string) =>
  new RequestError(
    409,
    'duplicate-code',
    `There is already a case review ${code}; open that one to change it.`,
    { existingId },
  );

export async function createCaseReview(
  deps: Deps,
  calendar: HolidayCalendar,
  actor: Actor,
  input: CaseReviewInput,
): Promise<CaseReviewRow> {
  requireRole(actor, writerRoles, 'record case reviews');
  check(input);
  try {
    const item = await deps.repo.create('caseReviews', input, changeContext(deps, actor, 'tab'));
    const [row] = await withClocks(deps, calendar, [item]);
    return row ?? { item, clocks: [] };
  } catch (e) {
    if (e instanceof DuplicateError) throw duplicate(input.code, e.existingId);
    throw e;
  }
}

/** Records dates, late reasons or the assurance note against the version the caller read. */
export async function updateCaseReview(
  deps: Deps,
  calendar: HolidayCalendar,
  actor: Actor,
  id: string,
  patch: CaseReviewPatch,
  ifMatch: string | undefined,
): Promise<CaseReviewRow> {
  requireRole(actor, writerRoles, 'change case reviews');
  const etag = requireIfMatch(ifMatch);
  const stored = await deps.repo.get('caseReviews', id);
  if (!stored) throw notFound(`There is no case review ${id}.`);
  assertCurrent('caseReviews', stored, etag);
  check({ ...stored.fields, ...patch });
  try {
    const item = await deps.repo.update(
      'caseReviews',
      id,
      patch,
      etag,
      changeContext(deps, actor, 'tab'),
    );
    const [row] = await withClocks(deps, calendar, [item]);
    return row ?? { item, clocks: [] };
  } catch (e) {
    if (e instanceof DuplicateError)
      throw duplicate(patch.code ?? stored.fields.code, e.existingId);
    throw e;
  }
}
