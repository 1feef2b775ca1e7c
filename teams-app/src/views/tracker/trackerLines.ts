import type { TrackerRow } from '../../api/types';
import { formatDate } from '../../format/dates';
import { channelLabels, decisionLabels, priorityLabels } from '../../forms/fields';

/** One table line per recommendation and named partner, already in words. */
export interface TrackerLine {
  key: string;
  reference: string;
  recommendation: string;
  priority: string;
  due: string;
  partner: string;
  response: string;
  rationale: string;
  responded: string;
}

export const AWAITING = 'Awaiting response';

export function trackerLines(rows: readonly TrackerRow[]): TrackerLine[] {
  return rows.flatMap(({ recommendation, partners }) => {
    const common = {
      reference: recommendation.reference,
      recommendation: recommendation.title,
      priority: priorityLabels[recommendation.priority],
      due: formatDate(recommendation.responseDueDate),
    };
    if (partners.length === 0) {
      return [
        {
          key: recommendation.id,
          ...common,
          partner: '–',
          response: '–',
          rationale: '',
          responded: '',
        },
      ];
    }
    return partners.map(({ partner, response }) => ({
      key: `${recommendation.id}:${partner.id}`,
      ...common,
      partner: partner.name,
      response: response ? decisionLabels[response.decision] : AWAITING,
      rationale: response?.rationale ?? '',
      responded: response
        ? `${formatDate(response.respondedAt)}, ${response.responderName} (${channelLabels[response.channel]})`
        : '',
    }));
  });
}
