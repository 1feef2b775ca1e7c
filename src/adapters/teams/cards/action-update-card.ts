import type { ActionUpdateCardView } from '../../../application/use-cases/action-updates.js';
import {
  CARD_SCHEMA,
  CARD_VERSION,
  clip,
  date,
  dateTime,
  noticeBlock,
  plain,
  safeLink,
  type CardJson,
  type Json,
} from './card-text.js';

export const UPDATE_ACTION_VERB = 'updateAction';
export const REFRESH_ACTION_VERB = 'refreshAction';

/** The input ids of the update form; the bot reads the submitted values by these. */
export const actionUpdateInputIds = {
  progress: 'progress',
  narrative: 'narrative',
  evidenceLink: 'evidenceLink',
  revisedDate: 'revisedDate',
} as const;

const statusLabels: Record<ActionUpdateCardView['status'], string> = {
  open: 'Open',
  done: 'Done, awaiting verification',
  verified: 'Verified by the scrutineer',
  reopened: 'Reopened',
  paused: 'Paused by the scrutineer',
};

/**
 * The card an action's owner gets to report progress: where the action stands, the latest update,
 * and a short form (progress 0–100, what happened, an evidence link, a revised date). Pure. Each
 * rendering of the form carries its own submit key, so the same submit arriving twice is stored
 * once; after an update the card confirms it and offers another rather than a blank form.
 */
export function actionUpdateCard(
  view: ActionUpdateCardView,
  options: { refreshUserIds?: readonly string[] } = {},
): CardJson {
  const body: Json[] = [
    {
      type: 'TextBlock',
      text: `Action on ${plain(clip(view.reference, 40))} for ${plain(clip(view.partnerName, 200))}`,
      size: 'Small',
      isSubtle: true,
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: plain(clip(view.description, 2000)),
      size: 'Medium',
      weight: 'Bolder',
      wrap: true,
      style: 'heading',
    },
    {
      type: 'FactSet',
      facts: [
        { title: 'Recommendation', value: plain(clip(view.recommendationTitle, 255)) },
        { title: 'Owner', value: plain(clip(view.ownerName, 200)) },
        { title: 'Target date', value: date(view.targetDate) },
        ...(view.evidenceExpected
          ? [{ title: 'Evidence expected', value: plain(clip(view.evidenceExpected, 2000)) }]
          : []),
        { title: 'Status', value: statusLabels[view.status] },
      ],
    },
  ];
  const latest = view.latest;
  if (latest) {
    body.push(
      {
        type: 'TextBlock',
        text: `Latest update: ${latest.progress}% done`,
        weight: 'Bolder',
        wrap: true,
        separator: true,
      },
      {
        type: 'TextBlock',
        text: `${plain(clip(latest.authorName, 200))}, ${dateTime(latest.at)}${latest.revisedDate ? `. Target date revised to ${date(latest.revisedDate)}` : ''}.`,
        isSubtle: true,
        size: 'Small',
        wrap: true,
        spacing: 'None',
      },
      { type: 'TextBlock', text: plain(clip(latest.narrative, 4000)), wrap: true },
    );
    // A link from a user opens from the card only as https; anything else is shown as inert text.
    const link = safeLink(latest.evidenceLink);
    if (link)
      body.push({
        type: 'ActionSet',
        actions: [{ type: 'Action.OpenUrl', title: 'Open the evidence', url: link }],
      });
    else if (latest.evidenceLink)
      body.push({
        type: 'TextBlock',
        text: `Evidence link (not opened from the card): ${plain(clip(latest.evidenceLink, 1000))}`,
        isSubtle: true,
        size: 'Small',
        wrap: true,
      });
  } else {
    body.push({
      type: 'TextBlock',
      text: 'No progress reported yet.',
      isSubtle: true,
      wrap: true,
      separator: true,
    });
  }
  if (view.notice)
    body.push(
      noticeBlock(
        view.notice,
        view.recorded ? 'done' : view.mode === 'update' ? 'problem' : 'info',
      ),
    );

  const card: CardJson = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    fallbackText: `Action on ${view.reference}: open it in Teams to update its progress.`,
    body,
    refresh: {
      action: {
        type: 'Action.Execute',
        title: 'Refresh',
        verb: REFRESH_ACTION_VERB,
        data: { actionId: view.actionId },
      },
      ...(options.refreshUserIds?.length ? { userIds: options.refreshUserIds.slice(0, 60) } : {}),
    },
  };

  if (view.mode === 'update') {
    const form = view.form ?? {};
    const progress = form.progress ?? (latest ? String(latest.progress) : undefined);
    body.push(
      {
        type: 'Input.Number',
        id: actionUpdateInputIds.progress,
        label: 'Progress (%)',
        min: 0,
        max: 100,
        isRequired: true,
        errorMessage: 'Give progress from 0 to 100.',
        ...(progress !== undefined && progress !== '' && Number.isFinite(Number(progress))
          ? { value: Number(progress) }
          : {}),
        separator: true,
        spacing: 'Medium',
      },
      {
        type: 'Input.Text',
        id: actionUpdateInputIds.narrative,
        label: 'What has happened',
        isMultiline: true,
        isRequired: true,
        maxLength: 4000,
        errorMessage: 'Say what has happened since the last update.',
        ...(form.narrative ? { value: form.narrative } : {}),
      },
      {
        type: 'Input.Text',
        id: actionUpdateInputIds.evidenceLink,
        label: 'Evidence link (optional)',
        style: 'Url',
        placeholder: 'https://',
        maxLength: 1000,
        ...(form.evidenceLink ? { value: form.evidenceLink } : {}),
      },
      {
        type: 'Input.Date',
        id: actionUpdateInputIds.revisedDate,
        label: 'Revised target date (optional)',
        ...(form.revisedDate ? { value: form.revisedDate } : {}),
      },
    );
    // `after`: the latest update this form was shown with, so a submit from a card that has since
    // been overtaken (an older copy clicked after a newer update) is caught, not silently recorded.
    const data = {
      actionId: view.actionId,
      submitKey: view.submitKey ?? '',
      after: latest?.at ?? '',
    };
    card.actions = [
      {
        type: 'Action.Execute',
        title: 'Submit update',
        verb: UPDATE_ACTION_VERB,
        style: 'positive',
        data,
        fallback: {
          type: 'Action.Submit',
          title: 'Submit update',
          data: { ...data, verb: UPDATE_ACTION_VERB },
        },
      },
    ];
  } else if (view.recorded) {
    card.actions = [
      {
        type: 'Action.Execute',
        title: 'Give another update',
        verb: REFRESH_ACTION_VERB,
        data: { actionId: view.actionId, again: true },
      },
    ];
  }
  return card;
}
