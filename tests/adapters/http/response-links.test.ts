import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredItem } from '../../../src/application/ports/repository.js';
import { findIdentifiableData } from '../../../src/domain/guard/index.js';
import { DEMO_TENANT_ID } from '../../../src/server/seed/harbourside.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { BUSINESS_UNIT, partnerIdByName, POLICE_LEAD, SCRUTINEER } from './helpers.js';
import { sample } from '../../domain/guard/samples.js';

/**
 * The email-and-web route, through the real server: a link is offered and emailed (to the
 * embedded outbox), opened and used by the signed-in person it was sent to, exactly once.
 */
const SECRET = 'a-test-link-signing-key-of-forty-characters';
const key = new TextEncoder().encode(SECRET);

let server: TestServer;
let scrutineer: string;
let businessUnit: string;
let aisha: string;
let aishaId: string;
let tomId: string;
let police: string;

type Json = Record<string, unknown>;
type ErrorJson = { error: { code: string; message: string; response?: Json } };

const system = () => ({
  actorId: 'test',
  homeTenantId: DEMO_TENANT_ID,
  channel: 'system' as const,
  at: new Date().toISOString(),
});

let refs = 0;
async function issued(extra: Json = {}): Promise<StoredItem<'recommendations'>> {
  const repo = server.deps.repo;
  const finding = await repo.create(
    'findings',
    {
      title: 'Strategy discussions start late out of hours',
      summary: 'Audit and practitioners agree that out-of-hours discussions wait for an officer.',
      evidenceClass: 'worry',
      partnerIds: [police],
    },
    system(),
  );
  return repo.create(
    'recommendations',
    {
      reference: `WEB-R-2026-${String(++refs).padStart(2, '0')}`,
      title: 'Assure police attendance at strategy discussions',
      text: 'Eastshire Constabulary should show how the right officer attends every strategy discussion.',
      priority: 'high',
      partnerIds: [police],
      findingIds: [finding.id],
      responseDueDate: '2099-03-31',
      status: 'issued',
      issuedAt: new Date().toISOString(),
      ...extra,
    },
    system(),
  );
}

const offer = (recId: string, personId: string, token = businessUnit) =>
  server.api(`/api/recommendations/${recId}/deliveries/${personId}/web-link`, {
    method: 'POST',
    token,
  });

async function outbox(): Promise<Json[]> {
  const res = await server.api('/api/email-outbox', { token: businessUnit });
  expect(res.status).toBe(200);
  return (res.json as { items: Json[] }).items;
}

/** The token in the link of the newest email about a recommendation. */
async function linkTokenFor(recId: string): Promise<string> {
  const email = (await outbox()).find((e) => e.recommendationId === recId);
  const match = /\/respond\?t=([A-Za-z0-9_.-]+)/.exec(String(email?.body));
  if (!match?.[1]) throw new Error('no link in the email');
  return match[1];
}

async function linkFor(recId: string): Promise<string> {
  const res = await offer(recId, aishaId);
  expect([200, 201]).toContain(res.status);
  return linkTokenFor(recId);
}

const submission = (extra: Json = {}) => ({
  decision: 'accept',
  rationale: 'We agree; the duty inspector will attend or delegate by name.',
  actions: [
    {
      description: 'Name a duty inspector for every out-of-hours strategy discussion.',
      ownerId: aishaId,
      targetDate: '2099-01-31',
      evidenceExpected: 'The duty rota and the Front Door log.',
    },
  ],
  ...extra,
});

const respond = (token: string, body: unknown, as = aisha) =>
  server.api(`/api/respond-links/${token}/response`, { method: 'POST', token: as, body });

beforeAll(async () => {
  server = await startTestServer({ LINK_SIGNING_KEY: SECRET });
  [scrutineer, businessUnit, aisha] = await Promise.all([
    server.token(SCRUTINEER),
    server.token(BUSINESS_UNIT),
    server.token(POLICE_LEAD),
  ]);
  police = await partnerIdByName(server, scrutineer, 'Eastshire Constabulary');
  const people = await server.deps.repo.all('people', { field: 'partnerId', equals: police });
  aishaId = people.find((p) => p.fields.upn === POLICE_LEAD)!.id;
  tomId = people.find((p) => p.fields.upn === 'tom.bradley@eastshire-police.example')!.id;
});
afterAll(async () => server?.close());

describe('offering a web link', () => {
  it('writes one link and one plain email to the outbox, however often it is offered', async () => {
    const rec = await issued();
    const first = await offer(rec.id, aishaId);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ outcome: 'offered', created: true, emailed: true });
    const again = await offer(rec.id, aishaId, scrutineer);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({
      outcome: 'offered',
      created: false,
      emailed: true,
      linkId: (first.json as Json).linkId,
    });

    const emails = (await outbox()).filter((e) => e.recommendationId === rec.id);
    expect(emails).toHaveLength(1);
    const email = emails[0]!;
    expect(email).toMatchObject({ to: POLICE_LEAD, status: 'held' });
    const subject = String(email.subject);
    const body = String(email.body);
    expect(subject).toContain(rec.fields.reference);
    expect(body).toContain(rec.fields.reference);
    expect(body).toContain(rec.fields.title);
    expect(body).toContain('31 March 2099');
    expect(body).toContain(`${server.url}/respond?t=`);
    expect(body).toContain('You will be asked to sign in');
    // Nothing about a child or family, and nothing beyond the card's first lines.
    const withoutLink = body.replace(/https?:\/\/\S+/g, '');
    expect(findIdentifiableData(subject)).toEqual([]);
    expect(findIdentifiableData(withoutLink)).toEqual([]);
    expect(body).not.toContain('Audit and practitioners');
    expect(body).not.toContain(rec.fields.text);
    expect(
      await server.deps.repo.all('responseLinks', { field: 'recommendationId', equals: rec.id }),
    ).toHaveLength(1);
  });

  it('is for the business unit and the scrutineer, and only to a lead of a named partner', async () => {
    const rec = await issued();
    expect((await offer(rec.id, aishaId, aisha)).status).toBe(403);
    expect((await server.api('/api/email-outbox', { token: aisha })).status).toBe(403);
    const notLead = await offer(rec.id, tomId);
    expect(notLead.json).toMatchObject({ outcome: 'skipped', reason: 'not-a-responder' });
    expect((await offer('no-such-recommendation', aishaId)).status).toBe(404);
  });
});

describe('opening a link', () => {
  it('shows its person the recommendation and the partner’s people as owners', async () => {
    const rec = await issued();
    const token = await linkFor(rec.id);
    const res = await server.api(`/api/respond-links/${token}`, { token: aisha });
    expect(res.status).toBe(200);
    const view = res.json as Json & { owners: { displayName: string }[]; findings: Json[] };
    expect(view).toMatchObject({
      reference: rec.fields.reference,
      title: rec.fields.title,
      text: rec.fields.text,
      priority: 'high',
      responseDueDate: '2099-03-31',
      partnerName: 'Eastshire Constabulary',
      maxActions: 5,
    });
    expect(view.findings).toEqual([
      expect.objectContaining({ title: 'Strategy discussions start late out of hours' }),
    ]);
    expect(view.owners.map((o) => o.displayName)).toEqual(
      expect.arrayContaining(['Aisha Noor', 'Tom Bradley']),
    );
  });

  it('refuses anyone else who signs in with it (403)', async () => {
    const rec = await issued();
    const token = await linkFor(rec.id);
    for (const who of [scrutineer, businessUnit]) {
      const res = await server.api(`/api/respond-links/${token}`, { token: who });
      expect(res.status).toBe(403);
      expect((res.json as ErrorJson).error.message).toBe('This link was sent to someone else.');
      expect((await respond(token, submission(), who)).status).toBe(403);
    }
  });

  it('says only "not valid" for a tampered or foreign token (400)', async () => {
    const rec = await issued();
    const token = await linkFor(rec.id);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const otherPayload = Buffer.from(
      JSON.stringify({ linkId: 'someone-elses', exp: Math.floor(Date.now() / 1000) + 3600 }),
    ).toString('base64url');
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
    const foreign = await new SignJWT({ linkId: 'x' })
      .setProtectedHeader({ alg: 'HS256', typ: 'cf-response-link+jwt' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-key-of-at-least-thirty-two-chars'));
    for (const bad of [
      `${header}.${otherPayload}.${signature}`,
      `${header}.${payload}.${flipped}`,
      foreign,
      'not-a-token',
    ]) {
      const res = await server.api(`/api/respond-links/${bad}`, { token: aisha });
      expect(res.status, bad).toBe(400);
      const { error } = res.json as ErrorJson;
      expect(error.code).toBe('link-invalid');
      expect(error.message).not.toMatch(/signature|expired|key|jws|jwt/i);
      expect((await respond(bad, submission())).status).toBe(400);
    }
  });

  it('answers 410 with a clear message once the link has expired', async () => {
    const rec = await issued();
    await linkFor(rec.id);
    const [link] = await server.deps.repo.all('responseLinks', {
      field: 'recommendationId',
      equals: rec.id,
    });
    const expired = await new SignJWT({ linkId: link!.fields.linkId })
      .setProtectedHeader({ alg: 'HS256', typ: 'cf-response-link+jwt' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    const res = await server.api(`/api/respond-links/${expired}`, { token: aisha });
    expect(res.status).toBe(410);
    expect(res.json).toEqual({
      error: {
        code: 'link-expired',
        message:
          'This link has expired. Ask the partnership’s business unit to send you a new one.',
      },
    });
    expect((await respond(expired, submission())).status).toBe(410);
  });
});

describe('responding through a link', () => {
  it('records the response through the card’s use case with channel web-link, exactly once', async () => {
    const rec = await issued();
    const token = await linkFor(rec.id);
    const first = await respond(token, submission());
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      outcome: 'recorded',
      created: true,
      channel: 'web-link',
      partnerName: 'Eastshire Constabulary',
      response: {
        decision: 'accept',
        responderName: 'Aisha Noor',
        channel: 'web-link',
        actions: [expect.objectContaining({ ownerName: 'Aisha Noor', targetDate: '2099-01-31' })],
      },
    });
    const repo = server.deps.repo;
    const responses = await repo.all('responses', { field: 'recommendationId', equals: rec.id });
    expect(responses).toHaveLength(1);
    expect(responses[0]!.fields.channel).toBe('web-link');
    expect(responses[0]!.channel).toBe('web-link');
    const [link] = await repo.all('responseLinks', { field: 'recommendationId', equals: rec.id });
    expect(link!.fields.usedAt).toBeTruthy();
    expect(link!.fields.responseId).toBe(responses[0]!.id);

    // A retry of the same submission (the answer was lost) gets the recorded response back.
    const retry = await respond(token, submission());
    expect(retry.status).toBe(200);
    expect(retry.json).toMatchObject({ outcome: 'recorded', created: false, channel: 'web-link' });
    // Anything else through the used link is refused, with what was recorded.
    const other = await respond(token, submission({ decision: 'decline', rationale: 'No.' }));
    expect(other.status).toBe(409);
    const refused = (other.json as ErrorJson).error;
    expect(refused.code).toBe('link-used');
    expect(refused.message).toContain(
      'Aisha Noor accepted this recommendation for Eastshire Constabulary',
    );
    expect(refused.message).toContain('through the email link, with 1 action');
    expect(refused.response).toMatchObject({ decision: 'accept', channel: 'web-link' });
    const opened = await server.api(`/api/respond-links/${token}`, { token: aisha });
    expect(opened.status).toBe(409);
    expect((opened.json as ErrorJson).error.code).toBe('link-used');

    expect(await repo.all('responses', { field: 'recommendationId', equals: rec.id })).toHaveLength(
      1,
    );
    expect(await repo.all('actions', { field: 'recommendationId', equals: rec.id })).toHaveLength(
      1,
    );
  });

  it('writes one response when the same submission arrives twice at once', async () => {
    const rec = await issued();
    const token = await linkFor(rec.id);
    const both = await Promise.all([respond(token, submission()), respond(token, submission())]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    const repo = server.deps.repo;
    expect(await repo.all('responses', { field: 'recommendationId', equals: rec.id })).toHaveLength(
      1,
    );
    expect(await repo.all('actions', { field: 'recommendationId', equals: rec.id })).toHaveLength(
      1,
    );
  });

  it('checks the rationale and actions on the server and keeps the link open when refused', async () => {
    const rec = await issued();
    const token = await linkFor(rec.id);
    const noAction = await respond(token, { decision: 'accept', rationale: 'Yes.', actions: [] });
    expect(noAction.status).toBe(400);
    expect((noAction.json as ErrorJson).error.message).toMatch(/propose at least one action/);
    const noRationale = await respond(token, { decision: 'decline', rationale: '  ' });
    expect(noRationale.status).toBe(400);
    expect((noRationale.json as ErrorJson).error.message).toMatch(/Give a rationale/);

    const identifying = await respond(
      token,
      submission({ rationale: `His mother ${sample.parentName} was not told.` }),
    );
    expect(identifying.status).toBe(422);
    expect((identifying.json as ErrorJson).error.code).toBe('identifiable-data');
    expect(JSON.stringify(identifying.json)).not.toContain('Quillfeather');

    const repo = server.deps.repo;
    expect(await repo.all('responses', { field: 'recommendationId', equals: rec.id })).toEqual([]);
    const [link] = await repo.all('responseLinks', { field: 'recommendationId', equals: rec.id });
    expect(link!.fields.usedAt).toBeFalsy();
    // The link still works once the text is fixed.
    expect((await respond(token, submission({ decision: 'decline', actions: [] }))).status).toBe(
      201,
    );
  });

  it('answers 409 when the partner has already responded another way, and offers no new link', async () => {
    const rec = await issued();
    const token = await linkFor(rec.id);
    await server.deps.repo.create(
      'responses',
      {
        recommendationId: rec.id,
        partnerId: police,
        decision: 'decline',
        rationale: 'Declined in Teams.',
        responderId: aishaId,
        responderTenantId: DEMO_TENANT_ID,
        channel: 'teams-card',
        respondedAt: new Date().toISOString(),
        responseKey: `${rec.id}:${police}`,
      },
      system(),
    );
    const opened = await server.api(`/api/respond-links/${token}`, { token: aisha });
    expect(opened.status).toBe(409);
    const { error } = opened.json as ErrorJson;
    expect(error.code).toBe('already-responded');
    expect(error.message).toContain('through Teams');
    expect((await respond(token, submission())).status).toBe(409);
    expect((await offer(rec.id, aishaId)).json).toMatchObject({
      outcome: 'skipped',
      reason: 'already-responded',
    });
  });

  it('is described in the API document', async () => {
    const doc = (await server.api('/api/openapi.json')).json as { paths: Record<string, Json> };
    expect(doc.paths['/api/respond-links/{token}']?.get).toBeDefined();
    expect(doc.paths['/api/respond-links/{token}/response']?.post).toBeDefined();
    expect(doc.paths['/api/email-outbox']?.get).toBeDefined();
  });
});

describe('a lead Teams cannot reach', () => {
  it('is emailed a link by the delivery worker when the recommendation is issued', async () => {
    // Nobody has installed the app in this test server, so every card is unreachable in Teams.
    const draft = await server.api('/api/recommendations', {
      token: scrutineer,
      body: {
        title: 'Review out-of-hours strategy discussion attendance',
        text: 'Eastshire Constabulary should report how out-of-hours strategy discussions are staffed.',
        priority: 'medium',
        partnerIds: [police],
        findingIds: [],
        responseDueDate: '2099-06-30',
      },
    });
    expect(draft.status).toBe(201);
    const id = (draft.json as { id: string }).id;
    const issue = await server.api(`/api/recommendations/${id}/issue`, {
      method: 'POST',
      token: scrutineer,
    });
    expect(issue.status).toBe(200);
    const deliveries = (issue.json as { deliveries: { personId: string; status: string }[] })
      .deliveries;
    expect(deliveries.find((d) => d.personId === aishaId)?.status).toBe('unreachable');

    let emails: Json[] = [];
    for (let i = 0; i < 50 && emails.length === 0; i++) {
      emails = (await outbox()).filter((e) => e.recommendationId === id);
      if (emails.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(emails.map((e) => e.to)).toContain(POLICE_LEAD);
    // One email per person, however often the worker looks at the row.
    expect(new Set(emails.map((e) => e.to)).size).toBe(emails.length);
    expect(String(emails[0]?.body)).toMatch(/\/respond\?t=/);
  });
});
