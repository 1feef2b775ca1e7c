import type { ListSchema } from './columns.js';
import { activityStatuses, linesOfEnquiry, scrutinyFunctions } from '../vocabulary.js';

export const planActivities = {
  title: 'CF Plan Activities',
  description: 'Themes and activities in a scrutiny plan, with days allocated.',
  columns: {
    planId: { kind: 'ref', label: 'Plan', list: 'plans', required: true, indexed: true },
    theme: { kind: 'text', label: 'Theme', maxLength: 255, required: true, freeText: true },
    title: { kind: 'text', label: 'Activity', maxLength: 255, required: true, freeText: true },
    functions: { kind: 'multiChoice', label: 'Scrutiny functions', choices: scrutinyFunctions },
    linesOfEnquiry: { kind: 'multiChoice', label: 'Lines of enquiry', choices: linesOfEnquiry },
    daysAllocated: {
      kind: 'number',
      label: 'Days allocated',
      min: 0,
      max: 366,
      required: true,
    },
    status: {
      kind: 'choice',
      label: 'Status',
      choices: activityStatuses,
      required: true,
      indexed: true,
    },
  },
} as const satisfies ListSchema;
