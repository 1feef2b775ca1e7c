import type { ListSchema } from './columns.js';
import { roles } from '../vocabulary.js';

export const people = {
  title: 'CF People',
  description: 'People who use the app, with their roles in the partnership.',
  columns: {
    displayName: { kind: 'text', label: 'Name', maxLength: 200, required: true },
    upn: {
      kind: 'text',
      label: 'Sign-in name',
      maxLength: 255,
      required: true,
      indexed: true,
      unique: true,
    },
    entraObjectId: {
      kind: 'text',
      label: 'Entra object id',
      maxLength: 36,
      required: true,
      indexed: true,
      unique: true,
    },
    homeTenantId: { kind: 'text', label: 'Home tenant id', maxLength: 36, required: true },
    jobTitle: { kind: 'text', label: 'Job title', maxLength: 200 },
    partnerId: { kind: 'ref', label: 'Partner', list: 'partners', indexed: true },
    roles: { kind: 'multiChoice', label: 'Roles', choices: roles, required: true },
    /** The DSP this person escalates to; empty for DSPs and above. */
    delegatedPartnerId: { kind: 'ref', label: 'Delegated safeguarding partner', list: 'people' },
  },
} as const satisfies ListSchema;
