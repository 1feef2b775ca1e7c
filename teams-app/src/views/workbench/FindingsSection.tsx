import { useCallback, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../api/ApiContext';
import type { FindingItem, PartnerItem, RecommendationItem } from '../../api/types';
import { useResource } from '../../api/useResource';
import { ClassBadge } from '../../components/ClassBadge';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { StatusArea, type Status } from '../../components/StatusArea';
import { RecommendationForm } from './RecommendationForm';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  finding: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
  summary: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

interface FindingsSectionProps {
  partners: readonly PartnerItem[];
  version: number;
  onRecommendationSaved: () => void;
}

export function FindingsSection({
  partners,
  version,
  onRecommendationSaved,
}: FindingsSectionProps) {
  const styles = useStyles();
  const api = useApi();
  const load = useCallback(() => api.getItems<FindingItem>('/api/findings'), [api]);
  const findings = useResource(load, version);
  const [openId, setOpenId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const items = findings.data ?? [];

  const partnerNames = (ids: readonly string[] | null | undefined) =>
    (ids ?? [])
      .map((id) => partners.find((p) => p.id === id)?.name)
      .filter(Boolean)
      .join(', ');

  const saved = (recommendation: RecommendationItem) => {
    setOpenId(null);
    setStatus({
      kind: 'success',
      text: `Draft recommendation ${recommendation.reference} saved: ${recommendation.title}`,
    });
    onRecommendationSaved();
  };

  return (
    <section aria-labelledby="findings-heading">
      <Heading level={2} id="findings-heading">
        Findings
      </Heading>
      <StatusArea status={status} />
      {findings.problem && <ProblemText problem={findings.problem} onRetry={findings.reload} />}
      {findings.loading && !findings.data && <p>Loading findings…</p>}
      {findings.data && items.length === 0 && <p>No findings yet.</p>}
      <ul className={styles.list}>
        {items.map((finding) => {
          const headingId = `finding-${finding.id}`;
          const open = openId === finding.id;
          const names = partnerNames(finding.partnerIds);
          return (
            <li key={finding.id}>
              <article aria-labelledby={headingId} className={styles.finding}>
                <Heading level={3} id={headingId}>
                  {finding.title}
                </Heading>
                <ClassBadge value={finding.evidenceClass} />
                <p className={styles.summary}>{finding.summary}</p>
                {names && <p>Partners: {names}</p>}
                <Button
                  aria-expanded={open}
                  onClick={() => {
                    setOpenId(open ? null : finding.id);
                    setStatus(null);
                  }}
                >
                  Write recommendation
                </Button>
                {open && (
                  <RecommendationForm
                    finding={finding}
                    partners={partners}
                    onSaved={saved}
                    onCancel={() => setOpenId(null)}
                  />
                )}
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
