// @vitest-environment happy-dom
import '../../setup-dom.js';
import type * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import type { DigestCardView, DigestItem } from '../../../src/application/ports/cards.js';
import {
  digestCard,
  digestTiming,
  MAX_DIGEST_ITEMS,
  OPEN_DIGEST_ITEM_VERB,
  REFRESH_DIGEST_VERB,
} from '../../../src/adapters/teams/cards/digest-card.js';
import { cardBytes, executesWithoutVerb, parseCard } from './support/card-checks.js';
import { textOf, walk } from './support/card-walk.js';

const item = (over: Partial<DigestItem> & Pick<DigestItem, 'subjectId'>): DigestItem => ({
  kind: 'action',
  reference: 'HSCP-R-2026-07',
  title: 'Public protection unit attends every strategy discussion',
  partnerName: 'Harbourside Police',
  ownerName: 'Sam Okafor',
  dueDate: '2026-12-11',
  stage: 'overdue',
  role: 'owner',
  workingDaysToDue: -5,
  ...over,
});

const items: DigestItem[] = [
  item({
    subjectId: 'action-soon',
    title: 'Refresh the missing-from-home protocol',
    dueDate: '2026-12-25',
    stage: 'reminder',
    workingDaysToDue: 5,
  }),
  item({
    subjectId: 'action-late-1',
    title: 'Audit strategy discussion minutes',
    workingDaysToDue: -1,
  }),
  item({
    subjectId: 'action-late-12',
    title: 'Train the Front Door supervisors',
    stage: 'escalation-chair',
    workingDaysToDue: -12,
    escalatedTo: ['Priya Lindqvist', 'Tom Aldridge'],
  }),
  item({
    kind: 'response',
    subjectId: 'rec-3',
    partnerId: 'partner-police',
    reference: 'HSCP-R-2026-03',
    title: 'Assure police attendance at strategy discussions',
    stage: 'reminder',
    workingDaysToDue: 0,
    ownerName: 'Sam Okafor, Aisha Noor',
  }),
  item({
    subjectId: 'action-dsp',
    partnerName: 'Eastshire Council',
    ownerName: 'Jo Marsh',
    stage: 'escalation-dsp',
    role: 'dsp',
    workingDaysToDue: -3,
  }),
  item({
    kind: 'response',
    subjectId: 'rec-5',
    partnerId: 'partner-icb',
    reference: 'HSCP-R-2026-05',
    partnerName: 'Harbourside ICB',
    ownerName: 'Lee Brennan',
    stage: 'escalation-chair',
    role: 'chair',
    workingDaysToDue: -8,
  }),
  item({
    subjectId: 'action-lsp',
    partnerName: 'Eastshire Council',
    ownerName: 'Jo Marsh',
    stage: 'escalation-lsp',
    role: 'lsp',
    workingDaysToDue: -15,
  }),
];

const view: DigestCardView = {
  deliveryKey: 'digest:person-sam:2026-12-18',
  recipientName: 'Sam Okafor',
  date: '2026-12-18',
  items,
  trackerUrl: 'https://harbourside.example/tab#tracker',
};

/** 200 items, titles of 300 markdown characters: the heaviest a digest could be asked to carry. */
const worst: DigestCardView = {
  ...view,
  notice: '*_[#]`>~|-{{'.repeat(100),
  recipientName: '*_'.repeat(100),
  items: Array.from({ length: 200 }, (_, i) =>
    item({
      kind: i % 2 ? 'action' : 'response',
      subjectId: `subject-${i}-${'x'.repeat(30)}`,
      partnerId: `partner-${i}`,
      reference: `*[${'#'.repeat(60)}]`,
      title: '*_[]()#>`~|-{{'.repeat(22).slice(0, 300),
      partnerName: '[Harbourside](Police)'.repeat(10),
      ownerName: '_Sam_ *Okafor*'.repeat(20),
      stage: (['reminder', 'overdue', 'escalation-dsp', 'escalation-chair'] as const)[i % 4],
      role: (['owner', 'owner', 'dsp', 'chair'] as const)[i % 4],
      workingDaysToDue: 10 - i,
      escalatedTo: ['*Priya*', '_Tom_', '[Lee]'].flatMap((n) => Array(20).fill(n)),
    }),
  ),
};

const executes = (card: unknown) => walk(card).filter((e) => e.type === 'Action.Execute');
const headings = (card: Record<string, unknown>) =>
  (card.body as Record<string, unknown>[])
    .filter((e) => e.style === 'heading')
    .map((e) => e.text)
    .slice(1);
/** The subject ids of the item actions, in the order they appear. */
const order = (card: unknown) =>
  executes(card)
    .filter((e) => e.verb === OPEN_DIGEST_ITEM_VERB)
    .map((e) => (e.data as { subjectId: string }).subjectId);

describe('the digest card', () => {
  it('is a valid 1.5 card with a verb on every Execute, in every variant, under 20 KB', () => {
    const variants: [DigestCardView, string[] | undefined][] = [
      [view, ['29:sam']],
      [view, undefined],
      [{ ...view, items: [] }, ['29:sam']],
      [{ ...view, notice: 'The card for A3 is below.\nThank you.' }, undefined],
      [{ ...view, items: items.map((i) => ({ ...i, settled: true })) }, ['29:sam']],
      [worst, Array.from({ length: 75 }, (_, i) => `29:${'u'.repeat(40)}-${i}`)],
    ];
    for (const [v, userIds] of variants) {
      const card = digestCard(v, { refreshUserIds: userIds });
      expect(card.version).toBe('1.5');
      expect(parseCard(card).events).toEqual([]);
      expect(executesWithoutVerb(card)).toEqual([]);
      expect(cardBytes(card)).toBeLessThan(20 * 1024);
    }
  });

  it('stays under 20 KB for 200 items with long markdown titles, showing at most the cap', () => {
    const card = digestCard(worst, { refreshUserIds: ['29:sam'] });
    expect(cardBytes(card)).toBeLessThan(20 * 1024);
    const shown = order(card);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThanOrEqual(MAX_DIGEST_ITEMS);
    expect(textOf(card)).toContain(`and ${200 - shown.length} more: see the tracker`);
    // Long titles are cut with an ellipsis before escaping.
    expect(textOf(card)).toContain('…');
  });

  it('heads the card with the date in words and addresses the reader by name', () => {
    const card = digestCard(view);
    expect((card.body as Record<string, unknown>[])[0]).toMatchObject({
      text: 'Critical Friend: your items for 18 December 2026',
    });
    expect(textOf(card)).toContain('For Sam Okafor: 2 overdue, 2 due soon, 3 escalated to you.');
    expect(card.fallbackText).toContain('18 December 2026');
  });

  it('groups items into Overdue, Due soon, Escalated to you, most overdue first', () => {
    const card = digestCard(view);
    expect(headings(card)).toEqual(['Overdue', 'Due soon', 'Escalated to you']);
    expect(order(card)).toEqual([
      'action-late-12',
      'action-late-1',
      'rec-3',
      'action-soon',
      'action-lsp',
      'rec-5',
      'action-dsp',
    ]);
    // A section with nothing in it is left out.
    const ownerOnly = digestCard({ ...view, items: items.filter((i) => i.role === 'owner') });
    expect(headings(ownerOnly)).toEqual(['Overdue', 'Due soon']);
    const escalatedOnly = digestCard({ ...view, items: items.filter((i) => i.role !== 'owner') });
    expect(headings(escalatedOnly)).toEqual(['Escalated to you']);
  });

  it('says when each item is due in plain English, and colours what is overdue', () => {
    expect(digestTiming(5)).toBe('Due in 5 working days');
    expect(digestTiming(1)).toBe('Due in 1 working day');
    expect(digestTiming(0)).toBe('Due today');
    expect(digestTiming(-1)).toBe('1 working day overdue');
    expect(digestTiming(-12)).toBe('12 working days overdue');
    const card = digestCard(view);
    const text = textOf(card);
    expect(text).toContain('Due in 5 working days (25 December 2026)');
    expect(text).toContain('Due today (11 December 2026)');
    expect(text).toContain('12 working days overdue (11 December 2026)');
    const overdue = walk(card).find((e) => e.text === '1 working day overdue (11 December 2026)');
    expect(overdue).toMatchObject({ color: 'Attention' });
    const soon = walk(card).find((e) => e.text === 'Due in 5 working days (25 December 2026)');
    expect(soon).not.toHaveProperty('color');
  });

  it('shows who owns each item, and why an escalated one has come to the reader', () => {
    const card = digestCard(view);
    const text = textOf(card);
    expect(text).toContain('Action for Harbourside Police. Owner: Sam Okafor');
    expect(text).toContain('Response for Harbourside Police. Owner: Sam Okafor, Aisha Noor');
    expect(text).toContain('Action. Owner: Jo Marsh at Eastshire Council');
    expect(text).toContain('Response. Owner: Lee Brennan at Harbourside ICB');
    for (const reason of [
      'Escalated to you as their delegated safeguarding partner',
      'Escalated to you as partnership chair',
      'Escalated to the lead safeguarding partners',
    ])
      expect(walk(card).filter((e) => e.text === reason)).toEqual([
        expect.objectContaining({ color: 'Warning' }),
      ]);
    // The owner is told who it has gone to.
    expect(text).toContain('Escalated to: Priya Lindqvist, Tom Aldridge');
    expect(text).toContain('HSCP-R-2026-03: Assure police attendance at strategy discussions');
  });

  it('gives each open item one button that opens it, carrying the delivery key and the subject', () => {
    const card = digestCard(view);
    const actions = executes(card);
    expect(actions).toHaveLength(items.length);
    const byId = (id: string) =>
      actions.find((a) => (a.data as { subjectId: string }).subjectId === id);
    expect(byId('action-late-1')).toMatchObject({
      title: 'Give an update',
      verb: OPEN_DIGEST_ITEM_VERB,
    });
    expect(byId('action-late-1')?.data).toEqual({
      deliveryKey: view.deliveryKey,
      kind: 'action',
      subjectId: 'action-late-1',
    });
    expect(byId('rec-3')).toMatchObject({ title: 'Respond' });
    expect(byId('rec-3')?.data).toEqual({
      deliveryKey: view.deliveryKey,
      kind: 'response',
      subjectId: 'rec-3',
      partnerId: 'partner-police',
    });
    for (const id of ['action-dsp', 'rec-5', 'action-lsp'])
      expect(byId(id)).toMatchObject({ title: 'Open' });
    for (const a of actions)
      expect(a.data).toMatchObject({
        deliveryKey: view.deliveryKey,
        kind: expect.any(String),
        subjectId: expect.any(String),
      });
    // Every item's button sits in its own ActionSet under the item.
    const sets = walk(card).filter((e) => e.type === 'ActionSet');
    expect(sets.every((s) => (s.actions as unknown[]).length === 1)).toBe(true);
  });

  it('sends the button press with its data when the card is rendered and clicked', () => {
    const { ac } = parseCard(digestCard(view));
    let pressed: { verb?: string; data?: unknown } | undefined;
    ac.onExecuteAction = (action) => {
      const a = action as AC.ExecuteAction;
      pressed = { verb: a.verb, data: a.data };
    };
    document.body.replaceChildren(ac.render() as HTMLElement);
    [...document.querySelectorAll('button')]
      .find((b) => b.textContent?.includes('Respond'))
      ?.click();
    expect(pressed).toEqual({
      verb: OPEN_DIGEST_ITEM_VERB,
      data: {
        deliveryKey: view.deliveryKey,
        kind: 'response',
        subjectId: 'rec-3',
        partnerId: 'partner-police',
      },
    });
  });

  it('shows settled items as dealt with, with no button, after the open ones', () => {
    const settledItems = items.map((i) =>
      i.subjectId === 'action-late-12' || i.subjectId === 'rec-5' ? { ...i, settled: true } : i,
    );
    const card = digestCard({ ...view, items: settledItems });
    expect(order(card)).toEqual([
      'action-late-1',
      'rec-3',
      'action-soon',
      'action-lsp',
      'action-dsp',
    ]);
    const dealt = walk(card).filter(
      (e) => typeof e.text === 'string' && e.text.startsWith('Dealt with'),
    );
    expect(dealt).toHaveLength(2);
    expect(dealt[0]).toMatchObject({
      text: 'Dealt with (was due 11 December 2026)',
      isSubtle: true,
    });
    expect(textOf(card)).toContain('For Sam Okafor: 1 overdue, 2 due soon, 2 escalated to you.');

    const allDone = digestCard({ ...view, items: items.map((i) => ({ ...i, settled: true })) });
    expect(executes(allDone)).toEqual([]);
    expect(textOf(allDone)).toContain('For Sam Okafor: everything here has been dealt with.');
  });

  it('refreshes from the server only for the given user ids, with its verb and delivery key', () => {
    expect(digestCard(view)).not.toHaveProperty('refresh');
    expect(digestCard(view, { refreshUserIds: [] })).not.toHaveProperty('refresh');
    expect(digestCard(view, { refreshUserIds: ['29:sam'] }).refresh).toEqual({
      action: {
        type: 'Action.Execute',
        title: 'Refresh',
        verb: REFRESH_DIGEST_VERB,
        data: { deliveryKey: view.deliveryKey },
      },
      userIds: ['29:sam'],
    });
    const many = Array.from({ length: 75 }, (_, i) => `29:user-${i}`);
    const refresh = digestCard(view, { refreshUserIds: many }).refresh as { userIds: string[] };
    expect(refresh.userIds).toHaveLength(60);
  });

  it('counts what it leaves out and links to the tracker', () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      item({ subjectId: `action-${i}`, workingDaysToDue: -i - 1 }),
    );
    const card = digestCard({ ...view, items: [...many, ...items] });
    expect(order(card)).toHaveLength(MAX_DIGEST_ITEMS);
    // Overdue is kept before escalated and due soon; the most overdue first.
    expect(order(card).slice(0, 3)).toEqual(['action-19', 'action-18', 'action-17']);
    expect(order(card)).toContain('action-late-12');
    expect(order(card)).not.toContain('action-soon');
    expect(headings(card)).toEqual(['Overdue']);
    expect(textOf(card)).toContain(
      `and ${many.length + items.length - MAX_DIGEST_ITEMS} more: see the tracker`,
    );
    expect(walk(card).filter((e) => e.type === 'Action.OpenUrl')).toEqual([
      expect.objectContaining({ url: view.trackerUrl }),
    ]);
    // Without a tracker link, the line stays and no link is made.
    const noLink = digestCard({ ...view, trackerUrl: undefined, items: [...many, ...items] });
    expect(textOf(noLink)).toContain('more: see the tracker');
    expect(walk(noLink).filter((e) => e.type === 'Action.OpenUrl')).toEqual([]);
    // Nothing left out: no line, no link.
    expect(textOf(digestCard(view))).not.toContain('see the tracker');
    expect(walk(digestCard(view)).filter((e) => e.type === 'Action.OpenUrl')).toEqual([]);
  });

  it('keeps escalations ahead of due-soon items when it has to leave some out', () => {
    const soon = Array.from({ length: 12 }, (_, i) =>
      item({ subjectId: `soon-${i}`, stage: 'reminder', workingDaysToDue: i + 1 }),
    );
    const card = digestCard({ ...view, items: [...soon, items[4] as DigestItem] });
    expect(order(card)).toContain('action-dsp');
    expect(headings(card)).toEqual(['Due soon', 'Escalated to you']);
    expect(textOf(card)).toContain('and 1 more: see the tracker');
  });

  it('escapes every markdown character in stored text, and breaks up {{', () => {
    const card = digestCard({
      ...view,
      recipientName: 'Sam *Okafor*',
      notice: 'See [the tracker](https://evil.example)',
      items: [
        item({
          subjectId: 'a',
          reference: 'HSCP_R_2026',
          title: '**Bold** [link](https://evil.example) # {{DATE(2026-01-01)}} `code` _x_',
          partnerName: 'Harbourside > Police',
          ownerName: 'Sam ~Okafor~',
          escalatedTo: ['Priya | Lindqvist'],
        }),
      ],
    });
    const raw = walk(card)
      .map((e) => (typeof e.text === 'string' ? e.text : ''))
      .join('\n');
    expect(raw).toContain(
      'HSCP\\_R\\_2026: \\*\\*Bold\\*\\* \\[link\\]\\(https://evil.example\\) \\# {\u200b{DATE\\(2026\\-01\\-01\\)}} \\`code\\` \\_x\\_',
    );
    expect(raw).toContain('Harbourside \\> Police');
    expect(raw).toContain('Sam \\~Okafor\\~');
    expect(raw).toContain('Priya \\| Lindqvist');
    expect(raw).toContain('Sam \\*Okafor\\*');
    expect(raw).toContain('See \\[the tracker\\]\\(https://evil.example\\)');
    expect(raw).not.toMatch(/(^|[^\\])\*\*Bold/);
  });

  it('cuts long titles to 140 characters with an ellipsis, before escaping', () => {
    const long = 'a'.repeat(300);
    const card = digestCard({ ...view, items: [item({ subjectId: 'a', title: long })] });
    const line = walk(card).find(
      (e) => typeof e.text === 'string' && e.text.startsWith('HSCP\\-R\\-2026\\-07: '),
    );
    expect(line?.text).toBe(`HSCP\\-R\\-2026\\-07: ${'a'.repeat(139)}…`);
  });

  it('shows the notice at the top and says so when nothing is due', () => {
    const card = digestCard({ ...view, items: [], notice: 'The card for A3 is below.' });
    const body = card.body as Record<string, unknown>[];
    expect(body[2]).toMatchObject({ type: 'Container', style: 'emphasis' });
    expect(textOf(body[2])).toBe('The card for A3 is below.');
    expect(textOf(card)).toContain('Nothing is due or overdue for you today.');
    expect(headings(card)).toEqual([]);
    expect(executes(card)).toEqual([]);
    expect(textOf(digestCard(view))).not.toContain('Nothing is due');
  });
});
