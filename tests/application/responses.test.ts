import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/application/deps.js';
import { RequestError } from '../../src/application/errors.js';
import {
  identifyPerson,
  respondToRecommendation,
} from '../../src/application/use-cases/responses.js';
import {
  DEMO_POLICE_LEAD_OID,
  DEMO_TENANT_ID,
  HEALTH_TENANT_ID,
  POLICE_TENANT_ID,
} from '../../src/server/seed/harbourside.js';
import { startBotHarness, type BotHarness } from '../adapters/teams/support/bot-harness.js';

let h: BotHarness;
let police: string;
let aisha: Actor;

beforeAll(async () => {
  h = await startBotHarness();
  police = await h.partnerId('Eastshire Constabulary');
  const found = await identifyPerson(h.server.deps, DEMO_POLICE_LEAD_OID, POLICE_TENANT_ID);
  if (!found) throw new Error('Aisha Noor is not in the demo partnership');
  aisha = found;
});
afterAll(async () => h?.close());

describe('identifying the person behind an activity', () => {
  it('by object id, in their home tenant or the partnership’s (as a guest), and nowhere else', async () => {
    const deps = h.server.deps;
    expect((await identifyPerson(deps, DEMO_POLICE_LEAD_OID, DEMO_TENANT_ID))?.displayName).toBe(
      'Aisha Noor',
    );
    expect(await identifyPerson(deps, DEMO_POLICE_LEAD_OID, HEALTH_TENANT_ID)).toBeUndefined();
    expect(await identifyPerson(deps, DEMO_POLICE_LEAD_OID, undefined)).toBeUndefined();
    expect(await identifyPerson(deps, undefined, DEMO_TENANT_ID)).toBeUndefined();
    expect(await identifyPerson(deps, 'not-a-person', DEMO_TENANT_ID)).toBeUndefined();
  });
});

describe('responding', () => {
  const input = (recommendationId: string) => ({
    recommendationId,
    partnerId: police,
    decision: 'partially-accept',
    rationale: 'In part.',
    actions: [
      {
        description: 'Attend every strategy discussion.',
        ownerId: aisha.id,
        targetDate: '2099-01-31',
        evidenceExpected: 'The Front Door log.',
      },
    ],
  });

  it('says whether this call wrote anything, so a duplicate does not update cards again', async () => {
    const rec = await h.issuedRecommendation([police]);
    const first = await respondToRecommendation(h.server.deps, aisha, input(rec.id), 'teams-card');
    expect(first).toMatchObject({ outcome: 'recorded', created: true, wrote: true });
    expect(first.actions).toHaveLength(1);
    expect(first.slgItem?.fields.kind).toBe('partial');
    const again = await respondToRecommendation(h.server.deps, aisha, input(rec.id), 'teams-card');
    expect(again).toMatchObject({ outcome: 'recorded', created: false, wrote: false });
    expect(again.response.id).toBe(first.response.id);
    const other = await respondToRecommendation(
      h.server.deps,
      aisha,
      { ...input(rec.id), decision: 'decline', rationale: 'No.' },
      'teams-card',
    );
    expect(other).toMatchObject({ outcome: 'already', wrote: false });
  });

  it('refuses a partner id that is not the responder’s own, whatever the card says', async () => {
    const council = await h.partnerId('Harbourside Council');
    const rec = await h.issuedRecommendation([police, council]);
    await expect(
      respondToRecommendation(
        h.server.deps,
        aisha,
        { ...input(rec.id), partnerId: council },
        'teams-card',
      ),
    ).rejects.toMatchObject({ status: 403 } satisfies Partial<RequestError>);
  });

  it('refers a partial acceptance to the next SLG meeting, not a sooner meeting of another kind', async () => {
    const day = 86_400_000;
    const at = (days: number) => new Date(Date.now() + days * day).toISOString();
    const meeting = (
      title: string,
      kind: 'strategic-leadership-group' | 'sub-group',
      days: number,
    ) => h.repo.create('meetings', { title, kind, startsAt: at(days) }, h.system);
    const subGroup = await meeting('Quality assurance sub-group', 'sub-group', 1);
    await meeting('Strategic Leadership Group', 'strategic-leadership-group', 2);
    await meeting('Strategic Leadership Group (last week)', 'strategic-leadership-group', -7);
    const london = (instant: string | Date) =>
      new Date(instant).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const [next] = (await h.repo.all('meetings'))
      .filter((m) => m.fields.kind === 'strategic-leadership-group')
      .filter((m) => london(m.fields.startsAt) > london(new Date()))
      .sort((a, b) => Date.parse(a.fields.startsAt) - Date.parse(b.fields.startsAt));
    const rec = await h.issuedRecommendation([police]);
    const { slgItem } = await respondToRecommendation(
      h.server.deps,
      aisha,
      input(rec.id),
      'teams-card',
    );
    expect(next).toBeDefined();
    expect(slgItem?.fields.meetingId).toBe(next?.id);
    expect(slgItem?.fields.meetingId).not.toBe(subGroup.id);
  });
});
