import fc from 'fast-check';
import {
  REFRESH_ACTION_VERB,
  UPDATE_ACTION_VERB,
  actionUpdateInputIds,
} from '../../../src/adapters/teams/cards/action-update-card.js';
import {
  OPEN_DIGEST_ITEM_VERB,
  REFRESH_DIGEST_VERB,
} from '../../../src/adapters/teams/cards/digest-card.js';
import {
  REFRESH_VERB,
  RESPOND_VERB,
  responseInputIds,
} from '../../../src/adapters/teams/cards/recommendation-card.js';
import { MAX_PROPOSED_ACTIONS } from '../../../src/domain/responses.js';
import { decisions } from '../../../src/domain/vocabulary.js';
import { hostileJson, hostileKey, hostileString, hugeString, ownProto } from './hostile.js';

/**
 * Teams activities for the bot, hostile in every part a sender controls: who (known people,
 * strangers, no object id), which tenant (the partnership's, a partner's, an unknown one, two
 * that disagree), the verb, and card data that forges references to real records.
 */

export const KNOWN_VERBS = [
  RESPOND_VERB,
  REFRESH_VERB,
  UPDATE_ACTION_VERB,
  REFRESH_ACTION_VERB,
  REFRESH_DIGEST_VERB,
  OPEN_DIGEST_ITEM_VERB,
];

export interface Sender {
  label: string;
  from?: Record<string, unknown>;
}

/** Real records to forge references to; the people are the senders. */
export interface BotPools {
  senders: Sender[];
  tenants: string[];
  recommendationIds: string[];
  partnerIds: string[];
  /** Recommendations with each partner they name: the references a genuine card carries. */
  recommendationPairs: { recommendationId: string; partnerId: string }[];
  actionIds: string[];
  personIds: string[];
  deliveryKeys: string[];
  otherIds: string[];
}

export interface FuzzActivity {
  kind: string;
  sender: Sender;
  /** conversation.tenantId and channelData.tenant.id (undefined: left out). */
  tenant: { conversation?: string; channelData?: string };
  activity: Record<string, unknown>;
}

const pick = <T>(xs: T[], fallback: T): fc.Arbitrary<T> =>
  xs.length ? fc.constantFrom(...xs) : fc.constant(fallback);

/** Card data: forged references to real records, the form's inputs with hostile values. */
function cardData(p: BotPools) {
  const ref = (xs: string[]) =>
    fc.oneof(
      { weight: 4, arbitrary: pick(xs, 'x') },
      { weight: 1, arbitrary: pick(p.otherIds, 'x') },
      { weight: 1, arbitrary: hostileString(120) },
    );
  const text = fc.oneof(
    { weight: 3, arbitrary: hostileString(200) },
    { weight: 1, arbitrary: hugeString },
    { weight: 1, arbitrary: hostileJson },
  );
  const form: Record<string, fc.Arbitrary<unknown>> = {
    [responseInputIds.decision]: fc.oneof(fc.constantFrom(...decisions), hostileJson),
    [responseInputIds.rationale]: text,
    [actionUpdateInputIds.progress]: fc.oneof(
      fc.constantFrom('on-track', 'at-risk', 'off-track', 'complete', 'done'),
      text,
    ),
    [actionUpdateInputIds.narrative]: text,
    [actionUpdateInputIds.evidenceLink]: fc.oneof(
      fc.constantFrom(
        'https://example.org/x',
        'javascript:alert(1)',
        'file:///etc/passwd',
        'http://127.0.0.1:1/',
      ),
      text,
    ),
    [actionUpdateInputIds.revisedDate]: fc.oneof(
      fc.constantFrom('2099-01-31', '2026-02-30', '1900-01-01'),
      text,
    ),
  };
  for (let slot = 1; slot <= MAX_PROPOSED_ACTIONS + 1; slot++) {
    const ids = responseInputIds.action(slot);
    form[ids.description] = text;
    form[ids.ownerId] = ref(p.personIds);
    form[ids.targetDate] = fc.oneof(
      fc.constantFrom('2099-01-31', '2000-01-01', '2026-13-01'),
      text,
    );
    form[ids.evidence] = text;
  }
  const hints: Record<string, fc.Arbitrary<unknown>> = {
    recommendationId: ref(p.recommendationIds),
    partnerId: ref(p.partnerIds),
    actionId: ref(p.actionIds),
    submitKey: fc.oneof(fc.uuid(), hostileString(120)),
    again: fc.oneof(fc.boolean(), hostileJson),
    deliveryKey: ref(p.deliveryKeys),
    kind: fc.oneof(fc.constantFrom('response', 'action'), hostileString(20)),
    subjectId: ref([...p.recommendationIds, ...p.actionIds]),
    verb: fc.oneof(fc.constantFrom(...KNOWN_VERBS), hostileString(30)),
    responderId: ref(p.personIds),
    actorId: ref(p.personIds),
    tenantId: pick(p.tenants, 'x'),
  };
  const optional = (keys: string[]) =>
    fc.record(Object.fromEntries(keys.map((k) => [k, all[k] ?? hostileJson])), {
      requiredKeys: [],
    });
  const all: Record<string, fc.Arbitrary<unknown>> = { ...hints, ...form };
  // Each verb's own references, always present, so most runs reach the handler's checks.
  const extra = fc.dictionary(hostileKey, hostileJson, { maxKeys: 2 });
  const template = (required: fc.Arbitrary<Record<string, unknown>>, rest: string[]) =>
    fc
      .tuple(required, optional(rest), extra)
      .map(([req, more, ex]) => ownProto({ ...ex, ...more, ...req }));
  // Each verb family's own references, always present, so most runs reach the handler's checks.
  const families = {
    recommendation: template(
      fc.oneof(
        ...(p.recommendationPairs.length ? [fc.constantFrom(...p.recommendationPairs)] : []),
        fc.record({ recommendationId: hints.recommendationId!, partnerId: hints.partnerId! }),
      ),
      Object.keys(form),
    ),
    action: template(
      fc.record(
        { actionId: hints.actionId!, submitKey: hints.submitKey! },
        { requiredKeys: ['actionId'] },
      ),
      [...Object.values(actionUpdateInputIds), 'again'],
    ),
    digest: template(fc.record({ deliveryKey: hints.deliveryKey! }), [
      'kind',
      'subjectId',
      'partnerId',
    ]),
    any: template(fc.constant({}), Object.keys(all)),
  };
  const loose = fc.oneof(
    { weight: 8, arbitrary: fc.oneof(...Object.values(families)) },
    { weight: 1, arbitrary: hostileJson },
    { weight: 1, arbitrary: fc.constantFrom(null, [], 'data', 1, [{}]) },
  );
  return { families, loose };
}

const familyOf: Record<string, 'recommendation' | 'action' | 'digest'> = {
  [RESPOND_VERB]: 'recommendation',
  [REFRESH_VERB]: 'recommendation',
  [UPDATE_ACTION_VERB]: 'action',
  [REFRESH_ACTION_VERB]: 'action',
  [REFRESH_DIGEST_VERB]: 'digest',
  [OPEN_DIGEST_ITEM_VERB]: 'digest',
};

/** The invoke's value: Action.Execute mostly (a verb with its own kind of data, or any), and shapes that are not. */
function invokeValue(p: BotPools): fc.Arbitrary<unknown> {
  const data = cardData(p);
  const matched = fc.oneof(
    ...KNOWN_VERBS.map((verb) =>
      data.families[familyOf[verb] ?? 'any'].map((d) => ({ verb, data: d })),
    ),
  );
  const mismatched = fc.record({
    verb: fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...KNOWN_VERBS) },
      { weight: 1, arbitrary: hostileString(40) },
      { weight: 1, arbitrary: hostileJson },
    ),
    data: data.loose,
  });
  const execute = fc
    .record({
      verbAndData: fc.oneof(
        { weight: 3, arbitrary: matched },
        { weight: 1, arbitrary: mismatched },
      ),
      type: fc.oneof(
        { weight: 5, arbitrary: fc.constant('Action.Execute') },
        { weight: 1, arbitrary: fc.constantFrom('Action.Submit', 'Action.OpenUrl', '') },
      ),
      id: fc.constantFrom('submit', 'refresh', ''),
      trigger: fc.constantFrom('manual', 'automatic', 'bogus', undefined),
    })
    .map(({ verbAndData, type, id, trigger }) => ({
      action: { type, id, ...verbAndData },
      ...(trigger !== undefined ? { trigger } : {}),
    }));
  return fc.oneof(
    { weight: 8, arbitrary: execute },
    { weight: 1, arbitrary: hostileJson },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

export function activityArbitrary(p: BotPools, serviceUrl: string): fc.Arbitrary<FuzzActivity> {
  const tenantValue = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...p.tenants) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: hostileString(40) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const tenant = fc.oneof(
    { weight: 4, arbitrary: tenantValue.map((t) => ({ conversation: t, channelData: t })) },
    { weight: 1, arbitrary: fc.record({ conversation: tenantValue, channelData: tenantValue }) },
  );
  const conversationType = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('personal', 'groupChat', 'channel') },
    { weight: 1, arbitrary: fc.constantFrom(undefined, 'bogus') },
  );
  const kind = fc.oneof(
    { weight: 10, arbitrary: fc.constant('invoke adaptiveCard/action') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'invoke task/fetch',
        'invoke composeExtension/query',
        'invoke signin/verifyState',
        'invoke actionableMessage/executeAction',
        'invoke ',
        'invoke \u202E',
      ),
    },
    // The Action.Submit fallback, in a group chat (a 1:1 message would store the chat for later sends).
    { weight: 2, arbitrary: fc.constant('message with value') },
  );
  return fc
    .record({
      kind,
      sender: fc.constantFrom(...p.senders),
      tenant,
      conversationType,
      value: invokeValue(p),
      // An empty replyToId is malformed to the SDK (a 400): rarely, so most activities get further.
      replyToId: fc.option(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom('card-1', 'sent-1', '../x') },
          { weight: 1, arbitrary: fc.constant('') },
        ),
        { nil: undefined },
      ),
      id: fc.option(fc.uuid(), { nil: undefined }),
    })
    .map(({ kind, sender, tenant, conversationType, value, replyToId, id }) => {
      const conversation: Record<string, unknown> = {
        id:
          conversationType === 'personal'
            ? `a:personal-${String(sender.from?.id ?? 'x')}`
            : '19:fuzz@thread.v2',
        ...(conversationType ? { conversationType } : {}),
        ...(tenant.conversation !== undefined ? { tenantId: tenant.conversation } : {}),
      };
      const message = kind === 'message with value';
      if (message && conversation.conversationType !== 'groupChat')
        conversation.conversationType = 'groupChat';
      const action = (value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
      const activity: Record<string, unknown> = {
        channelId: 'msteams',
        serviceUrl,
        id: id ?? `fuzz-${Math.random().toString(36).slice(2)}`,
        timestamp: new Date().toISOString(),
        ...(sender.from ? { from: sender.from } : {}),
        recipient: { id: '28:critical-friend', name: 'Critical Friend' },
        conversation,
        channelData: tenant.channelData !== undefined ? { tenant: { id: tenant.channelData } } : {},
        locale: 'en-GB',
        ...(replyToId !== undefined ? { replyToId } : {}),
        ...(message
          ? {
              type: 'message',
              value:
                action && typeof action.data === 'object' && action.data
                  ? { ...action.data, verb: action.verb }
                  : value,
            }
          : {
              type: 'invoke',
              name: kind.slice('invoke '.length),
              ...(value !== undefined ? { value } : {}),
            }),
      };
      const out: FuzzActivity = { kind, sender, tenant, activity };
      Object.defineProperty(out, fc.toStringMethod, {
        value: () =>
          `${kind} from ${sender.label}, tenant ${JSON.stringify(tenant)}: ${JSON.stringify(activity).slice(0, 600)}`,
      });
      return out;
    });
}
