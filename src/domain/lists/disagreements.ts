import type { ListSchema } from './columns.js';
import { disagreementStatuses } from '../vocabulary.js';

/** Disagreements between partners and the scrutineer's independent advice (function 6). */
export const disagreements = {
  title: 'CF Disagreements',
  description:
    "Disagreements between partners, their positions, the scrutineer's independent advice and the outcome.",
  columns: {
    reference: {
      kind: 'text',
      label: 'Reference',
      maxLength: 40,
      required: true,
      indexed: true,
      unique: true,
    },
    partnerIds: { kind: 'refs', label: 'Parties', list: 'partners', required: true },
    matter: { kind: 'note', label: 'The matter', maxLength: 4000, required: true, freeText: true },
    positions: { kind: 'note', label: 'Positions', maxLength: 8000, freeText: true },
    advice: { kind: 'note', label: 'Independent advice', maxLength: 8000, freeText: true },
    adviceOn: { kind: 'date', label: 'Advice given on' },
    outcome: { kind: 'note', label: 'Outcome', maxLength: 4000, freeText: true },
    status: {
      kind: 'choice',
      label: 'Status',
      choices: disagreementStatuses,
      required: true,
      indexed: true,
    },
    raisedOn: { kind: 'date', label: 'Raised on', required: true, indexed: true },
    resolvedOn: { kind: 'date', label: 'Resolved on' },
  },
} as const satisfies ListSchema;
