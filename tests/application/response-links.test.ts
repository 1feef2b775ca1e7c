import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/application/deps.js';
import type { CardGateway } from '../../src/application/ports/cards.js';
import type { MailOutcome, Mailer, OutgoingEmail } from '../../src/application/ports/mailer.js';
import {
  offerWebLink,
  openResponseLink,
  respondThroughLink,
  type ResponseLinkDeps,
} from '../../src/application/use-cases/response-links.js';
import { HmacLinkTokens } from '../../src/adapters/identity/link-tokens.js';
import { EmbeddedMailer } from '../../src/adapters/mail/embedded-mailer.js';
import { SqliteRepository } from '../../src/adapters/sqlite/sqlite-repository.js';
import { DEMO_TENANT_ID, seedHarbourside } from '../../src/server/seed/harbourside.js';

/**
 * offerWebLink and the link's life on a clock the test moves: the call the delivery worker makes
 * for an unreachable card, against the embedded store and outbox.
 */
const noCards: CardGateway = {
  sendRecommendation: () => Promise.reject(new Error('no cards here')),
  sendDigest: () => Promise.reject(new Error('no cards here')),
  findCard: () => Promise.resolve({ kind: 'unknown' }),
};

let repo: SqliteRepository;
let clock: Date;
let deps: ResponseLinkDeps;
let aisha: Actor;
let police: string;
let ids = 0;

const system = () => ({
  actorId: 'test',
  homeTenantId: DEMO_TENANT_ID,
  channel: 'system' as const,
  at: clock.toISOString(),
});

async function issued(responseDueDate = '2026-06-30') {
  return repo.create(
    'recommendations',
    {
      reference: `UC-R-2026-${++ids}`,
      title: 'Assure police attendance at strategy discussions',
      text: 'Eastshire Constabulary should show how the right officer attends.',
      priority: 'medium',
      partnerIds: [police],
      responseDueDate,
      status: 'issued',
      issuedAt: clock.toISOString(),
    },
    system(),
  );
}

const links = (recId: string) =>
  repo.all('responseLinks', { field: 'recommendationId', equals: recId });
const emails = async (recId: string) =>
  (await repo.all('emailOutbox')).filter((e) => e.fields.recommendationId === recId);

beforeEach(async () => {
  repo = SqliteRepository.open(':memory:');
  clock = new Date('2026-05-14T09:00:00Z');
  await seedHarbourside(repo, clock);
  deps = {
    repo,
    cards: noCards,
    now: () => clock,
    mailer: new EmbeddedMailer(repo, () => clock),
    linkTokens: HmacLinkTokens.fromSecret('use-case-test-key-that-is-long-enough'),
    publicUrl: 'https://critical-friend.example/',
    newLinkId: () => `link-${++ids}`,
  };
  const [person] = await repo.all('people', {
    field: 'upn',
    equals: 'aisha.noor@eastshire-police.example',
  });
  aisha = { ...person!.fields, id: person!.id };
  police = person!.fields.partnerId!;
});
afterEach(() => repo.close());

describe('offerWebLink (what the delivery worker calls for an unreachable card)', () => {
  it('writes one link, emails it once, and reuses it while it is open', async () => {
    const rec = await issued();
    const first = await offerWebLink(deps, { recommendationId: rec.id, personId: aisha.id });
    expect(first).toMatchObject({ outcome: 'offered', created: true, emailed: true });
    if (first.outcome !== 'offered') throw new Error('not offered');
    expect(first.url).toBe(`https://critical-friend.example/respond?t=${first.token}`);
    // The later of 14 days from now and a week after the due date (30 June + 7 days).
    expect(first.link.fields.expiresAt).toBe('2026-07-07T23:59:59.000Z');
    expect(first.link.fields).toMatchObject({ partnerId: police, personId: aisha.id });
    expect(first.link.channel).toBe('system');

    const again = await offerWebLink(deps, { recommendationId: rec.id, personId: aisha.id });
    expect(again).toMatchObject({ outcome: 'offered', created: false, emailed: true });
    if (again.outcome !== 'offered') throw new Error('not offered');
    expect(again.token).toBe(first.token);
    expect(again.mail).toBeUndefined();
    expect(await links(rec.id)).toHaveLength(1);
    const written = await emails(rec.id);
    expect(written).toHaveLength(1);
    expect(written[0]!.fields).toMatchObject({
      to: 'aisha.noor@eastshire-police.example',
      status: 'held',
      messageKey: `response-link:${first.link.fields.linkId}`,
    });
    expect(written[0]!.fields.body).toContain(first.url);
  });

  it('two racing offers write one link', async () => {
    const rec = await issued();
    const both = await Promise.all([
      offerWebLink(deps, { recommendationId: rec.id, personId: aisha.id }),
      offerWebLink(deps, { recommendationId: rec.id, personId: aisha.id }),
    ]);
    expect(both.every((r) => r.outcome === 'offered')).toBe(true);
    expect(await links(rec.id)).toHaveLength(1);
    expect(await emails(rec.id)).toHaveLength(1);
  });

  it('offers a new link once the last has expired', async () => {
    const rec = await issued();
    const first = await offerWebLink(deps, { recommendationId: rec.id, personId: aisha.id });
    if (first.outcome !== 'offered') throw new Error('not offered');
    clock = new Date(Date.parse(first.link.fields.expiresAt) + 1000);
    expect(await openResponseLink(deps, aisha, first.token)).toEqual({ kind: 'expired' });
    const second = await offerWebLink(deps, { recommendationId: rec.id, personId: aisha.id });
    expect(second).toMatchObject({ outcome: 'offered', created: true, emailed: true });
    if (second.outcome !== 'offered') throw new Error('not offered');
    expect(second.link.fields.linkId).not.toBe(first.link.fields.linkId);
    expect(second.link.fields.offerKey).toBe(`${rec.id}:${aisha.id}:2`);
    expect(await emails(rec.id)).toHaveLength(2);
    expect((await openResponseLink(deps, aisha, second.token)).kind).toBe('open');
  });

  it('tries the email again on the next offer when the mailer failed', async () => {
    const rec = await issued();
    const sent: OutgoingEmail[] = [];
    let answer: MailOutcome = { ok: false, retryable: true, reason: 'Graph answered 503' };
    const flaky: Mailer = {
      send: (email) => {
        sent.push(email);
        return Promise.resolve(answer);
      },
    };
    const first = await offerWebLink(
      { ...deps, mailer: flaky },
      { recommendationId: rec.id, personId: aisha.id },
    );
    expect(first).toMatchObject({ outcome: 'offered', created: true, emailed: false });
    answer = { ok: true, via: 'graph' };
    const second = await offerWebLink(
      { ...deps, mailer: flaky },
      { recommendationId: rec.id, personId: aisha.id },
    );
    expect(second).toMatchObject({ outcome: 'offered', created: false, emailed: true });
    expect(sent).toHaveLength(2);
    expect(sent[0]!.key).toBe(sent[1]!.key);
    expect((await links(rec.id))[0]!.fields.emailedAt).toBe(clock.toISOString());
  });

  it('skips drafts, non-leads, people already answered for, and sign-in names that are not addresses', async () => {
    const draft = await issued();
    await repo.update('recommendations', draft.id, { status: 'draft' }, draft.etag, system());
    expect(await offerWebLink(deps, { recommendationId: draft.id, personId: aisha.id })).toEqual({
      outcome: 'skipped',
      reason: 'not-open',
    });
    const rec = await issued();
    const [tom] = await repo.all('people', {
      field: 'upn',
      equals: 'tom.bradley@eastshire-police.example',
    });
    expect(await offerWebLink(deps, { recommendationId: rec.id, personId: tom!.id })).toEqual({
      outcome: 'skipped',
      reason: 'not-a-responder',
    });
    const person = await repo.get('people', aisha.id);
    await repo.update('people', aisha.id, { upn: 'aisha-no-address' }, person!.etag, system());
    expect(await offerWebLink(deps, { recommendationId: rec.id, personId: aisha.id })).toEqual({
      outcome: 'skipped',
      reason: 'no-address',
    });
    expect(await links(rec.id)).toEqual([]);
  });

  it('emails a B2B guest at their home address, not their guest sign-in name', async () => {
    const rec = await issued();
    const person = await repo.get('people', aisha.id);
    await repo.update(
      'people',
      aisha.id,
      { upn: 'aisha.noor_eastshire-police.example#EXT#@harbourside.onmicrosoft.com' },
      person!.etag,
      system(),
    );
    await offerWebLink(deps, { recommendationId: rec.id, personId: aisha.id });
    expect((await emails(rec.id))[0]!.fields.to).toBe('aisha.noor@eastshire-police.example');
  });
});

describe('responding through the link', () => {
  it('records channel web-link on the response and on its history', async () => {
    const rec = await issued();
    const offered = await offerWebLink(deps, { recommendationId: rec.id, personId: aisha.id });
    if (offered.outcome !== 'offered') throw new Error('not offered');
    const result = await respondThroughLink(deps, aisha, offered.token, {
      decision: 'decline',
      rationale: 'The force already meets this through its existing rota.',
      actions: [],
    });
    expect(result).toMatchObject({ kind: 'recorded', created: true, channel: 'web-link' });
    const [response] = await repo.all('responses', { field: 'recommendationId', equals: rec.id });
    expect(response!.fields.channel).toBe('web-link');
    const history = await repo.history('responses', response!.id);
    expect(history.map((h) => h.channel)).toEqual(['web-link']);
    const [link] = await links(rec.id);
    expect((await repo.history('responseLinks', link!.id)).at(-1)?.channel).toBe('web-link');
    // A decline goes to the Strategic Leadership Group, as from the card.
    expect(await repo.all('slgItems', { field: 'recommendationId', equals: rec.id })).toHaveLength(
      1,
    );
  });
});
