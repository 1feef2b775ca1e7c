import { recommendationColumns as columns } from '../../../forms/fields';

/** "Linked findings", from the schema's "Findings". */
export const LINKED_FINDINGS = `Linked ${columns.findingIds.label.toLowerCase()}`;
