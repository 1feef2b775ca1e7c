import { z } from 'zod';
import type { Deps } from '../../application/deps.js';
import {
  listAuditEntries,
  verifyAuditTrailFor,
  type AuditQuery,
} from '../../application/use-cases/audit.js';
import type { HashFn } from '../../domain/audit.js';
import { auditOps } from '../../domain/lists/audit-trail.js';
import { listNames } from '../../domain/lists/schema.js';
import { channels } from '../../domain/vocabulary.js';
import { route, type Route } from './route.js';

/** A page holds this many entries unless asked for fewer. */
export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 200;

const auditQuery = z.strictObject({
  list: z.enum(listNames).optional().describe('Only changes to this list'),
  itemId: z.string().min(1).max(100).optional().describe('Only changes to this item'),
  actorId: z.string().min(1).max(100).optional().describe('Only changes by this person (id)'),
  before: z
    .string()
    .max(12)
    .regex(/^[1-9]\d{0,11}$/, 'before is an entry number')
    .optional()
    .describe('Entries older than this number (the previous page’s nextBefore)'),
  top: z
    .string()
    .max(3)
    .regex(/^(?:[1-9]|[1-9]\d|1\d\d|200)$/, `top is a whole number from 1 to ${AUDIT_PAGE_MAX}`)
    .optional()
    .describe(`Entries per page (default ${AUDIT_PAGE_DEFAULT}, at most ${AUDIT_PAGE_MAX})`),
});
type AuditQueryString = z.infer<typeof auditQuery>;

const auditRow = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string().optional(),
  homeTenantId: z.string(),
  channel: z.enum(channels),
  itemList: z.string(),
  itemId: z.string(),
  op: z.enum(auditOps),
  itemVersion: z.number(),
  changedFields: z.array(z.string()),
  contentHash: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

const verification = z.object({
  ok: z.boolean(),
  summary: z.string(),
  entries: z.number(),
  head: z.object({ seq: z.number(), hash: z.string() }).optional(),
  breaks: z.array(
    z.object({
      seq: z.number(),
      kind: z.enum(['altered', 'link', 'duplicate']),
      expectedPrevHash: z.string().optional(),
    }),
  ),
  gaps: z.array(z.object({ from: z.number(), to: z.number() })),
  itemsChecked: z.number(),
  items: z.array(
    z.object({
      itemList: z.string(),
      itemId: z.string(),
      kind: z.enum(['unaudited', 'changed-outside', 'versions-missing']),
      version: z.number().optional(),
      versions: z.array(z.number()).optional(),
    }),
  ),
});

function toAuditQuery(q: AuditQueryString): AuditQuery {
  return {
    top: q.top === undefined ? AUDIT_PAGE_DEFAULT : Number(q.top),
    ...(q.list ? { itemList: q.list } : {}),
    ...(q.itemId ? { itemId: q.itemId } : {}),
    ...(q.actorId ? { actorId: q.actorId } : {}),
    ...(q.before ? { before: Number(q.before) } : {}),
  };
}

/** The audit trail and its verifier, for the scrutineer and the business unit. */
export function auditRoutes(deps: Deps, hash: HashFn): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/audit',
      summary:
        'The audit trail, newest first: who changed what, when, through which channel (scrutineer or business unit)',
      query: auditQuery,
      response: z.object({ entries: z.array(auditRow), nextBefore: z.number().optional() }),
      handler: async ({ actor, query }) => ({
        status: 200,
        body: await listAuditEntries(deps, actor, toAuditQuery(query as AuditQueryString)),
      }),
    }),
    route({
      method: 'get',
      path: '/api/audit/verify',
      summary:
        "Check the audit trail's hash chain and every item against its last entry (scrutineer or business unit)",
      query: z.strictObject({}),
      response: verification,
      handler: async ({ actor }) => ({
        status: 200,
        body: await verifyAuditTrailFor(deps, actor, hash),
      }),
    }),
  ];
}
