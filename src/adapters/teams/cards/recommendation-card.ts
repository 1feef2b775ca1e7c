import type { RecommendationCardView } from '../../../application/ports/cards.js';
import {
  decisionLabels,
  decisions,
  evidenceClassLabels,
  priorityLabels,
  type Channel,
} from '../../../domain/vocabulary.js';

export const RESPOND_VERB = 'respondToRecommendation';
export const REFRESH_VERB = 'refreshRecommendation';

type Json = Record<string, unknown>;
export type CardJson = { type: 'AdaptiveCard'; [key: string]: unknown };

const channelLabels: Record<Channel, string> = {
  tab: 'the Critical Friend tab',
  'teams-card': 'Teams',
  'web-link': 'the web link',
  api: 'the API',
  system: 'the system',
};

/** Text from users goes into TextBlocks; escape the characters Adaptive Card markdown acts on. */
export const plain = (s: string) => s.replace(/([\\*_[\]()#>`~|-])/g, '\\$1');

const date = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });

/** The card a partner lead gets for a recommendation that names their partner. Pure. */
export function recommendationCard(view: RecommendationCardView): CardJson {
  const body: Json[] = [
    {
      type: 'TextBlock',
      text: `Recommendation ${view.reference} for ${plain(view.partnerName)}`,
      size: 'Small',
      isSubtle: true,
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: plain(view.title),
      size: 'Large',
      weight: 'Bolder',
      wrap: true,
      style: 'heading',
    },
    { type: 'TextBlock', text: plain(view.text), wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Priority', value: priorityLabels[view.priority] },
        { title: 'Response due', value: date(view.responseDueDate) },
        ...view.findings.map((f) => ({
          title: evidenceClassLabels[f.evidenceClass],
          value: plain(f.title),
        })),
      ],
    },
  ];
  if (view.notice) {
    body.push({ type: 'TextBlock', text: plain(view.notice), color: 'Attention', wrap: true });
  }
  if (view.response) {
    const r = view.response;
    body.push(
      {
        type: 'TextBlock',
        text: `Response: ${decisionLabels[r.decision]}`,
        weight: 'Bolder',
        color: r.decision === 'decline' ? 'Warning' : 'Good',
        wrap: true,
      },
      { type: 'TextBlock', text: plain(r.rationale), wrap: true },
      {
        type: 'TextBlock',
        text: `Recorded for ${plain(r.responderName)} on ${date(r.respondedAt)} through ${channelLabels[r.channel]}.`,
        isSubtle: true,
        size: 'Small',
        wrap: true,
      },
    );
  }
  const data = { recommendationId: view.recommendationId, partnerId: view.partnerId };
  const card: CardJson = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    // A stale or duplicated card re-renders from server state when opened.
    refresh: { action: { type: 'Action.Execute', verb: REFRESH_VERB, data } },
  };
  if (view.mode === 'respond') {
    body.push(
      {
        type: 'Input.ChoiceSet',
        id: 'decision',
        label: 'Your decision',
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Choose accept, partially accept or decline.',
        choices: decisions.map((d) => ({ title: decisionLabels[d], value: d })),
      },
      {
        type: 'Input.Text',
        id: 'rationale',
        label: 'Rationale',
        placeholder: 'Why? Every response needs a rationale.',
        isMultiline: true,
        isRequired: true,
        maxLength: 4000,
        errorMessage: 'A rationale is required.',
      },
    );
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
  } else if (!view.response) {
    body.push({
      type: 'TextBlock',
      text: `Awaiting a response from ${plain(view.partnerName)}.`,
      isSubtle: true,
      wrap: true,
    });
  }
  return card;
}
