import { timingWords } from '../../../domain/reminders.js';
import type { DigestCardView, DigestItem, ReminderRole } from '../../../application/ports/cards.js';
import {
  CARD_SCHEMA,
  CARD_VERSION,
  clip,
  date,
  noticeBlock,
  plain,
  type CardJson,
  type Json,
} from './card-text.js';
import { MAX_REFRESH_USER_IDS } from './recommendation-card.js';

export const REFRESH_DIGEST_VERB = 'refreshDigest';
export const OPEN_DIGEST_ITEM_VERB = 'openDigestItem';

/** At most this many items are shown; the rest are counted, with a link to the tracker. */
export const MAX_DIGEST_ITEMS = 12;

/** What the card may weigh before items stop being added: cards stay under 20 KB (Teams takes 28). */
const BYTE_BUDGET = 18 * 1024;

/** Longest text shown for each stored field, in characters, before escaping. */
const LIMITS = {
  title: 140,
  reference: 40,
  partnerName: 80,
  ownerName: 100,
  escalatedTo: 160,
  recipientName: 80,
  notice: 600,
} as const;

type SectionKey = 'overdue' | 'dueSoon' | 'escalated';

/** The order sections appear in, top to bottom. */
const sectionOrder: readonly SectionKey[] = ['overdue', 'dueSoon', 'escalated'];
/** The order items are kept in when there are too many to show. */
const keepOrder: Record<SectionKey, number> = { overdue: 0, escalated: 1, dueSoon: 2 };

const sectionTitles: Record<SectionKey, string> = {
  overdue: 'Overdue',
  dueSoon: 'Due soon',
  escalated: 'Escalated to you',
};

const summaryWords: Record<SectionKey, string> = {
  overdue: 'overdue',
  dueSoon: 'due soon',
  escalated: 'escalated to you',
};

const escalationReasons: Record<Exclude<ReminderRole, 'owner'>, string> = {
  dsp: 'Escalated to you as their delegated safeguarding partner',
  chair: 'Escalated to you as partnership chair',
  lsp: 'Escalated to the lead safeguarding partners',
};

/** Overdue: past due, or escalated past its owner; the owner still sees it as overdue. */
function sectionOf(item: DigestItem): SectionKey {
  if (item.role !== 'owner') return 'escalated';
  return item.stage === 'reminder' ? 'dueSoon' : 'overdue';
}

/** "Due in 5 working days", "Due today", "1 working day overdue" (the domain's wording). */
export const digestTiming = timingWords;

function actionTitle(item: DigestItem): string {
  if (item.role !== 'owner') return 'Open';
  return item.kind === 'action' ? 'Give an update' : 'Respond';
}

/** Unsettled first, then the most overdue (fewest working days to due). */
const byUrgency = (a: DigestItem, b: DigestItem) =>
  Number(!!a.settled) - Number(!!b.settled) || a.workingDaysToDue - b.workingDaysToDue;

function itemBlock(item: DigestItem, deliveryKey: string, first: boolean): Json {
  const settled = !!item.settled;
  const kindLabel = item.kind === 'action' ? 'Action' : 'Response';
  const partner = plain(clip(item.partnerName, LIMITS.partnerName));
  const owner = plain(clip(item.ownerName, LIMITS.ownerName));
  const due = date(item.dueDate);
  const items: Json[] = [
    {
      type: 'TextBlock',
      text: `${plain(clip(item.reference, LIMITS.reference))}: ${plain(clip(item.title, LIMITS.title))}`,
      weight: 'Bolder',
      wrap: true,
      ...(settled ? { isSubtle: true } : {}),
    },
    {
      type: 'TextBlock',
      text:
        item.role === 'owner'
          ? `${kindLabel} for ${partner}. Owner: ${owner}`
          : `${kindLabel}. Owner: ${owner} at ${partner}`,
      isSubtle: true,
      size: 'Small',
      wrap: true,
      spacing: 'None',
    },
    settled
      ? {
          type: 'TextBlock',
          text: `Dealt with (was due ${due})`,
          color: 'Good',
          isSubtle: true,
          wrap: true,
          spacing: 'Small',
        }
      : {
          type: 'TextBlock',
          text: `${digestTiming(item.workingDaysToDue)} (${due})`,
          ...(item.workingDaysToDue < 0 ? { color: 'Attention', weight: 'Bolder' } : {}),
          wrap: true,
          spacing: 'Small',
        },
  ];
  if (item.role !== 'owner')
    items.push({
      type: 'TextBlock',
      text: escalationReasons[item.role],
      color: 'Warning',
      size: 'Small',
      wrap: true,
      spacing: 'None',
      ...(settled ? { isSubtle: true } : {}),
    });
  else if (item.escalatedTo?.length)
    items.push({
      type: 'TextBlock',
      text: `Escalated to: ${plain(clip(item.escalatedTo.join(', '), LIMITS.escalatedTo))}`,
      color: 'Warning',
      size: 'Small',
      wrap: true,
      spacing: 'None',
      ...(settled ? { isSubtle: true } : {}),
    });
  if (!settled)
    items.push({
      type: 'ActionSet',
      spacing: 'Small',
      actions: [
        {
          type: 'Action.Execute',
          title: actionTitle(item),
          verb: OPEN_DIGEST_ITEM_VERB,
          data: {
            deliveryKey,
            kind: item.kind,
            subjectId: item.subjectId,
            ...(item.partnerId ? { partnerId: item.partnerId } : {}),
          },
        },
      ],
    });
  return {
    type: 'Container',
    spacing: 'Medium',
    ...(first ? {} : { separator: true }),
    items,
  };
}

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');

/**
 * The one card a person gets on a working day: their overdue items, those due soon and those
 * escalated to them, each with one button to open it (the bot answers with the item's own card).
 * Pure. Shows at most {@link MAX_DIGEST_ITEMS} items and stays under 20 KB whatever the input;
 * what is left out is counted, with a link to the tracker. Every Execute carries the digest's
 * `deliveryKey`, so the card can be found again in the chat.
 */
export function digestCard(
  view: DigestCardView,
  options: { refreshUserIds?: readonly string[] } = {},
): CardJson {
  const { deliveryKey } = view;
  const forDate = date(view.date);
  const name = plain(clip(view.recipientName, LIMITS.recipientName));

  const open = new Map<SectionKey, number>(sectionOrder.map((k) => [k, 0]));
  for (const item of view.items)
    if (!item.settled) open.set(sectionOf(item), (open.get(sectionOf(item)) ?? 0) + 1);
  const counts = sectionOrder
    .filter((k) => (open.get(k) ?? 0) > 0)
    .map((k) => `${open.get(k)} ${summaryWords[k]}`);
  const summary = !view.items.length
    ? `For ${name}.`
    : counts.length
      ? `For ${name}: ${counts.join(', ')}.`
      : `For ${name}: everything here has been dealt with.`;

  const body: Json[] = [
    {
      type: 'TextBlock',
      text: `Critical Friend: your items for ${forDate}`,
      size: 'Medium',
      weight: 'Bolder',
      wrap: true,
      style: 'heading',
    },
    {
      type: 'TextBlock',
      text: summary,
      isSubtle: true,
      size: 'Small',
      wrap: true,
      spacing: 'None',
    },
  ];
  if (view.notice) body.push(noticeBlock(clip(view.notice, LIMITS.notice), 'info'));

  const refreshUserIds = options.refreshUserIds?.slice(0, MAX_REFRESH_USER_IDS);
  const card: CardJson = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    fallbackText: `Critical Friend: your items for ${forDate}. Open it in Teams to see them.`,
    body,
    ...(refreshUserIds?.length
      ? {
          refresh: {
            action: {
              type: 'Action.Execute',
              title: 'Refresh',
              verb: REFRESH_DIGEST_VERB,
              data: { deliveryKey },
            },
            userIds: refreshUserIds,
          },
        }
      : {}),
  };

  if (!view.items.length) {
    body.push({
      type: 'TextBlock',
      text: 'Nothing is due or overdue for you today.',
      wrap: true,
      separator: true,
      spacing: 'Medium',
    });
    return card;
  }

  // Choose what to show: what still needs doing first, overdue before escalated before due soon,
  // the most overdue first; stop at the cap, or earlier if the card would grow too heavy.
  const ranked = view.items
    .map((item, index) => ({ item, index, section: sectionOf(item) }))
    .sort(
      (a, b) =>
        Number(!!a.item.settled) - Number(!!b.item.settled) ||
        keepOrder[a.section] - keepOrder[b.section] ||
        a.item.workingDaysToDue - b.item.workingDaysToDue ||
        a.index - b.index,
    );
  // Room for the section headings, the "and N more" line and its link.
  let weight = bytes(card) + 3 * 200 + 400 + (view.trackerUrl ? bytes(view.trackerUrl) : 0);
  const kept: typeof ranked = [];
  for (const entry of ranked) {
    if (kept.length >= MAX_DIGEST_ITEMS) break;
    const size = bytes(itemBlock(entry.item, deliveryKey, false)) + 1;
    if (weight + size > BYTE_BUDGET) break;
    weight += size;
    kept.push(entry);
  }

  for (const key of sectionOrder) {
    const items = kept
      .filter((e) => e.section === key)
      .map((e) => e.item)
      .sort(byUrgency);
    if (!items.length) continue;
    body.push({
      type: 'TextBlock',
      text: sectionTitles[key],
      size: 'Medium',
      weight: 'Bolder',
      wrap: true,
      style: 'heading',
      separator: true,
      spacing: 'Large',
    });
    items.forEach((item, i) => body.push(itemBlock(item, deliveryKey, i === 0)));
  }

  const left = view.items.length - kept.length;
  if (left > 0) {
    body.push({
      type: 'TextBlock',
      text: `and ${left} more: see the tracker`,
      isSubtle: true,
      wrap: true,
      separator: true,
      spacing: 'Medium',
    });
    if (view.trackerUrl)
      body.push({
        type: 'ActionSet',
        actions: [{ type: 'Action.OpenUrl', title: 'Open the tracker', url: view.trackerUrl }],
      });
  }
  return card;
}
