import type { TrackerAction, TrackerView } from '../../../../../src/domain/tracker-view';
import type { ActionStatus } from '../../../../../src/domain/vocabulary';
import { statusOrder } from './labels';

/** An action with the recommendation and partner it belongs to. */
export interface FlatAction {
  action: TrackerAction;
  reference: string;
  recommendationTitle: string;
  partnerName: string;
}

/** Rows → partners → actions, in the tracker's order. */
export function flattenTracker(view: TrackerView): FlatAction[] {
  return view.rows.flatMap((row) =>
    row.partners.flatMap((part) =>
      part.actions.map((action) => ({
        action,
        reference: row.recommendation.reference,
        recommendationTitle: row.recommendation.title,
        partnerName: part.partner.name,
      })),
    ),
  );
}

/** The statuses that have actions, in working order, each with its actions. */
export function groupByStatus(actions: readonly FlatAction[]): [ActionStatus, FlatAction[]][] {
  return statusOrder
    .map((status): [ActionStatus, FlatAction[]] => [
      status,
      actions.filter((a) => a.action.status === status),
    ])
    .filter(([, list]) => list.length > 0);
}
