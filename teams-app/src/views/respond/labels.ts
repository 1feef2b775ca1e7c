import { lists } from '../../../../src/domain/lists/schema';
import type { Channel, Decision } from '../../../../src/domain/vocabulary';
import { decisionLabels } from '../../forms/fields';

// Lengths from the list schema, so the page cannot drift from what the server stores. (Through
// the schema, as the workbench's forms do, so the two views share one chunk of it.)
export const RATIONALE_MAX = lists.responses.columns.rationale.maxLength;
export const DESCRIPTION_MAX = lists.actions.columns.description.maxLength;
export const EVIDENCE_MAX = lists.actions.columns.evidenceExpected.maxLength;

export const decisionChoices = Object.keys(decisionLabels) as Decision[];

/** How a response arrived, as the person who made it would say it. */
export const channelWords: Record<Channel, string> = {
  tab: 'Critical Friend tab',
  'teams-card': 'Teams card',
  'web-link': 'email link',
  api: 'API',
  system: 'system',
};

export const decisionPast = {
  accept: 'Accepted',
  'partially-accept': 'Partially accepted',
  decline: 'Declined',
} as const;

export const KEPT = 'What you typed is still in the form.';
export const NEED_DECISION = 'Choose accept, partially accept or decline.';
export const NEED_RATIONALE = 'Give a rationale: every response needs one, whatever the decision.';
export const ACTIONS_HINT =
  'To accept or partially accept, give at least one action: what will be done, who owns it, the target date and the evidence expected. Leave them empty to decline.';
