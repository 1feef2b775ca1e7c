import { lists } from '../../../src/domain/lists/schema';
import {
  decisionLabels,
  evidenceClasses,
  evidenceClassLabels,
  lineOfEnquiryLabels,
  linesOfEnquiry,
  priorities,
  priorityLabels,
  type Channel,
} from '../../../src/domain/vocabulary';

// Forms take their labels, lengths and choices from the list schema so they cannot drift from it.
export const observationColumns = lists.observations.columns;
export const findingColumns = lists.findings.columns;
export const recommendationColumns = lists.recommendations.columns;
export const responseColumns = lists.responses.columns;

export interface Option<V extends string> {
  value: V;
  label: string;
}

function options<V extends string>(choices: readonly V[], labels: Record<V, string>): Option<V>[] {
  return choices.map((value) => ({ value, label: labels[value] }));
}

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `delegated-safeguarding-partner` → "Delegated safeguarding partner". */
export function humanise(value: string): string {
  return capitalise(value.replace(/-/g, ' '));
}

export const evidenceClassOptions = options(evidenceClasses, evidenceClassLabels);
export const lineOfEnquiryOptions = options(linesOfEnquiry, lineOfEnquiryLabels);

export const priorityOptions = options(priorities, priorityLabels);

export { decisionLabels, evidenceClassLabels, lineOfEnquiryLabels, priorityLabels };

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
