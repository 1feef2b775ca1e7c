import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardGateway } from '../../src/application/ports/cards.js';
import { DeliveryWorker } from '../../src/application/use-cases/delivery-worker.js';
import { emailDigest } from '../../src/application/use-cases/digest-email.js';
import { runReminders } from '../../src/application/use-cases/reminders.js';
import type { ResponseLinkDeps } from '../../src/application/use-cases/response-links.js';
import { createHolidayCalendar } from '../../src/adapters/holidays/index.js';
import { HmacLinkTokens } from '../../src/adapters/identity/link-tokens.js';
import { EmbeddedMailer } from '../../src/adapters/mail/embedded-mailer.js';
import { SqliteRepository } from '../../src/adapters/sqlite/sqlite-repository.js';
import { DEFAULT_REMINDER_POLICY } from '../../src/domain/reminders.js';
import { seedHarbourside } from '../../src/server/seed/harbourside.js';

/**
 * A reminder digest Teams cannot deliver goes by email, with a web link for each response due
 * from the person. Friday 11 December 2026: the police response (due 18 December) is five working
 * days off, so Aisha Noor, the police lead, is reminded; she has not installed the app.
 */
const unreachable: CardGateway = {
  sendRecommendation: async () => ({ kind: 'unreachable', reason: 'not-installed', detail: 'x' }),
  sendDigest: async () => ({
    kind: 'unreachable',
    reason: 'not-installed',
    detail: 'Critical Friend is not installed in their Teams yet.',
  }),
  findCard: async () => ({ kind: 'unknown' }),
};

let repo: SqliteRepository;
let deps: ResponseLinkDeps;
const now = new Date('2026-12-11T09:05:00Z');

beforeEach(async () => {
  repo = SqliteRepository.open(':memory:');
  await seedHarbourside(repo);
  deps = {
    repo,
    cards: unreachable,
    now: () => now,
    mailer: new EmbeddedMailer(repo, () => now),
    linkTokens: HmacLinkTokens.fromSecret('digest-email-test-key-that-is-long-enough'),
    publicUrl: 'https://critical-friend.example/',
  };
});
afterEach(() => repo.close());

const outbox = async () =>
  (await repo.all('emailOutbox')).map((e) => ({
    to: e.fields.to,
    subject: e.fields.subject,
    body: e.fields.body,
    key: e.fields.messageKey,
  }));

describe('a digest Teams cannot deliver', () => {
  it('is emailed once by the worker, with the web link for the response due', async () => {
    await runReminders(deps, createHolidayCalendar('date-holidays'), DEFAULT_REMINDER_POLICY);
    let t = now.getTime();
    const worker = new DeliveryWorker(deps, {
      id: 'test',
      clock: { now: () => t, sleep: async (ms) => void (t += ms) },
      ratePerSecond: 50,
      onUnreachable: (d) =>
        d.kind === 'digest' ? emailDigest(deps, d) : Promise.resolve(undefined),
    });
    await worker.pass();
    const mails = await outbox();
    // Sam Carter's overdue action reaches the LSPs by now too: each person gets their own email.
    const digest = mails.find(
      (m) => m.key.startsWith('digest:') && m.to === 'aisha.noor@eastshire-police.example',
    );
    expect(digest?.to).toBe('aisha.noor@eastshire-police.example');
    expect(digest?.subject).toBe('Critical Friend: 1 item due or overdue, 11 December 2026');
    expect(digest?.body).toContain(
      '- HSCP-R-2026-01: Bring the voice of children and families to every SLG meeting',
    );
    expect(digest?.body).toContain(
      'Response due from Eastshire Constabulary; due in 5 working days (due 18 December 2026)',
    );
    const links = mails.filter((m) => m.key.startsWith('response-link:'));
    expect(links.map((m) => m.to)).toEqual(['aisha.noor@eastshire-police.example']);
    expect(links[0]?.body).toMatch(/https:\/\/critical-friend\.example\/respond\?t=/);
    // Asked again (a retry, a second worker): nothing more is written.
    const aisha = (await repo.all('people')).find((p) => p.fields.displayName === 'Aisha Noor');
    const key = `digest:${aisha?.id ?? ''}:2026-12-11`;
    await emailDigest(deps, { deliveryKey: key, personId: aisha?.id ?? '' });
    expect(await outbox()).toHaveLength(mails.length);
  });

  it('is not emailed to anyone but its recipient, nor when everything in it is dealt with', async () => {
    await runReminders(deps, createHolidayCalendar('date-holidays'), DEFAULT_REMINDER_POLICY);
    const [row] = (await repo.all('cardDeliveries')).filter((r) => r.fields.kind === 'digest');
    const people = await repo.all('people');
    const tom = people.find((p) => p.fields.displayName === 'Tom Bradley');
    expect(
      await emailDigest(deps, {
        deliveryKey: row?.fields.deliveryKey ?? '',
        personId: tom?.id ?? '',
      }),
    ).toEqual({ skipped: 'nothing-due' });
    expect(await outbox()).toEqual([]);
  });
});
