import { evidenceSources } from '../../../../src/domain/observation-vocabulary';
import { humanise } from '../../forms/options';

/** "frontline-visit" → "Frontline visit"; the choices come from the vocabulary. */
export const sourceOptions = evidenceSources.map((value) => ({ value, label: humanise(value) }));
