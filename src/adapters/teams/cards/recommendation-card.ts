import type { RecommendationCardView } from '../../../application/ports/cards.js';
import {
  decisionLabels,
  decisions,
  evidenceClassLabels,
  priorityLabels,
  type Channel,
  type Decision,
} from '../../../domain/vocabulary.js';
import { MAX_PROPOSED_ACTIONS } from '../../../domain/responses.js';
import {
  CARD_SCHEMA,
  CARD_VERSION,
  clip,
  date,
  dateTime,
  noticeBlock,
  plain,
  type CardJson,
  type Json,
} from './card-text.js';

export { plain, type CardJson } from './card-text.js';

export const RESPOND_VERB = 'respondToRecommendation';
export const REFRESH_VERB = 'refreshRecommendation';

/** The input ids of the response form; the bot reads the submitted values by these. */
export const responseInputIds = {
  decision: 'decision',
  rationale: 'rationale',
  action: (slot: number) =>
    ({
      description: `action${slot}What`,
      ownerId: `action${slot}Owner`,
      targetDate: `action${slot}Due`,
      evidence: `action${slot}Evidence`,
    }) as const,
} as const;

/** Teams takes at most 60 user ids in a card's refresh.userIds. */
export const MAX_REFRESH_USER_IDS = 60;

export interface RecommendationCardOptions {
  /**
   * The Teams user ids (MRIs, as in `activity.from.id`) of the people who may respond: only they
   * get the automatic refresh to their own view; everyone else sees the card as sent. Leave it out
   * when any is unknown: Teams then refreshes the card for everyone in a chat of up to 60 people.
   */
  refreshUserIds?: readonly string[];
}

const channelLabels: Record<Channel, string> = {
  tab: 'the Critical Friend tab',
  'teams-card': 'Teams',
  'web-link': 'the web link',
  api: 'the API',
  system: 'the system',
};

const decisionPast: Record<Decision, string> = {
  accept: 'Accepted',
  'partially-accept': 'Partially accepted',
  decline: 'Declined',
};

/**
 * The card for one partner's part of a recommendation. Pure. The base card is what everyone in
 * the conversation sees; `refresh` turns it into each responder's own view (the form, while it is
 * open). In respond mode it collects the decision, a rationale and up to five proposed actions:
 * the first action's fields show at once, each "Add another action" reveals the next in place
 * (no round trip on a phone signal), and the server checks everything again on submit.
 */
export function recommendationCard(
  view: RecommendationCardView,
  options: RecommendationCardOptions = {},
): CardJson {
  const body: Json[] = [
    {
      type: 'TextBlock',
      text: `Recommendation ${plain(clip(view.reference, 40))} for ${plain(clip(view.partnerName, 200))}`,
      size: 'Small',
      isSubtle: true,
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: plain(clip(view.title, 255)),
      size: 'Large',
      weight: 'Bolder',
      wrap: true,
      style: 'heading',
    },
    { type: 'TextBlock', text: plain(clip(view.text, 8000)), wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Priority', value: priorityLabels[view.priority] },
        { title: 'Response due', value: date(view.responseDueDate) },
      ],
    },
  ];
  if (view.findings.length) {
    body.push({
      type: 'TextBlock',
      text: view.findings.length === 1 ? 'The finding behind it' : 'The findings behind it',
      weight: 'Bolder',
      wrap: true,
      separator: true,
      spacing: 'Medium',
    });
    for (const f of view.findings) {
      body.push({
        type: 'TextBlock',
        text: `**${evidenceClassLabels[f.evidenceClass]}:** ${plain(clip(f.title, 255))}`,
        wrap: true,
        spacing: 'Small',
      });
      if (f.summary)
        body.push({
          type: 'TextBlock',
          text: plain(clip(f.summary, 8000)),
          isSubtle: true,
          wrap: true,
          spacing: 'None',
        });
    }
  }
  if (view.response) body.push(...responseBlocks(view, view.response));
  if (view.notice)
    body.push(noticeBlock(view.notice, view.mode === 'respond' ? 'problem' : 'info'));

  const data = { recommendationId: view.recommendationId, partnerId: view.partnerId };
  const refreshUserIds = options.refreshUserIds?.slice(0, MAX_REFRESH_USER_IDS);
  const card: CardJson = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    fallbackText: `Recommendation ${clip(view.reference, 40)} for ${clip(view.partnerName, 200)}: open it in Teams to see or respond.`,
    body,
    // A stale or duplicated card re-renders from server state: for the responders only when their
    // ids are known, else for everyone in a chat of up to 60 (Teams' rules for refresh.userIds).
    refresh: {
      action: { type: 'Action.Execute', title: 'Refresh', verb: REFRESH_VERB, data },
      ...(refreshUserIds?.length ? { userIds: refreshUserIds } : {}),
    },
  };

  if (view.mode === 'respond') {
    body.push(...formBlocks(view));
    card.actions = [
      {
        type: 'Action.Execute',
        title: 'Submit response',
        verb: RESPOND_VERB,
        data,
        style: 'positive',
        fallback: {
          type: 'Action.Submit',
          title: 'Submit response',
          data: { ...data, verb: RESPOND_VERB },
        },
      },
    ];
  } else if (view.responseWithheld) {
    body.push({
      type: 'TextBlock',
      text: `${plain(clip(view.partnerName, 200))} has responded. Only its own people and the partnership's leads can read the response.`,
      isSubtle: true,
      wrap: true,
      separator: true,
    });
  } else if (!view.response) {
    const names = (view.responders ?? []).map((r) => r.displayName);
    body.push({
      type: 'TextBlock',
      text: `Awaiting a response from ${plain(clip(view.partnerName, 200))}${names.length ? ` (${plain(clip(names.join(', '), 600))})` : ''}.`,
      isSubtle: true,
      wrap: true,
      separator: true,
    });
  }
  return card;
}

function responseBlocks(
  view: RecommendationCardView,
  r: NonNullable<RecommendationCardView['response']>,
): Json[] {
  const blocks: Json[] = [
    {
      type: 'TextBlock',
      text: `Response: ${decisionLabels[r.decision]}`,
      weight: 'Bolder',
      size: 'Medium',
      color: r.decision === 'accept' ? 'Good' : r.decision === 'decline' ? 'Warning' : 'Accent',
      wrap: true,
      separator: true,
      spacing: 'Medium',
    },
    {
      type: 'TextBlock',
      text: `${decisionPast[r.decision]} by ${plain(clip(r.responderName, 200))} for ${plain(clip(view.partnerName, 200))} on ${dateTime(r.respondedAt)}, through ${channelLabels[r.channel]}.`,
      isSubtle: true,
      size: 'Small',
      wrap: true,
      spacing: 'None',
    },
    { type: 'TextBlock', text: plain(clip(r.rationale, 4000)), wrap: true },
  ];
  const actions = r.actions ?? [];
  if (actions.length) {
    blocks.push({
      type: 'TextBlock',
      text: actions.length === 1 ? 'Action agreed' : `${actions.length} actions agreed`,
      weight: 'Bolder',
      wrap: true,
    });
    actions.forEach((a, i) => {
      blocks.push({
        type: 'Container',
        spacing: 'Small',
        items: [
          {
            type: 'TextBlock',
            text: `${i + 1}\\. ${plain(clip(a.description, 2000))}`,
            wrap: true,
          },
          {
            type: 'FactSet',
            spacing: 'None',
            facts: [
              { title: 'Owner', value: plain(clip(a.ownerName, 200)) },
              { title: 'Target date', value: date(a.targetDate) },
              ...(a.evidence ? [{ title: 'Evidence', value: plain(clip(a.evidence, 2000)) }] : []),
            ],
          },
        ],
      });
    });
  }
  if (r.slg) {
    const when = r.slg.meetingStartsAt
      ? `at its meeting on ${date(r.slg.meetingStartsAt)}`
      : 'at its next meeting (none is in the calendar yet)';
    blocks.push({
      type: 'TextBlock',
      text:
        r.slg.status === 'ruled'
          ? 'The Strategic Leadership Group has ruled on this response.'
          : `This goes to the Strategic Leadership Group for a ruling ${when}.`,
      wrap: true,
      isSubtle: true,
    });
  }
  return blocks;
}

function formBlocks(view: RecommendationCardView): Json[] {
  const form = view.form;
  const blocks: Json[] = [
    {
      type: 'Input.ChoiceSet',
      id: responseInputIds.decision,
      label: 'Your decision',
      style: 'expanded',
      isRequired: true,
      errorMessage: 'Choose accept, partially accept or decline.',
      choices: decisions.map((d) => ({ title: decisionLabels[d], value: d })),
      ...(form?.decision ? { value: form.decision } : {}),
      separator: true,
      spacing: 'Medium',
    },
    {
      type: 'Input.Text',
      id: responseInputIds.rationale,
      label: 'Rationale',
      placeholder: 'Why? Every response needs a rationale.',
      isMultiline: true,
      isRequired: true,
      maxLength: 4000,
      errorMessage: 'A rationale is required.',
      ...(form?.rationale ? { value: form.rationale } : {}),
    },
    {
      type: 'TextBlock',
      text: 'Proposed actions',
      weight: 'Bolder',
      wrap: true,
      spacing: 'Medium',
    },
    {
      type: 'TextBlock',
      text: 'To accept or partially accept, give at least one action. Leave them empty to decline.',
      isSubtle: true,
      size: 'Small',
      wrap: true,
      spacing: 'None',
    },
  ];
  const typed = form?.actions ?? [];
  const used = typed.reduce(
    (n, a, i) => (a.description || a.ownerId || a.targetDate || a.evidence ? i + 1 : n),
    0,
  );
  const shown = Math.min(MAX_PROPOSED_ACTIONS, Math.max(1, used));
  const owners = (view.owners ?? []).map((o) => ({
    title: o.jobTitle ? `${o.displayName}, ${o.jobTitle}` : o.displayName,
    value: o.personId,
  }));
  for (let slot = 1; slot <= MAX_PROPOSED_ACTIONS; slot++) {
    const ids = responseInputIds.action(slot);
    const value = typed[slot - 1] ?? {};
    const items: Json[] = [
      { type: 'TextBlock', text: `Action ${slot}`, weight: 'Bolder', wrap: true },
      {
        type: 'Input.Text',
        id: ids.description,
        label: 'What will be done',
        isMultiline: true,
        maxLength: 2000,
        ...(value.description ? { value: value.description } : {}),
      },
      // Owners are people records (reminders go to them), so they are chosen, never typed.
      ...(owners.length
        ? [
            {
              type: 'Input.ChoiceSet',
              id: ids.ownerId,
              label: 'Owner',
              style: 'compact',
              placeholder: 'Choose who owns it',
              choices: owners,
              ...(value.ownerId ? { value: value.ownerId } : {}),
            },
          ]
        : []),
      {
        type: 'Input.Date',
        id: ids.targetDate,
        label: 'Target date',
        ...(value.targetDate ? { value: value.targetDate } : {}),
      },
      {
        type: 'Input.Text',
        id: ids.evidence,
        label: 'Evidence expected',
        placeholder: 'What will show it is done?',
        maxLength: 2000,
        ...(value.evidence ? { value: value.evidence } : {}),
      },
    ];
    if (slot < MAX_PROPOSED_ACTIONS) {
      items.push({
        type: 'ActionSet',
        id: `addAfter${slot}`,
        isVisible: slot + 1 > shown,
        actions: [
          {
            type: 'Action.ToggleVisibility',
            title: 'Add another action',
            targetElements: [
              { elementId: `actionSlot${slot + 1}`, isVisible: true },
              { elementId: `addAfter${slot}`, isVisible: false },
            ],
          },
        ],
      });
    }
    blocks.push({
      type: 'Container',
      id: `actionSlot${slot}`,
      isVisible: slot <= shown,
      separator: true,
      items,
    });
  }
  return blocks;
}
