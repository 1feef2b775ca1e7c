import type { MailOutcome, Mailer, OutgoingEmail } from '../../application/ports/mailer.js';
import type { Repository } from '../../application/ports/repository.js';
import { createOnce } from '../../application/use-cases/create-once.js';

/**
 * The default mailer (MAIL=embedded): sends nothing. It writes each email to the emailOutbox list,
 * once per message key, where the business unit reads it (`GET /api/email-outbox`) and passes it
 * on. Nothing leaves the partnership's store.
 */
export class EmbeddedMailer implements Mailer {
  constructor(
    private readonly repo: Repository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(email: OutgoingEmail): Promise<MailOutcome> {
    await createOnce(
      this.repo,
      'emailOutbox',
      {
        messageKey: email.key,
        to: email.to,
        subject: email.subject,
        body: email.body,
        status: 'held',
        ...(email.recommendationId ? { recommendationId: email.recommendationId } : {}),
      },
      {
        actorId: 'system:mail',
        homeTenantId: '',
        channel: 'system',
        at: this.now().toISOString(),
      },
    );
    return { ok: true, via: 'outbox' };
  }
}
