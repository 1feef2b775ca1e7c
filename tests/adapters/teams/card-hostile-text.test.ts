import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  DigestCardView,
  RecommendationCardView,
} from '../../../src/application/ports/cards.js';
import type { ActionUpdateCardView } from '../../../src/application/use-cases/action-updates.js';
import { actionUpdateCard } from '../../../src/adapters/teams/cards/action-update-card.js';
import { plain, safeLink } from '../../../src/adapters/teams/cards/card-text.js';
import { digestCard } from '../../../src/adapters/teams/cards/digest-card.js';
import { recommendationCard } from '../../../src/adapters/teams/cards/recommendation-card.js';
import { cardBytes, cardProblems } from './support/card-checks.js';
import { walk } from './support/card-walk.js';

/**
 * Text people typed (or a tampered store) rendered into cards: it must stay text. Adaptive Card
 * markdown acts on `*_[]()#>~|-+<` and numbered lines; Teams reads `{{DATE(...)}}` and
 * `{{TIME(...)}}` as functions; bidirectional overrides can make the card's own words around a
 * name read backwards. Links from people open only as https.
 */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** What a markdown renderer could still act on in a piece of card text. */
function active(text: string): string[] {
  const found: string[] = [];
  const unescaped = text.replace(/\\[\s\S]/g, '');
  const marks = unescaped.match(/[*_[\]()#>`~|+<-]/g);
  if (marks) found.push(`markdown ${[...new Set(marks)].join('')}`);
  if (text.includes('{{')) found.push('{{');
  if (/(^|[\n\r])\s*\d+\.(?=\s|$)/.test(text)) found.push('numbered line');
  if (BIDI.test(text)) found.push('bidi override');
  // eslint-disable-next-line no-control-regex -- looking for control characters
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) found.push('control');
  return found;
}

/** The words as a reader sees them: escapes undone, the zero-width break in `{{` removed. */
const seen = (text: string) => text.replace(/\\([\s\S])/g, '$1').replace(/\{\u200b/g, '{');
/** What plain() may drop: controls other than line breaks and tabs, and bidi overrides. */
const kept = (s: string) =>
  // eslint-disable-next-line no-control-regex -- the characters plain() removes
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');

const hostile = [
  '[click here](javascript:alert(1))',
  '**urgent** _now_ ~~struck~~ `code` # Heading > quote | table',
  '{{DATE(2026-01-01T00:00:00Z, SHORT)}} and {{{TIME(2026-01-01T00:00:00Z)}}}',
  '<img src=x onerror=alert(1)> <https://evil.example> <javascript:alert(1)>',
  '1. first\n2. second\n  10. tenth\n- bullet\n+ plus\n* star',
  'Aisha Noor\u202e for Harbourside Council\u202c \u2066isolated\u2069',
  'line\u0000with\u0007controls\u001b[31m',
  '\\*already escaped\\* and a lone backslash \\',
  '![image](https://evil.example/x.png)',
];

describe('plain(): text from people stays text', () => {
  it.each(hostile)('%j is inert and reads the same', (s) => {
    const out = plain(s);
    expect(active(out)).toEqual([]);
    expect(seen(out)).toBe(kept(s));
  });

  it('for any text at all (property, 2,000 runs)', () => {
    const chars = fc.constantFrom(
      ...'\\*_[]()#>`~|+<-!{}.=1234567890 aé\n\r\t'.split(''),
      '\u202e',
      '\u2066',
      '\u0000',
      '\u200b',
      'ש',
      '😀',
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: chars, maxLength: 60 }), fc.string({ unit: 'binary' })),
        (s) => {
          const out = plain(s);
          expect(active(out)).toEqual([]);
          expect(seen(out)).toBe(kept(s).replace(/\{\u200b/g, '{'));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('links from people', () => {
  it.each([
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox(1)', undefined],
    ['http://harbourside.example/evidence', undefined],
    ['https://user:secret@harbourside.example/', undefined],
    ['//evil.example/x', undefined],
    ['not a link', undefined],
    ['https://harbourside.example/evidence/rota', 'https://harbourside.example/evidence/rota'],
  ])('%s → %s', (link, expected) => {
    expect(safeLink(link)).toBe(expected);
  });
});

const worst = hostile.join(' ');
const long = (n: number) => `${worst} `.repeat(Math.ceil(n / worst.length)).slice(0, n);

/** Every piece of text a card shows: TextBlocks, facts (titles and values), fallback text. */
function texts(card: unknown): string[] {
  return walk(card).flatMap((e) => [
    ...(typeof e.text === 'string' && e.type === 'TextBlock' ? [e.text] : []),
    ...(Array.isArray(e.facts)
      ? (e.facts as { title: string; value: string }[]).flatMap((f) => [f.title, f.value])
      : []),
  ]);
}

function expectInert(card: Record<string, unknown>, userStrings: string[]) {
  expect(cardProblems(card).filter((p) => !/bytes$/.test(p))).toEqual([]);
  const all = texts(card);
  // Every user string arrived (escaped), so the checks below are about it, not about its absence.
  for (const s of userStrings) expect(all.some((t) => t.includes(plain(s)))).toBe(true);
  for (const t of all) {
    expect(t).not.toContain('{{');
    expect(t).not.toMatch(BIDI);
    expect(t).not.toMatch(/(^|[^\\])\[click here\]\(/);
    expect(t).not.toMatch(/(^|[^\\])<(img|https|javascript)/);
  }
  for (const open of walk(card).filter((e) => e.type === 'Action.OpenUrl'))
    expect(String(open.url)).toMatch(/^https:\/\//);
}

describe('every card builder escapes what people typed', () => {
  const h = (i: number) => hostile[i % hostile.length] ?? '';

  it('the recommendation card, in every field, as the form and as the recorded response', () => {
    const view: RecommendationCardView = {
      recommendationId: 'rec-1',
      partnerId: 'p-1',
      reference: 'HSCP-R-2026-07',
      title: h(0),
      text: h(1),
      priority: 'high',
      responseDueDate: '2026-12-18',
      partnerName: h(2),
      findings: [{ title: h(3), evidenceClass: 'worry', summary: h(4) }],
      mode: 'status',
      responders: [{ personId: 'p', displayName: h(5), entraObjectId: 'o' }],
      response: {
        decision: 'partially-accept',
        rationale: h(6),
        responderName: h(7),
        respondedAt: '2026-11-20T10:00:00Z',
        channel: 'teams-card',
        actions: [{ description: h(8), ownerName: h(0), targetDate: '2027-01-31', evidence: h(1) }],
      },
    };
    const card = recommendationCard(view);
    expectInert(card, [h(0), h(1), h(2), h(3), h(4), h(6), h(7), h(8)]);
    const awaiting = recommendationCard({ ...view, response: undefined });
    expectInert(awaiting, [`${h(5)}`]);
  });

  it('the action update card, and its evidence link only as https', () => {
    const view: ActionUpdateCardView = {
      actionId: 'a-1',
      reference: 'HSCP-R-2026-07',
      recommendationTitle: h(0),
      partnerName: h(1),
      description: h(2),
      ownerName: h(3),
      targetDate: '2027-01-31',
      evidenceExpected: h(4),
      status: 'open',
      latest: {
        progress: 40,
        narrative: h(5),
        evidenceLink: 'javascript:alert(1)',
        authorName: h(6),
        at: '2026-12-01T09:30:00Z',
      },
      mode: 'status',
    };
    const card = actionUpdateCard(view);
    expectInert(card, [h(0), h(1), h(2), h(3), h(4), h(5), h(6)]);
    expect(walk(card).filter((e) => e.type === 'Action.OpenUrl')).toEqual([]);
    // Shown, as inert text, so the reader knows there is one.
    expect(texts(card).some((t) => t.includes(plain('javascript:alert(1)')))).toBe(true);
    for (const link of ['data:text/html,<b>x</b>', 'http://harbourside.example/e']) {
      const other = actionUpdateCard({ ...view, latest: { ...view.latest!, evidenceLink: link } });
      expect(walk(other).filter((e) => e.type === 'Action.OpenUrl')).toEqual([]);
    }
    const https = actionUpdateCard({
      ...view,
      latest: { ...view.latest!, evidenceLink: 'https://harbourside.example/evidence/rota' },
    });
    expect(
      walk(https)
        .filter((e) => e.type === 'Action.OpenUrl')
        .map((e) => e.url),
    ).toEqual(['https://harbourside.example/evidence/rota']);
  });

  it('the reminder digest', () => {
    const view: DigestCardView = {
      deliveryKey: 'digest:p:2026-12-01',
      date: '2026-12-01',
      recipientName: h(0),
      items: [
        {
          kind: 'action',
          subjectId: 's-1',
          reference: 'HSCP-R-2026-07',
          title: h(1),
          partnerName: h(2),
          ownerName: h(3),
          dueDate: '2026-12-11',
          stage: 'overdue',
          role: 'owner',
          workingDaysToDue: -2,
          escalatedTo: [h(4)],
        },
      ],
    };
    const card = digestCard(view);
    expect(cardProblems(card)).toEqual([]);
    for (const t of texts(card)) {
      expect(t).not.toContain('{{');
      expect(t).not.toMatch(BIDI);
      expect(t).not.toMatch(/(^|[^\\])\[click here\]\(/);
    }
  });

  it('very long text is cut to its column’s length and the card still parses', () => {
    const base: RecommendationCardView = {
      recommendationId: 'rec-1',
      partnerId: 'p-1',
      reference: long(500),
      title: long(100_000),
      text: long(100_000),
      priority: 'high',
      responseDueDate: '2026-12-18',
      partnerName: long(100_000),
      findings: [{ title: long(100_000), evidenceClass: 'worry' }],
      mode: 'status',
    };
    const card = recommendationCard(base);
    expect(cardProblems(card).filter((p) => !/bytes$/.test(p))).toEqual([]);
    const title = walk(card).find((e) => e.style === 'heading');
    expect(seen(String(title?.text)).length).toBeLessThanOrEqual(255);
    // Each field at its column's cap: well under what the 100,000 characters would weigh.
    expect(cardBytes(card)).toBeLessThan(28 * 1024);
    for (const t of texts(card)) expect(t).not.toContain('{{');
  });
});
