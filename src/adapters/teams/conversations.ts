import type { TurnContext } from '@microsoft/agents-hosting';
import type { Deps } from '../../application/deps.js';
import { DuplicateError } from '../../application/ports/repository.js';
import { isAllowedServiceUrl } from './service-urls.js';

/**
 * Keeps where the bot can reach a person in a personal chat, keyed by their Entra object id, so
 * a proactive card can be sent later. Only 1:1 conversations count: a group chat is not private.
 * Only on an allowed connector (`serviceUrls`): proactive sends go wherever the reference says.
 */
export async function rememberConversation(
  deps: Deps,
  ctx: TurnContext,
  serviceUrls: readonly string[],
): Promise<void> {
  const a = ctx.activity;
  const oid = a.from?.aadObjectId;
  // Teams marks 1:1 chats 'personal'; some channels leave a 1:1 chat's type unset.
  const type = a.conversation?.conversationType;
  if (!oid || !a.conversation || (type !== undefined && type !== 'personal')) return;
  // The endpoint already refuses such activities; this keeps a bad address out of the store anyway.
  if (!isAllowedServiceUrl(a.serviceUrl, serviceUrls)) return;
  const ref = a.getConversationReference();
  const fields = {
    entraObjectId: oid,
    tenantId: a.conversation.tenantId ?? '',
    conversationId: a.conversation.id,
    serviceUrl: a.serviceUrl ?? '',
    reference: JSON.stringify({ ...ref, activityId: undefined }),
  };
  const ctxChange = {
    actorId: `aad:${oid}`,
    homeTenantId: fields.tenantId,
    channel: 'teams-card' as const,
    at: deps.now().toISOString(),
  };
  const [existing] = await deps.repo.all('conversations', { field: 'entraObjectId', equals: oid });
  if (existing) {
    if (existing.fields.reference !== fields.reference) {
      await deps.repo.update('conversations', existing.id, fields, existing.etag, ctxChange);
    }
    return;
  }
  try {
    await deps.repo.create('conversations', fields, ctxChange);
  } catch (e) {
    if (!(e instanceof DuplicateError)) throw e; // installationUpdate and conversationUpdate race
  }
}
