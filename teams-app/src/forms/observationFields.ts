import { observations } from '../../../src/domain/lists/observations';
import {
  evidenceClasses,
  evidenceClassLabels,
  lineOfEnquiryLabels,
  linesOfEnquiry,
} from '../../../src/domain/observation-vocabulary';
import { options } from './options';

// What the side panel needs from the schema: the observations list alone, so its first load does
// not carry every list's columns. `fields.ts` re-exports these for the other views.
export const observationColumns = observations.columns;

export const evidenceClassOptions = options(evidenceClasses, evidenceClassLabels);
export const lineOfEnquiryOptions = options(linesOfEnquiry, lineOfEnquiryLabels);

export { evidenceClassLabels, lineOfEnquiryLabels };
