import {
  CardFactory,
  HttpError,
  MessageFactory,
  type CloudAdapter,
} from '@microsoft/agents-hosting';
import type { ConversationReference } from '@microsoft/agents-activity';
import type {
  CardGateway,
  CardRef,
  CardSearch,
  DigestCardView,
  RecommendationCardView,
  Recipient,
  SendOutcome,
} from '../../application/ports/cards.js';
import type { Repository } from '../../application/ports/repository.js';
import { parseRetryAfter } from '../../domain/retry.js';
import { recommendationCard } from './cards/recommendation-card.js';
import { digestCard } from './cards/digest-card.js';
import type { CardJson } from './cards/card-text.js';
import { isAllowedServiceUrl } from './service-urls.js';

/** A way to look in a person's chat for a card already sent (see GraphCardLookup). */
export interface CardLookup {
  find(recipient: Recipient, ref: CardRef, since: Date): Promise<CardSearch>;
}

export interface TeamsCardGatewayOptions {
  /**
   * How long one send may take before it counts as a timeout (unconfirmed). The Agents SDK sets
   * no timeout on its connector calls; Bot Service itself gives up after 10–15 s.
   */
  sendTimeoutMs?: number;
  /** How to check a chat after an unconfirmed send; without one every check says `unknown`. */
  lookup?: CardLookup;
  /**
   * config.botServiceUrls: a stored conversation on any other connector is never sent to (a
   * tampered or stale reference). Production always sets it; left out, any address is used.
   */
  serviceUrls?: readonly string[];
}

/** 403 codes meaning no message can reach this person until they (or an admin) act. */
const blockedCodes: Record<string, string> = {
  MessageWritesBlocked:
    'Teams will not deliver to them: Critical Friend is blocked or was removed in their Teams.',
  ConversationBlockedByUser: 'They have blocked Critical Friend in Teams.',
  BotDisabledByAdmin: 'Their Teams administrator has disabled Critical Friend for them.',
  BotNotInConversationRoster:
    'Critical Friend was removed from their Teams; it needs to be installed again.',
  ForbiddenOperationException: 'Critical Friend is not installed in their Teams.',
};

/** Network failures that happen before a request is written: Teams never saw it. */
const neverSent = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

class SendTimeout extends Error {
  override name = 'SendTimeout';
}

/**
 * Sends cards proactively to the 1:1 conversation stored for each person, one attempt per call,
 * and says what Teams answered in the terms the delivery worker needs (see SendOutcome). It
 * follows Microsoft's table of Bot API status codes: 429 Throttled (retry after Retry-After),
 * 412 (retry), 403 blocked/uninstalled (do not retry), 404 conversation gone, 413 too big, 5xx.
 */
export class TeamsCardGateway implements CardGateway {
  private readonly sendTimeoutMs: number;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly repo: Repository,
    private readonly options: TeamsCardGatewayOptions = {},
  ) {
    this.sendTimeoutMs = options.sendTimeoutMs ?? 15_000;
  }

  async sendRecommendation(
    recipient: Recipient,
    view: RecommendationCardView,
    _ref: CardRef,
  ): Promise<SendOutcome> {
    return this.send(recipient, () => recommendationCard(view));
  }

  async sendDigest(
    recipient: Recipient,
    view: DigestCardView,
    _ref: CardRef,
  ): Promise<SendOutcome> {
    // Only the recipient's own client refreshes it (to tick off what was dealt with since).
    return this.send(recipient, (userId) =>
      digestCard(view, userId ? { refreshUserIds: [userId] } : {}),
    );
  }

  /** One proactive send of a card to the person's 1:1 chat, classified for the worker. */
  private async send(
    recipient: Recipient,
    render: (teamsUserId: string | undefined) => CardJson,
  ): Promise<SendOutcome> {
    const [conversation] = await this.repo.all('conversations', {
      field: 'entraObjectId',
      equals: recipient.entraObjectId,
    });
    if (!conversation) {
      return {
        kind: 'unreachable',
        reason: 'not-installed',
        detail: 'Critical Friend is not installed in their Teams yet.',
      };
    }
    const reference = readReference(conversation.fields.reference);
    const allowed = this.options.serviceUrls;
    if (!reference || (allowed && !isAllowedServiceUrl(reference.serviceUrl, allowed))) {
      return {
        kind: 'unreachable',
        reason: 'not-installed',
        detail:
          'Their stored Teams chat is not one Critical Friend sends to; they need to open the app in Teams again.',
      };
    }
    const activity = MessageFactory.attachment(
      CardFactory.adaptiveCard(render(reference.user?.id)),
    );
    let started = false;
    let failure: unknown;
    let activityId: string | undefined;
    const attempt = this.adapter.continueConversation(this.botAppId, reference, async (ctx) => {
      started = true;
      try {
        activityId = (await ctx.sendActivity(activity))?.id;
      } catch (e) {
        // Kept from the adapter's onTurnError, which would answer the person with an error
        // message: a failed proactive send is the worker's business, not theirs.
        failure = e;
      }
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        attempt,
        new Promise<never>((_, fail) => {
          timer = setTimeout(() => fail(new SendTimeout()), this.sendTimeoutMs);
        }),
      ]);
    } catch (e) {
      attempt.catch(() => undefined); // a late answer changes nothing: the send is unconfirmed
      if (e instanceof SendTimeout) {
        return started
          ? { kind: 'ambiguous', cause: 'timeout' }
          : { kind: 'not-sent', cause: 'connection' };
      }
      // Thrown before the card was handed to the connector (token, conversation reference).
      if (!started) return { kind: 'not-sent', cause: 'connection' };
      failure = e;
    } finally {
      clearTimeout(timer);
    }
    if (failure !== undefined) return classify(failure);
    return { kind: 'sent', ...(activityId ? { activityId } : {}) };
  }

  async findCard(recipient: Recipient, ref: CardRef, since: Date): Promise<CardSearch> {
    if (!this.options.lookup) return { kind: 'unknown' };
    return this.options.lookup.find(recipient, ref, since);
  }
}

/** The stored conversation reference, or undefined when it is not one (damaged or tampered). */
function readReference(raw: string): ConversationReference | undefined {
  try {
    const ref = JSON.parse(raw) as unknown;
    return ref && typeof ref === 'object' && !Array.isArray(ref)
      ? (ref as ConversationReference)
      : undefined;
  } catch {
    return undefined;
  }
}

/** An error body as text, to look for Teams' codes (`{ error: { code, message, subCode? } }`). */
function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/** What an error from a send says about the card. */
export function classify(error: unknown, now = Date.now()): SendOutcome {
  const status = error instanceof HttpError ? error.status : (error as { status?: unknown }).status;
  if (typeof status === 'number') {
    const response = (error as Partial<HttpError>).response;
    const retryAfterMs = parseRetryAfter(response?.headers?.get?.('retry-after'), now);
    const retry = retryAfterMs !== undefined ? { retryAfterMs } : {};
    const body = bodyText(response?.data);
    if (status === 429) return { kind: 'throttled', ...retry };
    if (status === 412) return { kind: 'not-sent', cause: 'server-error', status, ...retry };
    if (status === 403) {
      const code = Object.keys(blockedCodes).find((c) => body.includes(c));
      if (code) return { kind: 'unreachable', reason: 'blocked', detail: blockedCodes[code] ?? '' };
      return { kind: 'rejected', status, detail: 'Teams refused the card (HTTP 403).' };
    }
    if (status === 404) {
      return {
        kind: 'unreachable',
        reason: 'not-installed',
        detail:
          'Their chat with Critical Friend no longer exists; they need to open the app again.',
      };
    }
    if (status === 413) {
      return { kind: 'rejected', status, detail: 'The card is too large for Teams.' };
    }
    if (status === 408 || status >= 500) {
      return {
        kind: 'ambiguous',
        cause: status === 408 || status === 504 ? 'timeout' : 'server-error',
        status,
        ...retry,
      };
    }
    return { kind: 'rejected', status, detail: `Teams refused the card (HTTP ${status}).` };
  }
  const code = networkCode(error);
  if (code && neverSent.has(code)) return { kind: 'not-sent', cause: 'connection' };
  return { kind: 'ambiguous', cause: 'connection' };
}

/** `fetch` fails with a TypeError whose cause (or its cause) carries the system error code. */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
