import type { ListSchema } from './columns.js';
import { channels } from '../vocabulary.js';

export const auditOps = ['create', 'update'] as const;
export type AuditOp = (typeof auditOps)[number];

/**
 * The audit trail: one entry per write to any other list, appended by the application only, each
 * chained to the one before by its hash (src/domain/audit.ts). Field values are never copied
 * here, only their names and a hash of the item's content: values may be sensitive.
 */
export const auditTrail = {
  title: 'CF Audit Trail',
  description:
    'Every change to the partnership’s records: who, when, through which channel and from which tenant, chained by hash so tampering shows. Written only by the app; never edited or deleted.',
  columns: {
    /** 1, 2, 3…: unique, so two writers can never both append the same link of the chain. */
    seq: {
      kind: 'number',
      label: 'Sequence',
      integer: true,
      min: 1,
      required: true,
      indexed: true,
      unique: true,
    },
    /**
     * The write's instant, ISO 8601. Text, not a date-time column: SharePoint rounds date-times to
     * the second, which would change the hashed value.
     */
    at: { kind: 'text', label: 'At', maxLength: 40, required: true },
    actorId: {
      kind: 'text',
      label: 'By (person id)',
      maxLength: 100,
      required: true,
      indexed: true,
    },
    homeTenantId: { kind: 'text', label: 'Home tenant', maxLength: 100, required: true },
    channel: { kind: 'choice', label: 'Channel', choices: channels, required: true },
    /** The list's key (e.g. recommendations), not its title: stable across renames. */
    itemList: { kind: 'text', label: 'List', maxLength: 60, required: true, indexed: true },
    itemId: { kind: 'text', label: 'Item', maxLength: 100, required: true, indexed: true },
    op: { kind: 'choice', label: 'Change', choices: auditOps, required: true },
    /** The item's version after the write (1 when created). */
    itemVersion: { kind: 'number', label: 'Item version', integer: true, min: 1, required: true },
    /** The names of the fields the write set, as a JSON array: never their values. */
    changedFields: { kind: 'note', label: 'Fields changed', maxLength: 4000, required: true },
    /** sha256 of the canonical JSON of the item's fields after the write. */
    contentHash: { kind: 'text', label: 'Content hash', maxLength: 64, required: true },
    prevHash: { kind: 'text', label: 'Previous hash', maxLength: 64, required: true },
    hash: { kind: 'text', label: 'Hash', maxLength: 64, required: true },
  },
} as const satisfies ListSchema;
