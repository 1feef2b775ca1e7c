import type { Fields } from '../../domain/lists/schema.js';
import { reportingYearOf, yearLabel } from '../../domain/plan-year.js';
import { londonDate } from '../../domain/responses.js';
import {
  impactCheckActivity,
  impactCheckDueDate,
  impactCheckKey,
  isImpactCheckMonths,
} from '../../domain/verification.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { invalid, notFound, RequestError } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import type { ChangeContext, StoredItem } from '../ports/repository.js';
import { requireRole } from './authorise.js';
import { createOnce } from './create-once.js';
import { assertCurrent, requireIfMatch } from './etag.js';
import { actionState } from './verification.js';

export interface ScheduledCheck {
  check: StoredItem<'impactChecks'>;
  created: boolean;
  /** Whether the check sits on the scrutiny plan (false: there is no plan for its year yet). */
  landedOnPlan: boolean;
  /** Why it is not on the plan, in words, when it is not. */
  notice?: string;
}

/**
 * Schedules a check, `monthsAfter` months after the action's verification, that it made a
 * difference. One per action and interval (a retry returns the first). The check lands on the
 * scrutiny plan of the reporting year its due date falls in, as a half-day assurance activity,
 * when that plan exists; otherwise it is scheduled all the same and the answer says so.
 */
export async function scheduleImpactCheck(
  deps: Deps,
  actor: Actor,
  actionId: string,
  monthsAfter: number,
): Promise<ScheduledCheck> {
  requireRole(actor, ['scrutineer'], 'schedule impact checks');
  if (!isImpactCheckMonths(monthsAfter))
    throw invalid('invalid-months', 'An impact check comes 3, 6 or 12 months after verification.');
  const action = await deps.repo.get('actions', actionId);
  if (!action) throw notFound(`There is no action ${actionId}.`);
  const ctx = changeContext(deps, actor, 'tab');
  const checkKey = impactCheckKey(action.id, monthsAfter);

  const [existing] = await deps.repo.all('impactChecks', { field: 'checkKey', equals: checkKey });
  if (existing) return land(deps, action, existing, false, ctx);

  const state = await actionState(deps, action);
  if (state.status !== 'verified' || !state.verifiedAt)
    throw new RequestError(
      409,
      'illegal-transition',
      'This action is not verified, so no impact check can be scheduled for it yet.',
    );
  const { item, created } = await createOnce(
    deps.repo,
    'impactChecks',
    {
      actionId: action.id,
      recommendationId: action.fields.recommendationId,
      monthsAfter,
      dueDate: impactCheckDueDate(londonDate(state.verifiedAt), monthsAfter),
      status: 'scheduled',
      checkKey,
    },
    ctx,
  );
  return land(deps, action, item, created, ctx);
}

/** Puts the check on its year's plan unless it is there already (a retry after a failure). */
async function land(
  deps: Deps,
  action: StoredItem<'actions'>,
  check: StoredItem<'impactChecks'>,
  created: boolean,
  ctx: ChangeContext,
): Promise<ScheduledCheck> {
  if (check.fields.planActivityId) return { check, created, landedOnPlan: true };
  const year = reportingYearOf(check.fields.dueDate);
  const [plan] = await deps.repo.all('plans', { field: 'reportingYear', equals: year });
  if (!plan || check.fields.status !== 'scheduled')
    return {
      check,
      created,
      landedOnPlan: false,
      ...(!plan
        ? {
            notice: `There is no scrutiny plan for ${yearLabel(year)} yet, so the check is scheduled but not on a plan.`,
          }
        : {}),
    };
  const rec = await deps.repo.get('recommendations', action.fields.recommendationId);
  const activity: Fields<'planActivities'> = {
    planId: plan.id,
    ...impactCheckActivity(rec?.fields.reference ?? '', action.fields.description),
    linesOfEnquiry: [],
  };
  assertNoIdentifiableData('planActivities', activity);
  const placed = await deps.repo.create('planActivities', activity, ctx);
  const updated = await deps.repo.update(
    'impactChecks',
    check.id,
    { planActivityId: placed.id },
    check.etag,
    ctx,
  );
  return { check: updated, created, landedOnPlan: true };
}

export interface ImpactCheckOutcome {
  status: 'done' | 'cancelled';
  outcomeClass?: Fields<'impactChecks'>['outcomeClass'];
  outcome?: string;
}

/**
 * Records that a check was done (with what it found) or cancelled, once: a check no longer
 * scheduled is a 409. If-Match guards against a concurrent change. A done check's plan activity
 * is marked done too, so the plan shows it.
 */
export async function completeImpactCheck(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ImpactCheckOutcome,
  ifMatch: string | undefined,
): Promise<StoredItem<'impactChecks'>> {
  requireRole(actor, ['scrutineer', 'business-unit'], 'complete or cancel impact checks');
  const etag = requireIfMatch(ifMatch);
  const check = await deps.repo.get('impactChecks', id);
  if (!check) throw notFound(`There is no impact check ${id}.`);
  assertCurrent('impactChecks', check, etag);
  if (check.fields.status !== 'scheduled')
    throw new RequestError(
      409,
      'illegal-transition',
      `This impact check is already ${check.fields.status}.`,
    );
  const outcome = input.outcome?.trim();
  assertNoIdentifiableData('impactChecks', { outcome });
  const ctx = changeContext(deps, actor, 'tab');
  const updated = await deps.repo.update(
    'impactChecks',
    id,
    {
      status: input.status,
      completedAt: ctx.at,
      ...(input.outcomeClass ? { outcomeClass: input.outcomeClass } : {}),
      ...(outcome ? { outcome } : {}),
    },
    etag,
    ctx,
  );
  const activityId = updated.fields.planActivityId;
  const activity = activityId ? await deps.repo.get('planActivities', activityId) : undefined;
  if (input.status === 'done' && activity && activity.fields.status !== 'done')
    await deps.repo.update('planActivities', activity.id, { status: 'done' }, activity.etag, ctx);
  return updated;
}
