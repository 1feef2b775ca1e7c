import { useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { usePartners } from '../../api/usePartners';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { FindingsSection } from './FindingsSection';
import { ObservationsInbox } from './ObservationsInbox';
import { RecommendationsSection } from './RecommendationsSection';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalXXL },
});

/** The scrutineer's personal tab: observations → findings → recommendations. */
export function Workbench() {
  const styles = useStyles();
  const partners = usePartners();
  // Bumped after a change so the section downstream reloads.
  const [findingsVersion, setFindingsVersion] = useState(0);
  const [recommendationsVersion, setRecommendationsVersion] = useState(0);
  const partnerList = partners.data ?? [];

  return (
    <div className={styles.root}>
      <Heading level={1}>Workbench</Heading>
      {partners.problem && <ProblemText problem={partners.problem} onRetry={partners.reload} />}
      <ObservationsInbox onFindingCreated={() => setFindingsVersion((v) => v + 1)} />
      <FindingsSection
        partners={partnerList}
        version={findingsVersion}
        onRecommendationSaved={() => setRecommendationsVersion((v) => v + 1)}
      />
      <RecommendationsSection version={recommendationsVersion} />
    </div>
  );
}
