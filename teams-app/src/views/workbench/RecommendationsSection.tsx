import { useCallback, useState } from 'react';
import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../api/ApiContext';
import { describeProblem } from '../../api/errors';
import type { Delivery, IssueResult, RecommendationItem } from '../../api/types';
import { useResource } from '../../api/useResource';
import { isAuthError } from '../../auth/authProvider';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { errorStatus, StatusArea, type Status } from '../../components/StatusArea';
import { formatDate } from '../../format/dates';
import { humanise, priorityLabels } from '../../forms/fields';
import { deliverySummary, deliveryText } from './deliveryText';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  item: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    justifyItems: 'start',
  },
  meta: { margin: 0 },
  deliveries: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function RecommendationsSection({ version }: { version: number }) {
  const styles = useStyles();
  const api = useApi();
  const load = useCallback(() => api.getItems<RecommendationItem>('/api/recommendations'), [api]);
  const recommendations = useResource(load, version);
  // What the server answered on issue, kept locally so the list can be reloaded independently.
  const [issued, setIssued] = useState<
    Record<string, { item: RecommendationItem; deliveries: Delivery[] }>
  >({});
  const [busyId, setBusyId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  const issue = async (recommendation: RecommendationItem) => {
    if (busyId) return;
    setBusyId(recommendation.id);
    setStatus({ kind: 'info', text: `Issuing ${recommendation.reference}…` });
    try {
      const result = await api.post<IssueResult>(
        `/api/recommendations/${encodeURIComponent(recommendation.id)}/issue`,
      );
      setIssued((all) => ({
        ...all,
        [recommendation.id]: { item: result.recommendation, deliveries: result.deliveries },
      }));
      setStatus({
        kind: 'success',
        text: deliverySummary(result.recommendation.reference, result.deliveries),
      });
    } catch (error) {
      setStatus(isAuthError(error) ? null : errorStatus(describeProblem(error)));
    } finally {
      setBusyId(null);
    }
  };

  const items = (recommendations.data ?? []).map((r) => issued[r.id]?.item ?? r);

  return (
    <section aria-labelledby="recommendations-heading">
      <Heading level={2} id="recommendations-heading">
        Recommendations
      </Heading>
      <StatusArea status={status} />
      {recommendations.problem && (
        <ProblemText problem={recommendations.problem} onRetry={recommendations.reload} />
      )}
      {recommendations.loading && !recommendations.data && <p>Loading recommendations…</p>}
      {recommendations.data && items.length === 0 && <p>No recommendations yet.</p>}
      <ul className={styles.list}>
        {items.map((recommendation) => {
          const deliveries = issued[recommendation.id]?.deliveries;
          return (
            <li key={recommendation.id} className={styles.item}>
              <Heading level={3}>
                {recommendation.reference}: {recommendation.title}
              </Heading>
              <Badge appearance="outline" shape="rounded">
                {humanise(recommendation.status)}
              </Badge>
              <p className={styles.meta}>
                Priority: {priorityLabels[recommendation.priority]}. Response due{' '}
                {formatDate(recommendation.responseDueDate)}.
              </p>
              {recommendation.status === 'draft' && (
                <Button
                  appearance="primary"
                  aria-label={`Issue ${recommendation.reference}`}
                  disabledFocusable={busyId !== null}
                  onClick={() => void issue(recommendation)}
                >
                  Issue
                </Button>
              )}
              {deliveries && deliveries.length > 0 && (
                <ul
                  className={styles.deliveries}
                  aria-label={`Cards for ${recommendation.reference}`}
                >
                  {deliveries.map((delivery) => (
                    <li key={delivery.personId}>{deliveryText(delivery)}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
