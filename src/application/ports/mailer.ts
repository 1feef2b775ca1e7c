/** One plain-text email. */
export interface OutgoingEmail {
  /**
   * What the email is for, e.g. `response-link:<linkId>`: a mailer that can (the embedded outbox)
   * writes the same email once however often it is asked.
   */
  key: string;
  to: string;
  subject: string;
  /** Plain text, no HTML. */
  body: string;
  /** The recommendation it is about, when there is one (the outbox can be read by it). */
  recommendationId?: string;
}

export type MailOutcome =
  /** `outbox`: written to the emailOutbox list (nothing leaves the server); `graph`: Graph took it (202). */
  | { ok: true; via: 'outbox' | 'graph' }
  /** Not sent. `retryable`: a throttle, a timeout or a server error; otherwise fix the setup. */
  | { ok: false; retryable: boolean; reason: string; retryAfterMs?: number };

/**
 * Sends email. The embedded adapter keeps it in the emailOutbox list for the business unit (the
 * default); the Graph adapter sends it from a mailbox in the partnership's tenant (MAIL=graph).
 * One attempt per call: the caller decides about retries.
 */
export interface Mailer {
  send(email: OutgoingEmail): Promise<MailOutcome>;
}
