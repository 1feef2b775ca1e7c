import type { CardRef, CardSearch, Recipient } from '../../application/ports/cards.js';
import type { CardLookup } from './card-gateway.js';

export interface GraphCardLookupOptions {
  /** https://graph.microsoft.com (or a national cloud's). */
  graphUrl: string;
  /** The app's id in the org catalog (the manifest id): finds the person's installation. */
  teamsAppId: string;
  /** The bot's app id: only the bot's own messages count. */
  botAppId: string;
  /** An app-only Graph token (empty for an unauthenticated test double). */
  token: () => Promise<string>;
  timeoutMs?: number;
}

interface GraphMessage {
  id?: string;
  createdDateTime?: string;
  from?: { application?: { id?: string } | null } | null;
  attachments?: { contentType?: string; content?: string | null }[];
}

/**
 * Looks in a person's 1:1 chat with the bot, through Microsoft Graph, for a card already sent:
 * the only read-back Teams offers, since the Bot Connector cannot list a conversation's messages.
 *
 * 1. GET /users/{oid}/teamwork/installedApps?$filter=teamsApp/externalId eq '{app}' (the install)
 * 2. GET /users/{oid}/teamwork/installedApps/{id}/chat (the chat id; cached)
 * 3. GET /chats/{chat}/messages?$top=50&$orderby=createdDateTime desc, back to `since`
 *
 * A message matches when the bot sent it and its Adaptive Card carries this recommendation and
 * partner in its action data (as every recommendation card does), or, for a digest, its ledger key. Needs application permissions
 * TeamsAppInstallation.ReadForUser.All and Chat.Read.All; reading chat messages with application
 * permissions is one of Microsoft's protected Teams APIs (it needs Microsoft's approval as well as
 * admin consent), so this lookup is off unless CARD_LOOKUP=graph. Any failure answers `unknown`,
 * never `absent`: only a complete read back to `since` may say the card is not there.
 */
export class GraphCardLookup implements CardLookup {
  private readonly chats = new Map<string, string>();

  constructor(private readonly options: GraphCardLookupOptions) {}

  async find(recipient: Recipient, ref: CardRef, since: Date): Promise<CardSearch> {
    try {
      const chatId = await this.chatId(recipient.entraObjectId);
      if (!chatId) return { kind: 'unknown' };
      let url: string | undefined =
        `${this.base()}/v1.0/chats/${encodeURIComponent(chatId)}/messages` +
        `?$top=50&$orderby=${encodeURIComponent('createdDateTime desc')}`;
      for (let page = 0; page < 20 && url; page++) {
        const body = (await this.get(url)) as {
          value?: GraphMessage[];
          '@odata.nextLink'?: string;
        };
        for (const message of body.value ?? []) {
          if (this.isCard(message, ref)) {
            return { kind: 'found', ...(message.id ? { activityId: message.id } : {}) };
          }
          const created = Date.parse(message.createdDateTime ?? '');
          if (!Number.isNaN(created) && created < since.getTime()) return { kind: 'absent' };
        }
        url = body['@odata.nextLink'];
      }
      return url ? { kind: 'unknown' } : { kind: 'absent' };
    } catch {
      return { kind: 'unknown' };
    }
  }

  private base(): string {
    return this.options.graphUrl.replace(/\/+$/, '');
  }

  private async chatId(objectId: string): Promise<string | undefined> {
    const cached = this.chats.get(objectId);
    if (cached) return cached;
    const user = encodeURIComponent(objectId);
    const filter = encodeURIComponent(`teamsApp/externalId eq '${this.options.teamsAppId}'`);
    const installs = (await this.get(
      `${this.base()}/v1.0/users/${user}/teamwork/installedApps?$expand=teamsApp&$filter=${filter}`,
    )) as { value?: { id?: string }[] };
    const installation = installs.value?.[0]?.id;
    if (!installation) return undefined;
    const chat = (await this.get(
      `${this.base()}/v1.0/users/${user}/teamwork/installedApps/${encodeURIComponent(installation)}/chat`,
    )) as { id?: string };
    if (chat.id) this.chats.set(objectId, chat.id);
    return chat.id;
  }

  private isCard(message: GraphMessage, ref: CardRef): boolean {
    const from = message.from?.application?.id;
    if (from !== this.options.botAppId) return false;
    return (message.attachments ?? []).some((a) => {
      if (!a.contentType?.includes('adaptive') || !a.content) return false;
      try {
        return carries(JSON.parse(a.content) as unknown, ref, 0);
      } catch {
        return false;
      }
    });
  }

  private async get(url: string): Promise<unknown> {
    const token = await this.options.token();
    const res = await fetch(url, {
      headers: {
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    if (!res.ok) throw new Error(`Graph answered ${res.status}`);
    return res.json();
  }
}

/** Whether any object in the card is action data for this card (recommendation and partner, or
 * a digest's key). */
function carries(node: unknown, ref: CardRef, depth: number): boolean {
  if (depth > 12 || node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((n) => carries(n, ref, depth + 1));
  const record = node as Record<string, unknown>;
  const match =
    ref.recommendationId === undefined
      ? record.deliveryKey === ref.deliveryKey // a digest carries its own ledger key
      : record.recommendationId === ref.recommendationId && record.partnerId === ref.partnerId;
  if (match) return true;
  return Object.values(record).some((v) => carries(v, ref, depth + 1));
}
