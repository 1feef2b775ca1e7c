import { lazy, Suspense, useCallback, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../api/ApiContext';
import type {
  Delivery,
  FindingItem,
  IssueResult,
  Me,
  PartnerItem,
  RecommendationItem,
} from '../../api/types';
import { describeProblem } from '../../api/errors';
import { useResource, type Resource } from '../../api/useResource';
import { isAuthError } from '../../auth/authProvider';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { errorStatus, StatusArea, type Status } from '../../components/StatusArea';
import { formatDate } from '../../format/dates';
import { humanise, priorityLabels, recommendationColumns as columns } from '../../forms/fields';
import { DeliveryStatus } from './DeliveryStatus';
import { deliverySummary } from './deliveryText';
import { LINKED_FINDINGS } from './recommendations/labels';
import { SchemeSetting } from './recommendations/SchemeSetting';
import { hasAnyRole, scrutineerOrBusinessUnit } from './roles';

// Opens on request, so it is fetched then rather than with the workbench.
const DraftEditForm = lazy(() =>
  import('./recommendations/DraftEditForm').then((m) => ({ default: m.DraftEditForm })),
);

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalL },
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
  // Plain text in an outline, not Fluent's Badge (which adds ~13 kB to the chunk).
  status: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  cards: { display: 'grid', gap: tokens.spacingVerticalXS, justifyItems: 'start' },
});

interface RecommendationsSectionProps {
  version: number;
  partners: readonly PartnerItem[];
  findings: readonly FindingItem[];
  me: Resource<Me>;
  canWrite: boolean;
}

export function RecommendationsSection({
  version,
  partners,
  findings,
  me,
  canWrite,
}: RecommendationsSectionProps) {
  const styles = useStyles();
  const api = useApi();
  const load = useCallback(() => api.getItems<RecommendationItem>('/api/recommendations'), [api]);
  const recommendations = useResource(load, version);
  // What the server answered on issue, kept locally so the list can be reloaded independently.
  const [issued, setIssued] = useState<
    Record<string, { item: RecommendationItem; deliveries?: Delivery[] }>
  >({});
  const [busyId, setBusyId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  // Which issued recommendations have their cards open (each open one reads its cards' status).
  const [cardsOpen, setCardsOpen] = useState<Record<string, boolean>>({});
  const seesCards = hasAnyRole(me, scrutineerOrBusinessUnit);
  const toggleCards = (id: string, open: boolean) => {
    setCardsOpen((all) => ({ ...all, [id]: open }));
    // What issuing answered is only the starting point: opened again, the cards are read afresh.
    if (!open)
      setIssued((all) => {
        const entry = all[id];
        return entry ? { ...all, [id]: { item: entry.item } } : all;
      });
  };

  const partnerNames = (ids: readonly string[] | null | undefined) =>
    (ids ?? []).flatMap((id) => partners.find((p) => p.id === id)?.name ?? []).join('; ');
  const findingTitles = (ids: readonly string[] | null | undefined) =>
    (ids ?? []).flatMap((id) => findings.find((f) => f.id === id)?.title ?? []).join('; ');

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
      // Open its cards at once: they update while the fan-out runs.
      setCardsOpen((open) => ({ ...open, [recommendation.id]: true }));
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

  const saved = (item: RecommendationItem) => {
    setEditingId(null);
    setStatus({ kind: 'success', text: `Draft ${item.reference} saved: ${item.title}` });
    recommendations.reload();
  };

  const items = (recommendations.data ?? []).map((r) => issued[r.id]?.item ?? r);

  return (
    <section
      aria-labelledby="recommendations-heading"
      id="recommendations"
      tabIndex={-1}
      className={styles.section}
    >
      <Heading level={2} id="recommendations-heading">
        Recommendations
      </Heading>
      <SchemeSetting me={me} canWrite={canWrite} version={version} />
      {/* One grid item, so the empty live regions add no gaps. */}
      <div>
        <StatusArea status={status} />
      </div>
      {recommendations.problem && (
        <ProblemText problem={recommendations.problem} onRetry={recommendations.reload} />
      )}
      {recommendations.loading && !recommendations.data && <p>Loading recommendations…</p>}
      {recommendations.data && items.length === 0 && <p>No recommendations yet.</p>}
      <ul className={styles.list}>
        {items.map((recommendation) => {
          const { reference } = recommendation;
          const deliveries = issued[recommendation.id]?.deliveries;
          const editing = editingId === recommendation.id;
          const draft = recommendation.status === 'draft';
          const showCards = cardsOpen[recommendation.id] === true;
          const cardsId = `cards-${recommendation.id}`;
          const named = partnerNames(recommendation.partnerIds);
          const linked = findingTitles(recommendation.findingIds);
          return (
            <li key={recommendation.id} className={styles.item}>
              <Heading level={3}>
                {reference}: {recommendation.title}
              </Heading>
              <span className={styles.status}>
                {columns.status.label}: {humanise(recommendation.status)}
              </span>
              <p className={styles.meta}>
                Priority: {priorityLabels[recommendation.priority]}. Response due{' '}
                {formatDate(recommendation.responseDueDate)}.
              </p>
              {named && (
                <p className={styles.meta}>
                  {columns.partnerIds.label}: {named}
                </p>
              )}
              {linked && (
                <p className={styles.meta}>
                  {LINKED_FINDINGS}: {linked}
                </p>
              )}
              {draft && canWrite && (
                <div className={styles.buttons}>
                  <Button
                    aria-expanded={editing}
                    onClick={() => {
                      setEditingId(editing ? null : recommendation.id);
                      setStatus(null);
                    }}
                  >
                    Edit {reference}
                  </Button>
                  <Button
                    appearance="primary"
                    disabledFocusable={busyId !== null || editing}
                    onClick={() => void issue(recommendation)}
                  >
                    Issue {reference}
                  </Button>
                </div>
              )}
              {editing && draft && (
                <>
                  <p className={styles.meta}>Save or cancel your changes before issuing.</p>
                  <Suspense fallback={<p>Loading the form…</p>}>
                    <DraftEditForm
                      item={recommendation}
                      partners={partners}
                      findings={findings}
                      onSaved={saved}
                      onConflict={recommendations.reload}
                      onCancel={() => setEditingId(null)}
                    />
                  </Suspense>
                </>
              )}
              {!draft && seesCards && (
                <div className={styles.cards}>
                  <Button
                    aria-expanded={showCards}
                    aria-controls={showCards ? cardsId : undefined}
                    onClick={() => toggleCards(recommendation.id, !showCards)}
                  >
                    Cards for {reference}
                  </Button>
                  {showCards && (
                    <div id={cardsId}>
                      <DeliveryStatus
                        recommendationId={recommendation.id}
                        reference={reference}
                        initial={deliveries}
                        canResend={canWrite}
                        canEmailLink={seesCards}
                      />
                    </div>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
