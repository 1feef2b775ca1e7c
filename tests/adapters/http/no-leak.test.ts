import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server.js';
import { captureOutput } from './capture-output.js';
import { newDraft, newObservation, partnerIdByName, SCRUTINEER, withEtag } from './helpers.js';
import { sample } from '../../domain/guard/samples.js';

let server: TestServer;
let scrutineer: string;
let output: ReturnType<typeof captureOutput> | undefined;
beforeAll(async () => {
  server = await startTestServer();
  scrutineer = await server.token(SCRUTINEER);
});
afterEach(() => {
  output?.restore();
  output = undefined;
  vi.restoreAllMocks();
});
afterAll(async () => server.close());

/** Every byte of the store and its write-ahead log, and anything else in the data directory. */
const dataDirBytes = () =>
  Buffer.concat(readdirSync(server.dataDir).map((f) => readFileSync(join(server.dataDir, f))));

// Fictional, and distinctive so a leak cannot be a coincidence.
const REFUSED = {
  observation: `Spoke with her mother ${sample.parentName} about the plan.`,
  finding: `The NHS number ${sample.nhsNumber} was on the referral form.`,
  recommendation: `Family reachable on ${sample.phone} or ${sample.email} after school.`,
  edit: 'The family moved to 14 Larkspur Crescent, LS6 2QX last spring.',
  check: `His father ${sample.otherParentName} attended the conference.`,
};
const DISTINCTIVE = [
  'Zephyrine',
  'Quillfeather',
  sample.nhsNumber,
  sample.phone,
  sample.email,
  'Larkspur',
  'LS6 2QX',
  'Wolstenholme',
];

describe('refused text leaks nowhere', () => {
  it('is not logged, echoed or stored, though accepted text is stored', async () => {
    // Set up outside the capture: what is refused must be the only difference.
    const police = await partnerIdByName(server, scrutineer, 'Eastshire Constabulary');
    const open = await newObservation(server, scrutineer);
    const draft = await newDraft(server, scrutineer, [police]);
    const bodies: string[] = [];
    const statuses: number[] = [];
    const call = async (res: Promise<{ status: number; json: unknown }>) => {
      const r = await res;
      statuses.push(r.status);
      bodies.push(JSON.stringify(r.json));
      return r;
    };

    output = captureOutput();
    await call(
      server.api('/api/observations', {
        token: scrutineer,
        body: { text: REFUSED.observation, evidenceClass: 'worry', source: 'meeting' },
      }),
    );
    await call(
      server.api('/api/findings', {
        token: scrutineer,
        body: {
          title: 'Referral quality',
          summary: REFUSED.finding,
          evidenceClass: 'worry',
          observationIds: [open.id],
        },
      }),
    );
    await call(
      server.api('/api/recommendations', {
        token: scrutineer,
        body: {
          title: 'Improve referral quality',
          text: REFUSED.recommendation,
          priority: 'low',
          partnerIds: [police],
          responseDueDate: '2099-01-31',
        },
      }),
    );
    await call(
      withEtag(server, `/api/observations/${open.id}`, {
        method: 'PATCH',
        token: scrutineer,
        body: { text: REFUSED.edit },
        etag: open.etag,
      }),
    );
    await call(
      withEtag(server, `/api/recommendations/${draft.id}`, {
        method: 'PATCH',
        token: scrutineer,
        body: { title: REFUSED.edit },
        etag: draft.etag,
      }),
    );
    const check = await call(
      server.api('/api/checks/identifiable-data', {
        token: scrutineer,
        body: { text: REFUSED.check },
      }),
    );
    // A control: accepted text does reach the store, so the byte search below can see it.
    await call(
      server.api('/api/observations', {
        token: scrutineer,
        body: {
          text: 'Kestrelmoor practitioners described a clear route.',
          evidenceClass: 'gone-well',
          source: 'meeting',
        },
      }),
    );
    const logged = output.text();
    output.restore();

    expect(statuses).toEqual([422, 422, 422, 422, 422, 200, 201]);
    expect((check.json as { identifiable: boolean }).identifiable).toBe(true);
    for (const body of bodies.slice(0, 5)) {
      expect(JSON.parse(body)).toMatchObject({
        error: {
          code: 'identifiable-data',
          message: expect.any(String),
          fields: [{ field: expect.any(String), matches: expect.any(Array) }],
        },
      });
    }
    const stored = dataDirBytes();
    expect(stored.includes(Buffer.from('Kestrelmoor'))).toBe(true);
    for (const s of DISTINCTIVE) {
      expect(logged, `logged: ${s}`).not.toContain(s);
      for (const body of bodies) expect(body, `echoed: ${s}`).not.toContain(s);
      expect(stored.includes(Buffer.from(s)), `stored: ${s}`).toBe(false);
    }
  });

  it('logs only the error name when a request fails on the server', async () => {
    const secret = 'Ottoline Brackenbury';
    // A storage error whose message quotes what was typed: the log must not repeat it.
    vi.spyOn(server.deps.repo, 'create').mockRejectedValueOnce(
      new TypeError(`could not store "${secret}"`),
    );
    output = captureOutput();
    const res = await server.api('/api/observations', {
      token: scrutineer,
      body: {
        text: 'Ottoline Brackenbury practice notes.',
        evidenceClass: 'worry',
        source: 'data',
      },
    });
    const logged = output.text();
    output.restore();
    expect(res.status).toBe(500);
    expect(res.json).toMatchObject({ error: { code: 'server-error' } });
    expect(logged).toContain('request failed: TypeError');
    expect(logged).not.toContain('Ottoline');
    expect(logged).not.toContain('Brackenbury');
    expect(JSON.stringify(res.json)).not.toContain('Brackenbury');
  });
});
