import { checkResponse, responseKey } from '../../domain/recommendations.js';
import {
  actionKey,
  checkSubmission,
  londonDate,
  nextSlgMeeting,
  sameSubmission,
  slgKindFor,
  type CheckedResponse,
  type ResponseDraft,
} from '../../domain/responses.js';
import type { Channel } from '../../domain/vocabulary.js';
import { changeContext, type Actor, type Deps } from '../deps.js';
import { forbidden, fromDomain, notFound } from '../errors.js';
import { assertNoIdentifiableData } from '../guard.js';
import { DuplicateError, type StoredItem } from '../ports/repository.js';
import { requireRole } from './authorise.js';
import { createOnce } from './create-once.js';

/**
 * The person behind a signed activity or token: found by their Entra object id, and only if the
 * activity's tenant is theirs, or the partnership's own tenant (where partner staff are guests).
 * The ids come from the authenticated channel, never from a card's data.
 */
export async function identifyPerson(
  deps: Deps,
  objectId: string | undefined,
  tenantId: string | undefined,
): Promise<Actor | undefined> {
  if (!objectId || !tenantId) return undefined;
  const [item] = await deps.repo.all('people', { field: 'entraObjectId', equals: objectId });
  if (!item) return undefined;
  if (item.fields.homeTenantId !== tenantId) {
    const [partnership] = await deps.repo.all('partnerships');
    if (partnership?.fields.tenantId !== tenantId) return undefined;
  }
  return { ...item.fields, id: item.id };
}

export interface RespondInput extends ResponseDraft {
  recommendationId: string;
  /** The partner the card was about: a hint, checked against the responder's own record. */
  partnerId?: string | undefined;
}

export interface RespondResult {
  /** `recorded`: this submission is the response (new, or a retry completing it); `already`: another one was recorded first. */
  outcome: 'recorded' | 'already';
  response: StoredItem<'responses'>;
  /** Whether this call wrote the response itself (false for a retry or a duplicate). */
  created: boolean;
  /** Whether this call wrote anything (a retry completing an earlier attempt's work does). */
  wrote: boolean;
  actions: StoredItem<'actions'>[];
  slgItem?: StoredItem<'slgItems'>;
}

/**
 * Records a partner lead's response with its actions and, for a partial acceptance or a decline,
 * an item for the Strategic Leadership Group's next meeting. Exactly once: the response, each
 * action (response key + slot) and the SLG item (response key) have unique keys, so a retried or
 * duplicated invoke writes nothing twice and completes whatever an earlier attempt left undone;
 * a second responder racing the first gets `already` and the recorded response. Everything is
 * checked before anything is written: authorisation from server state, the rationale, the actions,
 * and the identifiable-data guard on every free-text field.
 */
export async function respondToRecommendation(
  deps: Deps,
  responder: Actor,
  input: RespondInput,
  channel: Channel,
): Promise<RespondResult> {
  requireRole(responder, ['partner-lead'], 'respond to recommendations');
  const partnerId = responder.partnerId;
  if (!partnerId) throw forbidden('You are not recorded as leading a partner.');
  if (input.partnerId !== undefined && input.partnerId !== partnerId)
    throw forbidden('You may respond only for your own organisation.');
  const rec = await deps.repo.get('recommendations', input.recommendationId);
  if (!rec || rec.fields.status === 'draft')
    throw notFound(`There is no recommendation ${input.recommendationId}.`);
  const key = responseKey(rec.id, partnerId);
  const [existing] = await deps.repo.all('responses', { field: 'responseKey', equals: key });

  const [partner, people] = await Promise.all([
    deps.repo.get('partners', partnerId),
    deps.repo.all('people', { field: 'partnerId', equals: partnerId }),
  ]);
  const today = londonDate(deps.now());
  const checked = checkSubmission(input, {
    ownerIds: new Set(people.map((p) => p.id)),
    partnerName: partner?.fields.name ?? 'the partner',
    today,
  });
  if (existing && !(checked.ok && isRetry(existing, responder, checked.value)))
    return { outcome: 'already', response: existing, created: false, wrote: false, actions: [] };
  if (!checked.ok) throw fromDomain(checked.error);
  const response = checked.value;

  const open = checkResponse(
    { ...rec.fields, id: rec.id },
    { partnerId, decision: response.decision, rationale: response.rationale },
    [],
  );
  if (!open.ok && !existing) throw fromDomain(open.error);
  assertNoIdentifiableData('responses', { rationale: response.rationale });
  for (const a of response.actions)
    assertNoIdentifiableData('actions', {
      description: a.description,
      evidenceExpected: a.evidenceExpected,
    });

  const ctx = changeContext(deps, responder, channel);
  let stored = existing;
  let created = false;
  if (!stored) {
    try {
      stored = await deps.repo.create(
        'responses',
        {
          recommendationId: rec.id,
          partnerId,
          decision: response.decision,
          rationale: response.rationale,
          responderId: responder.id,
          responderTenantId: responder.homeTenantId,
          channel,
          respondedAt: ctx.at,
          responseKey: key,
        },
        ctx,
      );
      created = true;
    } catch (e) {
      if (!(e instanceof DuplicateError)) throw e;
      // Another request won the race: a duplicate of this one completes it, anyone else's stands.
      const winner = await deps.repo.get('responses', e.existingId);
      if (!winner) throw e;
      if (!isRetry(winner, responder, response))
        return { outcome: 'already', response: winner, created: false, wrote: false, actions: [] };
      stored = winner;
    }
  }

  let wrote = created;
  const actions: StoredItem<'actions'>[] = [];
  for (const a of response.actions) {
    const { item, created: added } = await createOnce(
      deps.repo,
      'actions',
      {
        recommendationId: rec.id,
        responseId: stored.id,
        partnerId,
        description: a.description,
        ownerId: a.ownerId,
        targetDate: a.targetDate,
        evidenceExpected: a.evidenceExpected,
        status: 'open',
        actionKey: actionKey(key, a.slot),
      },
      ctx,
    );
    actions.push(item);
    wrote ||= added;
  }

  let slgItem: StoredItem<'slgItems'> | undefined;
  const kind = slgKindFor(response.decision);
  if (kind) {
    // Only the SLG's meetings, not every meeting and visit the scrutineer has ever observed.
    const meetings = await deps.repo.all('meetings', {
      field: 'kind',
      equals: 'strategic-leadership-group',
    });
    const meeting = nextSlgMeeting(
      meetings.map((m) => ({ ...m.fields, id: m.id })),
      today,
    );
    const referred = await createOnce(
      deps.repo,
      'slgItems',
      {
        recommendationId: rec.id,
        partnerId,
        responseId: stored.id,
        kind,
        status: 'awaiting-ruling',
        ...(meeting ? { meetingId: meeting.id } : {}),
        itemKey: key,
      },
      ctx,
    );
    slgItem = referred.item;
    wrote ||= referred.created;
  }
  return {
    outcome: 'recorded',
    response: stored,
    created,
    wrote,
    actions,
    ...(slgItem ? { slgItem } : {}),
  };
}

const isRetry = (recorded: StoredItem<'responses'>, responder: Actor, response: CheckedResponse) =>
  sameSubmission(recorded.fields, responder.id, response);
