import { lists } from '../../../src/domain/lists/schema';
import {
  decisionLabels,
  priorities,
  priorityLabels,
  type Channel,
} from '../../../src/domain/vocabulary';
import { options } from './options';

// Forms take their labels, lengths and choices from the list schema so they cannot drift from it.
// The observation form's share lives in observationFields.ts (the side panel loads only that).
export {
  evidenceClassLabels,
  evidenceClassOptions,
  lineOfEnquiryLabels,
  lineOfEnquiryOptions,
  observationColumns,
} from './observationFields';
export { capitalise, humanise, type Option } from './options';
export const findingColumns = lists.findings.columns;
export const recommendationColumns = lists.recommendations.columns;
export const responseColumns = lists.responses.columns;

export const priorityOptions = options(priorities, priorityLabels);

export { decisionLabels, priorityLabels };

/** How a response arrived, as a reader would say it. */
export const channelLabels: Record<Channel, string> = {
  tab: 'Teams tab',
  'teams-card': 'Teams card',
  'web-link': 'web link',
  api: 'API',
  system: 'system',
};

/** e.g. "Finding title", built from the schema's own "Title". */
export function qualified(noun: string, label: string): string {
  return `${noun} ${label.toLowerCase()}`;
}

// Workbench (issue #3): the scrutiny plan, the reference scheme and evidence sources.
import {
  activityStatuses,
  evidenceSources,
  scrutinyFunctionLabels,
  scrutinyFunctions,
  type ActivityStatus,
  type EvidenceSource,
} from '../../../src/domain/vocabulary';

export const planColumns = lists.plans.columns;
export const planActivityColumns = lists.planActivities.columns;
export const dayLogColumns = lists.dayLogs.columns;
export const partnershipColumns = lists.partnerships.columns;

export const scrutinyFunctionOptions = options(scrutinyFunctions, scrutinyFunctionLabels);
export { scrutinyFunctionLabels };

/** Where evidence came from, as a reader would say it (the vocabulary has no labels for these). */
export const evidenceSourceLabels: Record<EvidenceSource, string> = {
  data: 'Data',
  audit: 'Audit',
  'voice-of-children-and-families': 'Voice of children and families',
  practitioners: 'Practitioners',
  meeting: 'Meetings',
  'frontline-visit': 'Frontline visits',
};
/** The order the triangulation matrix reads in: data first, then the voices, then what was seen. */
export const evidenceSourceOrder: readonly EvidenceSource[] = [
  'data',
  'audit',
  'voice-of-children-and-families',
  'practitioners',
  'meeting',
  'frontline-visit',
];
/** Any source missing from the order above still gets a column, at the end. */
export const evidenceSourceColumns: readonly EvidenceSource[] = [
  ...evidenceSourceOrder,
  ...evidenceSources.filter((s) => !evidenceSourceOrder.includes(s)),
];

export const activityStatusLabels: Record<ActivityStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
};
export const activityStatusOptions = options(activityStatuses, activityStatusLabels);
