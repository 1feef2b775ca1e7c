import type { MailOutcome, Mailer, OutgoingEmail } from '../../application/ports/mailer.js';

export interface GraphMailerOptions {
  /** `https://graph.microsoft.com`, or a national cloud's Graph endpoint. */
  graphUrl: string;
  /** The mailbox the email is sent from (its UPN or object id), e.g. a shared mailbox of the business unit. */
  sender: string;
  /** An app-only Graph token with Mail.Send (limit it to the sender with an application access policy). */
  token: () => Promise<string>;
  /** Injectable for tests; the global fetch by default. */
  fetch?: typeof fetch;
  /** One request's limit. */
  timeoutMs?: number;
}

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * Sends email through Microsoft Graph (MAIL=graph): `POST /v1.0/users/{sender}/sendMail` with a
 * plain-text message, which Graph answers 202 Accepted. One attempt per call; the outcome says
 * whether a retry could help. A reason names the status and Graph's error code only, never the
 * message, which could quote the email.
 */
export class GraphMailer implements Mailer {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: GraphMailerOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async send(email: OutgoingEmail): Promise<MailOutcome> {
    const base = this.options.graphUrl.replace(/\/+$/, '');
    const url = `${base}/v1.0/users/${encodeURIComponent(this.options.sender)}/sendMail`;
    let token: string;
    try {
      token = await this.options.token();
    } catch {
      return { ok: false, retryable: true, reason: 'no Graph token' };
    }
    let res: Response;
    try {
      res = await this.fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          message: {
            subject: email.subject,
            body: { contentType: 'Text', content: email.body },
            toRecipients: [{ emailAddress: { address: email.to } }],
          },
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (e) {
      const timeout = (e as Error)?.name === 'TimeoutError';
      return { ok: false, retryable: true, reason: timeout ? 'timeout' : 'connection' };
    }
    if (res.status === 202 || res.ok) return { ok: true, via: 'graph' };
    let code = '';
    try {
      const body = (await res.json()) as { error?: { code?: unknown } };
      if (typeof body.error?.code === 'string') code = ` ${body.error.code.slice(0, 80)}`;
    } catch {
      /* no JSON body */
    }
    const after = retryAfterMs(res.headers.get('retry-after'));
    return {
      ok: false,
      retryable: RETRYABLE.has(res.status),
      reason: `Graph answered ${res.status}${code}`,
      ...(after !== undefined ? { retryAfterMs: after } : {}),
    };
  }
}
