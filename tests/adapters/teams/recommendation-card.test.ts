// @vitest-environment happy-dom
import '../../setup-dom.js';
import type * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import type { RecommendationCardView } from '../../../src/application/ports/cards.js';
import {
  MAX_REFRESH_USER_IDS,
  recommendationCard,
  REFRESH_VERB,
  RESPOND_VERB,
} from '../../../src/adapters/teams/cards/recommendation-card.js';
import {
  cardBytes,
  executesWithoutVerb,
  parseCard,
  unmarkedInputs,
} from './support/card-checks.js';
import { inputsOf, textOf, walk } from './support/card-walk.js';

const owners = [
  { personId: 'p-aisha', displayName: 'Aisha Noor', jobTitle: 'Detective Superintendent' },
  { personId: 'p-tom', displayName: 'Tom Bradley', jobTitle: 'Detective Chief Superintendent' },
  { personId: 'p-rachel', displayName: 'Rachel Finch', jobTitle: 'Chief Constable' },
];

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
    {
      title: 'Police are not consistently part of strategy discussions',
      evidenceClass: 'worry',
      summary: 'Audit (4 of 9 cases) and practitioners agree attendance depends on the shift.',
    },
  ],
  mode: 'respond',
  responders: [{ personId: 'p-aisha', displayName: 'Aisha Noor', entraObjectId: 'oid-aisha' }],
  owners,
};

const recorded: NonNullable<RecommendationCardView['response']> = {
  decision: 'partially-accept',
  rationale: 'In part: the rota review reports in spring.',
  responderName: 'Aisha Noor',
  respondedAt: '2026-11-20T10:00:00Z',
  channel: 'teams-card',
  actions: [
    {
      description: 'Attend every strategy discussion.',
      ownerName: 'Aisha Noor',
      targetDate: '2027-01-31',
      evidence: 'Front Door attendance log.',
    },
    {
      description: 'Report the rota review to the SLG.',
      ownerName: 'Tom Bradley',
      targetDate: '2027-04-30',
      evidence: 'The SLG minute.',
    },
  ],
  slg: {
    status: 'awaiting-ruling',
    meetingTitle: 'Strategic Leadership Group, January 2027',
    meetingStartsAt: '2027-01-19T10:00:00+00:00',
  },
};

const words = (n: number, word = 'assurance') =>
  Array.from({ length: n }, () => word)
    .join(' ')
    .slice(0, n * (word.length + 1));

/** The largest card a real recommendation is likely to make: long text, three findings, a full form. */
const largest: RecommendationCardView = {
  ...view,
  title: words(25).slice(0, 255),
  text: words(220).slice(0, 2000),
  findings: Array.from({ length: 3 }, (_, i) => ({
    title: `Finding ${i + 1}: ${words(20)}`.slice(0, 200),
    evidenceClass: 'worry' as const,
    summary: words(40).slice(0, 280),
  })),
  owners: Array.from({ length: 10 }, (_, i) => ({
    personId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    displayName: `Officer Number ${i + 1}`,
    jobTitle: 'Detective Chief Inspector, Public Protection',
  })),
  notice: 'Action 5: add who owns it.\nGive a rationale: every response needs one.',
  form: {
    decision: 'partially-accept',
    rationale: words(60),
    actions: Array.from({ length: 5 }, () => ({
      description: words(30),
      ownerId: '00000000-0000-4000-8000-000000000001',
      targetDate: '2027-03-31',
      evidence: words(15),
    })),
  },
};

function render(ac: AC.AdaptiveCard) {
  const root = ac.render() as HTMLElement;
  document.body.replaceChildren(root);
  return root;
}

describe('the recommendation card', () => {
  it('is a valid 1.5 card: parses cleanly, a verb on every Action.Execute, required inputs marked', () => {
    for (const v of [
      view,
      { ...view, mode: 'status' as const },
      { ...view, mode: 'status' as const, response: recorded },
      largest,
    ]) {
      const card = recommendationCard(v, { refreshUserIds: ['29:aisha'] });
      expect(card.version).toBe('1.5');
      expect(parseCard(card).events).toEqual([]);
      expect(executesWithoutVerb(card)).toEqual([]);
      expect(unmarkedInputs(card, v.mode === 'respond' ? ['decision', 'rationale'] : [])).toEqual(
        [],
      );
    }
  });

  it('stays under 20 KB for the largest realistic view, form and recorded response alike', () => {
    expect(cardBytes(recommendationCard(largest))).toBeLessThan(20 * 1024);
    const bigResponse = recommendationCard({
      ...largest,
      mode: 'status',
      response: {
        ...recorded,
        rationale: words(400).slice(0, 4000),
        actions: Array.from({ length: 5 }, () => ({
          description: words(60),
          ownerName: 'Officer Number 1',
          targetDate: '2027-03-31',
          evidence: words(30),
        })),
      },
    });
    expect(cardBytes(bigResponse)).toBeLessThan(20 * 1024);
  });

  it('shows the recommendation, the finding behind it (title and summary), priority and due date', () => {
    const text = textOf(recommendationCard(view));
    expect(text).toContain('Assure police attendance at strategy discussions');
    expect(text).toContain('Police are not consistently part of strategy discussions');
    expect(text).toContain('Audit (4 of 9 cases)');
    expect(text).toContain('Priority: High');
    expect(text).toContain('Response due: 18 December 2026');
  });

  it('refreshes from the server for the responders only, capped at the 60 ids Teams takes', () => {
    const card = recommendationCard(view, { refreshUserIds: ['29:aisha'] });
    expect(card.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        title: 'Refresh',
        verb: REFRESH_VERB,
        data: { recommendationId: 'rec-1', partnerId: 'partner-police' },
      },
      userIds: ['29:aisha'],
    });
    const many = Array.from({ length: 75 }, (_, i) => `29:user-${i}`);
    const capped = recommendationCard(view, { refreshUserIds: many }).refresh as {
      userIds: string[];
    };
    expect(capped.userIds).toHaveLength(MAX_REFRESH_USER_IDS);
    // Unknown ids: no userIds, so Teams refreshes it for everyone (each gets their own view).
    expect(recommendationCard(view).refresh).not.toHaveProperty('userIds');
  });

  it('carries only the recommendation and partner ids as data; the inputs are merged by the client', () => {
    const card = recommendationCard(view);
    const executes = walk(card).filter((e) => e.type === 'Action.Execute');
    for (const e of executes)
      expect(e.data).toEqual({ recommendationId: 'rec-1', partnerId: 'partner-police' });
  });

  it('collects a decision, a rationale and actions, and submits them with the ids', () => {
    const { ac } = parseCard(recommendationCard(view));
    let submitted: { verb?: string; data?: Record<string, unknown> } | undefined;
    ac.onExecuteAction = (action) => {
      const a = action as AC.ExecuteAction;
      submitted = { verb: a.verb, data: a.data as Record<string, unknown> };
    };
    const root = render(ac);
    const radios = [...root.querySelectorAll('input[type=radio]')] as HTMLInputElement[];
    expect(radios).toHaveLength(3);
    radios[1]?.click();
    const set = (id: string, value: string) => {
      const input = ac.getElementById(id) as AC.Input | undefined;
      if (!input) throw new Error(`no input ${id}`);
      const el = input.renderedElement?.querySelector('input, textarea, select') as
        HTMLInputElement | HTMLSelectElement;
      el.value = value;
      el.dispatchEvent(new Event('input'));
      el.dispatchEvent(new Event('change'));
    };
    set('rationale', 'In part: the rota review reports in spring.');
    set('action1What', 'Attend every strategy discussion.');
    set('action1Owner', 'p-aisha');
    set('action1Due', '2027-01-31');
    set('action1Evidence', 'Front Door attendance log.');
    const button = [...root.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Submit response'),
    );
    button?.click();
    expect(submitted?.verb).toBe(RESPOND_VERB);
    expect(submitted?.data).toMatchObject({
      recommendationId: 'rec-1',
      partnerId: 'partner-police',
      decision: 'partially-accept',
      rationale: 'In part: the rota review reports in spring.',
      action1What: 'Attend every strategy discussion.',
      action1Owner: 'p-aisha',
      action1Due: '2027-01-31',
      action1Evidence: 'Front Door attendance log.',
    });
  });

  it('shows one action at first and reveals up to five in place, with no round trip', () => {
    const card = recommendationCard(view);
    const slots = walk(card).filter((e) => String(e.id).startsWith('actionSlot'));
    expect(slots.map((s) => s.isVisible)).toEqual([true, false, false, false, false]);
    const { ac } = parseCard(card);
    const visible = () => slots.filter((s) => ac.getElementById(String(s.id))?.isVisible).length;
    render(ac);
    for (let n = 2; n <= 5; n++) {
      const add = ac.getElementById(`addAfter${n - 1}`);
      expect(add?.isVisible).toBe(true);
      add?.renderedElement?.querySelector('button')?.click();
      expect(visible()).toBe(n);
      expect(add?.isVisible).toBe(false);
    }
    expect(ac.getElementById('addAfter5')).toBeUndefined();
    // Each owner is chosen from the partner's people: they must be people records for reminders.
    const owner = inputsOf(card).find((i) => i.id === 'action1Owner');
    expect(owner).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact' });
    expect((owner?.choices as { value: string }[]).map((c) => c.value)).toEqual([
      'p-aisha',
      'p-tom',
      'p-rachel',
    ]);
  });

  it('comes back with what was typed and the problem to fix', () => {
    const card = recommendationCard({
      ...view,
      notice: 'Give a rationale: every response needs one, whatever the decision.',
      form: {
        decision: 'accept',
        rationale: '',
        actions: [
          { description: 'One', ownerId: 'p-tom', targetDate: '2027-01-31', evidence: 'Log' },
          { description: 'Two', ownerId: '', targetDate: '', evidence: '' },
        ],
      },
    });
    expect(textOf(card)).toContain('Give a rationale');
    const inputs = Object.fromEntries(inputsOf(card).map((i) => [i.id, i.value]));
    expect(inputs).toMatchObject({
      decision: 'accept',
      action1What: 'One',
      action1Owner: 'p-tom',
      action1Due: '2027-01-31',
      action2What: 'Two',
    });
    const slots = walk(card).filter((e) => String(e.id).startsWith('actionSlot'));
    expect(slots.map((s) => s.isVisible)).toEqual([true, true, false, false, false]);
  });

  it('shows status only, with no inputs and no submit, to someone who may not respond', () => {
    const card = recommendationCard({ ...view, mode: 'status' });
    expect(inputsOf(card)).toEqual([]);
    expect(card.actions).toBeUndefined();
    expect(textOf(card)).toContain('Awaiting a response from Eastshire Constabulary (Aisha Noor)');
    expect(parseCard(card).events).toEqual([]);
  });

  it('shows who responded, when, the decision, the actions and the referral to the SLG', () => {
    const text = textOf(recommendationCard({ ...view, mode: 'status', response: recorded }));
    expect(text).toContain('Response: Partially accept');
    expect(text).toContain(
      'Partially accepted by Aisha Noor for Eastshire Constabulary on 20 November 2026 at 10:00',
    );
    expect(text).toContain('2 actions agreed');
    expect(text).toContain('2. Report the rota review to the SLG.');
    expect(text).toContain('Owner: Tom Bradley');
    expect(text).toContain('Target date: 30 April 2027');
    expect(text).toContain(
      'Strategic Leadership Group for a ruling at its meeting on 19 January 2027',
    );
  });

  it('escapes markdown and date functions in text people typed', () => {
    const card = recommendationCard({
      ...view,
      title: '[click](https://evil.example) **now** {{DATE(2026-01-01T00:00:00Z,SHORT)}}',
    });
    const json = JSON.stringify(card);
    expect(json).not.toContain('[click](https');
    expect(json).not.toContain('{{DATE');
  });
});
