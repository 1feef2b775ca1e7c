import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_POLICE_LEAD_OID,
  DEMO_TENANT_ID,
  HEALTH_TENANT_ID,
  oid,
  POLICE_TENANT_ID,
} from '../../src/server/seed/harbourside.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { localToken } from './support/local-tokens.js';
import { snapshot } from './support/snapshot.js';

/**
 * Who acts is the person the server records for the token's object id, and only when the token
 * comes from a tenant that person signs in from: the partnership's own (partner staff as guests)
 * or the person's recorded home tenant. Roles come from that record alone: nothing a client
 * sends (a token claim, a body field) grants one, and no route writes people or their roles.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => server?.close());

const SCRUTINEER_OID = oid(1);
type Me = { person: { upn: string; roles: string[] } };

describe('the token’s tenant must be the person’s', () => {
  it('a police guest signs in from the partnership’s tenant or from her own', async () => {
    for (const tid of [DEMO_TENANT_ID, POLICE_TENANT_ID]) {
      const res = await server.api('/api/me', {
        token: await localToken(server, { oid: DEMO_POLICE_LEAD_OID, tid }),
      });
      expect(res.status, tid).toBe(200);
      expect((res.json as Me).person.upn).toBe('aisha.noor@eastshire-police.example');
    }
  });

  it('refuses her object id from another allowed tenant (health) with 403 wrong-tenant', async () => {
    const res = await server.api('/api/me', {
      token: await localToken(server, { oid: DEMO_POLICE_LEAD_OID, tid: HEALTH_TENANT_ID }),
    });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({
      error: { code: 'wrong-tenant', message: expect.stringMatching(/organisation/) },
    });
  });

  it('refuses the scrutineer’s object id from a partner’s tenant, on reads and writes, storing nothing', async () => {
    const before = await snapshot(server);
    const token = await localToken(server, { oid: SCRUTINEER_OID, tid: POLICE_TENANT_ID });
    expect((await server.api('/api/observations', { token })).status).toBe(403);
    const write = await server.api('/api/observations', {
      token,
      body: {
        text: 'Practitioners found the route clear.',
        evidenceClass: 'gone-well',
        source: 'meeting',
      },
    });
    expect(write.status).toBe(403);
    expect(write.json).toMatchObject({ error: { code: 'wrong-tenant' } });
    // The raw upload route shares the check.
    const [action] = await server.deps.repo.all('actions');
    const upload = await server.api(`/api/items/actions/${action?.id}/evidence`, {
      method: 'POST',
      token,
      body: 'Minutes of the panel.',
      headers: { 'x-file-name': 'minutes.txt', 'content-type': 'text/plain' },
    });
    expect(upload.status).toBe(403);
    expect(await snapshot(server)).toBe(before);
  });
});

describe('roles come from the server’s records only', () => {
  it('a roles claim in a genuine token grants nothing', async () => {
    const token = await localToken(server, {
      oid: DEMO_POLICE_LEAD_OID,
      tid: POLICE_TENANT_ID,
      roles: ['scrutineer', 'business-unit'],
      wids: ['62e90394-69f5-4237-9190-012177145e10'], // Entra's Global Administrator role
      groups: ['scrutineer'],
    });
    const me = await server.api('/api/me', { token });
    expect((me.json as Me).person.roles).toEqual(['partner-lead']);
    const before = await snapshot(server);
    expect((await server.api('/api/observations', { token })).status).toBe(403);
    const write = await server.api('/api/observations', {
      token,
      body: { text: 'A note.', evidenceClass: 'gone-well', source: 'meeting' },
    });
    expect(write.status).toBe(403);
    expect(await snapshot(server)).toBe(before);
  });

  it('a role sent in a body is refused as an unknown field, and changes nobody', async () => {
    const aisha = await server.token('aisha.noor@eastshire-police.example');
    const scrutineer = await server.token('scrutineer@harbourside.example');
    const before = await snapshot(server);
    const meeting = await server.api('/api/meetings', {
      token: scrutineer,
      body: {
        title: 'Learning event',
        kind: 'learning-event',
        startsAt: '2026-11-20T10:00:00Z',
        roles: ['scrutineer'],
      },
    });
    expect(meeting.status).toBe(400);
    const check = await server.api('/api/checks/identifiable-data', {
      token: aisha,
      body: { text: 'Hello.', roles: ['scrutineer'] },
    });
    expect(check.status).toBe(400);
    const devToken = await server.api('/dev/token', {
      body: { upn: 'aisha.noor@eastshire-police.example', roles: ['scrutineer'] },
    });
    expect(devToken.status).toBe(400);
    expect(await snapshot(server)).toBe(before);
    const me = await server.api('/api/me', { token: aisha });
    expect((me.json as Me).person.roles).toEqual(['partner-lead']);
  });

  it('no route writes people, partners or the partnership’s members, and no request body carries roles', async () => {
    const doc = (await server.api('/api/openapi.json')).json as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => method !== 'get')
        .map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(writes.length).toBeGreaterThan(20);
    const onPeople = writes.filter(({ route }) => /\/api\/(people|partners|me)\b/.test(route));
    expect(onPeople.map((w) => w.route)).toEqual([]);
    const withRoles = writes.filter(({ op }) => /"roles"/.test(JSON.stringify(op.requestBody)));
    expect(withRoles.map((w) => w.route)).toEqual([]);
    // And trying anyway finds no such route.
    const scrutineer = await server.token('scrutineer@harbourside.example');
    const [aisha] = await server.deps.repo.all('people', {
      field: 'upn',
      equals: 'aisha.noor@eastshire-police.example',
    });
    const before = await snapshot(server);
    for (const method of ['PATCH', 'PUT', 'POST'])
      expect(
        (
          await server.api(`/api/people/${aisha?.id}`, {
            method,
            token: scrutineer,
            body: { roles: ['scrutineer'] },
          })
        ).status,
        method,
      ).toBe(404);
    expect(await snapshot(server)).toBe(before);
  });
});
