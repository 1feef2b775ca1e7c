import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  DuplicateError,
  NotFoundError,
  UnindexedFilterError,
  type ChangeContext,
  type CreateResult,
  type Repository,
  type StoredItem,
} from '../../src/application/ports/repository.js';
import type { ListSchema } from '../../src/domain/lists/columns.js';
import { lists, type Fields, type ListName } from '../../src/domain/lists/schema.js';
import type { Channel } from '../../src/domain/vocabulary.js';

/**
 * The Repository port's contract. Every adapter (embedded SQLite, SharePoint via Graph) runs this
 * same suite, through the port only, so they cannot drift apart.
 *
 * The suite never assumes an empty store: values that must not collide carry a per-test suffix,
 * and counts are scoped by filtering on items the test created. It does assume no one else writes
 * to the store while a test runs (the change-token checks depend on it).
 */

// Fictional tenants: the partnership's own, and a partner agency's.
const PARTNERSHIP_TENANT = '0e5f6a7b-0000-4000-8000-00000000a001';
const PARTNER_TENANT = '0e5f6a7b-0000-4000-8000-00000000b002';

/** A change context at a distinct minute, so versions can be told apart by time. */
function ctx(
  minute: number,
  actorId = 'actor-scrutineer',
  channel: Channel = 'tab',
  homeTenantId = PARTNERSHIP_TENANT,
): ChangeContext {
  const mm = String(minute).padStart(2, '0');
  return { actorId, homeTenantId, channel, at: `2026-02-10T09:${mm}:00Z` };
}

const ids = (items: readonly StoredItem<ListName>[]): string[] => items.map((item) => item.id);
const sorted = (values: readonly string[]): string[] => [...values].sort();

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to be refused, but it succeeded.');
}

/** Every column kind the schema uses: the round-trip test must cover each one. */
function schemaKinds(): Set<string> {
  const schemas: Record<string, ListSchema> = lists;
  return new Set(
    Object.values(schemas).flatMap((schema) =>
      Object.values(schema.columns).map((column) => column.kind),
    ),
  );
}

function kindOf(list: ListName, field: string): string {
  const columns: ListSchema['columns'] = lists[list].columns;
  const column = columns[field];
  if (!column) throw new Error(`No column ${list}.${field}`);
  return column.kind;
}

export function repositoryContract(
  name: string,
  make: () => Promise<{ repo: Repository; cleanup: () => Promise<void> }>,
): void {
  describe(`Repository contract: ${name}`, () => {
    let repo: Repository;
    let cleanup: () => Promise<void>;
    /** Keeps unique values (sign-in names, keys) distinct from anything already stored. */
    let run: string;

    beforeEach(async () => {
      ({ repo, cleanup } = await make());
      run = randomUUID().slice(0, 8);
    });
    afterEach(async () => {
      await cleanup();
    });

    const partner = (name: string, kind: Fields<'partners'>['kind'] = 'police') =>
      repo.create('partners', { name, kind }, ctx(0, 'actor-business-unit'));

    const person = (upn: string, extra: Partial<Fields<'people'>> = {}) =>
      repo.create(
        'people',
        {
          displayName: 'Sam Okafor',
          upn,
          entraObjectId: randomUUID(),
          homeTenantId: PARTNERSHIP_TENANT,
          roles: ['partner-lead'],
          ...extra,
        },
        ctx(1, 'actor-business-unit'),
      );

    const meeting = (title: string, teamsMeetingId?: string) =>
      repo.create(
        'meetings',
        {
          title,
          kind: 'sub-group',
          startsAt: '2026-02-10T09:30:00Z',
          ...(teamsMeetingId ? { teamsMeetingId } : {}),
        },
        ctx(2),
      );

    const observation = (meetingId: string, text: string) =>
      repo.create(
        'observations',
        {
          text,
          evidenceClass: 'too-early',
          source: 'meeting',
          meetingId,
          observedAt: '2026-02-10T10:00:00Z',
          status: 'open',
        },
        ctx(3),
      );

    describe('create and get', () => {
      it('round-trips every column kind with its JS type', async () => {
        const covered = new Set<string>();
        const check = async <L extends ListName>(list: L, fields: Fields<L>) => {
          const created = await repo.create(list, fields, ctx(5));
          expect(created.fields).toStrictEqual(fields);
          expect(await repo.get(list, created.id)).toStrictEqual(created);
          for (const field of Object.keys(fields)) covered.add(kindOf(list, field));
          return created;
        };

        await check('partnerships', {
          name: 'Eastshire Safeguarding Partnership',
          tenantId: PARTNERSHIP_TENANT,
          recommendationPrefix: 'ESP',
          // Looks like a number but is text: must come back as the same string.
          caseCodePrefix: '007',
        });
        const police = await check('partners', {
          name: "Eastshire Constabulary – Public Protection Unit 'North'",
          kind: 'police',
          homeTenantId: PARTNER_TENANT,
        });
        const health = await check('partners', {
          name: 'Harbourside Integrated Care Board',
          kind: 'health',
        });
        const lead = await check('people', {
          displayName: 'Alex Morgan',
          upn: `alex.morgan.${run}@harbourside.example`,
          entraObjectId: randomUUID(),
          homeTenantId: PARTNER_TENANT,
          jobTitle: 'Detective Inspector',
          partnerId: police.id,
          roles: ['partner-lead', 'delegated-safeguarding-partner'],
        });
        const slg = await check('meetings', {
          title: 'Strategic leadership group',
          kind: 'strategic-leadership-group',
          startsAt: '2026-02-10T09:30:00Z',
          teamsMeetingId: `teams-meeting-${run}`,
        });
        const seen = await check('observations', {
          text: 'Attendance from police and health was good.\nThe "escalation" route was unclear — ✓ raised.',
          evidenceClass: 'worry',
          lineOfEnquiry: 'right-priorities',
          partnerIds: [police.id, health.id],
          source: 'meeting',
          meetingId: slg.id,
          observedAt: '2026-02-10T10:05:00Z',
          status: 'open',
          idempotencyKey: `obs-${run}`,
        });
        const finding = await check('findings', {
          title: 'Escalation routes are not well understood',
          summary: 'Seen at two meetings and in one audit.',
          evidenceClass: 'worry',
          partnerIds: [police.id],
          observationIds: [seen.id],
          sources: ['meeting', 'audit'],
        });
        const recommendation = await check('recommendations', {
          reference: `ESP-${run}-01`,
          title: 'Publish a single escalation route',
          text: 'Partners should agree and publish one escalation route.',
          priority: 'high',
          partnerIds: [police.id, health.id],
          findingIds: [finding.id],
          responseDueDate: '2026-03-31',
          status: 'issued',
          issuedAt: '2026-02-17T12:00:00Z',
        });
        const response = await check('responses', {
          recommendationId: recommendation.id,
          partnerId: police.id,
          decision: 'partially-accept',
          rationale: 'We will publish the route; training follows next year.',
          responderId: lead.id,
          responderTenantId: PARTNER_TENANT,
          channel: 'teams-card',
          respondedAt: '2026-02-20T15:45:00Z',
          responseKey: `${recommendation.id}:${police.id}`,
        });
        const action = await check('actions', {
          recommendationId: recommendation.id,
          responseId: response.id,
          partnerId: police.id,
          description: 'Publish the escalation route on the partnership site.',
          ownerId: lead.id,
          targetDate: '2026-06-30',
          evidenceExpected: 'Link to the published page.',
          status: 'open',
        });
        // Zero is a real value, not an absent one.
        await check('actionUpdates', {
          actionId: action.id,
          progress: 0,
          narrative: 'Not started yet.',
          authorId: lead.id,
          at: '2026-03-01T08:00:00Z',
        });
        await check('actionUpdates', {
          actionId: action.id,
          progress: 45,
          narrative: 'Draft agreed by the sub-group.',
          evidenceLink: 'https://harbourside.example/evidence/escalation-draft',
          revisedDate: '2026-07-31',
          authorId: lead.id,
          at: '2026-04-01T08:00:00Z',
        });

        // A kind added to the schema later must get a case above before this passes.
        expect(sorted([...covered])).toEqual(sorted([...schemaKinds()]));
      });

      it('records who created the item, when and through which channel', async () => {
        const created = await repo.create(
          'partners',
          { name: 'Eastshire Council', kind: 'local-authority' },
          ctx(7, 'actor-business-unit', 'api'),
        );
        expect(created).toMatchObject({
          version: 1,
          createdAt: '2026-02-10T09:07:00Z',
          createdBy: 'actor-business-unit',
          modifiedAt: '2026-02-10T09:07:00Z',
          modifiedBy: 'actor-business-unit',
          channel: 'api',
        });
        expect(created.id).toEqual(expect.any(String));
        expect(created.etag).toEqual(expect.any(String));
        const other = await partner('Eastshire Schools Forum', 'education');
        expect(other.id).not.toBe(created.id);
      });

      it('omits optional fields that are absent, null or cleared', async () => {
        const bare = await repo.create(
          'partners',
          { name: 'Eastshire Council', kind: 'local-authority', homeTenantId: null },
          ctx(8),
        );
        expect(Object.keys(bare.fields).sort()).toEqual(['kind', 'name']);

        const set = await repo.update(
          'partners',
          bare.id,
          { homeTenantId: PARTNER_TENANT },
          bare.etag,
          ctx(9),
        );
        expect(set.fields.homeTenantId).toBe(PARTNER_TENANT);

        // null clears; an undefined key is ignored rather than clearing.
        const cleared = await repo.update(
          'partners',
          bare.id,
          { homeTenantId: null, name: undefined },
          set.etag,
          ctx(10),
        );
        expect(cleared.fields).toStrictEqual({
          name: 'Eastshire Council',
          kind: 'local-authority',
        });
        const got = await repo.get('partners', bare.id);
        expect(got?.fields).toStrictEqual({ name: 'Eastshire Council', kind: 'local-authority' });
        expect(Object.hasOwn(got?.fields ?? {}, 'homeTenantId')).toBe(false);
      });

      it('returns undefined for an item that does not exist', async () => {
        await partner('Eastshire Constabulary');
        expect(await repo.get('partners', `missing-${randomUUID()}`)).toBeUndefined();
      });
    });

    describe('update', () => {
      it('merges the patch and bumps the version and etag on every write', async () => {
        const v1 = await partner('Eastshire Constabulary');
        expect(v1.version).toBe(1);

        const v2 = await repo.update(
          'partners',
          v1.id,
          { homeTenantId: PARTNER_TENANT },
          v1.etag,
          ctx(20, 'actor-partner-lead', 'teams-card', PARTNER_TENANT),
        );
        expect(v2.id).toBe(v1.id);
        expect(v2.version).toBe(2);
        expect(v2.etag).not.toBe(v1.etag);
        expect(v2.fields).toStrictEqual({
          name: 'Eastshire Constabulary',
          kind: 'police',
          homeTenantId: PARTNER_TENANT,
        });
        expect(v2).toMatchObject({
          createdAt: v1.createdAt,
          createdBy: v1.createdBy,
          modifiedAt: '2026-02-10T09:20:00Z',
          modifiedBy: 'actor-partner-lead',
          channel: 'teams-card',
        });

        const v3 = await repo.update(
          'partners',
          v1.id,
          { name: 'Eastshire Police' },
          v2.etag,
          ctx(21),
        );
        expect(v3.version).toBe(3);
        expect(new Set([v1.etag, v2.etag, v3.etag]).size).toBe(3);
        expect(await repo.get('partners', v1.id)).toStrictEqual(v3);
      });

      it('refuses a stale etag and leaves the item unchanged', async () => {
        const v1 = await partner('Eastshire Constabulary');
        const v2 = await repo.update(
          'partners',
          v1.id,
          { name: 'Eastshire Police' },
          v1.etag,
          ctx(22),
        );
        const { nextToken } = await repo.changes('partners');

        const error = await rejection(
          repo.update('partners', v1.id, { name: 'Lost write' }, v1.etag, ctx(23)),
        );
        expect(error).toBeInstanceOf(ConflictError);
        expect(error).toMatchObject({ list: 'partners', id: v1.id });

        expect(await repo.get('partners', v1.id)).toStrictEqual(v2);
        expect(await repo.history('partners', v1.id)).toHaveLength(2);
        expect((await repo.changes('partners', nextToken)).changed).toEqual([]);
      });

      it('lets exactly one of two racing updates with the same etag win', async () => {
        const v1 = await partner('Eastshire Constabulary');
        const results = await Promise.allSettled([
          repo.update('partners', v1.id, { name: 'Written by A' }, v1.etag, ctx(24, 'actor-a')),
          repo.update('partners', v1.id, { name: 'Written by B' }, v1.etag, ctx(25, 'actor-b')),
        ]);

        const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]).toBeInstanceOf(ConflictError);

        const winner = won[0];
        const stored = await repo.get('partners', v1.id);
        expect(stored).toStrictEqual(winner);
        expect(stored?.version).toBe(2);
        expect(await repo.history('partners', v1.id)).toHaveLength(2);
      });

      it('refuses an item that does not exist', async () => {
        const existing = await partner('Eastshire Constabulary');
        const missing = `missing-${randomUUID()}`;
        const error = await rejection(
          repo.update('partners', missing, { name: 'Nobody' }, existing.etag, ctx(26)),
        );
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ list: 'partners', id: missing });
      });
    });

    describe('unique columns', () => {
      it('refuses a duplicate on create, naming the existing item, and writes nothing', async () => {
        const upn = `sam.okafor.${run}@harbourside.example`;
        const first = await person(upn);
        const { nextToken } = await repo.changes('people');

        // A different entraObjectId, so only upn clashes.
        const error = await rejection(person(upn, { displayName: 'Second Sam' }));
        expect(error).toBeInstanceOf(DuplicateError);
        expect(error).toMatchObject({ list: 'people', field: 'upn', existingId: first.id });

        expect(ids(await repo.all('people', { field: 'upn', equals: upn }))).toEqual([first.id]);
        expect((await repo.changes('people', nextToken)).changed).toEqual([]);
      });

      it('refuses a duplicate on update and leaves the item unchanged', async () => {
        const upn = `sam.okafor.${run}@harbourside.example`;
        const first = await person(upn);
        const second = await person(`jo.reyes.${run}@harbourside.example`);

        const error = await rejection(
          repo.update('people', second.id, { upn }, second.etag, ctx(30)),
        );
        expect(error).toBeInstanceOf(DuplicateError);
        expect(error).toMatchObject({ list: 'people', field: 'upn', existingId: first.id });
        expect(await repo.get('people', second.id)).toStrictEqual(second);
        expect(await repo.history('people', second.id)).toHaveLength(1);

        // Writing an item's own unique value back is not a clash.
        const kept = await repo.update(
          'people',
          second.id,
          { upn: second.fields.upn, jobTitle: 'Head of Service' },
          second.etag,
          ctx(31),
        );
        expect(kept.version).toBe(2);
      });

      it('lets many items leave an optional unique column empty', async () => {
        const a = await meeting('Frontline visit, north team');
        const b = await meeting('Frontline visit, south team');
        expect(a.fields.teamsMeetingId).toBeUndefined();
        expect(b.fields.teamsMeetingId).toBeUndefined();
        expect(b.id).not.toBe(a.id);
      });
    });

    describe('createMany', () => {
      const stored = <L extends ListName>(
        results: readonly CreateResult<L>[],
        at: number,
      ): StoredItem<L> => {
        const result = results[at];
        if (!result?.ok) throw new Error(`Item ${at} was not stored: ${String(result?.error)}`);
        return result.item;
      };

      it('stores every item and answers in input order, as create would', async () => {
        const names = Array.from({ length: 25 }, (_, i) => `Eastshire Trust ${run} ${i}`);
        const results = await repo.createMany(
          'partners',
          names.map((name) => ({ name, kind: 'health' as const })),
          ctx(11, 'actor-business-unit', 'system'),
        );
        expect(results.map((r) => r.ok)).toEqual(names.map(() => true));
        const items = names.map((_, i) => stored(results, i));
        expect(items.map((item) => item.fields.name)).toEqual(names);
        expect(new Set(ids(items)).size).toBe(names.length);
        for (const item of items) {
          expect(item).toMatchObject({
            version: 1,
            createdAt: '2026-02-10T09:11:00Z',
            createdBy: 'actor-business-unit',
            modifiedBy: 'actor-business-unit',
            channel: 'system',
          });
          expect(await repo.get('partners', item.id)).toStrictEqual(item);
        }
      });

      it('reports a taken unique value for that item only and stores the others', async () => {
        const upn = (who: string) => `${who}.${run}@harbourside.example`;
        const existing = await person(upn('sam.okafor'));
        const given = (who: string): Fields<'people'> => ({
          displayName: 'Jo Reyes',
          upn: upn(who),
          entraObjectId: randomUUID(),
          homeTenantId: PARTNERSHIP_TENANT,
          roles: ['partner-lead'],
        });
        const results = await repo.createMany(
          'people',
          [given('jo.reyes'), given('sam.okafor'), given('kim.lee'), given('jo.reyes')],
          ctx(12),
        );

        expect(results.map((r) => r.ok)).toEqual([true, false, true, false]);
        const jo = stored(results, 0);
        const kim = stored(results, 2);
        const taken = results[1];
        expect(taken?.ok === false && taken.error).toBeInstanceOf(DuplicateError);
        expect(taken?.ok === false && taken.error).toMatchObject({
          list: 'people',
          field: 'upn',
          existingId: existing.id,
        });
        // The same value twice in one call: the first is stored, the second refused.
        const again = results[3];
        expect(again?.ok === false && again.error).toBeInstanceOf(DuplicateError);
        expect(again?.ok === false && again.error).toMatchObject({ existingId: jo.id });

        for (const [who, id] of [
          ['jo.reyes', jo.id],
          ['sam.okafor', existing.id],
          ['kim.lee', kim.id],
        ] as const) {
          expect(ids(await repo.all('people', { field: 'upn', equals: upn(who) }))).toEqual([id]);
        }
      });

      it('does nothing for an empty list', async () => {
        await partner('Eastshire Constabulary');
        const { nextToken } = await repo.changes('partners');
        expect(await repo.createMany('partners', [], ctx(13))).toEqual([]);
        expect((await repo.changes('partners', nextToken)).changed).toEqual([]);
      });

      it('gives each new item its first version and shows them all as changes', async () => {
        await partner('Eastshire Constabulary');
        const { nextToken } = await repo.changes('partners');
        const results = await repo.createMany(
          'partners',
          [
            { name: 'Eastshire Council', kind: 'local-authority' },
            { name: 'Harbourside Schools Forum', kind: 'education', homeTenantId: PARTNER_TENANT },
          ],
          ctx(14, 'actor-business-unit', 'api'),
        );
        const items = [stored(results, 0), stored(results, 1)];

        const delta = await repo.changes('partners', nextToken);
        expect(sorted(ids(delta.changed))).toEqual(sorted(ids(items)));
        for (const item of delta.changed) {
          expect(item).toStrictEqual(items.find((made) => made.id === item.id));
        }
        for (const item of items) {
          expect(await repo.history('partners', item.id)).toStrictEqual([
            {
              version: 1,
              fields: item.fields,
              modifiedAt: '2026-02-10T09:14:00Z',
              modifiedBy: 'actor-business-unit',
              homeTenantId: PARTNERSHIP_TENANT,
              channel: 'api',
            },
          ]);
        }
      });
    });

    describe('history', () => {
      it('keeps every version, oldest first, with who, when, tenant and channel', async () => {
        const v1 = await repo.create(
          'partners',
          { name: 'Eastshire Constabulary', kind: 'police' },
          ctx(40, 'actor-business-unit', 'tab'),
        );
        const v2 = await repo.update(
          'partners',
          v1.id,
          { homeTenantId: PARTNER_TENANT },
          v1.etag,
          ctx(41, 'actor-partner-lead', 'teams-card', PARTNER_TENANT),
        );
        await repo.update(
          'partners',
          v1.id,
          { name: 'Eastshire Police', homeTenantId: null },
          v2.etag,
          ctx(42, 'actor-scrutineer', 'web-link'),
        );

        const expected = [
          {
            version: 1,
            fields: { name: 'Eastshire Constabulary', kind: 'police' },
            modifiedAt: '2026-02-10T09:40:00Z',
            modifiedBy: 'actor-business-unit',
            homeTenantId: PARTNERSHIP_TENANT,
            channel: 'tab',
          },
          {
            version: 2,
            fields: {
              name: 'Eastshire Constabulary',
              kind: 'police',
              homeTenantId: PARTNER_TENANT,
            },
            modifiedAt: '2026-02-10T09:41:00Z',
            modifiedBy: 'actor-partner-lead',
            homeTenantId: PARTNER_TENANT,
            channel: 'teams-card',
          },
          {
            version: 3,
            fields: { name: 'Eastshire Police', kind: 'police' },
            modifiedAt: '2026-02-10T09:42:00Z',
            modifiedBy: 'actor-scrutineer',
            homeTenantId: PARTNERSHIP_TENANT,
            channel: 'web-link',
          },
        ];
        expect(await repo.history('partners', v1.id)).toStrictEqual(expected);

        // A failed write adds nothing, and history of another item is separate.
        await rejection(repo.update('partners', v1.id, { name: 'Stale' }, v1.etag, ctx(43)));
        await partner('Harbourside Integrated Care Board', 'health');
        expect(await repo.history('partners', v1.id)).toStrictEqual(expected);
      });

      it('refuses the history of an item that does not exist', async () => {
        await partner('Eastshire Constabulary');
        const error = await rejection(repo.history('partners', `missing-${randomUUID()}`));
        expect(error).toBeInstanceOf(NotFoundError);
      });
    });

    describe('query', () => {
      it('filters on an indexed column', async () => {
        const a = await partner('Eastshire Constabulary', 'police');
        const b = await partner('Harbourside Integrated Care Board', 'health');
        const c = await partner('Harbourside Police', 'police');

        const police = await repo.all('partners', { field: 'kind', equals: 'police' });
        expect(police.every((item) => item.fields.kind === 'police')).toBe(true);
        expect(ids(police)).toEqual(expect.arrayContaining([a.id, c.id]));
        expect(ids(police)).not.toContain(b.id);

        const page = await repo.query('partners', { filter: { field: 'kind', equals: 'health' } });
        expect(ids(page.items)).toContain(b.id);
        expect(page.items.every((item) => item.fields.kind === 'health')).toBe(true);
      });

      it('refuses to filter on a column that is not indexed', async () => {
        const police = await partner('Eastshire Constabulary');
        // Refused even on a small list: SharePoint refuses past 5,000 items, so fail early.
        const byName = await rejection(
          repo.query('partners', { filter: { field: 'name', equals: 'Eastshire Constabulary' } }),
        );
        expect(byName).toBeInstanceOf(UnindexedFilterError);
        expect(byName).toMatchObject({ list: 'partners', field: 'name' });

        const byRefs = await rejection(
          repo.all('observations', { field: 'partnerIds', equals: police.id }),
        );
        expect(byRefs).toBeInstanceOf(UnindexedFilterError);
      });

      it('pages with top: every item exactly once, in creation order', async () => {
        const m1 = await meeting('Learning hub');
        const m2 = await meeting('Rapid review panel');
        const expected: string[] = [];
        for (let i = 0; i < 6; i += 1) {
          expected.push((await observation(m1.id, `Point ${i} at the learning hub`)).id);
          if (i % 2 === 0) await observation(m2.id, `Point ${i} at the panel`);
        }

        for (const top of [3, 4]) {
          const seen: string[] = [];
          const sizes: number[] = [];
          let pageToken: string | undefined;
          do {
            const page = await repo.query('observations', {
              filter: { field: 'meetingId', equals: m1.id },
              top,
              ...(pageToken ? { pageToken } : {}),
            });
            sizes.push(page.items.length);
            seen.push(...ids(page.items));
            pageToken = page.nextPageToken;
          } while (pageToken && sizes.length < 10);
          expect(seen).toEqual(expected);
          // A token only when more items remain: no empty trailing page.
          expect(sizes).toEqual(top === 3 ? [3, 3] : [4, 2]);
        }
      });

      it('pages through a whole list, matching all()', async () => {
        const m = await meeting('Sub-group');
        for (let i = 0; i < 5; i += 1) await observation(m.id, `Note ${i}`);

        const everything = ids(await repo.all('observations'));
        const seen: string[] = [];
        let pageToken: string | undefined;
        let pages = 0;
        do {
          const page = await repo.query('observations', {
            top: 2,
            ...(pageToken ? { pageToken } : {}),
          });
          expect(page.items.length).toBeGreaterThan(0);
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...ids(page.items));
          pageToken = page.nextPageToken;
          pages += 1;
        } while (pageToken && pages < 1000);
        expect(seen).toEqual(everything);
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.length).toBeGreaterThanOrEqual(5);
      });
    });

    describe('changes', () => {
      it('gives everything without a token, nothing since, then only what changed', async () => {
        const a = await partner('Eastshire Constabulary', 'police');
        const b = await partner('Harbourside Integrated Care Board', 'health');
        const c = await partner('Eastshire Council', 'local-authority');

        const initial = await repo.changes('partners');
        expect(sorted(ids(initial.changed))).toEqual(sorted(ids(await repo.all('partners'))));
        expect(ids(initial.changed)).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
        expect(new Set(ids(initial.changed)).size).toBe(initial.changed.length);
        expect(typeof initial.nextToken).toBe('string');

        const quiet = await repo.changes('partners', initial.nextToken);
        expect(quiet.changed).toEqual([]);

        const a2 = await repo.update(
          'partners',
          a.id,
          { name: 'Eastshire Police' },
          a.etag,
          ctx(50),
        );
        await repo.update('partners', b.id, { homeTenantId: PARTNER_TENANT }, b.etag, ctx(51));
        await repo.update('partners', a.id, { homeTenantId: PARTNER_TENANT }, a2.etag, ctx(52));
        const d = await partner('Eastshire Schools Forum', 'education');
        // A write to another list is not a change to this one.
        await meeting('Audit');

        const delta = await repo.changes('partners', quiet.nextToken);
        expect(sorted(ids(delta.changed))).toEqual(sorted([a.id, b.id, d.id]));
        for (const item of delta.changed) {
          expect(item).toStrictEqual(await repo.get('partners', item.id));
        }
        expect(delta.changed.find((item) => item.id === a.id)?.version).toBe(3);

        expect((await repo.changes('partners', delta.nextToken)).changed).toEqual([]);
      });

      it('refuses a token it did not issue', async () => {
        await partner('Eastshire Constabulary');
        await expect(repo.changes('partners', 'not-a-real-token')).rejects.toThrow(Error);
      });
    });
  });
}
