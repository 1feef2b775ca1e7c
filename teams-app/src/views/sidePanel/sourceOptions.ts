import { evidenceSources } from '../../../../src/domain/vocabulary';
import { humanise } from '../../forms/fields';

/** "frontline-visit" → "Frontline visit"; the choices come from the vocabulary. */
export const sourceOptions = evidenceSources.map((value) => ({ value, label: humanise(value) }));
