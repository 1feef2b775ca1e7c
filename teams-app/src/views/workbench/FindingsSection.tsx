import { lazy, Suspense, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { FindingItem, PartnerItem, RecommendationItem } from '../../api/types';
import type { Resource } from '../../api/useResource';
import { ClassBadge } from '../../components/ClassBadge';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { StatusArea, type Status } from '../../components/StatusArea';
import { evidenceSourceLabels, lineOfEnquiryLabels } from '../../forms/fields';

const TriangulationTable = lazy(() => import('./findings/TriangulationTable'));
// Opens on request, so it is fetched then rather than with the workbench.
const RecommendationForm = lazy(() =>
  import('./RecommendationForm').then((m) => ({ default: m.RecommendationForm })),
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
  finding: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
  summary: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  meta: { margin: `${tokens.spacingVerticalXS} 0` },
});

interface FindingsSectionProps {
  findings: Resource<FindingItem[]>;
  partners: readonly PartnerItem[];
  /** Bumped when findings or their observations change, so the triangulation reloads. */
  version: number;
  onRecommendationSaved: () => void;
}

export function FindingsSection({
  findings,
  partners,
  version,
  onRecommendationSaved,
}: FindingsSectionProps) {
  const styles = useStyles();
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
    <section
      aria-labelledby="findings-heading"
      id="findings"
      tabIndex={-1}
      className={styles.section}
    >
      <Heading level={2} id="findings-heading">
        Findings
      </Heading>
      {/* One grid item, so the empty live regions add no gaps. */}
      <div>
        <StatusArea status={status} />
      </div>
      {findings.problem && <ProblemText problem={findings.problem} onRetry={findings.reload} />}
      {findings.loading && !findings.data && <p>Loading findings…</p>}
      {findings.data && items.length === 0 && <p>No findings yet.</p>}
      <ul className={styles.list}>
        {items.map((finding) => {
          const headingId = `finding-${finding.id}`;
          const open = openId === finding.id;
          const names = partnerNames(finding.partnerIds);
          const sources = (finding.sources ?? []).map((s) => evidenceSourceLabels[s]).join(', ');
          const observations = finding.observationIds?.length ?? 0;
          return (
            <li key={finding.id}>
              <article aria-labelledby={headingId} className={styles.finding}>
                <Heading level={3} id={headingId}>
                  {finding.title}
                </Heading>
                <ClassBadge value={finding.evidenceClass} />
                <p className={styles.summary}>{finding.summary}</p>
                {finding.lineOfEnquiry && (
                  <p className={styles.meta}>
                    Line of enquiry: {lineOfEnquiryLabels[finding.lineOfEnquiry]}
                  </p>
                )}
                {names && <p className={styles.meta}>Partners: {names}</p>}
                <p className={styles.meta}>
                  From {observations} observation{observations === 1 ? '' : 's'}
                  {sources ? `; sources: ${sources}` : ''}.
                </p>
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
                  <Suspense fallback={<p>Loading the form…</p>}>
                    <RecommendationForm
                      finding={finding}
                      findings={items}
                      partners={partners}
                      onSaved={saved}
                      onCancel={() => setOpenId(null)}
                    />
                  </Suspense>
                )}
              </article>
            </li>
          );
        })}
      </ul>
      <Suspense fallback={<p>Loading triangulation…</p>}>
        <TriangulationTable version={version} />
      </Suspense>
    </section>
  );
}
