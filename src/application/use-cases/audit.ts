import {
  changedFieldsOf,
  checkItems,
  contentHash,
  verifyChain,
  type ChainCheck,
  type CurrentItem,
  type HashFn,
  type ItemMismatch,
} from '../../domain/audit.js';
import { listNames, type AuditEntry, type Fields } from '../../domain/lists/schema.js';
import { AUDIT_LIST } from '../audited-repository.js';
import type { Actor, Deps } from '../deps.js';
import type { Filter, Repository } from '../ports/repository.js';
import { requireRole } from './authorise.js';
import { writerRoles } from './visibility.js';

/** Who reads the trail: those who hold the partnership's records to account. */
const DOING_READ = 'read the audit trail';

export interface AuditQuery {
  itemList?: string;
  itemId?: string;
  actorId?: string;
  /** Entries with a lower seq than this (the previous page's `nextBefore`). */
  before?: number;
  top: number;
}

/** One entry as the API shows it: the writer's name beside their id, the field names parsed. */
export type AuditRow = Omit<AuditEntry, 'changedFields'> & {
  changedFields: string[];
  actorName?: string;
};

export interface AuditPage {
  entries: AuditRow[];
  /** Present when older entries follow: pass as `before`. */
  nextBefore?: number;
}

/**
 * The trail, newest first, filtered by list, item or writer. The most selective filter is asked
 * of the store (each is an indexed column), the rest applied here.
 */
export async function listAuditEntries(
  deps: Deps,
  actor: Actor,
  query: AuditQuery,
): Promise<AuditPage> {
  requireRole(actor, writerRoles, DOING_READ);
  const filter: Filter<typeof AUDIT_LIST> | undefined = query.itemId
    ? { field: 'itemId', equals: query.itemId }
    : query.actorId
      ? { field: 'actorId', equals: query.actorId }
      : query.itemList
        ? { field: 'itemList', equals: query.itemList }
        : undefined;
  const stored = await deps.repo.all(AUDIT_LIST, filter);
  const matching = stored
    .map((item) => item.fields)
    .filter(
      (e) =>
        (query.itemList === undefined || e.itemList === query.itemList) &&
        (query.itemId === undefined || e.itemId === query.itemId) &&
        (query.actorId === undefined || e.actorId === query.actorId) &&
        (query.before === undefined || e.seq < query.before),
    )
    .sort((a, b) => b.seq - a.seq);
  const page = matching.slice(0, query.top);
  const names = await peopleNames(deps.repo);
  const entries = page.map(({ changedFields, ...entry }): AuditRow => {
    const actorName = names.get(entry.actorId);
    return {
      ...entry,
      changedFields: changedFieldsOf({ changedFields }),
      ...(actorName ? { actorName } : {}),
    };
  });
  const last = page.at(-1);
  return matching.length > page.length && last ? { entries, nextBefore: last.seq } : { entries };
}

async function peopleNames(repo: Repository): Promise<Map<string, string>> {
  const people = await repo.all('people');
  return new Map(people.map((p) => [p.id, p.fields.displayName]));
}

/** What the verifier found: the chain's own check and the items it does not account for. */
export interface AuditVerification extends ChainCheck {
  ok: boolean;
  items: ItemMismatch[];
  /** The number of items compared with the trail. */
  itemsChecked: number;
  summary: string;
}

/** Mismatched items listed in full up to this many; the count is always exact. */
const ITEMS_SHOWN = 200;

/**
 * Walks the whole chain, then compares every item of every other list with its latest entry.
 * Used by `npm run audit:verify` and `GET /api/audit/verify`.
 */
export async function verifyAuditTrail(repo: Repository, hash: HashFn): Promise<AuditVerification> {
  const entries = (await repo.all(AUDIT_LIST)).map((item) => item.fields);
  const chain = verifyChain(entries, hash);
  const current: CurrentItem[] = [];
  for (const list of listNames) {
    if (list === AUDIT_LIST) continue;
    for (const item of await repo.all(list))
      current.push({
        itemList: list,
        itemId: item.id,
        version: item.version,
        contentHash: contentHash(item.fields as Fields<typeof list>, hash),
      });
  }
  const items = checkItems(entries, current);
  const ok = chain.breaks.length === 0 && chain.gaps.length === 0 && items.length === 0;
  return {
    ...chain,
    ok,
    items: items.slice(0, ITEMS_SHOWN),
    itemsChecked: current.length,
    summary: summarise(chain, items, current.length),
  };
}

/** The verifier's answer in plain words. */
export function summarise(chain: ChainCheck, items: ItemMismatch[], itemsChecked: number): string {
  const lines: string[] = [];
  const first = chain.breaks[0];
  if (!first && chain.gaps.length === 0)
    lines.push(
      chain.head
        ? `The chain of ${chain.entries} entries is unbroken; the last is number ${chain.head.seq} (hash ${chain.head.hash}).`
        : 'The audit trail is empty.',
    );
  if (first) {
    const why =
      first.kind === 'altered'
        ? 'its contents do not match its hash (it was changed)'
        : first.kind === 'link'
          ? 'it does not follow the entry before it (an entry was removed, inserted or moved)'
          : 'another entry has the same number';
    lines.push(
      `The chain is broken at entry ${first.seq}: ${why}.` +
        (chain.breaks.length > 1 ? ` ${chain.breaks.length} problems in all.` : ''),
    );
  }
  for (const gap of chain.gaps)
    lines.push(
      gap.from === gap.to
        ? `Entry ${gap.from} is missing.`
        : `Entries ${gap.from} to ${gap.to} are missing.`,
    );
  const count = (kind: ItemMismatch['kind']) => items.filter((i) => i.kind === kind).length;
  const outside = count('changed-outside');
  const unaudited = count('unaudited');
  const versions = count('versions-missing');
  if (outside > 0)
    lines.push(`${outside} item(s) differ from their last audit entry: changed outside the app.`);
  if (unaudited > 0) lines.push(`${unaudited} item(s) have no audit entry at all.`);
  if (versions > 0) lines.push(`${versions} item(s) have versions the trail did not record.`);
  if (items.length === 0) lines.push(`All ${itemsChecked} items match their last audit entry.`);
  return lines.join('\n');
}

/** The verifier's answer, for the scrutineer and the business unit only. */
export async function verifyAuditTrailFor(
  deps: Deps,
  actor: Actor,
  hash: HashFn,
): Promise<AuditVerification> {
  requireRole(actor, writerRoles, 'check the audit trail');
  return verifyAuditTrail(deps.repo, hash);
}
