import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { listNames } from '../../src/domain/lists/schema.js';
import {
  DEMO_TENANT_ID,
  HEALTH_TENANT_ID,
  POLICE_TENANT_ID,
} from '../../src/server/seed/harbourside.js';
import { startBotHarness, TEAMS_USERS } from '../adapters/teams/support/bot-harness.js';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TIMEOUT_MS, fuzzParams } from './support/fuzz-config.js';
import { hostileJson } from './support/hostile.js';
import {
  activityArbitrary,
  type BotPools,
  type FuzzActivity,
} from './support/invoke-arbitraries.js';
import { sendRaw } from './support/raw-http.js';
import { watchStore } from './support/store-watch.js';
import { serviceUrlOf } from '../support/server.js';

/**
 * Property-based fuzzing of the bot (issue #7, item 6): hostile Teams activities, card invokes
 * above all, through the real pipeline (Express, the Agents SDK, the use cases, SQLite). The bot
 * always answers, never with a 5xx, never fails a turn, and writes nothing unless the sender may:
 * a known person, from their own or the partnership's tenant, acting on a record that is theirs
 * (their partner's recommendation as its lead, an action they own or lead, their own digest).
 * Forged references to other partners' records write nothing.
 */

const started = Date.now();
const h = await startBotHarness();
const store = watchStore(h.server.dataDir);
const repo = h.repo;

// Records of every partner, the police's and others', for the card data to point at.
const partners = await repo.all('partners');
const partnerOf = (name: string) => partners.find((p) => p.fields.name === name)?.id ?? '';
for (const name of ['Eastshire Constabulary', 'Harbourside Council', 'Coast & Vale ICB'])
  await h.issuedRecommendation([partnerOf(name)]);
await h.issuedRecommendation([partnerOf('Harbourside Council'), partnerOf('Coast & Vale ICB')]);

const people = await repo.all('people');
const ids = async (list: (typeof listNames)[number]) => (await repo.all(list)).map((i) => i.id);
const pools: BotPools = {
  senders: [
    ...Object.entries(TEAMS_USERS).map(([label, from]) => ({ label, from: { ...from } })),
    { label: 'a Teams user with no object id', from: { id: '29:no-oid', name: 'No Oid' } },
    {
      label: 'an unknown object id',
      from: {
        id: '29:unknown',
        aadObjectId: '0a1b2c3d-0000-4000-8000-777777777777',
        name: 'Unknown',
      },
    },
    {
      label: 'a hostile object id',
      from: { id: '29:hostile', aadObjectId: "' OR 1=1 --", name: '<b>x</b>' },
    },
    {
      label: 'an object id that is an array',
      from: { id: '29:array', aadObjectId: [TEAMS_USERS.aisha.aadObjectId] },
    },
  ],
  tenants: [DEMO_TENANT_ID, POLICE_TENANT_ID, HEALTH_TENANT_ID],
  recommendationIds: await ids('recommendations'),
  recommendationPairs: (await repo.all('recommendations')).flatMap((r) =>
    r.fields.partnerIds.map((partnerId) => ({ recommendationId: r.id, partnerId })),
  ),
  partnerIds: partners.map((p) => p.id),
  actionIds: await ids('actions'),
  personIds: people.map((p) => p.id),
  deliveryKeys: [...new Set((await repo.all('reminderNotices')).map((n) => n.fields.deliveryKey))],
  otherIds: (
    await Promise.all(
      ['findings', 'responses', 'slgItems', 'meetings'].map((l) => ids(l as 'findings')),
    )
  ).flat(),
};
const allowedTenants = new Set(pools.tenants);

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
let invokes = 0;
/** How the bot answered, by kind, for the summary: shows the fuzzing reached the handlers. */
const answers = new Map<string, number>();
const tally = (key: string) => answers.set(key, (answers.get(key) ?? 0) + 1);

// A failed turn is logged by name (the SDK would otherwise answer it quietly): count those.
const errors: string[] = [];
const consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  errors.push(args.map(String).join(' '));
});

afterAll(async () => {
  consoleError.mockRestore();
  console.log(
    `fuzz bot: ${invokes} activities (invokes and card submits), ${FUZZ_RUNS} runs per property, seed ${FUZZ_SEED}, ${((Date.now() - started) / 1000).toFixed(1)} s; answers ${JSON.stringify(Object.fromEntries([...answers].sort()))}`,
  );
  store.close();
  await h.close();
});

/** The tenant the bot reads an activity as coming from (as the bot does). */
const tenantOf = (a: Record<string, unknown>) =>
  ((a.conversation as { tenantId?: unknown } | undefined)?.tenantId ??
    (a.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id) as unknown;

const dataOf = (a: Record<string, unknown>): Record<string, unknown> => {
  const value = a.value as { action?: { data?: unknown } } | undefined;
  const data = a.type === 'message' ? value : value?.action?.data;
  return data && typeof data === 'object' && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {};
};

/**
 * Whether the sender may change anything with this activity, worked out from the store alone:
 * a known person, from their home tenant or the partnership's, named on a record that is theirs.
 * Deliberately generous (any of the record kinds will do, whatever the verb), so that "nothing
 * written" holds for everything else.
 */
async function mayWrite(fa: FuzzActivity): Promise<boolean> {
  const a = fa.activity;
  const tenant = tenantOf(a);
  if (typeof tenant !== 'string' || !allowedTenants.has(tenant)) return false;
  const oid = (a.from as { aadObjectId?: unknown } | undefined)?.aadObjectId;
  const person = people.find((p) => p.fields.entraObjectId === oid);
  if (!person || (person.fields.homeTenantId !== tenant && tenant !== DEMO_TENANT_ID)) return false;
  const leads = (partnerId: unknown) =>
    person.fields.partnerId === partnerId && person.fields.roles.includes('partner-lead');
  const d = dataOf(a);
  if (typeof d.recommendationId === 'string' && leads(d.partnerId)) {
    const rec = await repo.get('recommendations', d.recommendationId);
    if (rec?.fields.partnerIds.includes(d.partnerId as string)) return true;
  }
  if (typeof d.actionId === 'string') {
    const action = await repo.get('actions', d.actionId);
    if (action && (action.fields.ownerId === person.id || leads(action.fields.partnerId)))
      return true;
  }
  if (typeof d.deliveryKey === 'string') {
    const notices = await repo.all('reminderNotices', {
      field: 'deliveryKey',
      equals: d.deliveryKey,
    });
    if (notices.some((n) => n.fields.personId === person.id)) return true;
  }
  return false;
}

/** Posts as the Bot Connector: signed by the local channel for the body's serviceUrl, if any. */
async function post(body: string) {
  return sendRaw(h.server.url, {
    method: 'POST',
    path: '/api/messages',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await h.server.channelToken(serviceUrlOf(body))}`,
    },
    body,
  });
}

/** Sends each activity; fails naming every one the bot mishandled, and what was written. */
async function runBatch(batch: FuzzActivity[]) {
  const countsBefore = store.counts();
  const problems: string[] = [];
  for (const fa of batch) {
    invokes++;
    const allowed = await mayWrite(fa);
    const before = store.version();
    const putsBefore = h.connector.calls.filter((c) => c.method === 'PUT').length;
    const errorsBefore = errors.length;
    const where = `\n    ${String((fa as unknown as Record<symbol, () => string>)[fc.toStringMethod]?.() ?? fa.kind)}`;
    let res;
    try {
      res = await post(JSON.stringify(fa.activity));
    } catch (e) {
      problems.push(`no answer (${(e as Error).message})${where}`);
      continue;
    }
    const wrote = store.version() !== before;
    const puts = h.connector.calls.filter((c) => c.method === 'PUT').length - putsBefore;
    const invokeStatus = (res.json as { statusCode?: unknown } | undefined)?.statusCode;
    const answerType = (res.json as { type?: unknown } | undefined)?.type;
    const code = (res.json as { error?: { code?: unknown } } | undefined)?.error?.code;
    tally(
      `${res.status}${typeof answerType === 'string' ? ` ${answerType.replace(/^application\/vnd\.microsoft\./, '')}` : ''}${typeof code === 'string' ? ` ${code}` : ''}${wrote ? ' wrote' : ''}`,
    );
    if (res.status >= 500) problems.push(`status ${res.status}: ${res.text.slice(0, 200)}${where}`);
    if (typeof invokeStatus === 'number' && invokeStatus >= 500)
      problems.push(`invoke response status ${invokeStatus}${where}`);
    const failed = errors.slice(errorsBefore).filter((e) => /turn failed|request failed/.test(e));
    if (failed.length) problems.push(`the turn failed: ${failed.join('; ')}${where}`);
    if (wrote && !allowed)
      problems.push(`wrote although ${fa.sender.label} may not write this${where}`);
    if (puts > 0 && !allowed)
      problems.push(`updated a shared card (${puts}) for ${fa.sender.label}${where}`);
    if (wrote) await store.settle();
  }
  const keys = Object.getOwnPropertyNames(Object.prototype).sort();
  if (keys.join() !== prototypeKeys.join())
    problems.push(
      `Object.prototype changed: ${keys.filter((k) => !prototypeKeys.includes(k)).join(', ')}`,
    );
  if (problems.length) {
    const changed = store.diff(countsBefore, store.counts());
    throw new Error(
      `${problems.join('\n')}${changed.length ? `\n  tables changed in the batch: ${changed.join(', ')}` : ''}`,
    );
  }
}

const healthy = async () => {
  const res = await sendRaw(h.server.url, { method: 'GET', path: '/healthz', headers: {} });
  expect(res.status, 'the server still answers /healthz').toBe(200);
};

describe('the write detection itself', () => {
  it('sees a response the police partner lead may make, and the oracle allows it', async () => {
    const rec = await h.issuedRecommendation([partnerOf('Eastshire Constabulary')]);
    const aishaId = people.find(
      (p) => p.fields.entraObjectId === TEAMS_USERS.aisha.aadObjectId,
    )?.id;
    const data = {
      recommendationId: rec.id,
      partnerId: partnerOf('Eastshire Constabulary'),
      decision: 'accept',
      rationale: 'We accept it and will report attendance monthly.',
      action1What: 'Report attendance at strategy discussions monthly.',
      action1Owner: aishaId,
      action1Due: '2099-01-31',
      action1Evidence: 'The monthly attendance report.',
    };
    const activity: FuzzActivity = {
      kind: 'invoke adaptiveCard/action',
      sender: { label: 'aisha', from: { ...TEAMS_USERS.aisha } },
      tenant: { conversation: POLICE_TENANT_ID, channelData: POLICE_TENANT_ID },
      activity: {
        type: 'invoke',
        name: 'adaptiveCard/action',
        channelId: 'msteams',
        serviceUrl: h.connector.url,
        id: 'control-1',
        from: { ...TEAMS_USERS.aisha },
        recipient: { id: '28:critical-friend' },
        conversation: {
          id: 'a:personal-aisha',
          conversationType: 'personal',
          tenantId: POLICE_TENANT_ID,
        },
        channelData: { tenant: { id: POLICE_TENANT_ID } },
        value: {
          action: { type: 'Action.Execute', verb: 'respondToRecommendation', data },
          trigger: 'manual',
        },
      },
    };
    expect(await mayWrite(activity)).toBe(true);
    const before = store.version();
    const res = await post(JSON.stringify(activity.activity));
    expect(res.status).toBe(200);
    expect(store.version()).not.toBe(before);
    await store.settle();
  });
});

describe('card invokes and submits, fuzzed', () => {
  it(
    'from every kind of sender and tenant, with forged references: answered, never 5xx, nothing written unless the sender may',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(activityArbitrary(pools, h.connector.url), { minLength: 1, maxLength: 4 }),
          runBatch,
        ),
        fuzzParams(12),
      );
      await healthy();
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'forged references alone, from the police partner lead: another partner’s records are never written',
    async () => {
      const police = partnerOf('Eastshire Constabulary');
      const aisha = people.find((p) => p.fields.entraObjectId === TEAMS_USERS.aisha.aadObjectId);
      expect(aisha?.fields.partnerId).toBe(police);
      // Only other partners' records, so that every one of these must write nothing.
      const recs = (await repo.all('recommendations'))
        .filter((r) => !r.fields.partnerIds.includes(police))
        .map((r) => r.id);
      const actions = (await repo.all('actions'))
        .filter((x) => x.fields.partnerId !== police && x.fields.ownerId !== aisha?.id)
        .map((x) => x.id);
      const forged = activityArbitrary(
        {
          ...pools,
          senders: pools.senders.filter((s) => s.label === 'aisha'),
          tenants: [DEMO_TENANT_ID, POLICE_TENANT_ID],
          recommendationIds: recs,
          recommendationPairs: [],
          actionIds: actions,
          deliveryKeys: [],
        },
        h.connector.url,
      );
      await fc.assert(
        fc.asyncProperty(fc.array(forged, { minLength: 1, maxLength: 4 }), async (batch) => {
          for (const fa of batch) expect(await mayWrite(fa)).toBe(false);
          await runBatch(batch);
        }),
        fuzzParams(6),
      );
      await healthy();
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('bodies that are not activities', () => {
  it(
    'are refused with a 4xx, or answered, never 5xx, and write nothing',
    async () => {
      const arb = fc.oneof(
        hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
        fc.constantFrom(
          '',
          '{',
          'null',
          '[]',
          '{"type":"invoke"}',
          '{"type":"message","text":"HSCP-R-2026-01"}',
        ),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(arb, { minLength: 1, maxLength: 4 }), async (bodies) => {
          const problems: string[] = [];
          for (const body of bodies) {
            invokes++;
            const before = store.version();
            const res = await post(body);
            if (res.status >= 500) problems.push(`status ${res.status} for ${body.slice(0, 200)}`);
            if (store.version() !== before) problems.push(`wrote for ${body.slice(0, 200)}`);
          }
          if (problems.length) throw new Error(problems.join('\n'));
        }),
        fuzzParams(2),
      );
      await healthy();
    },
    FUZZ_TIMEOUT_MS,
  );
});
