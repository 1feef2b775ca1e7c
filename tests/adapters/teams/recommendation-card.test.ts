// @vitest-environment happy-dom
import '../../setup-dom.js';
import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import type { RecommendationCardView } from '../../../src/application/ports/cards.js';
import {
  recommendationCard,
  RESPOND_VERB,
} from '../../../src/adapters/teams/cards/recommendation-card.js';

const view: RecommendationCardView = {
  recommendationId: 'rec-1',
  partnerId: 'partner-police',
  reference: 'HSCP-R-2026-07',
  title: 'Assure police attendance at strategy discussions',
  text: 'Eastshire Constabulary should report to the SLG how it will assure attendance.',
  priority: 'high',
  responseDueDate: '2026-12-18',
  partnerName: 'Eastshire Constabulary',
  findings: [
    { title: 'Police are not consistently part of strategy discussions', evidenceClass: 'worry' },
  ],
  mode: 'respond',
};

/** Parses with Microsoft's adaptivecards SDK and fails on any parse or validation event. */
function parse(card: object) {
  const ctx = new AC.SerializationContext();
  const ac = new AC.AdaptiveCard();
  ac.parse(card, ctx);
  const events = [...Array(ctx.eventCount).keys()].map((i) => ctx.getEventAt(i).message);
  const validation = ac.validateProperties();
  for (let i = 0; i < validation.validationEvents.length; i++)
    events.push(validation.validationEvents[i]?.message ?? '');
  return { ac, events };
}

/** Our own checks for what the SDK is lenient about. */
function executesHaveVerbs(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(executesHaveVerbs);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && (typeof o.verb !== 'string' || !o.verb)) return false;
    return Object.values(o).every(executesHaveVerbs);
  }
  return true;
}

describe('the recommendation card', () => {
  it('is a valid 1.5 card with a verb on every Action.Execute and under 20 KB', () => {
    const card = recommendationCard(view);
    expect(card.version).toBe('1.5');
    expect(parse(card).events).toEqual([]);
    expect(executesHaveVerbs(card)).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(20 * 1024);
  });

  it('collects a decision and a rationale and submits them with the recommendation id', () => {
    const { ac } = parse(recommendationCard(view));
    let submitted: { verb?: string; data?: unknown } | undefined;
    ac.onExecuteAction = (action) => {
      const a = action as AC.ExecuteAction;
      submitted = { verb: a.verb, data: a.data };
    };
    const root = ac.render() as HTMLElement;
    document.body.appendChild(root);
    const radios = [...root.querySelectorAll('input[type=radio]')] as HTMLInputElement[];
    expect(radios).toHaveLength(3);
    radios[0]?.click();
    const rationale = root.querySelector('textarea') as HTMLTextAreaElement;
    rationale.value = 'We accept this and will report in January.';
    rationale.dispatchEvent(new Event('input'));
    const button = [...root.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Submit response'),
    );
    button?.click();
    expect(submitted?.verb).toBe(RESPOND_VERB);
    expect(submitted?.data).toMatchObject({
      recommendationId: 'rec-1',
      partnerId: 'partner-police',
      decision: 'accept',
      rationale: 'We accept this and will report in January.',
    });
  });

  it('shows status only, with no inputs, to someone who may not respond', () => {
    const card = recommendationCard({ ...view, mode: 'status' });
    expect(JSON.stringify(card)).not.toContain('Input.');
    expect(card.actions).toBeUndefined();
    expect(parse(card).events).toEqual([]);
  });

  it('shows the recorded response', () => {
    const card = recommendationCard({
      ...view,
      mode: 'status',
      response: {
        decision: 'partially-accept',
        rationale: 'In part.',
        responderName: 'Aisha Noor',
        respondedAt: '2026-11-20T10:00:00Z',
        channel: 'teams-card',
      },
    });
    const text = JSON.stringify(card);
    expect(text).toContain('Response: Partially accept');
    expect(text).toContain('Aisha Noor');
  });

  it('escapes markdown in text people typed', () => {
    const card = recommendationCard({ ...view, title: '[click](https://evil.example) **now**' });
    expect(JSON.stringify(card)).not.toContain('[click](https');
  });
});
