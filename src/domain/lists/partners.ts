import type { ListSchema } from './columns.js';
import { partnerKinds } from '../vocabulary.js';

export const partners = {
  title: 'CF Partners',
  description: 'Statutory partners and relevant agencies.',
  columns: {
    name: { kind: 'text', label: 'Name', maxLength: 200, required: true },
    kind: { kind: 'choice', label: 'Kind', choices: partnerKinds, required: true, indexed: true },
    homeTenantId: { kind: 'text', label: 'Home tenant id', maxLength: 36 },
  },
} as const satisfies ListSchema;
