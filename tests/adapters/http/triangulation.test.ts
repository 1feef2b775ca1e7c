import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server.js';
import {
  newFinding,
  newObservation,
  POLICE_LEAD,
  SCRUTINEER,
  withEtag,
  type Item,
} from './helpers.js';

let server: TestServer;
let scrutineer: string;
beforeAll(async () => {
  server = await startTestServer();
  scrutineer = await server.token(SCRUTINEER);
});
afterAll(async () => server.close());

type Row = {
  findingId: string;
  title: string;
  evidenceClass: string;
  sources: { source: string; observations: number; declared: boolean }[];
  distinctSources: number;
  triangulated: boolean;
};
const rows = async (token = scrutineer) => {
  const res = await server.api('/api/findings/triangulation', { token });
  expect(res.status).toBe(200);
  return (res.json as { rows: Row[] }).rows;
};

describe('GET /api/findings/triangulation', () => {
  it('shows declared and observed sources for the demo findings', async () => {
    const all = await rows();
    const strategy = all.find((r) => r.title.startsWith('Police are not consistently'));
    // Declared audit and practitioners; one seeded observation from each.
    expect(strategy).toMatchObject({
      evidenceClass: 'worry',
      sources: [
        { source: 'audit', observations: 1, declared: true },
        { source: 'practitioners', observations: 1, declared: true },
      ],
      distinctSources: 2,
      triangulated: true,
    });
    const data = all.find((r) => r.title.startsWith('The SLG has no multi-agency'));
    expect(data).toMatchObject({
      sources: [{ source: 'data', observations: 1, declared: true }],
      distinctSources: 1,
      triangulated: false,
    });
  });

  it('a finding becomes triangulated when an observation from another source is merged', async () => {
    const a = await newObservation(server, scrutineer, { source: 'meeting' });
    const b = await newObservation(server, scrutineer, { source: 'meeting' });
    const f = await newFinding(server, scrutineer, [a.id, b.id]);
    const before = (await rows()).find((r) => r.findingId === f.id);
    expect(before).toMatchObject({
      sources: [{ source: 'meeting', observations: 2, declared: true }],
      triangulated: false,
    });
    const c = await newObservation(server, scrutineer, {
      source: 'voice-of-children-and-families',
    });
    const merged = await withEtag(server, `/api/findings/${f.id}/observations`, {
      method: 'POST',
      token: scrutineer,
      body: { observationIds: [c.id] },
      etag: f.etag,
    });
    expect((merged.json as Item).id).toBe(f.id);
    const after = (await rows()).find((r) => r.findingId === f.id);
    expect(after).toMatchObject({ distinctSources: 2, triangulated: true });
    expect(after?.sources).toContainEqual({
      source: 'voice-of-children-and-families',
      observations: 1,
      declared: true,
    });
  });

  it('is readable by an executive, not by a partner lead, and not without a token', async () => {
    const executive = await server.token('chief.constable@eastshire-police.example');
    expect((await rows(executive)).length).toBeGreaterThanOrEqual(3);
    const lead = await server.api('/api/findings/triangulation', {
      token: await server.token(POLICE_LEAD),
    });
    expect(lead.status).toBe(403);
    expect((await server.api('/api/findings/triangulation')).status).toBe(401);
  });
});
