import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActionUpdate } from '../../../src/application/use-cases/action-updates.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { POLICE_LEAD, SCRUTINEER, withEtag, type ErrorBody, type Item } from './helpers.js';

/** The scrutineer's acts on an action, impact checks and the task list, through the real API. */
let server: TestServer;
let scrutineer: string;
let police: string;
let chief: string;
let actionId: string;

const OWNER_UPN = 'sam.carter@harbourside.example';
let keys = 0;
const key = () => `api-key-${String(++keys).padStart(6, '0')}`;

beforeAll(async () => {
  server = await startTestServer();
  scrutineer = await server.token(SCRUTINEER);
  police = await server.token(POLICE_LEAD);
  chief = await server.token('chief.executive@harbourside.example');
  // The demo's one action: the council's, owned by Sam Carter.
  const [action] = await server.deps.repo.all('actions');
  if (!action) throw new Error('the demo has no action');
  actionId = action.id;
});
afterAll(async () => server?.close());

/** The owner's update, as the action-update card records it. */
async function ownerUpdate(progress: number) {
  const [owner] = await server.deps.repo.all('people', { field: 'upn', equals: OWNER_UPN });
  if (!owner) throw new Error('no owner');
  await recordActionUpdate(
    server.deps,
    { ...owner.fields, id: owner.id },
    { actionId, progress, narrative: `Now at ${progress}%.`, submitKey: key() },
    'teams-card',
  );
}

const act = (token: string, body: Record<string, unknown>) =>
  server.api(`/api/actions/${actionId}/events`, { token, body });

type ActResult = { action: Item & { status: string }; event: Item & { kind: string } };
type Task = { kind: string; actionId: string; impactCheckId?: string; due?: boolean };

describe('the whole path: done, verified, a 6-month check, a task, completed', () => {
  it('refuses to verify an action not reported done, with the reason', async () => {
    const res = await act(scrutineer, { kind: 'verified', note: 'Saw it.', eventKey: key() });
    expect(res.status).toBe(409);
    expect((res.json as ErrorBody).error.message).toBe(
      'This action is not reported done yet, so it cannot be verified.',
    );
  });

  it('goes from done to verified to a checked impact', async () => {
    await ownerUpdate(100);
    let tasks = await server.api('/api/tasks', { token: scrutineer });
    expect(tasks.status).toBe(200);
    expect((tasks.json as { tasks: Task[] }).tasks).toContainEqual(
      expect.objectContaining({ kind: 'verify', actionId }),
    );

    const eventKey = key();
    const body = { kind: 'verified', note: 'Saw the agreed format and the panel notes.', eventKey };
    const first = await act(scrutineer, body);
    expect(first.status).toBe(201);
    expect((first.json as ActResult).action.status).toBe('verified');
    const retry = await act(scrutineer, body);
    expect(retry.status).toBe(200);
    expect((retry.json as ActResult).event.id).toBe((first.json as ActResult).event.id);

    const again = await act(scrutineer, { kind: 'verified', note: 'Again.', eventKey: key() });
    expect(again.status).toBe(409);
    expect((again.json as ErrorBody).error.message).toBe('This action is already verified.');

    const scheduled = await server.api(`/api/actions/${actionId}/impact-checks`, {
      token: scrutineer,
      body: { monthsAfter: 6 },
    });
    expect(scheduled.status).toBe(201);
    const check = scheduled.json as Item & { dueDate: string; landedOnPlan: boolean };
    expect(check.dueDate > new Date().toISOString().slice(0, 10)).toBe(true);
    expect(typeof check.landedOnPlan).toBe('boolean');
    const twice = await server.api(`/api/actions/${actionId}/impact-checks`, {
      token: scrutineer,
      body: { monthsAfter: 6 },
    });
    expect(twice.status).toBe(200);

    tasks = await server.api('/api/tasks', { token: scrutineer });
    const list = (tasks.json as { tasks: Task[] }).tasks;
    expect(list.some((t) => t.kind === 'verify' && t.actionId === actionId)).toBe(false);
    expect(list).toContainEqual(
      expect.objectContaining({ kind: 'impact-check', impactCheckId: check.id, due: false }),
    );

    const noEtag = await withEtag(server, `/api/impact-checks/${check.id}`, {
      method: 'PATCH',
      token: scrutineer,
      body: { status: 'done' },
    });
    expect(noEtag.status).toBe(428);
    const current = (twice.json as Item).etag;
    const done = await withEtag(server, `/api/impact-checks/${check.id}`, {
      method: 'PATCH',
      token: scrutineer,
      body: {
        status: 'done',
        outcomeClass: 'gone-well',
        outcome: 'The SLG now hears from the panel.',
      },
      etag: current,
    });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: 'done', outcomeClass: 'gone-well' });
    tasks = await server.api('/api/tasks', { token: scrutineer });
    expect((tasks.json as { tasks: Task[] }).tasks.some((t) => t.impactCheckId === check.id)).toBe(
      false,
    );
  });

  it('reopens with a reason, and refuses to resume what is not paused', async () => {
    const reopened = await act(scrutineer, {
      kind: 'reopened',
      note: 'The panel notes do not show the SLG acting.',
      eventKey: key(),
    });
    expect(reopened.status).toBe(201);
    expect((reopened.json as ActResult).action.status).toBe('reopened');
    const resume = await act(scrutineer, { kind: 'resumed', note: 'Carry on.', eventKey: key() });
    expect(resume.status).toBe(409);
    expect((resume.json as ErrorBody).error.message).toMatch(/not paused/);
  });
});

describe('who may act', () => {
  it('a partner lead and a chief executive get 403 on acts, checks and tasks', async () => {
    for (const token of [police, chief]) {
      const res = await act(token, { kind: 'paused', note: 'No.', eventKey: key() });
      expect(res.status).toBe(403);
      const sched = await server.api(`/api/actions/${actionId}/impact-checks`, {
        token,
        body: { monthsAfter: 3 },
      });
      expect(sched.status).toBe(403);
      expect((await server.api('/api/tasks', { token })).status).toBe(403);
    }
    const events = await server.deps.repo.all('actionEvents', {
      field: 'actionId',
      equals: actionId,
    });
    expect(events.some((e) => e.fields.kind === 'paused')).toBe(false);
  });

  it('refuses unknown fields and bad values', async () => {
    const extra = await act(scrutineer, {
      kind: 'paused',
      note: 'Waiting.',
      eventKey: key(),
      status: 'verified',
    });
    expect(extra.status).toBe(400);
    const months = await server.api(`/api/actions/${actionId}/impact-checks`, {
      token: scrutineer,
      body: { monthsAfter: 4 },
    });
    expect(months.status).toBe(400);
  });
});
